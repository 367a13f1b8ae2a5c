import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, minor, shopId, updatedAt } from './columns.js';
import { shops } from './shops.js';

export const products = pgTable(
  'products',
  {
    shopId: shopId().references(() => shops.id),
    id: id(),
    externalRef: text('external_ref'),
    title: text('title').notNull(),
    category: text('category'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('products_external_ref_key').on(t.shopId, t.externalRef).where(sql`${t.externalRef} is not null`),
  ],
);

/**
 * A sellable SKU. The return flags (docs/policy.md, exclusions) feed the policy's exclusions: custom-made and
 * perishable goods are never returnable without reason; digital goods once opened and hygiene
 * goods once unsealed; final-sale goods by the seller's declaration.
 */
export const variants = pgTable(
  'variants',
  {
    shopId: shopId(),
    id: id(),
    productId: uuid('product_id').notNull(),
    sku: text('sku').notNull(),
    title: text('title').notNull(),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    priceMinor: minor('price_minor'),
    currency: text('currency'),
    customMade: boolean('custom_made').notNull().default(false),
    perishable: boolean('perishable').notNull().default(false),
    digital: boolean('digital').notNull().default(false),
    hygiene: boolean('hygiene').notNull().default(false),
    finalSale: boolean('final_sale').notNull().default(false),
    stockOnHand: integer('stock_on_hand').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('variants_sku_key').on(t.shopId, t.sku),
    index('variants_product_idx').on(t.shopId, t.productId),
    foreignKey({ columns: [t.shopId, t.productId], foreignColumns: [products.shopId, products.id] }),
  ],
);
