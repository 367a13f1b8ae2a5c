import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auc, calibrationError, reliability } from './evaluate.js';
import { BASE_FEATURES, buildHistory, featureNames, featureValues, type ModelLine } from './features.js';
import { columnStats, explain, fitLogistic, sigmoid, solveSpd, standardise } from './logistic.js';
import { scoreLine, trainReturnRisk } from './return-risk.js';

/** A deterministic PRNG, so a failure is reproducible. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('AUC', () => {
  it('is 1 for a perfect ranking, 0 for the reverse, ½ for ties, null for one class', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(auc([0.1, 0.2], [1, 1])).toBeNull();
  });

  it('lies in [0, 1], flips with the scores and ignores monotone transforms (property)', () => {
    const data = fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.boolean()), { minLength: 2, maxLength: 80 }).filter((d) => d.some(([, y]) => y) && d.some(([, y]) => !y));
    fc.assert(
      fc.property(data, (d) => {
        const s = d.map(([x]) => x);
        const y = d.map(([, l]) => (l ? 1 : 0));
        const a = auc(s, y)!;
        const flipped = auc(s.map((v) => -v), y)!;
        const transformed = auc(s.map((v) => Math.exp(v / 10) + 3), y)!;
        return a >= 0 && a <= 1 && Math.abs(a + flipped - 1) < 1e-12 && Math.abs(a - transformed) < 1e-12;
      }),
    );
  });
});

describe('reliability buckets', () => {
  it('split the rows in tenths by prediction, each holding its predictions (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 300 }), (d) => {
        const p = d.map(([x]) => x);
        const y = d.map(([, l]) => (l ? 1 : 0));
        const buckets = reliability(p, y, 10);
        return (
          buckets.reduce((a, b) => a + b.rows, 0) === d.length &&
          buckets.every((b) => b.meanPredicted >= b.from - 1e-12 && b.meanPredicted <= b.to + 1e-12 && b.observedRate >= 0 && b.observedRate <= 1) &&
          calibrationError(buckets) >= 0
        );
      }),
    );
  });
});

describe('logistic regression', () => {
  it('solves symmetric positive definite systems (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 1e6 }), (k, seed) => {
        const r = rng(seed);
        const m = Array.from({ length: k * k }, () => r() - 0.5);
        const a = new Float64Array(k * k);
        for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) for (let l = 0; l < k; l++) a[i * k + j]! += m[i * k + l]! * m[j * k + l]!;
        for (let i = 0; i < k; i++) a[i * k + i]! += 0.5;
        const b = Float64Array.from({ length: k }, () => r() * 4 - 2);
        const x = solveSpd(a, b, k);
        for (let i = 0; i < k; i++) {
          let s = 0;
          for (let j = 0; j < k; j++) s += a[i * k + j]! * x[j]!;
          if (Math.abs(s - b[i]!) > 1e-8) return false;
        }
        return true;
      }),
    );
  });

  it('recovers the coefficients that generated the data', () => {
    const r = rng(7);
    const n = 40_000;
    const d = 3;
    const truth = [1.2, -0.8, 0];
    const x = new Float64Array(n * d);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      let t = -1.5;
      for (let j = 0; j < d; j++) {
        const v = r() * 2 - 1 + (r() * 2 - 1);
        x[i * d + j] = v;
        t += truth[j]! * v;
      }
      y[i] = r() < sigmoid(t) ? 1 : 0;
    }
    const fit = fitLogistic(x, y, n, d, { lambda: 0 });
    expect(fit.converged).toBe(true);
    fit.coefficients.forEach((c, j) => expect(Math.abs(c - truth[j]!)).toBeLessThan(0.06));
    expect(Math.abs(fit.intercept + 1.5)).toBeLessThan(0.06);
  });

  it('sits where the gradient of the penalised loss vanishes, and never raises the loss (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 0.01, max: 10, noNaN: true }), (seed, lambda) => {
        const r = rng(seed);
        const n = 300;
        const d = 2;
        const x = Float64Array.from({ length: n * d }, () => r() * 4 - 2);
        const y = Uint8Array.from({ length: n }, (_, i) => (r() < sigmoid(x[i * d]! - x[i * d + 1]!) ? 1 : 0));
        const fit = fitLogistic(x, y, n, d, { lambda });
        const grad = new Array<number>(d + 1).fill(0);
        for (let i = 0; i < n; i++) {
          const p = sigmoid(fit.intercept + fit.coefficients[0]! * x[i * d]! + fit.coefficients[1]! * x[i * d + 1]!);
          grad[0]! += (p - y[i]!) * x[i * d]!;
          grad[1]! += (p - y[i]!) * x[i * d + 1]!;
          grad[2]! += p - y[i]!;
        }
        grad[0]! += lambda * fit.coefficients[0]!;
        grad[1]! += lambda * fit.coefficients[1]!;
        return grad.every((g) => Math.abs(g) < 1e-5);
      }),
      { numRuns: 40 },
    );
  });

  it('explains a score as the intercept plus each feature’s coefficient × standardised value', () => {
    const e = explain([1, -2, 0.5], ['a', 'b', 'c'], [0.5, 0.25, -2], -1);
    expect(e.logOdds).toBeCloseTo(-1 + 0.5 - 0.5 - 1, 12);
    expect(e.probability).toBeCloseTo(sigmoid(-2), 12);
    expect(e.contributions.map((c) => c.feature)).toEqual(['c', 'a', 'b']);
  });

  it('standardises columns to mean 0 and deviation 1, constant ones to 0', () => {
    const x = Float64Array.from([1, 5, 2, 5, 3, 5]);
    const s = columnStats(x, 3, 2);
    standardise(x, 3, 2, s);
    expect(s.stds[1]).toBe(0);
    expect([...x].filter((_, i) => i % 2 === 1)).toEqual([0, 0, 0]);
    expect(x[0]! + x[2]! + x[4]!).toBeCloseTo(0, 12);
  });
});

function syntheticLines(count: number, seed: number): ModelLine[] {
  const r = rng(seed);
  const lines: ModelLine[] = [];
  for (let i = 0; i < count; i++) {
    const product = Math.floor(r() * 40);
    const sized = product < 20;
    const bracketing = sized && r() < 0.3;
    const buyer = Math.floor(r() * 300);
    const picky = buyer < 30;
    const p = sigmoid(-3 + (sized ? 1.2 : 0) + (bracketing ? 1.5 : 0) + (picky ? 1.5 : 0) + (product % 7 === 0 ? 1 : 0));
    lines.push({
      lineId: `l${i}`,
      orderId: `o${Math.floor(i / 2)}`,
      placedAt: Date.UTC(2025, 0, 1) + i * 3_600_000,
      channel: r() < 0.7 ? 'web' : 'taobao',
      customerId: r() < 0.1 ? null : `c${buyer}`,
      variantId: `v${product}-${Math.floor(r() * 3)}`,
      productId: `p${product}`,
      category: `cat${product % 5}`,
      quantity: 1 + Math.floor(r() * 3),
      unitPriceMinor: 1000 + Math.floor(r() * 50_000),
      paidMinor: 0,
      discountMinor: r() < 0.2 ? 500 : 0,
      hasSize: sized,
      hasColour: r() < 0.5,
      orderLines: 2,
      sameProductLines: bracketing ? 1 : 0,
      returnedUnits: r() < p ? 1 : 0,
    });
  }
  return lines;
}

describe('return-risk features', () => {
  it('leave a line out of its own history: as if it had never been seen (property)', () => {
    const lines = syntheticLines(400, 3);
    const names = featureNames(['taobao']);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: lines.length - 1 }), (i) => {
        const line = lines[i]!;
        const full = buildHistory(lines);
        const without = buildHistory(lines.filter((_, j) => j !== i));
        // The shop rate the others are smoothed towards is the whole history's either way.
        without.global = full.global;
        const inside = featureValues(line, full, ['taobao'], true);
        const outside = featureValues(line, without, ['taobao'], false);
        return names.every((name, j) => name === 'buyer_orders_log' || Math.abs(inside[j]! - outside[j]!) < 1e-12);
      }),
    );
    expect(names.slice(0, BASE_FEATURES.length)).toEqual([...BASE_FEATURES]);
  });

  it('learns from a time split what drives returns, and explains each score', () => {
    const lines = syntheticLines(12_000, 11);
    const { model, metrics, skus } = trainReturnRisk(lines, { lambda: 1 });
    expect(metrics.auc!).toBeGreaterThan(0.7);
    expect(metrics.rows.train + metrics.rows.test + metrics.rows.immature).toBe(lines.length);
    expect(metrics.rows.immature).toBeGreaterThan(0);
    expect(metrics.split.splitAt > metrics.split.trainFrom).toBe(true);
    const coefficient = (name: string) => model.features.find((f) => f.name === name)!.coefficient;
    expect(coefficient('same_product_in_order')).toBeGreaterThan(0.2);
    expect(coefficient('buyer_return_rate')).toBeGreaterThan(0.2);
    expect(Math.abs(metrics.meanPredicted - metrics.baseRate.test)).toBeLessThan(0.05);
    expect(skus.length).toBeGreaterThan(0);
    const score = scoreLine(model, lines[lines.length - 1]!, buildHistory(lines), true);
    expect(score.probability).toBeGreaterThan(0);
    expect(score.probability).toBeLessThan(1);
    expect(score.contributions.reduce((a, c) => a + c.contribution, model.intercept)).toBeCloseTo(score.logOdds, 10);
    expect(score.contributions[0]!.label.en.length).toBeGreaterThan(0);
  });

  it('refuses a history too small to learn from', () => {
    expect(() => trainReturnRisk(syntheticLines(10, 1))).toThrow(/at least 50/);
  });
});
