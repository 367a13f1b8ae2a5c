import { index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ListKind, ListName } from '../../domain/risk/normalise.js';
import { createdAt, id, shopId, updatedAt } from './columns.js';
import { shops } from './shops.js';

/**
 * Blocklist and allowlist entries (issue 19.5): a customer, an e-mail, a phone or an address, in
 * its normal form. `value` is what staff see (E.164 for a phone); `match_key` is what requests are
 * compared on (the stored form of contacts, or the address key).
 */
export const buyerListEntries = pgTable(
  'buyer_list_entries',
  {
    shopId: shopId().references(() => shops.id),
    id: id(),
    list: text('list').$type<ListName>().notNull(),
    kind: text('kind').$type<ListKind>().notNull(),
    value: text('value').notNull(),
    matchKey: text('match_key').notNull(),
    reason: text('reason'),
    createdById: uuid('created_by_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), uniqueIndex('buyer_list_entries_key').on(t.shopId, t.list, t.kind, t.matchKey), index('buyer_list_entries_match_idx').on(t.shopId, t.kind, t.matchKey)],
);

/** Staff notes on a buyer (issue 19.4): internal, never shown to the buyer. */
export const customerNotes = pgTable(
  'customer_notes',
  {
    shopId: shopId().references(() => shops.id),
    id: id(),
    customerId: uuid('customer_id').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id'),
    authorName: text('author_name'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('customer_notes_customer_idx').on(t.shopId, t.customerId, t.createdAt)],
);
