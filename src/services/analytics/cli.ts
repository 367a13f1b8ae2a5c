import { shopsRepo } from '../../db/repos/shops-repo.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { trainModel, type TrainResult } from './predictions.js';
import { rebuildAnalytics } from './rebuild.js';
import { analyticsLookupsRepo } from '../../db/repos/analytics-rollups-repo.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)}%`);

/** What `retour analytics train` prints: the held-out evaluation and the model's coefficients. */
export function describeTraining(r: TrainResult, slug: string): string {
  const m = r.metrics;
  const lines = [
    `Shop ${slug}: model v${r.version} (${r.modelId}) trained on ${m.rows.train} lines, tested on ${m.rows.test} later lines`,
    `  time split: train ${m.split.trainFrom.slice(0, 10)} … ${m.split.splitAt.slice(0, 10)}, test ${m.split.splitAt.slice(0, 10)} … ${m.split.testTo.slice(0, 10)}`,
    `  read ${r.lines} lines in ${(r.loadMs / 1000).toFixed(1)} s; fitted in ${(r.trainingMs / 1000).toFixed(1)} s (${m.iterations} Newton steps${m.converged ? '' : ', not converged'})`,
    `  held-out AUC ${m.auc?.toFixed(4) ?? '—'} (the SKU's return rate alone: ${m.baselineSkuRateAuc?.toFixed(4) ?? '—'}); log loss ${m.logLoss.toFixed(4)}; Brier ${m.brier.toFixed(4)}`,
    `  lines with a return: ${pct(m.baseRate.train)} in training, ${pct(m.baseRate.test)} in the test; mean prediction on the test ${pct(m.meanPredicted)}; calibration error ${pct(m.calibrationError)}`,
    '  reliability (test lines in tenths by predicted probability):',
    '    rows      predicted   observed   range',
    ...m.calibration.map((b) => `    ${String(b.rows).padEnd(9)} ${pct(b.meanPredicted).padStart(9)}  ${pct(b.observedRate).padStart(9)}   ${b.from.toFixed(4)}–${b.to.toFixed(4)}`),
    '  coefficients (per standard deviation of the feature, log-odds):',
    ...[...r.model.features].sort((a, b) => Math.abs(b.coefficient) - Math.abs(a.coefficient)).map((f) => `    ${f.coefficient >= 0 ? '+' : ''}${f.coefficient.toFixed(4)}  ${f.name}${f.std === 0 ? ' (constant in the data)' : ''}`),
    `    ${r.model.intercept.toFixed(4)}  (intercept)`,
    `  ${r.skus} SKUs ranked by predicted return rate`,
  ];
  return lines.join('\n');
}

async function shopsFor(ctx: ServiceContext, slug: string | undefined) {
  if (slug) {
    const shop = await shopsRepo.findBySlug(ctx.db, slug);
    if (!shop) throw notFound('shop.not_found', `No shop "${slug}"`);
    return [shop];
  }
  return analyticsLookupsRepo.shops(ctx.db);
}

/** `retour analytics train|rebuild [--shop SLUG]`. */
export async function analyticsCommand(ctx: ServiceContext, positionals: string[], slug: string | undefined, say: (msg: string) => void) {
  const [what] = positionals;
  if (what !== 'train' && what !== 'rebuild') throw invalid('cli.usage', 'analytics train [--shop SLUG] | analytics rebuild [--shop SLUG]');
  for (const shop of await shopsFor(ctx, slug)) {
    if (what === 'rebuild') {
      const { ms } = await rebuildAnalytics(ctx, shop.id);
      say(`Shop ${shop.slug}: analytics rebuilt in ${(ms / 1000).toFixed(1)} s`);
      continue;
    }
    try {
      say(describeTraining(await trainModel(ctx, shop.id), shop.slug));
    } catch (err) {
      if (err instanceof AppError && err.code === 'analytics.not_enough_data' && !slug) {
        say(`Shop ${shop.slug}: not trained (${err.message})`);
        continue;
      }
      throw err;
    }
  }
}
