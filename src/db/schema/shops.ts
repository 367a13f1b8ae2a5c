import { jsonb, pgTable, text, uuid, uniqueIndex } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { createdAt, updatedAt } from './columns.js';

export const shops = pgTable(
  'shops',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** Default currency of the shop; orders may only use the currencies in `currencies`. */
    currency: text('currency').notNull(),
    currencies: text('currencies').array().notNull(),
    timezone: text('timezone').notNull().default('Asia/Shanghai'),
    defaultLocale: text('default_locale').notNull().default('zh-CN'),
    locales: text('locales').array().notNull(),
    logoUrl: text('logo_url'),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('shops_slug_key').on(t.slug)],
);
