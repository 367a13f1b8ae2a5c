import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zoneOffsetMs } from '../time.js';
import { evaluate } from './evaluate.js';
import { localDayOf } from './local-days.js';
import { euWithdrawalPreset, ukCancellationPreset } from './presets-eu.js';
import { testLine, testOrder } from './test-orders.js';
import { validatePolicy } from './validate.js';
import {
  ART16_CODES,
  ART16_EXCEPTIONS,
  diminishedValueDeduction,
  exclusionsForExceptions,
  nextWorkingDay,
  physicalPossession,
  refundClock,
  refundStanding,
  weekdayOf,
  withdrawalInTime,
  withdrawalPeriod,
} from './withdrawal.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Zones with DST in both hemispheres, half-hour DST (Lord Howe), 45-minute offsets, none, and the date line. */
const ZONES = ['Europe/London', 'Europe/Berlin', 'Europe/Dublin', 'Europe/Lisbon', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago', 'Asia/Shanghai', 'Pacific/Kiritimati', 'UTC'];
/** 2020–2030, with extra weight on the weeks around the EU and US DST changes. */
const DST_CHANGES = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', '2027-03-28T01:00:00Z', '2026-04-05T02:00:00Z'].map(Date.parse);
const instantArb = fc.oneof(
  fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') }),
  fc.tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -16 * DAY, max: 16 * DAY })).map(([at, d]) => at + d),
);
const zoneArb = fc.constantFrom(...ZONES);
const localClock = (ms: number, zone: string) => new Date(ms + zoneOffsetMs(ms, zone)).toISOString().slice(11, 19);

describe('withdrawal period (art. 9): properties across zones and DST changes', () => {
  it('ends at local midnight at the end of the 14th day after possession, not counting the day of possession', () => {
    fc.assert(
      fc.property(instantArb, zoneArb, fc.integer({ min: 1, max: 60 }), (ms, zone, days) => {
        const p = withdrawalPeriod(new Date(ms), days, zone);
        const end = p.endsAt.getTime();
        // Midnight in the shop's zone (or, where clocks jump forward at midnight, the jump: that day's first instant) …
        if (zoneOffsetMs(end - 1, zone) === zoneOffsetMs(end, zone)) expect(localClock(end, zone)).toBe('00:00:00');
        // … beginning the day after the last one, which is D + days.
        expect(localDayOf(end, zone)).toBe(localDayOf(ms, zone) + days + 1);
        expect(localDayOf(end - 1, zone)).toBe(localDayOf(ms, zone) + days);
        // Whatever the hour of delivery and any DST change on the way: more than `days` and at most `days + 1` days (± the 1 h shift; Lord Howe 30 min).
        expect(end - ms).toBeGreaterThan(days * DAY - HOUR);
        expect(end - ms).toBeLessThanOrEqual((days + 1) * DAY + HOUR);
      }),
      { numRuns: 600 },
    );
  });

  it('where midnight does not exist (Santiago springs forward at 00:00), ends at the jump, not an hour early on the day before', () => {
    // The counterexample fast-check found (seed -1175159799): 2029-08-06 in Santiago, 26 days.
    const ms = 1880683200000;
    const end = withdrawalPeriod(new Date(ms), 26, 'America/Santiago').endsAt.getTime();
    expect(localClock(end, 'America/Santiago')).toBe('01:00:00');
    expect(localDayOf(end, 'America/Santiago')).toBe(localDayOf(ms, 'America/Santiago') + 27);
    expect(localDayOf(end - 1, 'America/Santiago')).toBe(localDayOf(ms, 'America/Santiago') + 26);
  });

  it('is monotonic: later possession never ends the period earlier, and the next local day ends it exactly one local day later', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 3 * DAY }), zoneArb, (ms, later, zone) => {
        const a = withdrawalPeriod(new Date(ms), 14, zone);
        const b = withdrawalPeriod(new Date(ms + later), 14, zone);
        expect(b.endsAt.getTime()).toBeGreaterThanOrEqual(a.endsAt.getTime());
        const dayGap = localDayOf(ms + later, zone) - localDayOf(ms, zone);
        expect(localDayOf(b.endsAt.getTime(), zone) - localDayOf(a.endsAt.getTime(), zone)).toBe(dayGap);
      }),
      { numRuns: 400 },
    );
  });

  it('a notice is in time exactly while the period has not ended (sent in time = on time)', () => {
    fc.assert(
      fc.property(instantArb, zoneArb, fc.integer({ min: -2 * DAY, max: 2 * DAY }), (ms, zone, offset) => {
        const p = withdrawalPeriod(new Date(ms), 14, zone);
        const sent = p.endsAt.getTime() + offset;
        expect(withdrawalInTime(p, new Date(sent))).toBe(sent < p.endsAt.getTime());
        expect(withdrawalInTime(p, new Date(p.endsAt.getTime() - 1))).toBe(true);
        expect(withdrawalInTime(p, p.endsAt)).toBe(false);
      }),
    );
  });

  it('with the working-day rule never ends on a Saturday or Sunday, and moves by at most two days', () => {
    fc.assert(
      fc.property(instantArb, zoneArb, (ms, zone) => {
        const plain = withdrawalPeriod(new Date(ms), 14, zone);
        const extended = withdrawalPeriod(new Date(ms), 14, zone, true);
        const lastDay = localDayOf(extended.endsAt.getTime() - 1, zone);
        expect([0, 6]).not.toContain(weekdayOf(lastDay));
        const moved = localDayOf(extended.endsAt.getTime(), zone) - localDayOf(plain.endsAt.getTime(), zone);
        expect(moved).toBeGreaterThanOrEqual(0);
        expect(moved).toBeLessThanOrEqual(2);
        expect(localClock(extended.endsAt.getTime(), zone)).toBe('00:00:00');
      }),
      { numRuns: 400 },
    );
  });

  it('examples: the autumn DST change in Berlin, a Saturday end moved to Monday, London at the spring change', () => {
    // Delivered Sat 17 Oct 2026 at 23:30 in Berlin (21:30Z); 14 days → Sat 31 Oct, across the 25 Oct change.
    const berlin = withdrawalPeriod(new Date('2026-10-17T21:30:00Z'), 14, 'Europe/Berlin');
    expect(berlin).toEqual({ fromDay: '2026-10-17', lastDay: '2026-10-31', endsAt: new Date('2026-10-31T23:00:00Z') });
    // Reg. 1182/71 art. 3(4): Saturday 31 Oct → Monday 2 Nov, ending at Berlin midnight (CET, +1).
    expect(withdrawalPeriod(new Date('2026-10-17T21:30:00Z'), 14, 'Europe/Berlin', true)).toEqual({ fromDay: '2026-10-17', lastDay: '2026-11-02', endsAt: new Date('2026-11-02T23:00:00Z') });
    // London, delivered 20 Mar 2026 (GMT): ends 3 Apr 24:00 BST = 23:00Z.
    expect(withdrawalPeriod(new Date('2026-03-20T12:00:00Z'), 14, 'Europe/London').endsAt).toEqual(new Date('2026-04-03T23:00:00Z'));
    // 00:30 local on 1 Nov in Shanghai is still 31 Oct UTC: the shop's calendar counts.
    expect(withdrawalPeriod(new Date('2026-10-31T16:30:00Z'), 14, 'Asia/Shanghai').lastDay).toBe('2026-11-15');
  });

  it('weekdays: 1970-01-01 was a Thursday; Saturday and Sunday move to Monday', () => {
    expect(weekdayOf(0)).toBe(4);
    const saturday = 2; // 1970-01-03
    expect(weekdayOf(saturday)).toBe(6);
    expect(nextWorkingDay(saturday)).toBe(saturday + 2);
    expect(nextWorkingDay(saturday + 1)).toBe(saturday + 2);
    expect(nextWorkingDay(saturday + 2)).toBe(saturday + 2);
    fc.assert(fc.property(fc.integer({ min: -100_000, max: 100_000 }), (day) => [1, 2, 3, 4, 5].includes(weekdayOf(nextWorkingDay(day)))));
  });
});

describe('physical possession (art. 9(2)(b)): the last parcel of a multi-parcel order', () => {
  it('is the latest delivery, and nothing while any parcel is on its way', () => {
    fc.assert(
      fc.property(fc.array(fc.option(instantArb, { nil: null }), { minLength: 1, maxLength: 6 }), (times) => {
        const parcels = times.map((t) => ({ deliveredAt: t === null ? null : new Date(t) }));
        const at = physicalPossession(parcels);
        if (times.includes(null)) expect(at).toBeNull();
        else expect(at!.getTime()).toBe(Math.max(...(times as number[])));
      }),
    );
    expect(physicalPossession([])).toBeNull();
  });
});

describe('refund clock (art. 13(1), 13(3); UK reg. 34)', () => {
  const base = { refundWithinDays: 14, timeZone: 'Europe/Paris', withhold: true, goodsReceivedAt: null, dispatchProvedAt: null } as const;

  it('EU: due 14 days from the notice, withheld until goods or proof of dispatch, whichever is earlier', () => {
    const noticeAt = new Date('2026-11-02T10:00:00Z');
    const withheld = refundClock({ ...base, countsFrom: 'notice', noticeAt });
    expect(withheld).toEqual({ deadlineAt: new Date('2026-11-16T23:00:00Z'), lastDay: '2026-11-16', releasedAt: null, dueAt: null });
    expect(refundStanding(withheld, new Date('2026-12-01T00:00:00Z'), null)).toBe('withheld');
    const proof = new Date('2026-11-05T09:00:00Z');
    const received = new Date('2026-11-09T09:00:00Z');
    const released = refundClock({ ...base, countsFrom: 'notice', noticeAt, goodsReceivedAt: received, dispatchProvedAt: proof });
    expect(released.releasedAt).toEqual(proof);
    expect(released.dueAt).toEqual(new Date('2026-11-16T23:00:00Z'));
    expect(refundStanding(released, new Date('2026-11-16T22:59:59Z'), null)).toBe('due');
    expect(refundStanding(released, new Date('2026-11-16T23:00:00Z'), null)).toBe('overdue');
    expect(refundStanding(released, new Date('2026-11-20T00:00:00Z'), new Date('2026-11-10T00:00:00Z'))).toBe('paid_in_time');
    // Goods arriving after the 14 days: due at once.
    const late = refundClock({ ...base, countsFrom: 'notice', noticeAt, goodsReceivedAt: new Date('2026-11-25T08:00:00Z') });
    expect(late.dueAt).toEqual(new Date('2026-11-25T08:00:00Z'));
    // Without withholding the notice starts and releases everything.
    expect(refundClock({ ...base, countsFrom: 'notice', noticeAt, withhold: false }).dueAt).toEqual(new Date('2026-11-16T23:00:00Z'));
  });

  it('UK: 14 days from the goods back or the evidence of return', () => {
    const noticeAt = new Date('2026-11-02T10:00:00Z');
    const uk = { ...base, timeZone: 'Europe/London', countsFrom: 'goods_or_proof' } as const;
    expect(refundClock({ ...uk, noticeAt })).toEqual({ deadlineAt: null, lastDay: null, releasedAt: null, dueAt: null });
    const proof = new Date('2026-11-10T12:00:00Z');
    expect(refundClock({ ...uk, noticeAt, dispatchProvedAt: proof })).toMatchObject({ lastDay: '2026-11-24', dueAt: new Date('2026-11-25T00:00:00Z'), releasedAt: proof });
  });

  it('where the day after the last one starts at a DST jump (Santiago), the refund deadline is the jump', () => {
    // The counterexample fast-check found in CI (seed 617849058): goods back at 00:00 on 2025-08-23 in Santiago; 2025-09-07 begins at 01:00.
    const ms = 1755921599971;
    const c = refundClock({ noticeAt: new Date(ms), refundWithinDays: 14, countsFrom: 'goods_or_proof', timeZone: 'America/Santiago', withhold: false, goodsReceivedAt: new Date(ms + 29), dispatchProvedAt: null });
    expect(localClock(c.deadlineAt!.getTime(), 'America/Santiago')).toBe('01:00:00');
    expect(localDayOf(c.deadlineAt!.getTime() - 1, 'America/Santiago')).toBe(localDayOf(ms + 29, 'America/Santiago') + 14);
  });

  it('properties: never due before the deadline nor before the release; the release is the earliest of goods and proof', () => {
    fc.assert(
      fc.property(
        instantArb,
        zoneArb,
        fc.option(fc.integer({ min: 0, max: 40 * DAY }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 40 * DAY }), { nil: null }),
        fc.constantFrom('notice' as const, 'goods_or_proof' as const),
        fc.boolean(),
        (ms, zone, received, proof, countsFrom, withhold) => {
          const noticeAt = new Date(ms);
          const c = refundClock({
            noticeAt,
            refundWithinDays: 14,
            countsFrom,
            timeZone: zone,
            withhold,
            goodsReceivedAt: received === null ? null : new Date(ms + received),
            dispatchProvedAt: proof === null ? null : new Date(ms + proof),
          });
          const firstBack = [received, proof].filter((x): x is number => x !== null);
          if (withhold) {
            if (firstBack.length === 0) expect(c.releasedAt).toBeNull();
            else expect(c.releasedAt!.getTime()).toBe(ms + Math.min(...firstBack));
          } else {
            expect(c.releasedAt).toEqual(noticeAt);
          }
          if (c.dueAt) {
            expect(c.deadlineAt).not.toBeNull();
            expect(c.dueAt.getTime()).toBeGreaterThanOrEqual(c.deadlineAt!.getTime());
            expect(c.dueAt.getTime()).toBeGreaterThanOrEqual(c.releasedAt!.getTime());
            expect(c.dueAt.getTime()).toBe(Math.max(c.deadlineAt!.getTime(), c.releasedAt!.getTime()));
          }
          if (c.deadlineAt) {
            const end = c.deadlineAt.getTime();
            // Local midnight, or where clocks jump forward at midnight (Santiago), the jump: that day's first instant.
            if (zoneOffsetMs(end - 1, zone) === zoneOffsetMs(end, zone)) expect(localClock(end, zone)).toBe('00:00:00');
            else expect(localDayOf(end - 1, zone)).toBe(localDayOf(end, zone) - 1);
            if (countsFrom === 'notice') expect(localDayOf(c.deadlineAt.getTime(), zone)).toBe(localDayOf(ms, zone) + 15);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('diminished value (art. 14(2)) and art. 16 exceptions', () => {
  it('a deduction never exceeds the item refund, and is zero when the buyer was not informed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), fc.boolean(), (refund, assessed, informed) => {
        const d = diminishedValueDeduction(refund, assessed, informed);
        expect(Number.isSafeInteger(d)).toBe(true);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(refund);
        if (!informed) expect(d).toBe(0);
        if (informed && assessed <= refund) expect(d).toBe(assessed);
      }),
    );
    expect(() => diminishedValueDeduction(100, -1, true)).toThrow(RangeError);
    expect(() => diminishedValueDeduction(1.5, 1, true)).toThrow(RangeError);
  });

  it('each exception maps to a return flag; final sale is never one', () => {
    for (const code of ART16_CODES) expect(ART16_EXCEPTIONS[code].label.en).toMatch(/art\. 16\([a-m]\)/);
    expect(exclusionsForExceptions([])).toEqual({ customMade: false, perishable: false, digitalOnceOpened: false, hygieneOnceUnsealed: false, finalSale: false });
    expect(exclusionsForExceptions(['d_perishable', 'm_digital_content'])).toEqual({ customMade: false, perishable: true, digitalOnceOpened: true, hygieneOnceUnsealed: false, finalSale: false });
  });
});

describe('EU and UK presets', () => {
  it.each([euWithdrawalPreset, ukCancellationPreset])('$name is valid and keeps the statutory floors', (preset) => {
    expect(validatePolicy(preset)).toEqual({ ok: true, policy: preset });
    expect(preset.windows.noReasonDays).toBe(14);
    expect(preset.exclusions.finalSale).toBe(false);
    expect(preset.fees.restocking).toEqual([]);
    expect(preset.statutory).toMatchObject({ withdrawalDays: 14, refundWithinDays: 14, withholdUntilGoodsOrProof: true, refundStandardDelivery: true, diminishedValueDeduction: true });
  });

  it('the validator refuses what the law does not allow', () => {
    const broken = {
      ...euWithdrawalPreset,
      windows: { ...euWithdrawalPreset.windows, noReasonDays: 7, overrides: [{ match: { channels: ['web'] }, noReasonDays: 10 }] },
      exclusions: { ...euWithdrawalPreset.exclusions, finalSale: true },
      fees: { ...euWithdrawalPreset.fees, restocking: [{ conditions: ['opened' as const], feeBp: 1000 }] },
      statutory: { ...euWithdrawalPreset.statutory!, exceptions: ['d_perishable' as const] },
    };
    const result = validatePolicy(broken);
    expect(result.ok).toBe(false);
    const paths = !result.ok ? result.issues.map((i) => i.path).sort() : [];
    expect(paths).toEqual(['/exclusions/customMade', '/exclusions/digitalOnceOpened', '/exclusions/finalSale', '/exclusions/hygieneOnceUnsealed', '/fees/restocking', '/windows/noReasonDays', '/windows/overrides/0/noReasonDays']);
  });

  it('evaluate(): EU windows count from the last parcel and end on a working day; the whole order back refunds the delivery', () => {
    // Delivered Sat 17 Oct 2026 23:30 Berlin: 14 days end Sat 31 Oct → Monday 2 Nov 24:00 (EU), Sat 31 Oct 24:00 (UK).
    const line = testLine({ lineId: 'l1', quantity: 1, unitPriceMinor: 5000, paidMinor: 5000 });
    const order = testOrder({ timeZone: 'Europe/Berlin', deliveredAt: new Date('2026-10-17T21:30:00Z'), shippingFeeMinor: 499, totalMinor: 5499, lines: [line] });
    const customer = { tier: null, riskScore: 0, completedOrders: 0 };
    const request = (code: string) => ({ caseType: 'return_refund' as const, items: [{ lineId: 'l1', quantity: 1, reasonCode: code, condition: 'used' as const }], method: 'original' as const });
    const sunday = new Date('2026-11-01T12:00:00Z');
    const eu = evaluate(euWithdrawalPreset, order, customer, sunday, request('withdrawal'));
    expect(eu.request!.eligible).toBe(true);
    expect(eu.lines[0]!.noReason.until).toEqual(new Date('2026-11-02T23:00:00Z'));
    // Used goods may come back; the buyer pays the label; the standard delivery is refunded.
    expect(eu.request!.refund).toMatchObject({ itemsMinor: 5000, labelCostMinor: 495, outboundShippingMinor: 499, refundMinor: 5000 - 495 + 499 });
    const uk = evaluate(ukCancellationPreset, order, customer, sunday, request('cancellation'));
    expect(uk.request!.eligible).toBe(false);
    expect(uk.lines[0]!.noReason.until).toEqual(new Date('2026-10-31T23:00:00Z'));
  });
});
