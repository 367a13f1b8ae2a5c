/** Ratios as the analytics API reports them: a fraction (6 decimals) and integer basis points, null when undefined. */

export function ratio(numerator: number, denominator: number): number | null {
  if (!(denominator > 0)) return null;
  return Math.round((numerator / denominator) * 1e6) / 1e6;
}

/** Basis points rounded down (1 = 0.01 %), so a rate never shows above a threshold it has not reached. */
export function basisPoints(numerator: number, denominator: number): number | null {
  if (!(denominator > 0)) return null;
  return Math.floor((numerator * 10_000) / denominator);
}

/** Nearest-rank percentile (p in 0..100) of numbers; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}
