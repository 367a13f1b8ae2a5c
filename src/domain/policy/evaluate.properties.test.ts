import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerFacts, LineFacts, OrderFacts } from '../cases/facts.js';
import { CASE_TYPES } from '../cases/model.js';
import { evaluate } from './evaluate.js';
import { chinaMarketplacePreset, internationalPreset } from './presets.js';
import { CONDITIONS, type ItemCondition, type Policy } from './schema.js';
import { testLine, testOrder } from './test-orders.js';
import type { EvaluationRequest } from './verdict.js';

const DAY = 86_400_000;
const BASE = Date.parse('2026-11-01T07:00:00Z');
/** Mostly the common case, sometimes the other: keeps eligible requests frequent enough to test the money. */
const mostly = <T>(usual: T, ...others: T[]) => fc.oneof({ weight: 4, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: fc.constantFrom(usual, ...others) });
const rarely = () => mostly(false, true);

/** A line with consistent facts: refunded units were claimed, refunded money was paid. */
const lineArb = (lineId: string) =>
  fc
    .record({
      quantity: fc.integer({ min: 1, max: 5 }),
      unitPriceMinor: fc.integer({ min: 1, max: 60_000 }),
      discountPct: fc.integer({ min: 0, max: 50 }),
      claimed: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 }) }),
      refundedUnits: fc.integer({ min: 0, max: 6 }),
      refundedPct: fc.integer({ min: 0, max: 100 }),
      category: fc.constantFrom('apparel', 'electronics', null),
      flags: fc.record({ customMade: rarely(), perishable: rarely(), digital: rarely(), hygiene: rarely(), finalSale: rarely() }),
    })
    .map(({ quantity, unitPriceMinor, discountPct, claimed, refundedUnits, refundedPct, category, flags }): LineFacts => {
      const gross = quantity * unitPriceMinor;
      const discount = Math.floor((gross * discountPct) / 100);
      const paidMinor = gross - discount;
      const refundedQuantity = Math.min(refundedUnits, claimed, quantity);
      return testLine({
        lineId,
        quantity,
        unitPriceMinor,
        category,
        lineDiscountMinor: discount,
        paidMinor,
        claimedQuantity: claimed,
        refundedQuantity,
        refundedMinor: refundedQuantity === 0 ? 0 : Math.floor((paidMinor * refundedPct) / 100),
        flags,
      });
    });

const orderArb: fc.Arbitrary<OrderFacts> = fc
  .record({
    lines: fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => lineArb(`l${i}`)))),
    stage: mostly('delivered', 'not_shipped', 'in_transit', 'cancelled'),
    deliveredOffsetMin: fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }),
    timeZone: fc.constantFrom('Asia/Shanghai', 'Europe/London', 'America/New_York'),
    shippingFeeMinor: fc.integer({ min: 0, max: 2_000 }),
    shippingRefunded: fc.boolean(),
    shippingInsurance: fc.boolean(),
    channel: fc.constantFrom('taobao', 'web'),
  })
  .map(({ lines, stage, deliveredOffsetMin, timeZone, shippingFeeMinor, shippingRefunded, shippingInsurance, channel }) => {
    const delivered = new Date(BASE + deliveredOffsetMin * 60_000);
    const shippingRefundedMinor = shippingRefunded ? shippingFeeMinor : 0;
    return testOrder({
      lines,
      channel,
      timeZone,
      shippingFeeMinor,
      shippingInsurance,
      shippedAt: stage === 'not_shipped' || stage === 'cancelled' ? null : new Date(delivered.getTime() - 2 * DAY),
      deliveredAt: stage === 'delivered' ? delivered : null,
      cancelledAt: stage === 'cancelled' ? new Date(delivered.getTime() - 3 * DAY) : null,
      shippingRefundedMinor,
      refundedMinor: lines.reduce((sum, l) => sum + l.refundedMinor, 0) + shippingRefundedMinor,
    });
  });

const customerArb: fc.Arbitrary<CustomerFacts> = fc.record({
  tier: fc.constantFrom(null, 'vip'),
  riskScore: fc.integer({ min: 0, max: 100 }),
  completedOrders: fc.integer({ min: 0, max: 20 }),
});

/** A preset, sometimes with other window lengths (a fresh object: the per-policy cache is rebuilt too). */
const policyArb: fc.Arbitrary<Policy> = fc
  .record({ base: fc.constantFrom(chinaMarketplacePreset, internationalPreset), noReasonDays: fc.option(fc.integer({ min: 0, max: 40 })) })
  .map(({ base, noReasonDays }) => {
    if (noReasonDays === null) return base;
    const copy = structuredClone(base);
    copy.windows.noReasonDays = noReasonDays;
    copy.windows.sellerFaultDays = Math.max(copy.windows.sellerFaultDays, noReasonDays);
    return copy;
  });

const requestArb = (policy: Policy, order: OrderFacts): fc.Arbitrary<EvaluationRequest> =>
  fc.record(
    {
      caseType: fc.oneof(fc.constant('return_refund' as const), fc.constantFrom(...CASE_TYPES)),
      items: fc.array(
        fc.record({
          lineId: fc.constantFrom(...order.lines.map((l) => l.lineId)),
          quantity: fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) }),
          reasonCode: mostly(policy.reasons[0]!.code, ...policy.reasons.map((r) => r.code), 'bogus'),
          condition: mostly<ItemCondition>('unopened', ...CONDITIONS),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      method: mostly<'original' | 'store_credit'>('original', 'store_credit'),
      returnShippingClaimMinor: fc.integer({ min: 0, max: 5_000 }),
      keepGoods: rarely(),
      replacementTotalMinor: fc.integer({ min: 0, max: 100_000 }),
    },
    { requiredKeys: ['caseType', 'items', 'method'] },
  );

const caseArb = fc
  .tuple(policyArb, orderArb, customerArb, fc.oneof(fc.integer({ min: 0, max: 6 * 24 * 60 }), fc.integer({ min: -6 * 24 * 60, max: 100 * 24 * 60 })))
  .chain(([policy, order, customer, nowOffsetMin]) =>
    requestArb(policy, order).map((request) => ({ policy, order, customer, now: new Date(BASE + nowOffsetMin * 60_000), request })),
  );

describe('evaluate: properties', () => {
  it('is deterministic, also for an equal copy of the policy', () => {
    fc.assert(
      fc.property(caseArb, ({ policy, order, customer, now, request }) => {
        const first = evaluate(policy, order, customer, now, request);
        expect(evaluate(policy, order, customer, now, request)).toEqual(first);
        expect(evaluate(structuredClone(policy), order, customer, now, request)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('never refunds more than the order has left, nor less than nothing', () => {
    fc.assert(
      fc.property(caseArb, ({ policy, order, customer, now, request }) => {
        const { refund } = evaluate(policy, order, customer, now, request).request!;
        expect(refund.refundMinor).toBeGreaterThanOrEqual(0);
        expect(refund.refundMinor).toBeLessThanOrEqual(order.totalMinor - order.refundedMinor);
      }),
      { numRuns: 500 },
    );
  });

  it('never allows an item of a line that is not eligible, nor a reason or case type the line does not offer', () => {
    fc.assert(
      fc.property(caseArb, ({ policy, order, customer, now, request }) => {
        const verdict = evaluate(policy, order, customer, now, request);
        const lines = new Map(verdict.lines.map((l) => [l.lineId, l]));
        for (const item of verdict.request!.items) {
          const line = lines.get(item.lineId)!;
          if (!line.eligible) expect(item.eligible).toBe(false);
          if (item.eligible) {
            expect(line.allowedReasons).toContain(item.reasonCode);
            expect(line.allowedCaseTypes).toContain(request.caseType);
          }
        }
        if (verdict.request!.eligible) expect(verdict.request!.items.every((i) => i.eligible)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('gives every ruling a sentence in both languages', () => {
    fc.assert(
      fc.property(caseArb, ({ policy, order, customer, now, request }) => {
        const verdict = evaluate(policy, order, customer, now, request);
        const r = verdict.request!;
        const rulings = [
          ...verdict.lines.flatMap((l) => [l.ruling, l.noReason, l.sellerFault, l.beforeDelivery]),
          r.ruling,
          ...r.items,
          r.automation.decisionRuling,
          r.automation.fastRefundRuling,
        ];
        for (const { rule, explanation } of rulings) {
          expect(rule).toMatch(/^[a-z_]+\.[a-z_]+$/);
          expect(explanation['zh-CN'].length).toBeGreaterThan(0);
          expect(explanation.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
