import type { Tx } from '../../db/client.js';
import {
  cohortFamily,
  compensationFamily,
  completionFamily,
  deadlineFamily,
  decisionFamily,
  firstRefundFamily,
  orderFamily,
  refundFamily,
  requestFamily,
  sources,
  type Family,
  type Scope,
} from '../../db/repos/analytics-families.js';
import { analyticsLookupsRepo as lookups, analyticsRollupsRepo as repo, type OrderState } from '../../db/repos/analytics-rollups-repo.js';
import type { ShopRow } from '../../db/repos/shops-repo.js';
import type { ServiceContext } from '../context.js';
import { foldFacts } from './fold.js';

/**
 * Keeps the analytics cube current in the transactions that change orders, and in bulk writes
 * (docs/analytics.md). Each hook adds exactly what the change adds to the cube — the same SQL a
 * rebuild runs over all rows — as deltas, which the worker folds into the rollups. Case and
 * refund writes append facts instead (facts.ts), folded later (fold.ts).
 */

const deferred = new WeakSet<ShopRow>();

/**
 * A copy of the shop row whose bulk order writes leave the cube alone: an import that writes many
 * orders passes it to its batches and then counts them all at once with `catchUpOrders` (one
 * set-based pass instead of one per batch). Other writers hold other rows and are counted as usual.
 */
export function withDeferredRollups(shop: ShopRow): ShopRow {
  const copy = { ...shop };
  deferred.add(copy);
  return copy;
}

/**
 * Records the shop's analytics settings before a deferred import writes its orders: otherwise
 * the first analytics write (`catchUpOrders`) would find orders it has not seen and mark the
 * shop for a needless rebuild. A shop that already had uncounted orders is still marked.
 */
export async function trackShop(ctx: ServiceContext, shopId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await begin(tx, shopId);
  });
}

async function begin(tx: Tx, shopId: string, writing: readonly string[] = []) {
  await repo.lockShared(tx, shopId);
  return repo.track(tx, shopId, writing);
}

/** New orders written in bulk (imports, seeding): their state, and their lines as sold, straight into the rollups. */
export async function recordOrdersInserted(tx: Tx, shop: ShopRow, orderIds: readonly string[]): Promise<void> {
  if (orderIds.length === 0 || deferred.has(shop)) return;
  const s = await begin(tx, shop.id, orderIds);
  await repo.writeOrderStates(tx, s, sources.orders(orderIds));
  await repo.apply(tx, s, orderFamily(s, sources.orderStates(orderIds), 1), 'direct');
}

const sameState = (a: OrderState, b: OrderState) =>
  a.sold === b.sold && a.counts_value === b.counts_value && a.channel === b.channel && a.customer_id === b.customer_id && a.placed_day === b.placed_day && a.paid_day === b.paid_day;

/**
 * An order created or updated one at a time. An update that changes what analytics counts (paid,
 * cancelled, the buyer) takes back what the order counted before and counts it again, with the
 * returns of its cases, which only count on sold lines. Their pending facts are folded first, so
 * the cube holds each case as it is now: the caller holds the order's row locked (FOR UPDATE)
 * since before this, and case writes that append facts take it FOR SHARE, so none commits
 * between this fold and the re-count.
 */
export async function recordOrderWrite(tx: Tx, shop: ShopRow, orderId: string): Promise<void> {
  const s = await begin(tx, shop.id, [orderId]);
  const { old, fresh } = await repo.orderStateChange(tx, s, orderId);
  if (!fresh || (old && sameState(old, fresh))) return;
  await foldFacts(tx, s, { orderIds: [orderId] });
  const order = sources.orderStates([orderId]);
  // The returns of its cases count only while the order counts as sold (the family reads the state).
  const cases = sources.casesOfOrders([orderId]);
  if (old) await repo.apply(tx, s, [...orderFamily(s, order, -1), cohortFamily(s, cases, -1, 'current')], 'delta');
  await repo.writeOrderStates(tx, s, sources.orders([orderId]));
  await repo.apply(tx, s, [...orderFamily(s, order, 1), cohortFamily(s, cases, 1, 'current')], 'delta');
}

/** Every family a set of cases contributes (an import writing finished cases, or a rebuild with `null`: all cases). */
export function caseFamilies(s: Scope, caseIds: readonly string[] | null): Family[] {
  const cases = caseIds === null ? sources.all : sources.cases(caseIds);
  return [
    requestFamily(s, sources.casesNotCancelled(caseIds), 1),
    cohortFamily(s, cases, 1, 'current'),
    completionFamily(s, cases, 1),
    deadlineFamily(s, cases, 1),
    decisionFamily(s, caseIds === null ? sources.all : sources.eventsOfCases(caseIds), 1),
    ...refundFamily(s, caseIds === null ? sources.all : sources.refundsOfCases(caseIds), 1),
    ...firstRefundFamily(s, cases, 1),
    compensationFamily(s, caseIds === null ? sources.all : sources.compensationsOfCases(caseIds), 1),
  ];
}

/** Cases written whole by an import (already completed, refunds settled): everything they add, straight into the rollups. */
export async function recordImportedCases(tx: Tx, shopId: string, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const s = await begin(tx, shopId);
  await repo.apply(tx, s, caseFamilies(s, caseIds), 'direct');
}

/**
 * Counts the shop's orders analytics has not seen yet (after an import with deferred rollups),
 * set-based, with the returns of any cases they already have.
 */
export async function catchUpOrders(ctx: ServiceContext, shopId: string): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    await repo.lockShared(tx, shopId);
    const s = await repo.track(tx, shopId);
    const orderIds = await lookups.untrackedOrderIds(tx, shopId);
    if (orderIds.length === 0) return 0;
    // The cases of these orders are counted as they are now: their pending facts first.
    await foldFacts(tx, s);
    await repo.writeOrderStates(tx, s, sources.orders(orderIds));
    await repo.apply(tx, s, [...orderFamily(s, sources.orderStates(orderIds), 1), cohortFamily(s, sources.casesOfOrders(orderIds), 1, 'current')], 'direct');
    return orderIds.length;
  });
}
