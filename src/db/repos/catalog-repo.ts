import { and, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { anyOf, bulkInsert } from '../bulk.js';
import type { Executor } from '../client.js';
import { products, variants } from '../schema/index.js';

export type VariantRow = typeof variants.$inferSelect;
export type ProductRow = typeof products.$inferSelect;

export interface ReturnFlags {
  customMade?: boolean;
  perishable?: boolean;
  digital?: boolean;
  hygiene?: boolean;
  finalSale?: boolean;
}

/** What an order line says about its SKU; enough to create the variant when the shop lacks it. */
export interface VariantSpec extends ReturnFlags {
  sku: string;
  title: string;
  productRef?: string;
  productTitle?: string;
  category?: string | null;
  attributes?: Record<string, string>;
  priceMinor?: number | null;
  currency?: string | null;
  stockOnHand?: number;
}

export const catalogRepo = {
  /**
   * Variant ids by SKU, creating the products and variants the shop does not have yet.
   * Existing variants are left as they are: the catalogue, not an order, is their source.
   */
  async ensureVariants(tx: Executor, shopId: string, specs: readonly VariantSpec[], now: Date): Promise<Map<string, string>> {
    const bySku = new Map<string, VariantSpec>();
    for (const s of specs) if (!bySku.has(s.sku)) bySku.set(s.sku, s);
    const ids = await this.variantIdsBySku(tx, shopId, [...bySku.keys()]);
    const missing = [...bySku.values()].filter((s) => !ids.has(s.sku));
    if (missing.length === 0) return ids;

    const productRefs = new Map<string, VariantSpec>();
    for (const s of missing) {
      const ref = s.productRef ?? `sku:${s.sku}`;
      if (!productRefs.has(ref)) productRefs.set(ref, s);
    }
    const productRows = await bulkInsert<{ id: string; external_ref: string }>(
      tx,
      'products',
      [['shop_id', 'uuid'], ['id', 'uuid'], ['external_ref', 'text'], ['title', 'text'], ['category', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
      [...productRefs].map(([ref, s]) => [shopId, uuidv7(), ref, s.productTitle ?? s.title, s.category ?? null, now, now]),
      sql`on conflict (shop_id, external_ref) where external_ref is not null do update set category = coalesce(products.category, excluded.category) returning id, external_ref`,
    );
    const productIdByRef = new Map(productRows.map((p) => [p.external_ref, p.id]));

    await bulkInsert(
      tx,
      'variants',
      [
        ['shop_id', 'uuid'], ['id', 'uuid'], ['product_id', 'uuid'], ['sku', 'text'], ['title', 'text'], ['attributes', 'jsonb'],
        ['price_minor', 'int8'], ['currency', 'text'], ['custom_made', 'bool'], ['perishable', 'bool'], ['digital', 'bool'],
        ['hygiene', 'bool'], ['final_sale', 'bool'], ['stock_on_hand', 'int4'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
      ],
      missing.map((s) => [
        shopId, uuidv7(), productIdByRef.get(s.productRef ?? `sku:${s.sku}`)!, s.sku, s.title, s.attributes ?? {},
        s.priceMinor ?? null, s.currency ?? null, s.customMade ?? false, s.perishable ?? false, s.digital ?? false,
        s.hygiene ?? false, s.finalSale ?? false, s.stockOnHand ?? 0, now, now,
      ]),
      sql`on conflict (shop_id, sku) do nothing`,
    );
    // A concurrent order may have created some of them first: read them all back.
    const created = await this.variantIdsBySku(tx, shopId, missing.map((s) => s.sku));
    for (const [sku, id] of created) ids.set(sku, id);
    return ids;
  },

  async variantsBySku(db: Executor, shopId: string, skus: string[]): Promise<Map<string, VariantRow>> {
    if (skus.length === 0) return new Map();
    const rows = await db.select().from(variants).where(and(eq(variants.shopId, shopId), inArray(variants.sku, skus)));
    return new Map(rows.map((r) => [r.sku, r]));
  },

  async variantById(db: Executor, shopId: string, id: string): Promise<VariantRow | undefined> {
    return (await db.select().from(variants).where(and(eq(variants.shopId, shopId), eq(variants.id, id))).limit(1))[0];
  },

  /** Adds (or removes) stock; returns the new stock on hand. */
  async adjustStock(db: Executor, shopId: string, variantId: string, delta: number): Promise<number> {
    const [row] = await db
      .update(variants)
      .set({ stockOnHand: sql`${variants.stockOnHand} + ${delta}`, updatedAt: new Date() })
      .where(and(eq(variants.shopId, shopId), eq(variants.id, variantId)))
      .returning({ stock: variants.stockOnHand });
    return row?.stock ?? 0;
  },

  async variantIdsBySku(db: Executor, shopId: string, skus: string[]): Promise<Map<string, string>> {
    if (skus.length === 0) return new Map();
    const rows = await db
      .select({ id: variants.id, sku: variants.sku })
      .from(variants)
      .where(and(eq(variants.shopId, shopId), anyOf(variants.sku, skus, 'text')));
    return new Map(rows.map((r) => [r.sku, r.id]));
  },
};
