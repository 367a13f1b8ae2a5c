import { and, eq, inArray, sql } from 'drizzle-orm';
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
    const productRows = await tx
      .insert(products)
      .values(
        [...productRefs].map(([ref, s]) => ({
          shopId,
          externalRef: ref,
          title: s.productTitle ?? s.title,
          category: s.category ?? null,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [products.shopId, products.externalRef],
        targetWhere: sql`${products.externalRef} is not null`,
        set: { category: sql`coalesce(${products.category}, excluded.category)` },
      })
      .returning({ id: products.id, externalRef: products.externalRef });
    const productIdByRef = new Map(productRows.map((p) => [p.externalRef!, p.id]));

    await tx
      .insert(variants)
      .values(
        missing.map((s) => ({
          shopId,
          productId: productIdByRef.get(s.productRef ?? `sku:${s.sku}`)!,
          sku: s.sku,
          title: s.title,
          attributes: s.attributes ?? {},
          priceMinor: s.priceMinor ?? null,
          currency: s.currency ?? null,
          customMade: s.customMade ?? false,
          perishable: s.perishable ?? false,
          digital: s.digital ?? false,
          hygiene: s.hygiene ?? false,
          finalSale: s.finalSale ?? false,
          stockOnHand: s.stockOnHand ?? 0,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing({ target: [variants.shopId, variants.sku] });
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
      .where(and(eq(variants.shopId, shopId), inArray(variants.sku, skus)));
    return new Map(rows.map((r) => [r.sku, r.id]));
  },
};
