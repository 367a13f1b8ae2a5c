import { foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, shopId } from './columns.js';
import { customers } from './customers.js';
import { shops } from './shops.js';

/**
 * One return across several orders (issue 19 point 9): one parcel, one label and one code the
 * warehouse scans, grouping one case per order (each order's refund math stays its own). The
 * cases point here with `return_cases.group_id`.
 */
export const returnGroups = pgTable(
  'return_groups',
  {
    shopId: shopId().references(() => shops.id),
    id: id(),
    /** What the label and the warehouse show: `G` + the RMA number of the group's first case. */
    code: text('code').notNull(),
    customerId: uuid('customer_id'),
    caseCount: integer('case_count').notNull(),
    createdByKind: text('created_by_kind').$type<'buyer' | 'staff' | 'system' | 'platform'>().notNull(),
    createdById: uuid('created_by_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('return_groups_code_key').on(t.shopId, t.code),
    index('return_groups_customer_idx').on(t.shopId, t.customerId),
    foreignKey({ columns: [t.shopId, t.customerId], foreignColumns: [customers.shopId, customers.id] }),
  ],
);
