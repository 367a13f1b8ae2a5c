import { notFound } from '../../domain/errors.js';
import type { Executor } from '../../db/client.js';
import { catalogRepo, type VariantRow } from '../../db/repos/catalog-repo.js';
import { inventoryRepo, type MovementRow, type NewMovement } from '../../db/repos/inventory-repo.js';
import type { ServiceContext } from '../context.js';
import { decodeCursor, decodeTimeCursor, encodeCursor, timePage } from '../pagination.js';

/**
 * Stock on hand per variant (issue 13): exchanges ship replacements only from stock, so a shop
 * must be able to set it — over the API, or with the order import's `stock_on_hand` column. Every
 * change is an inventory movement `adjustment` with who made it, so the stock's history adds up.
 */

export interface StockActor {
  kind: 'staff' | 'api_key' | 'system';
  id: string | null;
}

export const variantView = (v: VariantRow) => ({
  id: v.id,
  productId: v.productId,
  sku: v.sku,
  title: v.title,
  attributes: v.attributes,
  priceMinor: v.priceMinor === null ? null : Number(v.priceMinor),
  currency: v.currency,
  returnFlags: { customMade: v.customMade, perishable: v.perishable, digital: v.digital, hygiene: v.hygiene, finalSale: v.finalSale },
  stockOnHand: v.stockOnHand,
  updatedAt: v.updatedAt.toISOString(),
});

export const movementView = (m: MovementRow) => ({
  id: m.id,
  quantity: m.quantity,
  reason: m.reason,
  stockAfter: m.stockAfter,
  source: m.source,
  note: m.note,
  caseId: m.caseId,
  returnItemId: m.returnItemId,
  actor: m.actorKind ? { kind: m.actorKind, id: m.actorId } : null,
  createdAt: m.createdAt.toISOString(),
});

/** Variants in SKU order; `sku` finds one SKU exactly (an empty list when the shop has none). */
export async function listVariants(ctx: ServiceContext, shopId: string, query: { sku?: string; cursor?: string; limit?: number }) {
  const limit = query.limit ?? 50;
  const after = query.cursor ? decodeCursor<{ s?: unknown }>(query.cursor).s : undefined;
  const rows = await inventoryRepo.listVariants(ctx.db, shopId, { sku: query.sku?.trim(), afterSku: typeof after === 'string' ? after : undefined }, limit + 1);
  const data = rows.slice(0, limit);
  return { data: data.map(variantView), nextCursor: rows.length > limit ? encodeCursor({ s: data.at(-1)!.sku }) : null };
}

function adjustment(v: VariantRow, stockOnHand: number, actor: StockActor, source: 'api' | 'import', note: string | null, now: Date): NewMovement {
  return {
    shopId: v.shopId,
    variantId: v.id,
    quantity: stockOnHand - v.stockOnHand,
    reason: 'adjustment',
    stockAfter: stockOnHand,
    source,
    note,
    actorKind: actor.kind,
    actorId: actor.id,
    createdAt: now,
  };
}

/** Sets a variant's stock on hand (a count); a change writes one `adjustment` movement, no change writes none. */
export async function setVariantStock(ctx: ServiceContext, shopId: string, variantId: string, input: { stockOnHand: number; note?: string }, actor: StockActor) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const variant = await inventoryRepo.variantForUpdate(tx, shopId, variantId);
    if (!variant) throw notFound('variant.not_found', 'No such variant');
    if (variant.stockOnHand === input.stockOnHand) return variantView(variant);
    await inventoryRepo.insertMovements(tx, [adjustment(variant, input.stockOnHand, actor, 'api', input.note?.trim() || null, now)]);
    return variantView(await inventoryRepo.setStock(tx, shopId, variantId, input.stockOnHand, now));
  });
}

/** The import's stock counts, by SKU; returns the SKUs the shop does not have. */
export async function setStockBySku(db: Executor, shopId: string, counts: Map<string, number>, actor: StockActor, now: Date): Promise<{ updated: number; unknownSkus: string[] }> {
  return db.transaction(async (tx) => {
    const found = await inventoryRepo.variantsBySkuForUpdate(tx, shopId, [...counts.keys()]);
    const changed = found.filter((v) => counts.get(v.sku) !== v.stockOnHand);
    await inventoryRepo.insertMovements(tx, changed.map((v) => adjustment(v, counts.get(v.sku)!, actor, 'import', null, now)));
    for (const v of changed) await inventoryRepo.setStock(tx, shopId, v.id, counts.get(v.sku)!, now);
    const known = new Set(found.map((v) => v.sku));
    return { updated: changed.length, unknownSkus: [...counts.keys()].filter((sku) => !known.has(sku)) };
  });
}

/** A variant's stock movements, newest first. */
export async function variantMovements(ctx: ServiceContext, shopId: string, variantId: string, query: { cursor?: string; limit?: number }) {
  const limit = query.limit ?? 50;
  const variant = await catalogRepo.variantById(ctx.db, shopId, variantId);
  if (!variant) throw notFound('variant.not_found', 'No such variant');
  const rows = await inventoryRepo.movements(ctx.db, shopId, variantId, decodeTimeCursor(query.cursor), limit + 1);
  const page = timePage(rows, limit);
  return { stockOnHand: variant.stockOnHand, data: page.data.map(movementView), nextCursor: page.nextCursor };
}
