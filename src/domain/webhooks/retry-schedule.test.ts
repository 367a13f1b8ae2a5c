import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryDelayMs } from './retry-schedule.js';

describe('webhook retry schedule', () => {
  it('retries for more than 24 hours in all, with growing waits, then gives up', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 0.9999999, noNaN: true }), { minLength: MAX_ATTEMPTS, maxLength: MAX_ATTEMPTS }), (randoms) => {
        let total = 0;
        let last = 0;
        for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
          const wait = retryDelayMs(attempt, randoms[attempt]!)!;
          expect(wait).toBeGreaterThanOrEqual(last * 0.8);
          total += wait;
          last = wait;
        }
        expect(total).toBeGreaterThan(24 * 3600_000);
        expect(retryDelayMs(MAX_ATTEMPTS, randoms[0]!)).toBeNull();
      }),
    );
  });

  it('jitter only ever lengthens a wait, by at most a fifth', () => {
    expect(retryDelayMs(1, 0)).toBe(5_000);
    expect(retryDelayMs(1, 0.9999)).toBeLessThanOrEqual(6_000);
    expect(retryDelayMs(2, 0.5)).toBe(330_000);
  });
});
