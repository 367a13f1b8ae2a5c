import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCaps, couponCodeFrom, matchingRule, monthOf, normaliseCouponCode } from './compensation.js';
import { keptRevenue } from './exchange-first.js';
import { CARE_DEFAULTS, careOf } from './settings.js';
import { defectCheckFor, tasksForEvent } from './tasks.js';

const care = careOf({ care: { compensation: { maxPerCaseMinor: 1_000, maxPerMonthMinor: 5_000, maxPointsPerCase: 100, maxPointsPerMonth: 300 } } });

describe('compensation caps', () => {
  it('fills defaults for policies without care', () => {
    expect(careOf({})).toEqual(CARE_DEFAULTS);
  });

  it('never lets a granted total pass a cap (property)', () => {
    fc.assert(
      fc.property(fc.nat(2_000), fc.nat(6_000), fc.integer({ min: 1, max: 3_000 }), (caseMinor, monthMinor, amountMinor) => {
        const so = { caseMinor, casePoints: 0, monthMinor: Math.max(monthMinor, caseMinor), monthPoints: 0 };
        let ok = true;
        try {
          checkCaps(care, { kind: 'coupon', amountMinor, points: 0 }, so);
        } catch {
          ok = false;
        }
        expect(ok).toBe(so.caseMinor + amountMinor <= 1_000 && so.monthMinor + amountMinor <= 5_000);
      }),
    );
  });

  it('counts points apart from money', () => {
    expect(() => checkCaps(care, { kind: 'points', amountMinor: 0, points: 100 }, { caseMinor: 1_000, casePoints: 0, monthMinor: 5_000, monthPoints: 0 })).not.toThrow();
    expect(() => checkCaps(care, { kind: 'points', amountMinor: 0, points: 101 }, { caseMinor: 0, casePoints: 0, monthMinor: 0, monthPoints: 0 })).toThrow(/per case/);
  });

  it('picks the first rule matching a reason by fault and code', () => {
    const rules = [
      { name: 'quality', reasonCodes: ['quality_issue'], kind: 'points' as const, points: 10 },
      { name: 'seller', faults: ['seller' as const], kind: 'coupon' as const, amountMinor: 500 },
    ];
    expect(matchingRule(rules, [{ code: 'wrong_item', fault: 'seller' }])?.name).toBe('seller');
    expect(matchingRule(rules, [{ code: 'quality_issue', fault: 'seller' }])?.name).toBe('quality');
    expect(matchingRule(rules, [{ code: 'no_reason', fault: 'buyer' }])).toBeNull();
  });

  it('generated codes are readable and pool codes normalised', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => /^RT-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/.test(couponCodeFrom(bytes))));
    expect(normaliseCouponCode(' save-20 ')).toBe('SAVE-20');
    expect(normaliseCouponCode('a b')).toBeNull();
    expect(monthOf(new Date('2026-12-31T23:59:59Z'), 'UTC')).toEqual({ from: new Date('2026-12-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') });
    // The shop's month, not UTC's: 16:00Z on 30 November is already December in Shanghai.
    expect(monthOf(new Date('2026-11-30T16:00:00Z'), 'Asia/Shanghai')).toEqual({ from: new Date('2026-11-30T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') });
    expect(monthOf(new Date('2026-11-30T15:59:59Z'), 'Asia/Shanghai')).toEqual({ from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') });
    // Across a DST change: New York's November starts at 04:00Z (EDT) and December at 05:00Z (EST).
    expect(monthOf(new Date('2026-11-15T12:00:00Z'), 'America/New_York')).toEqual({ from: new Date('2026-11-01T04:00:00Z'), to: new Date('2026-12-01T05:00:00Z') });
  });
});

describe('follow-up tasks', () => {
  const now = new Date('2026-11-01T08:00:00Z');
  it('a callback 3 days after an exchange ships, a review request after a refund, keyed by case', () => {
    const [callback] = tasksForEvent(CARE_DEFAULTS, { type: 'return.status_changed', action: 'ship_replacement', caseId: 'c1' }, now);
    expect(callback).toMatchObject({ kind: 'exchange_callback', dedupKey: 'exchange_callback:c1', dueAt: new Date('2026-11-04T08:00:00Z') });
    expect(tasksForEvent(CARE_DEFAULTS, { type: 'return.refunded', caseId: 'c1' }, now)[0]!.dedupKey).toBe('review_request:c1');
    expect(tasksForEvent(CARE_DEFAULTS, { type: 'return.status_changed', action: 'approve', caseId: 'c1' }, now)).toEqual([]);
  });
  it('a SKU check from the threshold on, one key per window period', () => {
    expect(defectCheckFor(CARE_DEFAULTS, 'SKU', 2, now)).toBeNull();
    const a = defectCheckFor(CARE_DEFAULTS, 'SKU', 3, now)!;
    expect(defectCheckFor(CARE_DEFAULTS, 'SKU', 5, new Date(now.getTime() + 3_600_000))!.dedupKey).toBe(a.dedupKey);
  });
});

describe('exchange-first', () => {
  it('keeps exchanged value and store credit, not money back', () => {
    const items = [
      { amountMinor: 5_000, resolution: 'exchange' },
      { amountMinor: 2_000, resolution: 'refund' },
    ] as never;
    expect(keptRevenue({ items, method: 'store_credit', refundMinor: 2_000, storeCreditBonusMinor: 200 })).toEqual({ keptMinor: 7_000, bonusMinor: 200 });
    expect(keptRevenue({ items, method: 'original', refundMinor: 2_000, storeCreditBonusMinor: 0 })).toEqual({ keptMinor: 5_000, bonusMinor: 0 });
  });
});
