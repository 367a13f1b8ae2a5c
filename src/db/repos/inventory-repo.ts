import { and, asc, desc, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import { anyOf } from '../bulk.js';
import type { Executor } from '../client.js';
import { inventoryMovements, variants } from '../schema/index.js';
import type { VariantRow } from './catalog-repo.js';

export type MovementRow = typeof inventoryMovements.$inferSelect;
export type NewMovement = typeof inventoryMovements.$inferInsert;

/** Variants and their stock movements (the catalogue's stock side). */
export const inventoryRepo = {
  /** Variants by SKU order, after `afterSku`; `sku` narrows to that one SKU. */
  async listVariants(db: Executor, shopId: string, filter: { sku?: string; afterSku?: string }, limit: number): Promise<VariantRow[]> {
    const c: SQL[] = [eq(variants.shopId, shopId)];
    if (filter.sku !== undefined) c.push(eq(variants.sku, filter.sku));
    if (filter.afterSku !== undefined) c.push(gt(variants.sku, filter.afterSku));
    return db.select().from(variants).where(and(...c)).orderBy(asc(variants.sku)).limit(limit);
  },

  /** The variant, locked for the transaction: adjustments of one SKU happen one after another. */
  async variantForUpdate(db: Executor, shopId: string, id: string): Promise<VariantRow | undefined> {
    return (await db.select().from(variants).where(and(eq(variants.shopId, shopId), eq(variants.id, id))).for('update').limit(1))[0];
  },

  async variantsBySkuForUpdate(db: Executor, shopId: string, skus: string[]): Promise<VariantRow[]> {
    if (skus.length === 0) return [];
    return db
      .select()
      .from(variants)
      .where(and(eq(variants.shopId, shopId), anyOf(variants.sku, skus, 'text')))
      .orderBy(asc(variants.id))
      .for('update');
  },

  async setStock(db: Executor, shopId: string, id: string, stockOnHand: number, now: Date): Promise<VariantRow> {
    return (
      await db
        .update(variants)
        .set({ stockOnHand, updatedAt: now })
        .where(and(eq(variants.shopId, shopId), eq(variants.id, id)))
        .returning()
    )[0]!;
  },

  async insertMovements(db: Executor, rows: NewMovement[]): Promise<void> {
    if (rows.length > 0) await db.insert(inventoryMovements).values(rows);
  },

  /** Newest first, keyset-paginated on (created_at, id). */
  async movements(db: Executor, shopId: string, variantId: string, cursor: { createdAt: Date; id: string } | undefined, limit: number): Promise<MovementRow[]> {
    const c: (SQL | undefined)[] = [eq(inventoryMovements.shopId, shopId), eq(inventoryMovements.variantId, variantId)];
    if (cursor) {
      c.push(or(lt(inventoryMovements.createdAt, cursor.createdAt), and(eq(inventoryMovements.createdAt, cursor.createdAt), lt(inventoryMovements.id, cursor.id))));
    }
    return db
      .select()
      .from(inventoryMovements)
      .where(and(...c))
      .orderBy(desc(inventoryMovements.createdAt), desc(inventoryMovements.id))
      .limit(limit);
  },
};
