/**
 * Time from request to refund, kept as a histogram so percentiles of any period and filter add up
 * from rollups. Buckets: one minute wide below an hour, one hour wide below a week, one day wide
 * beyond. A percentile is interpolated inside its bucket: exact to within the bucket's width.
 */
export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86_400;
export const WEEK = 7 * DAY;

/** Lower bound (seconds) of the bucket `seconds` falls in. */
export function secondsBucket(seconds: number): number {
  const s = Math.max(0, Math.floor(seconds));
  if (s < HOUR) return s - (s % MINUTE);
  if (s < WEEK) return s - (s % HOUR);
  return s - (s % DAY);
}

/** Width of the bucket starting at `lower`. */
export function bucketWidth(lower: number): number {
  return lower < HOUR ? MINUTE : lower < WEEK ? HOUR : DAY;
}

export interface HistogramBucket {
  seconds: number;
  count: number;
}

/** Merges buckets with the same lower bound and sorts them. */
export function mergeHistogram(buckets: readonly HistogramBucket[]): HistogramBucket[] {
  const byLower = new Map<number, number>();
  for (const b of buckets) if (b.count !== 0) byLower.set(b.seconds, (byLower.get(b.seconds) ?? 0) + b.count);
  return [...byLower].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]).map(([seconds, count]) => ({ seconds, count }));
}

/**
 * The p-th percentile (0 < p ≤ 100) of the durations a histogram counts: the bucket holding the
 * nearest-rank sample, with the position interpolated linearly inside it. null when empty.
 */
export function histogramPercentile(buckets: readonly HistogramBucket[], p: number): number | null {
  const merged = mergeHistogram(buckets);
  const total = merged.reduce((a, b) => a + b.count, 0);
  if (total === 0) return null;
  const rank = Math.min(total, Math.max(1, Math.ceil((p / 100) * total)));
  let seen = 0;
  for (const b of merged) {
    if (seen + b.count >= rank) {
      const within = (rank - seen - 0.5) / b.count;
      return Math.round(b.seconds + within * bucketWidth(b.seconds));
    }
    seen += b.count;
  }
  return null;
}
