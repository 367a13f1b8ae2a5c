/**
 * L2-regularised logistic regression on standardised features, fitted by Newton's method
 * (iteratively reweighted least squares). Plain arithmetic on typed arrays: no library, and every
 * prediction can be read back as intercept + Σ coefficient × standardised value.
 */
export interface Standardisation {
  means: number[];
  stds: number[];
}

/** Column means and standard deviations of an n × d row-major matrix (std 0 for a constant column). */
export function columnStats(x: Float64Array, n: number, d: number): Standardisation {
  const means = new Array<number>(d).fill(0);
  const sq = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) means[j]! += x[i * d + j]!;
  for (let j = 0; j < d; j++) means[j] = n > 0 ? means[j]! / n : 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sq[j]! += (x[i * d + j]! - means[j]!) ** 2;
  const stds = sq.map((s) => (n > 1 ? Math.sqrt(s / n) : 0));
  return { means, stds };
}

/** z = (x − mean) / std in place; constant columns become 0. */
export function standardise(x: Float64Array, n: number, d: number, s: Standardisation): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const std = s.stds[j]!;
      x[i * d + j] = std > 0 ? (x[i * d + j]! - s.means[j]!) / std : 0;
    }
  }
}

export const sigmoid = (t: number) => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

export interface FitOptions {
  /** L2 penalty on the coefficients (not the intercept), in units of the standardised features. */
  lambda?: number;
  maxIterations?: number;
  /** Stop when no coefficient moves more than this. */
  tolerance?: number;
}

export interface LogisticFit {
  intercept: number;
  coefficients: number[];
  iterations: number;
  converged: boolean;
  /** Penalised negative log-likelihood per row at the solution. */
  loss: number;
}

/** Solves A x = b for a symmetric positive definite A (k × k, row-major) by Cholesky. */
export function solveSpd(a: Float64Array, b: Float64Array, k: number): Float64Array {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * k + j]!;
      for (let m = 0; m < j; m++) s -= l[i * k + m]! * l[j * k + m]!;
      if (i === j) {
        if (!(s > 0)) throw new Error('matrix is not positive definite');
        l[i * k + i] = Math.sqrt(s);
      } else {
        l[i * k + j] = s / l[j * k + j]!;
      }
    }
  }
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = b[i]!;
    for (let m = 0; m < i; m++) s -= l[i * k + m]! * y[m]!;
    y[i] = s / l[i * k + i]!;
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let m = i + 1; m < k; m++) s -= l[m * k + i]! * x[m]!;
    x[i] = s / l[i * k + i]!;
  }
  return x;
}

function penalisedLoss(x: Float64Array, y: Uint8Array, n: number, d: number, w: Float64Array, lambda: number): number {
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let t = w[d]!;
    for (let j = 0; j < d; j++) t += w[j]! * x[i * d + j]!;
    // log(1 + e^t) − y t, computed without overflow
    loss += (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t))) - y[i]! * t;
  }
  let penalty = 0;
  for (let j = 0; j < d; j++) penalty += w[j]! ** 2;
  return (loss + (lambda / 2) * penalty) / Math.max(1, n);
}

/**
 * Fits P(y = 1 | z) = σ(b + w·z) to standardised rows `x` (n × d, row-major) and labels `y`.
 * Newton steps with step halving, so the penalised loss never rises.
 */
export function fitLogistic(x: Float64Array, y: Uint8Array, n: number, d: number, options: FitOptions = {}): LogisticFit {
  const lambda = options.lambda ?? 1;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-7;
  const k = d + 1; // the intercept is the last parameter
  const w = new Float64Array(k);
  const positives = y.reduce((a, v) => a + v, 0);
  // Start at the base rate, which is the optimum of the intercept-only model.
  w[d] = positives > 0 && positives < n ? Math.log(positives / (n - positives)) : 0;
  let loss = penalisedLoss(x, y, n, d, w, lambda);
  const row = new Float64Array(k);
  row[d] = 1;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const grad = new Float64Array(k);
    const hess = new Float64Array(k * k);
    for (let i = 0; i < n; i++) {
      let t = w[d]!;
      for (let j = 0; j < d; j++) {
        row[j] = x[i * d + j]!;
        t += w[j]! * row[j]!;
      }
      const p = sigmoid(t);
      const r = p - y[i]!;
      const weight = Math.max(p * (1 - p), 1e-12);
      for (let a = 0; a < k; a++) {
        const ra = row[a]!;
        grad[a]! += r * ra;
        const wa = weight * ra;
        for (let b = 0; b <= a; b++) hess[a * k + b]! += wa * row[b]!;
      }
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) hess[b * k + a] = hess[a * k + b]!;
    for (let j = 0; j < d; j++) {
      grad[j]! += lambda * w[j]!;
      hess[j * k + j]! += lambda;
    }
    hess[d * k + d]! += 1e-9;
    const step = solveSpd(hess, grad, k);
    let scale = 1;
    let next = new Float64Array(k);
    let nextLoss = Number.POSITIVE_INFINITY;
    for (let halving = 0; halving < 30; halving++) {
      next = w.map((v, j) => v - scale * step[j]!);
      nextLoss = penalisedLoss(x, y, n, d, next, lambda);
      if (nextLoss <= loss + 1e-12) break;
      scale /= 2;
    }
    const moved = Math.max(...step.map((s) => Math.abs(s * scale)));
    if (nextLoss <= loss + 1e-12) {
      w.set(next);
      loss = nextLoss;
    }
    if (moved < tolerance || nextLoss > loss + 1e-12) {
      return { intercept: w[d]!, coefficients: [...w.slice(0, d)], iterations: iteration, converged: moved < tolerance, loss };
    }
  }
  return { intercept: w[d]!, coefficients: [...w.slice(0, d)], iterations: maxIterations, converged: false, loss };
}

export interface Contribution {
  feature: string;
  /** coefficient × standardised value: what this feature adds to the log-odds. */
  contribution: number;
}

/** The log-odds of one standardised row, and each feature's share of it, largest first. */
export function explain(z: readonly number[], names: readonly string[], coefficients: readonly number[], intercept: number) {
  const contributions: Contribution[] = names.map((feature, j) => ({ feature, contribution: coefficients[j]! * z[j]! }));
  const logOdds = intercept + contributions.reduce((a, c) => a + c.contribution, 0);
  contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.feature.localeCompare(b.feature));
  return { logOdds, probability: sigmoid(logOdds), contributions };
}
