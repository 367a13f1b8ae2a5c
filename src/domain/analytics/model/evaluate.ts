/** How good a probabilistic classifier is on held-out rows: ranking (AUC), calibration, losses. */

/**
 * Area under the ROC curve: the probability that a random positive scores above a random
 * negative (ties count half), by the rank-sum (Mann–Whitney) formula. null without both classes.
 */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let m = i; m <= j; m++) {
      if (labels[order[m]!]) {
        positives++;
        rankSum += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function logLoss(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const q = Math.min(1 - 1e-15, Math.max(1e-15, p[i]!));
    s -= y[i] ? Math.log(q) : Math.log(1 - q);
  }
  return p.length ? s / p.length : Number.NaN;
}

export function brier(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i]! - y[i]!) ** 2;
  return p.length ? s / p.length : Number.NaN;
}

export interface ReliabilityBucket {
  /** Predicted probabilities of the bucket's rows lie in [from, to]. */
  from: number;
  to: number;
  rows: number;
  meanPredicted: number;
  observedRate: number;
}

/**
 * Reliability buckets: rows sorted by predicted probability and cut into `buckets` groups of
 * (nearly) equal size; a calibrated model has meanPredicted ≈ observedRate in every bucket.
 * Equal-size buckets, because with rare returns most predictions sit in the lowest tenth.
 */
export function reliability(p: ArrayLike<number>, y: ArrayLike<number>, buckets = 10): ReliabilityBucket[] {
  const n = p.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a]! - p[b]!);
  const out: ReliabilityBucket[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    if (end <= start) continue;
    let sp = 0;
    let sy = 0;
    for (let i = start; i < end; i++) {
      sp += p[order[i]!]!;
      sy += y[order[i]!]!;
    }
    out.push({ from: p[order[start]!]!, to: p[order[end - 1]!]!, rows: end - start, meanPredicted: sp / (end - start), observedRate: sy / (end - start) });
  }
  return out;
}

/** Expected calibration error: the rows-weighted mean |meanPredicted − observedRate| over the buckets. */
export function calibrationError(buckets: readonly ReliabilityBucket[]): number {
  const rows = buckets.reduce((a, b) => a + b.rows, 0);
  return rows ? buckets.reduce((a, b) => a + b.rows * Math.abs(b.meanPredicted - b.observedRate), 0) / rows : Number.NaN;
}
