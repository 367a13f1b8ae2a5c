import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachDay } from './period.js';
import { alertDecision, alertLevel, ALERT_LEVELS, linearTrend, project, rollingWindow, type AlertLevel } from './quality-rate.js';
import { basisPoints, ratio } from './rates.js';
import { bucketWidth, histogramPercentile, mergeHistogram, secondsBucket } from './refund-times.js';

describe('ratios', () => {
  it('are undefined without a denominator, and a fraction of it otherwise', () => {
    expect(ratio(1, 0)).toBeNull();
    expect(basisPoints(1, 0)).toBeNull();
    expect(ratio(1, 3)).toBe(0.333333);
    expect(basisPoints(1, 7)).toBe(1428);
  });

  it('a rate of returned ≤ sold lies in [0, 1] and never rounds up past a threshold (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.double({ min: 0, max: 1, noNaN: true }), (sold, share) => {
        const returned = Math.floor(sold * share);
        const r = ratio(returned, sold)!;
        const bp = basisPoints(returned, sold)!;
        return r >= 0 && r <= 1 && bp >= 0 && bp <= 10_000 && bp * sold <= returned * 10_000;
      }),
    );
  });
});

describe('time to refund histogram', () => {
  it('buckets by the minute, the hour, then the day', () => {
    expect(secondsBucket(0)).toBe(0);
    expect(secondsBucket(59)).toBe(0);
    expect(secondsBucket(61)).toBe(60);
    expect(secondsBucket(3599)).toBe(3540);
    expect(secondsBucket(3600 * 29 + 1234)).toBe(3600 * 29);
    expect(secondsBucket(8 * 86_400 + 5000)).toBe(8 * 86_400);
    expect(secondsBucket(-5)).toBe(0);
  });

  it('every duration lies in its bucket (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 400 * 86_400 }), (s) => secondsBucket(s) <= s && s < secondsBucket(s) + bucketWidth(secondsBucket(s))));
  });

  it('a percentile from the histogram is within one bucket of the exact one, and p50 ≤ p90 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 * 86_400 }), { minLength: 1, maxLength: 200 }), (durations) => {
        const buckets = mergeHistogram(durations.map((d) => ({ seconds: secondsBucket(d), count: 1 })));
        const sorted = [...durations].sort((a, b) => a - b);
        for (const p of [50, 90]) {
          const exact = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
          const estimate = histogramPercentile(buckets, p)!;
          const lower = secondsBucket(exact);
          if (estimate < lower || estimate > lower + bucketWidth(lower)) return false;
        }
        return histogramPercentile(buckets, 50)! <= histogramPercentile(buckets, 90)!;
      }),
    );
  });

  it('an empty histogram has no percentile', () => {
    expect(histogramPercentile([], 50)).toBeNull();
    expect(histogramPercentile([{ seconds: 60, count: 0 }], 90)).toBeNull();
  });
});

describe('quality refund rate', () => {
  const t = { warnAtBp: 100, limitBp: 150 };

  it('sums the window ending on each day', () => {
    const daily = new Map([
      ['2026-11-01', { qualityRefundedCases: 1, paidOrders: 100 }],
      ['2026-11-02', { qualityRefundedCases: 0, paidOrders: 100 }],
      ['2026-11-03', { qualityRefundedCases: 2, paidOrders: 50 }],
    ]);
    const series = rollingWindow(daily, '2026-11-01', '2026-11-04', 2);
    expect(series.map((p) => [p.day, p.qualityRefundedCases, p.paidOrders, p.rateBp])).toEqual([
      ['2026-11-01', 1, 100, 100],
      ['2026-11-02', 1, 200, 50],
      ['2026-11-03', 2, 150, 133],
      ['2026-11-04', 2, 50, 400],
    ]);
  });

  it('the rolling window equals a direct sum over the window (property)', () => {
    const days = eachDay('2026-01-01', '2026-03-31');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(40)), { minLength: days.length, maxLength: days.length }), fc.integer({ min: 1, max: 40 }), (counts, window) => {
        const daily = new Map(days.map((d, i) => [d, { qualityRefundedCases: counts[i]![0], paidOrders: counts[i]![1] }]));
        const series = rollingWindow(daily, '2026-02-15', '2026-03-31', window);
        return series.every((p) => {
          const i = days.indexOf(p.day);
          const slice = counts.slice(Math.max(0, i - window + 1), i + 1);
          return p.qualityRefundedCases === slice.reduce((a, c) => a + c[0], 0) && p.paidOrders === slice.reduce((a, c) => a + c[1], 0);
        });
      }),
      { numRuns: 50 },
    );
  });

  it('fits a straight line exactly and projects it 7 days ahead', () => {
    expect(linearTrend([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])).toEqual({ slope: 2, intercept: 1 });
    expect(linearTrend([{ x: 1, y: 1 }])).toBeNull();
    const series = Array.from({ length: 14 }, (_, i) => ({ day: `d${i}`, qualityRefundedCases: 0, paidOrders: 1, rate: (50 + 5 * i) / 10_000, rateBp: 50 + 5 * i }));
    expect(project(series)).toMatchObject({ slopeBpPerDay: 5, projectedBp: 50 + 5 * 20, fittedDays: 14 });
  });

  it('levels: over a threshold now, or projected to reach it', () => {
    expect(alertLevel(null, null, t)).toBe('ok');
    expect(alertLevel(50, 90, t)).toBe('ok');
    expect(alertLevel(50, 120, t)).toBe('projected_warn');
    expect(alertLevel(110, 120, t)).toBe('warn');
    expect(alertLevel(110, 160, t)).toBe('projected_limit');
    expect(alertLevel(150, 0, t)).toBe('limit');
  });

  it('alerts once per escalation, and again after recovering (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALERT_LEVELS), { maxLength: 40 }), (levels) => {
        let last: AlertLevel = 'ok';
        let alerts = 0;
        let sinceOk = new Set<AlertLevel>();
        for (const level of levels) {
          const d = alertDecision(last, level);
          if (d.alert) {
            alerts++;
            if (sinceOk.has(level)) return false; // never twice for one level between recoveries
            sinceOk.add(level);
          }
          if (level === 'ok') sinceOk = new Set();
          last = d.alertedLevel;
        }
        return alerts <= levels.length;
      }),
    );
    expect(alertDecision('ok', 'warn')).toEqual({ alert: true, alertedLevel: 'warn' });
    expect(alertDecision('warn', 'projected_warn')).toEqual({ alert: false, alertedLevel: 'warn' });
    expect(alertDecision('warn', 'limit')).toEqual({ alert: true, alertedLevel: 'limit' });
    expect(alertDecision('limit', 'ok')).toEqual({ alert: false, alertedLevel: 'ok' });
  });
});
