import { orderFamily, sources } from '../../db/repos/analytics-families.js';
import { analyticsFactsRepo } from '../../db/repos/analytics-facts-repo.js';
import { analyticsRollupsRepo as repo } from '../../db/repos/analytics-rollups-repo.js';
import { shopsRepo } from '../../db/repos/shops-repo.js';
import { notFound } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { caseFamilies } from './rollups.js';

export const ANALYTICS_TABLES = [
  'analytics_rollups',
  'analytics_deltas',
  'analytics_refund_times',
  'analytics_customer_months',
  'analytics_customer_totals',
  'analytics_order_state',
] as const;

/**
 * `retour analytics rebuild`: recomputes the shop's cube, per-buyer tables and order states from
 * the raw orders, cases, events and refunds — with the very SQL the hooks run — in one
 * transaction that holds the shop's analytics lock (order writes and folds of the shop wait for it). Also run by
 * the worker when the shop's time zone or currency changed.
 */
export async function rebuildAnalytics(ctx: ServiceContext, shopId: string): Promise<{ ms: number }> {
  if (!(await shopsRepo.findById(ctx.db, shopId))) throw notFound('shop.not_found', 'No such shop');
  const started = performance.now();
  await ctx.db.transaction(async (tx) => {
    await repo.lockExclusive(tx, shopId);
    await repo.clear(tx, shopId);
    await repo.resetShop(tx, shopId, ctx.clock.now());
    const s = await repo.track(tx, shopId);
    await repo.writeOrderStates(tx, s, sources.all);
    // Every family in one statement, so each key is written once, by a plain insert. Case writes
    // do not wait for the lock: their pending facts are dropped in this statement, which reads the
    // raw rows in the same snapshot — a fact committed before it is counted here, one after is
    // folded later.
    await repo.apply(tx, s, [...orderFamily(s, sources.all, 1), ...caseFamilies(s, null)], 'fresh', analyticsFactsRepo.discardCte(shopId));
  });
  await repo.analyze(ctx.db, ANALYTICS_TABLES);
  return { ms: performance.now() - started };
}
