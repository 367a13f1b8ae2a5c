import { uuidv7 } from 'uuidv7';
import { DEFINITIONS } from '../../domain/analytics/definitions.js';
import { featureLabel } from '../../domain/analytics/model/features.js';
import { NotEnoughData, scoreLine, trainReturnRisk, type ReturnRiskMetrics, type ReturnRiskModel } from '../../domain/analytics/model/return-risk.js';
import { notFound, unprocessable } from '../../domain/errors.js';
import { analyticsModelsRepo as repo, type StoredModel } from '../../db/repos/analytics-models-repo.js';
import { analyticsQueryRepo } from '../../db/repos/analytics-query-repo.js';
import { shopsRepo } from '../../db/repos/shops-repo.js';
import { reportReader, type ServiceContext } from '../context.js';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { foldPendingFacts } from './fold.js';

export interface TrainResult {
  shopId: string;
  modelId: string;
  version: number;
  lines: number;
  loadMs: number;
  trainingMs: number;
  metrics: ReturnRiskMetrics;
  model: ReturnRiskModel;
  skus: number;
}

/** Lines read at most (the most recent ones): enough history, bounded memory. */
export const MAX_TRAINING_LINES = 1_500_000;

/**
 * `retour analytics train`: reads the shop's sold order lines, fits the return-risk model on the
 * earlier 80 % (by time), evaluates it on the later 20 %, and stores it as the next version with
 * each SKU's predicted return rate.
 */
export async function trainModel(ctx: ServiceContext, shopId: string, options: { maxLines?: number; lambda?: number } = {}): Promise<TrainResult> {
  const shop = await shopsRepo.findById(ctx.db, shopId);
  if (!shop) throw notFound('shop.not_found', 'No such shop');
  const t0 = performance.now();
  const lines = await repo.trainingLines(ctx.db, shopId, options.maxLines ?? MAX_TRAINING_LINES);
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  let trained: ReturnType<typeof trainReturnRisk>;
  try {
    trained = trainReturnRisk(lines, { lambda: options.lambda });
  } catch (err) {
    if (err instanceof NotEnoughData) throw unprocessable('analytics.not_enough_data', err.message, { lines: lines.length });
    throw err;
  }
  const trainingMs = performance.now() - t1;
  const id = uuidv7();
  const placed = lines.map((l) => l.placedAt);
  const version = await ctx.db.transaction((tx) =>
    repo.insert(
      tx,
      {
        shopId,
        id,
        model: trained.model,
        metrics: trained.metrics,
        dataFrom: new Date(placed.reduce((a, b) => Math.min(a, b), Infinity)),
        dataTo: new Date(placed.reduce((a, b) => Math.max(a, b), -Infinity)),
        splitAt: new Date(trained.metrics.split.splitAt),
        trainingMs: Math.round(trainingMs),
        createdAt: ctx.clock.now(),
      },
      trained.skus,
    ),
  );
  return { shopId, modelId: id, version, lines: lines.length, loadMs, trainingMs, metrics: trained.metrics, model: trained.model, skus: trained.skus.length };
}

function modelSummary(m: StoredModel) {
  const model = m.model as unknown as ReturnRiskModel;
  const metrics = m.metrics as unknown as ReturnRiskMetrics;
  return {
    id: m.id,
    version: m.version,
    trainedAt: new Date(m.created_at).toISOString(),
    algorithm: model.algorithm,
    label: model.label,
    split: metrics.split,
    rows: metrics.rows,
    auc: metrics.auc,
    baselineSkuRateAuc: metrics.baselineSkuRateAuc,
    logLoss: metrics.logLoss,
    brier: metrics.brier,
    calibrationError: metrics.calibrationError,
    calibration: metrics.calibration,
    intercept: model.intercept,
    features: model.features.map((f) => ({ name: f.name, label: featureLabel(f.name), coefficient: f.coefficient, mean: f.mean, std: f.std })),
  };
}

async function latestModel(ctx: ServiceContext, shopId: string) {
  const stored = await repo.latest(ctx.db, shopId);
  if (!stored) throw notFound('analytics.model_not_found', 'No return-risk model has been trained for this shop yet: run `retour analytics train`');
  return stored;
}

/** Scores the lines of an order (or one line): each line's probability of a return, and its top features. */
export async function scoreOrder(ctx: ServiceContext, shopId: string, by: { orderId: string } | { lineId: string }, top = 5) {
  const stored = await latestModel(ctx, shopId);
  const model = stored.model as unknown as ReturnRiskModel;
  const all = await repo.orderLines(ctx.db, shopId, by);
  if (all.length === 0) throw notFound('orderId' in by ? 'order.not_found' : 'order_line.not_found', 'orderId' in by ? 'No such order' : 'No such order line');
  const lines = 'lineId' in by ? all.filter((l) => l.lineId === by.lineId) : all;
  // The buyers' and SKUs' tallies come from the cube: counting the shop's latest returns first.
  await foldPendingFacts(ctx, shopId);
  const history = await repo.history(ctx.db, shopId, [...new Set(all.map((l) => l.variantId))], [...new Set(all.flatMap((l) => (l.customerId ? [l.customerId] : [])))]);
  return {
    metric: 'predictions',
    definition: DEFINITIONS.predictions,
    model: { id: stored.id, version: stored.version, trainedAt: new Date(stored.created_at).toISOString(), auc: (stored.metrics as { auc?: number }).auc ?? null },
    orderId: all[0]!.orderId,
    lines: lines.map((l) => {
      // A sold line is already part of the history: leave it out, as in training.
      const s = scoreLine(model, l, history, l.sold);
      return {
        lineId: l.lineId,
        sku: l.sku,
        title: l.title,
        quantity: l.quantity,
        probability: Math.round(s.probability * 1e6) / 1e6,
        logOdds: Math.round(s.logOdds * 1e4) / 1e4,
        topFeatures: s.contributions.slice(0, top).map((c) => ({ ...c, value: Math.round(c.value * 1e6) / 1e6, contribution: Math.round(c.contribution * 1e4) / 1e4 })),
      };
    }),
  };
}

/** SKUs ranked by predicted return rate under the latest model (optionally one SKU, product or category). */
export async function rankSkus(ctx: ServiceContext, shopId: string, q: { sku?: string; productId?: string; category?: string; minLines?: number; limit?: number; cursor?: string }) {
  const stored = await latestModel(ctx, shopId);
  const variantIds =
    q.sku !== undefined || q.productId !== undefined || q.category !== undefined
      ? await analyticsQueryRepo.variantIds(reportReader(ctx), shopId, { sku: q.sku, productId: q.productId, category: q.category })
      : undefined;
  const offset = q.cursor ? Number(decodeCursor<{ offset?: number }>(q.cursor).offset ?? 0) : 0;
  const limit = q.limit ?? 50;
  const rows = await repo.skuRanking(reportReader(ctx), shopId, stored.id, variantIds, q.minLines ?? 1, limit + 1, offset);
  return {
    metric: 'predictions',
    definition: DEFINITIONS.predictions,
    model: modelSummary(stored),
    skus: rows.slice(0, limit).map((r) => ({
      variantId: r.variant_id,
      sku: r.sku,
      title: r.title,
      category: r.category,
      lines: r.lines,
      predictedRate: Math.round(Number(r.predicted_rate) * 1e6) / 1e6,
      observedRate: r.observed_rate === null ? null : Math.round(Number(r.observed_rate) * 1e6) / 1e6,
    })),
    nextCursor: rows.length > limit ? encodeCursor({ offset: offset + limit }) : null,
  };
}

export async function listModels(ctx: ServiceContext, shopId: string) {
  return (await repo.list(reportReader(ctx), shopId)).map(modelSummary);
}
