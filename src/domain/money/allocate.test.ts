import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { allocateByLargestRemainder } from './allocate.js';

const MAX = Number.MAX_SAFE_INTEGER;

const sumBig = (xs: readonly number[]) => xs.reduce((a, b) => a + BigInt(b), 0n);

const totals = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -MAX, max: MAX }));
const weightLists = fc.oneof(
  fc.array(fc.nat({ max: 1_000 }), { minLength: 1, maxLength: 30 }),
  fc.array(fc.nat({ max: MAX }), { minLength: 1, maxLength: 30 }),
  // Many zeros, to reach the "zero weight" and "all zero" cases often.
  fc.array(fc.constantFrom(0, 0, 0, 1, 2, 7), { minLength: 1, maxLength: 30 }),
);

describe('allocateByLargestRemainder: examples', () => {
  it('gives left-over units to the earliest index on ties', () => {
    expect(allocateByLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateByLargestRemainder(1, [1, 1, 1, 1])).toEqual([1, 0, 0, 0]);
    expect(allocateByLargestRemainder(2, [5, 5, 5])).toEqual([1, 1, 0]);
  });

  it('gives left-over units to the largest remainder first', () => {
    // 2·1/3 = 0 r 2 and 2·2/3 = 1 r 1: the spare unit goes to index 0.
    expect(allocateByLargestRemainder(2, [1, 2])).toEqual([1, 1]);
    // 10·1/7 = 1 r 3, 10·2/7 = 2 r 6, 10·4/7 = 5 r 5: two spare units go to indexes 1 and 2.
    expect(allocateByLargestRemainder(10, [1, 2, 4])).toEqual([1, 3, 6]);
  });

  it('splits exactly when the division is exact', () => {
    expect(allocateByLargestRemainder(30, [200, 100])).toEqual([20, 10]);
    expect(allocateByLargestRemainder(10, [0, 3, 0, 7])).toEqual([0, 3, 0, 7]);
  });

  it('mirrors the positive split for a negative total, without negative zeros', () => {
    expect(allocateByLargestRemainder(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    const parts = allocateByLargestRemainder(-1, [1, 1, 1]);
    expect(parts).toEqual([-1, 0, 0]);
    expect(parts.some((p) => Object.is(p, -0))).toBe(false);
  });

  it('spreads the total evenly when every weight is zero', () => {
    expect(allocateByLargestRemainder(5, [0, 0])).toEqual([3, 2]);
    expect(allocateByLargestRemainder(-5, [0, 0, 0])).toEqual([-2, -2, -1]);
  });

  it('gives everything to the only positive weight', () => {
    expect(allocateByLargestRemainder(999, [0, 1, 0])).toEqual([0, 999, 0]);
  });

  it('allocates zero as zeros and an empty list as empty', () => {
    expect(allocateByLargestRemainder(0, [3, 4])).toEqual([0, 0]);
    expect(allocateByLargestRemainder(0, [])).toEqual([]);
  });

  it('handles totals and weights near Number.MAX_SAFE_INTEGER exactly', () => {
    expect(allocateByLargestRemainder(MAX, [MAX, MAX])).toEqual([4503599627370496, 4503599627370495]);
    expect(allocateByLargestRemainder(MAX, [MAX, 1])).toEqual([MAX - 1, 1]);
    expect(allocateByLargestRemainder(-MAX, [1, MAX - 1])).toEqual([-1, -(MAX - 1)]);
    // The weights' sum (≈ 2^55) is far beyond the safe range; the split must still be exact.
    const parts = allocateByLargestRemainder(MAX - 2, [MAX, MAX, MAX, MAX]);
    expect(parts).toEqual([2251799813685248, 2251799813685247, 2251799813685247, 2251799813685247]);
    expect(sumBig(parts)).toBe(BigInt(MAX - 2));
  });
});

describe('allocateByLargestRemainder: errors', () => {
  it('refuses a non-zero total over no parts', () => {
    expect(() => allocateByLargestRemainder(1, [])).toThrow(RangeError);
    expect(() => allocateByLargestRemainder(-1, [])).toThrow(RangeError);
  });

  it.each([[1.5], [-1], [Number.NaN], [Infinity], [MAX + 1], [-0.5]])('refuses the weight %s', (bad) => {
    expect(() => allocateByLargestRemainder(10, [1, bad, 2])).toThrow(RangeError);
    // Even when the total is zero: a bad weight is a programming error either way.
    expect(() => allocateByLargestRemainder(0, [bad])).toThrow(RangeError);
  });

  it.each([[1.5], [Number.NaN], [Infinity], [-Infinity], [MAX + 1], [-(MAX + 1)]])('refuses the total %s', (bad) => {
    expect(() => allocateByLargestRemainder(bad, [1, 1])).toThrow(RangeError);
  });
});

describe('allocateByLargestRemainder: properties', () => {
  it('parts sum exactly to the total and are safe integers', () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        const parts = allocateByLargestRemainder(total, weights);
        expect(parts).toHaveLength(weights.length);
        expect(parts.every((p) => Number.isSafeInteger(p))).toBe(true);
        expect(sumBig(parts)).toBe(BigInt(total));
      }),
    );
  });

  it('each part is the floor or the ceiling of its exact proportional share', () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        const parts = allocateByLargestRemainder(total, weights);
        const effective = weights.some((w) => w > 0) ? weights : weights.map(() => 1);
        const sum = sumBig(effective);
        parts.forEach((part, i) => {
          // |part − total·w/W| < 1  ⇔  |part·W − total·w| < W
          const diff = BigInt(part) * sum - BigInt(total) * BigInt(effective[i]!);
          expect(diff < 0n ? -diff : diff).toBeLessThan(sum);
        });
      }),
    );
  });

  it('is deterministic and leaves the weights untouched', () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        const copy = [...weights];
        const first = allocateByLargestRemainder(total, weights);
        expect(allocateByLargestRemainder(total, weights)).toEqual(first);
        expect(allocateByLargestRemainder(total, copy)).toEqual(first);
        expect(weights).toEqual(copy);
      }),
    );
  });

  it('zero weights get nothing when some weight is positive', () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const parts = allocateByLargestRemainder(total, weights);
        weights.forEach((w, i) => {
          if (w === 0) expect(parts[i]).toBe(0);
        });
      }),
    );
  });

  it('all-zero weights spread the total evenly, parts differing by at most one', () => {
    fc.assert(
      fc.property(totals, fc.integer({ min: 1, max: 40 }), (total, n) => {
        const parts = allocateByLargestRemainder(total, new Array<number>(n).fill(0));
        expect(sumBig(parts)).toBe(BigInt(total));
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('a larger weight never gets a smaller part; equal weights favour the earlier index', () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        const parts = allocateByLargestRemainder(total, weights);
        // Compare magnitudes so the property reads the same for negative totals.
        const size = parts.map(Math.abs);
        for (let i = 0; i < weights.length; i++) {
          for (let j = i + 1; j < weights.length; j++) {
            if (weights[i]! > weights[j]!) expect(size[i]).toBeGreaterThanOrEqual(size[j]!);
            if (weights[i]! < weights[j]!) expect(size[i]).toBeLessThanOrEqual(size[j]!);
            if (weights[i] === weights[j]) expect([0, 1]).toContain(size[i]! - size[j]!);
          }
        }
      }),
    );
  });

  it('a negative total is the mirror image of the positive one', () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        const pos = allocateByLargestRemainder(Math.abs(total), weights);
        const neg = allocateByLargestRemainder(-Math.abs(total), weights);
        expect(neg.map((p) => -p + 0)).toEqual(pos);
        expect(neg.some((p) => Object.is(p, -0))).toBe(false);
      }),
    );
  });

  it('scaling every weight by the same factor does not change the split', () => {
    fc.assert(
      fc.property(
        totals,
        fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 2, max: 1_000 }),
        (total, weights, k) => {
          expect(allocateByLargestRemainder(total, weights.map((w) => w * k))).toEqual(allocateByLargestRemainder(total, weights));
        },
      ),
    );
  });
});
