import { sql } from 'drizzle-orm';
import { boolean, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, shopId, updatedAt } from './columns.js';
import { shops } from './shops.js';

/** Where returned goods go (退货地址): a shop's address book, exactly one of them the default. */
export const returnAddresses = pgTable(
  'return_addresses',
  {
    shopId: shopId().references(() => shops.id),
    id: id(),
    /** The recipient (收件人): a person or a department. */
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    /** The full address in Chinese, as a Chinese courier writes it (省市区 + street). */
    addressZh: text('address_zh'),
    /** The same address in Latin letters, for foreign buyers and carriers. */
    addressLatin: text('address_latin'),
    postalCode: text('postal_code'),
    /** The warehouse this address belongs to, when the shop has several. */
    warehouse: text('warehouse'),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    // At most one default per shop; the service keeps exactly one while the book is not empty.
    uniqueIndex('return_addresses_default_key').on(t.shopId).where(sql`${t.isDefault}`),
  ],
);

/** What a case keeps of the address it was approved with: later edits of the book do not change it. */
export interface ReturnAddressSnapshot {
  id: string;
  name: string;
  phone: string;
  addressZh: string | null;
  addressLatin: string | null;
  postalCode: string | null;
  warehouse: string | null;
}
