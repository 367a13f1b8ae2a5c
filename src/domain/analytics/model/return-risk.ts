import { auc, brier, calibrationError, logLoss, reliability, type ReliabilityBucket } from './evaluate.js';
import { addToHistory, buildHistory, emptyHistory, featureLabel, featureNames, featureValues, SMOOTHING, type History, type ModelLine } from './features.js';
import { columnStats, explain, fitLogistic, sigmoid, standardise } from './logistic.js';

/**
 * The return-risk model: the probability that an order line gets units returned (accepted back
 * in a completed return case), by logistic regression on standardised features. Trained on the
 * earlier part of the shop's history and evaluated on the later part (a time split, as it will
 * be used), then stored with everything scoring needs.
 */
export interface ModelFeature {
  name: string;
  mean: number;
  std: number;
  coefficient: number;
}

export interface ReturnRiskModel {
  algorithm: 'logistic_regression_l2_newton';
  features: ModelFeature[];
  intercept: number;
  /** Channels with a feature of their own (the most common one is the reference, without). */
  channels: string[];
  smoothing: typeof SMOOTHING;
  lambda: number;
  label: string;
}

export interface ReturnRiskMetrics {
  rows: { train: number; test: number; trainPositives: number; testPositives: number; immature: number };
  /** Lines placed in the last `maturityDays` of the data are left out: their returns may not have happened yet. */
  maturityDays: number;
  split: { trainFrom: string; splitAt: string; testTo: string };
  auc: number | null;
  /** AUC of the SKU's smoothed historic return rate alone: what the other features add. */
  baselineSkuRateAuc: number | null;
  logLoss: number;
  brier: number;
  baseRate: { train: number; test: number };
  meanPredicted: number;
  calibration: ReliabilityBucket[];
  calibrationError: number;
  iterations: number;
  converged: boolean;
}

export interface SkuRisk {
  variantId: string;
  lines: number;
  predictedRate: number;
  observedRate: number;
}

export interface TrainOptions {
  /** Share of lines (earliest first) trained on; the rest are held out. */
  trainShare?: number;
  lambda?: number;
  /** Days of the latest data whose lines are scored to rank SKUs. */
  rankingDays?: number;
  /** Lines younger than this (before the newest line) have no settled outcome yet: not trained or tested on. */
  maturityDays?: number;
}

export class NotEnoughData extends Error {}

const DAY_MS = 86_400_000;

/** Features of later lines from a fixed history (the test lines, from the training period only). */
function matrix(lines: readonly ModelLine[], history: History, channels: string[]) {
  const d = featureNames(channels).length;
  const x = new Float64Array(lines.length * d);
  const y = new Uint8Array(lines.length);
  lines.forEach((l, i) => {
    x.set(featureValues(l, history, channels, false), i * d);
    y[i] = l.returnedUnits > 0 ? 1 : 0;
  });
  return { x, y, d };
}

/**
 * Features of time-ordered lines, each from the history of the orders placed before it (an
 * expanding window): what was known when the order came in, and never the line's own outcome.
 * Returns the history of all the lines.
 */
function expandingMatrix(lines: readonly ModelLine[], channels: string[]) {
  const d = featureNames(channels).length;
  const x = new Float64Array(lines.length * d);
  const y = new Uint8Array(lines.length);
  const history = emptyHistory();
  const seen = new Set<string>();
  for (let start = 0; start < lines.length; ) {
    let end = start;
    while (end < lines.length && lines[end]!.placedAt === lines[start]!.placedAt) end++;
    for (let i = start; i < end; i++) {
      x.set(featureValues(lines[i]!, history, channels, false), i * d);
      y[i] = lines[i]!.returnedUnits > 0 ? 1 : 0;
    }
    for (let i = start; i < end; i++) {
      const l = lines[i]!;
      addToHistory(history, l, !seen.has(l.orderId));
      seen.add(l.orderId);
    }
    start = end;
  }
  return { x, y, d, history };
}

/** Channels worth a feature: every channel but the most common one. */
export function modelChannels(lines: readonly ModelLine[]): string[] {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l.channel, (counts.get(l.channel) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return sorted.slice(1).map(([c]) => c).sort();
}

export function trainReturnRisk(all: readonly ModelLine[], options: TrainOptions = {}) {
  const trainShare = options.trainShare ?? 0.8;
  const lambda = options.lambda ?? 1;
  const sorted = [...all].sort((a, b) => a.placedAt - b.placedAt || a.lineId.localeCompare(b.lineId));
  const maturityDays = options.maturityDays ?? 30;
  const newest = sorted.length ? sorted[sorted.length - 1]!.placedAt : 0;
  const lines = sorted.filter((l) => l.placedAt <= newest - maturityDays * DAY_MS);
  if (lines.length < 50) throw new NotEnoughData(`Only ${lines.length} sold order lines older than ${maturityDays} days: at least 50 are needed`);
  // Split at an instant, so no order has lines on both sides.
  let cut = Math.floor(lines.length * trainShare);
  const splitAt = lines[cut]!.placedAt;
  while (cut > 0 && lines[cut - 1]!.placedAt === splitAt) cut--;
  const train = lines.slice(0, cut);
  const test = lines.slice(cut);
  const trainPositives = train.filter((l) => l.returnedUnits > 0).length;
  const testPositives = test.filter((l) => l.returnedUnits > 0).length;
  if (train.length === 0 || test.length === 0 || trainPositives === 0 || trainPositives === train.length) {
    throw new NotEnoughData('The earlier part of the history needs both returned and kept lines, and there must be later lines to test on');
  }

  const channels = modelChannels(train);
  const names = featureNames(channels);
  const tr = expandingMatrix(train, channels);
  const history = tr.history;
  const stats = columnStats(tr.x, train.length, tr.d);
  standardise(tr.x, train.length, tr.d, stats);
  const fit = fitLogistic(tr.x, tr.y, train.length, tr.d, { lambda });

  const model: ReturnRiskModel = {
    algorithm: 'logistic_regression_l2_newton',
    features: names.map((name, j) => ({ name, mean: stats.means[j]!, std: stats.stds[j]!, coefficient: fit.coefficients[j]! })),
    intercept: fit.intercept,
    channels,
    smoothing: SMOOTHING,
    lambda,
    label: 'units of the line accepted back in a completed return case (return_refund, exchange, refused_delivery)',
  };

  const te = matrix(test, history, channels);
  const rawSkuRate = Array.from({ length: test.length }, (_, i) => te.x[i * te.d]!);
  standardise(te.x, test.length, te.d, stats);
  const p = new Float64Array(test.length);
  for (let i = 0; i < test.length; i++) p[i] = scoreRow(model, te.x.subarray(i * te.d, (i + 1) * te.d));
  const calibration = reliability(p, te.y, 10);
  const iso = (ms: number) => new Date(ms).toISOString();
  const metrics: ReturnRiskMetrics = {
    rows: { train: train.length, test: test.length, trainPositives, testPositives, immature: sorted.length - lines.length },
    maturityDays,
    split: { trainFrom: iso(train[0]!.placedAt), splitAt: iso(splitAt), testTo: iso(test[test.length - 1]!.placedAt) },
    auc: auc(p, te.y),
    baselineSkuRateAuc: auc(rawSkuRate, te.y),
    logLoss: logLoss(p, te.y),
    brier: brier(p, te.y),
    baseRate: { train: trainPositives / train.length, test: testPositives / test.length },
    meanPredicted: p.reduce((a, v) => a + v, 0) / Math.max(1, p.length),
    calibration,
    calibrationError: calibrationError(calibration),
    iterations: fit.iterations,
    converged: fit.converged,
  };

  // Rank SKUs: score the latest lines (young ones too) with everything known now, each left out of its own history.
  const fullHistory = buildHistory(sorted);
  const since = newest - (options.rankingDays ?? 90) * DAY_MS;
  const bySku = new Map<string, { lines: number; p: number; returned: number }>();
  for (const l of sorted) {
    if (l.placedAt <= since) continue;
    const prob = scoreLine(model, l, fullHistory, true).probability;
    const s = bySku.get(l.variantId) ?? { lines: 0, p: 0, returned: 0 };
    s.lines++;
    s.p += prob;
    if (l.returnedUnits > 0) s.returned++;
    bySku.set(l.variantId, s);
  }
  const skus: SkuRisk[] = [...bySku].map(([variantId, s]) => ({ variantId, lines: s.lines, predictedRate: s.p / s.lines, observedRate: s.returned / s.lines }));
  return { model, metrics, skus };
}

function scoreRow(model: ReturnRiskModel, z: ArrayLike<number>): number {
  let t = model.intercept;
  for (let j = 0; j < model.features.length; j++) t += model.features[j]!.coefficient * z[j]!;
  return sigmoid(t);
}

export interface LineScore {
  probability: number;
  logOdds: number;
  /** Features by how much they move this line's log-odds (coefficient × standardised value), largest first. */
  contributions: { feature: string; label: { en: string; 'zh-CN': string }; value: number; contribution: number }[];
}

/** Scores one line with a stored model: its probability of a return, and why. */
export function scoreLine(model: ReturnRiskModel, line: ModelLine, history: History, inHistory: boolean): LineScore {
  const raw = featureValues(line, history, model.channels, inHistory);
  const z = raw.map((v, j) => {
    const f = model.features[j]!;
    return f.std > 0 ? (v - f.mean) / f.std : 0;
  });
  const names = model.features.map((f) => f.name);
  const e = explain(z, names, model.features.map((f) => f.coefficient), model.intercept);
  const rawByName = new Map(names.map((n, j) => [n, raw[j]!]));
  return {
    probability: e.probability,
    logOdds: e.logOdds,
    contributions: e.contributions.map((c) => ({ feature: c.feature, label: featureLabel(c.feature), value: rawByName.get(c.feature)!, contribution: c.contribution })),
  };
}
