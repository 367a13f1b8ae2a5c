import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, shopId, updatedAt } from './columns.js';
import { shops } from './shops.js';

export const customers = pgTable(
  'customers',
  {
    shopId: shopId().references(() => shops.id),
    id: id(),
    /** `<channel>:<id on that channel>`, e.g. `taobao:tb_8812` or `online-retail:17850`. */
    externalRef: text('external_ref'),
    /** Lower-cased. */
    email: text('email'),
    /** Digits with an optional leading +, spaces and dashes removed. */
    phone: text('phone'),
    name: text('name'),
    locale: text('locale'),
    country: text('country'),
    /** Membership level the policy can give longer windows to (e.g. vip, 88vip). */
    tier: text('tier'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('customers_external_ref_key').on(t.shopId, t.externalRef).where(sql`${t.externalRef} is not null`),
    index('customers_email_idx').on(t.shopId, t.email).where(sql`${t.email} is not null`),
    index('customers_phone_idx').on(t.shopId, t.phone).where(sql`${t.phone} is not null`),
  ],
);
