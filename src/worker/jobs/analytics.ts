import { analyticsRollupsRepo as repo } from '../../db/repos/analytics-rollups-repo.js';
import type { ServiceContext } from '../../services/context.js';
import { evaluateQualityRefundAlerts, type AlertOutcome } from '../../services/analytics/alerts.js';
import { foldAllFacts } from '../../services/analytics/fold.js';
import { rebuildAnalytics } from '../../services/analytics/rebuild.js';

/**
 * Folds every shop's pending facts into deltas, then the deltas into the rollups (readers add
 * unfolded deltas anyway: this keeps them few). Returns how many delta rows it folded.
 */
export async function compactAnalytics(ctx: ServiceContext): Promise<number> {
  await foldAllFacts(ctx);
  let folded = 0;
  for (const shopId of await repo.shopsWithDeltas(ctx.db)) {
    folded += await ctx.db.transaction(async (tx) => {
      await repo.lockShared(tx, shopId);
      return repo.compact(tx, shopId);
    });
  }
  return folded;
}

/** Rebuilds the cube of shops marked for it (data from before analytics, or a changed time zone or currency). */
export async function rebuildStaleAnalytics(ctx: ServiceContext): Promise<string[]> {
  const shops = await repo.shopsToRebuild(ctx.db);
  for (const shopId of shops) await rebuildAnalytics(ctx, shopId);
  return shops;
}

/**
 * The analytics worker job (every ~30 s): rebuild what must be rebuilt, fold facts and deltas, then check
 * the quality refund rate of every shop and alert on escalations. Each step is safe to run in
 * several workers at once.
 */
export async function runAnalyticsJobs(ctx: ServiceContext): Promise<{ rebuilt: string[]; folded: number; alerts: AlertOutcome[] }> {
  const rebuilt = await rebuildStaleAnalytics(ctx);
  const folded = await compactAnalytics(ctx);
  const alerts = await evaluateQualityRefundAlerts(ctx);
  return { rebuilt, folded, alerts };
}
