import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../errors.js';
import { computeOrderAmounts, type LineAmountsInput } from '../orders/amounts.js';
import type { LineFacts, OrderFacts } from '../cases/facts.js';
import type { Fault, ItemCondition } from '../policy/schema.js';
import {
  basisPoints,
  computeCaseRefund,
  refundForUnits,
  unitShares,
  type CaseRefundInput,
  type RefundBreakdown,
  type RefundMethod,
  type ShippingPayer,
} from './compute.js';

function appErrorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

const NO_FLAGS = { customMade: false, perishable: false, digital: false, hygiene: false, finalSale: false };

function lineFacts(lineNo: number, l: Partial<LineFacts> & Pick<LineFacts, 'quantity' | 'paidMinor'>): LineFacts {
  return {
    lineId: `line-${lineNo}`,
    lineNo,
    sku: `SKU-${lineNo}`,
    title: `Item ${lineNo}`,
    category: null,
    unitPriceMinor: l.paidMinor,
    lineDiscountMinor: 0,
    orderDiscountShareMinor: 0,
    taxMinor: 0,
    flags: NO_FLAGS,
    claimedQuantity: 0,
    refundedQuantity: 0,
    refundedMinor: 0,
    ...l,
  };
}

function orderFacts(lines: LineFacts[], o: { shippingFeeMinor?: number; totalMinor?: number; pricesIncludeTax?: boolean } = {}): OrderFacts {
  const shippingFeeMinor = o.shippingFeeMinor ?? 0;
  return {
    orderId: 'order-1',
    channel: 'web',
    timeZone: 'Asia/Shanghai',
    currency: 'CNY',
    pricesIncludeTax: o.pricesIncludeTax ?? true,
    placedAt: new Date('2026-10-01T02:00:00Z'),
    shippedAt: new Date('2026-10-02T02:00:00Z'),
    deliveredAt: new Date('2026-10-04T02:00:00Z'),
    cancelledAt: null,
    shippingFeeMinor,
    totalMinor: o.totalMinor ?? sum(lines.map((l) => l.paidMinor)) + shippingFeeMinor,
    shippingInsurance: false,
    lines,
    refundedMinor: 0,
    shippingRefundedMinor: 0,
  };
}

interface ItemSpec {
  line: LineFacts;
  quantity: number;
  restockingFeeBp?: number;
  fault?: Fault;
  condition?: ItemCondition;
}

function refundInput(order: OrderFacts, items: ItemSpec[], more: Partial<CaseRefundInput> = {}): CaseRefundInput {
  return {
    order,
    items: items.map((i) => ({
      line: i.line,
      quantity: i.quantity,
      fault: i.fault ?? 'buyer',
      condition: i.condition ?? 'unopened',
      restockingFeeBp: i.restockingFeeBp ?? 0,
    })),
    returnShippingPayer: 'seller',
    labelCostMinor: 0,
    returnShippingReimbursementMinor: 0,
    refundOutboundShipping: false,
    method: 'original',
    storeCreditBonusBp: 0,
    ...more,
  };
}

// ---------------------------------------------------------------------------------------------
// Random orders: realistic lines built by computeOrderAmounts (line and order discounts, tax
// inclusive or exclusive, shipping), so the refund math sees the amounts it will see in use.
// ---------------------------------------------------------------------------------------------

const orderArb: fc.Arbitrary<OrderFacts> = fc
  .record({
    pricesIncludeTax: fc.boolean(),
    lines: fc.array(
      fc.record({
        quantity: fc.integer({ min: 1, max: 20 }),
        unitPriceMinor: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 1_000_000 })),
        discountPermille: fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: undefined }),
        taxPermille: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300 })),
      }),
      { minLength: 1, maxLength: 50 },
    ),
    orderDiscountPermille: fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: undefined }),
    shippingFeeMinor: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000 })),
  })
  .map((o) => {
    const afterLine: number[] = [];
    const lines: LineAmountsInput[] = o.lines.map((l) => {
      const gross = l.quantity * l.unitPriceMinor;
      const lineDiscountMinor = l.discountPermille === undefined ? undefined : Math.floor((gross * l.discountPermille) / 1000);
      afterLine.push(gross - (lineDiscountMinor ?? 0));
      return { quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, lineDiscountMinor };
    });
    const discountable = sum(afterLine);
    const orderDiscountMinor = o.orderDiscountPermille === undefined ? undefined : Math.floor((discountable * o.orderDiscountPermille) / 1000);
    const discount = orderDiscountMinor ?? 0;
    lines.forEach((line, i) => {
      const a = afterLine[i]!;
      // A line's share of the order discount is at most ceil(discount·a/discountable), so this
      // lower bound of its net keeps included tax within the price.
      const maxShare = discountable === 0 ? 0 : Math.ceil((discount * a) / discountable);
      line.taxMinor = Math.floor((Math.max(0, a - maxShare) * o.lines[i]!.taxPermille) / 1000);
    });
    const amounts = computeOrderAmounts({ pricesIncludeTax: o.pricesIncludeTax, lines, orderDiscountMinor, shippingFeeMinor: o.shippingFeeMinor });
    const facts = amounts.lines.map((a, i) =>
      lineFacts(i + 1, {
        quantity: lines[i]!.quantity,
        unitPriceMinor: lines[i]!.unitPriceMinor,
        lineDiscountMinor: a.lineDiscountMinor,
        orderDiscountShareMinor: a.orderDiscountShareMinor,
        taxMinor: a.taxMinor,
        paidMinor: a.paidMinor,
      }),
    );
    return orderFacts(facts, { shippingFeeMinor: amounts.shippingFeeMinor, totalMinor: amounts.totalMinor, pricesIncludeTax: o.pricesIncludeTax });
  });

/** A split of `n` into positive parts (from a list of random cut points). */
function splitUnits(n: number, cuts: readonly number[]): number[] {
  const points = [...new Set(cuts.map((c) => 1 + (c % Math.max(1, n - 1))).filter((p) => p < n))].sort((a, b) => a - b);
  const parts: number[] = [];
  let prev = 0;
  for (const p of [...points, n]) {
    parts.push(p - prev);
    prev = p;
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Random sequences of cases, applied to the facts the way the refund ledger would.
// ---------------------------------------------------------------------------------------------

type CaseKind = 'return' | 'exchange' | 'keep';

interface CaseSpec {
  kind: CaseKind;
  items: { linePick: number; qtyPick: number; feeBp: number }[];
  payer: ShippingPayer;
  labelCostMinor: number;
  reimbursementMinor: number;
  refundOutboundShipping: boolean;
  method: RefundMethod;
  bonusBp: number;
  /** For 'keep' cases (and sometimes others): the part of the computed refund a person settles on. */
  overridePermille: number | undefined;
  replacementPermille: number;
  priceIncrease: 'buyer_pays' | 'shop_absorbs';
}

const caseArb: fc.Arbitrary<CaseSpec> = fc.record({
  kind: fc.constantFrom<CaseKind>('return', 'return', 'return', 'exchange', 'keep'),
  items: fc.array(
    fc.record({
      linePick: fc.nat(),
      qtyPick: fc.nat(),
      feeBp: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 10_000 })),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  payer: fc.constantFrom<ShippingPayer>('buyer', 'seller', 'insurer', 'none'),
  labelCostMinor: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000 })),
  reimbursementMinor: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000 })),
  refundOutboundShipping: fc.boolean(),
  method: fc.constantFrom<RefundMethod>('original', 'store_credit'),
  bonusBp: fc.integer({ min: 0, max: 10_000 }),
  overridePermille: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 1_000 }), weight: 1 }),
  replacementPermille: fc.integer({ min: 0, max: 2_000 }),
  priceIncrease: fc.constantFrom('buyer_pays', 'shop_absorbs'),
});

/** The refund input a case spec means against the order as it stands; undefined when nothing is left to claim. */
function caseInput(order: OrderFacts, spec: CaseSpec): CaseRefundInput | undefined {
  const left = new Map(order.lines.map((l) => [l.lineId, l.quantity - l.refundedQuantity]));
  const items: ItemSpec[] = [];
  for (const pick of spec.items) {
    const open = order.lines.filter((l) => left.get(l.lineId)! > 0);
    if (open.length === 0) break;
    const line = open[pick.linePick % open.length]!;
    const quantity = 1 + (pick.qtyPick % left.get(line.lineId)!);
    left.set(line.lineId, left.get(line.lineId)! - quantity);
    items.push({ line, quantity, restockingFeeBp: pick.feeBp });
  }
  if (items.length === 0) return undefined;
  const base = refundInput(order, items, {
    returnShippingPayer: spec.kind === 'keep' ? 'none' : spec.payer,
    labelCostMinor: spec.labelCostMinor,
    returnShippingReimbursementMinor: spec.kind === 'keep' ? 0 : spec.reimbursementMinor,
    refundOutboundShipping: spec.refundOutboundShipping,
    method: spec.method,
    storeCreditBonusBp: spec.bonusBp,
  });
  if (spec.kind === 'exchange') {
    const returnedMinor = computeCaseRefund(base).itemsMinor;
    base.exchange = { replacementTotalMinor: Math.floor((returnedMinor * spec.replacementPermille) / 1000), priceIncrease: spec.priceIncrease };
  }
  // A partial refund where the goods are kept is always a lower amount a person agreed; other
  // cases sometimes have one (an amended approval).
  const permille = spec.kind === 'keep' ? (spec.overridePermille ?? 500) : spec.overridePermille;
  if (permille !== undefined) {
    const preview = computeCaseRefund(base);
    base.amountOverrideMinor = Math.floor((Math.max(0, preview.computedMinor) * permille) / 1000);
  }
  return base;
}

/** The ledger after a refund: what the services record, in the facts the next case is computed from. */
function applyRefund(order: OrderFacts, kind: CaseKind, r: RefundBreakdown): OrderFacts {
  const lines = order.lines.map((l) => ({ ...l }));
  for (const item of r.items) {
    const line = lines.find((l) => l.lineId === item.lineId)!;
    if (kind !== 'keep') line.refundedQuantity += item.quantity;
    line.refundedMinor += item.refundMinor;
  }
  return {
    ...order,
    lines,
    refundedMinor: order.refundedMinor + r.refundMinor,
    shippingRefundedMinor: order.shippingRefundedMinor + r.shippingRefundMinor,
  };
}

/** Every property a single breakdown must have, whatever came before it. */
function checkBreakdown(input: CaseRefundInput, r: RefundBreakdown) {
  // (e) the parts add up to the refund
  expect(sum(r.items.map((i) => i.refundMinor)) + r.shippingRefundMinor).toBe(r.refundMinor);
  // (f) never below zero, never above what the order has left, and the bound says which applied
  const orderRemaining = Math.max(0, input.order.totalMinor - input.order.refundedMinor);
  expect(r.orderRemainingMinor).toBe(orderRemaining);
  const wanted = input.amountOverrideMinor ?? r.computedMinor;
  expect(r.refundMinor).toBeGreaterThanOrEqual(0);
  expect(r.refundMinor).toBeLessThanOrEqual(orderRemaining);
  expect(r.refundMinor).toBe(Math.min(Math.max(0, wanted), orderRemaining));
  expect(r.bound).toBe(wanted < 0 ? 'zero' : wanted > orderRemaining ? 'order_remaining' : 'none');
  for (const item of r.items) {
    expect(item.refundMinor).toBeGreaterThanOrEqual(0);
    expect(item.refundMinor).toBeLessThanOrEqual(item.amountMinor);
    expect(item.restockingFeeMinor).toBeLessThanOrEqual(item.amountMinor);
  }
  expect(r.shippingRefundMinor).toBeGreaterThanOrEqual(0);
  expect(r.shippingRefundMinor).toBeLessThanOrEqual(r.outboundShippingMinor);
  // (g) store credit = payout + floor(payout · bonus / 10 000)
  expect(r.payoutMinor).toBe(r.refundMinor + r.compensationMinor);
  if (input.method === 'store_credit') {
    expect(r.storeCreditBonusMinor).toBe(Math.floor((r.payoutMinor * input.storeCreditBonusBp) / 10_000));
    expect(r.storeCreditMinor).toBe(r.payoutMinor + r.storeCreditBonusMinor);
  } else {
    expect(r.storeCreditBonusMinor).toBe(0);
    expect(r.storeCreditMinor).toBe(0);
  }
}

// ---------------------------------------------------------------------------------------------

describe('unitShares and refundForUnits: examples', () => {
  it('splits 100 paid for 3 units as 34/33/33, earlier units first', () => {
    expect(unitShares(100, 3)).toEqual([34, 33, 33]);
    const line = lineFacts(1, { quantity: 3, paidMinor: 100 });
    expect(refundForUnits(line, 1).amountMinor).toBe(34);
    expect(refundForUnits({ ...line, refundedQuantity: 1 }, 1).amountMinor).toBe(33);
    expect(refundForUnits({ ...line, refundedQuantity: 2 }, 1).amountMinor).toBe(33);
    expect(refundForUnits({ ...line, refundedQuantity: 1 }, 2).amountMinor).toBe(66);
  });

  it('splits tax and discounts by unit too', () => {
    const line = lineFacts(1, { quantity: 3, paidMinor: 300, taxMinor: 35, lineDiscountMinor: 10, orderDiscountShareMinor: 2 });
    expect(refundForUnits(line, 1)).toEqual({ amountMinor: 100, taxMinor: 12, discountMinor: 4 });
    expect(refundForUnits({ ...line, refundedQuantity: 1 }, 2)).toEqual({ amountMinor: 200, taxMinor: 23, discountMinor: 8 });
    expect(refundForUnits(line, 0)).toEqual({ amountMinor: 0, taxMinor: 0, discountMinor: 0 });
  });

  it('refuses units beyond the line with refund.quantity_exceeds_line', () => {
    const line = lineFacts(1, { quantity: 3, paidMinor: 100, refundedQuantity: 2 });
    const err = appErrorOf(() => refundForUnits(line, 2));
    expect(err.kind).toBe('unprocessable');
    expect(err.code).toBe('refund.quantity_exceeds_line');
    expect(err.details).toEqual({ requested: 2, left: 1 });
    expect(appErrorOf(() => refundForUnits(line, -1)).code).toBe('refund.quantity_exceeds_line');
    expect(appErrorOf(() => refundForUnits(line, 0.5)).code).toBe('refund.quantity_exceeds_line');
  });

  it('refuses two items of one line in one case that take more units than it has', () => {
    const line = lineFacts(1, { quantity: 3, paidMinor: 300 });
    const input = refundInput(orderFacts([line]), [
      { line, quantity: 2 },
      { line, quantity: 2 },
    ]);
    expect(appErrorOf(() => computeCaseRefund(input)).code).toBe('refund.quantity_exceeds_line');
  });

  it('gives two items of one line in one case consecutive units', () => {
    const line = lineFacts(1, { quantity: 3, paidMinor: 100 });
    const r = computeCaseRefund(
      refundInput(orderFacts([line]), [
        { line, quantity: 1 },
        { line, quantity: 2 },
      ]),
    );
    expect(r.items.map((i) => i.amountMinor)).toEqual([34, 66]);
    expect(r.refundMinor).toBe(100);
  });
});

describe('unitShares and refundForUnits: properties', () => {
  it('(a) unit shares sum to the whole and differ by at most one, larger first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000_000 }), fc.integer({ min: 1, max: 20 }), (total, quantity) => {
        const shares = unitShares(total, quantity);
        expect(shares).toHaveLength(quantity);
        expect(sum(shares)).toBe(total);
        for (let i = 1; i < shares.length; i++) {
          expect(shares[i]!).toBeLessThanOrEqual(shares[i - 1]!);
          expect(shares[0]! - shares[i]!).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('(a) all units of every line, taken in any split, sum to its paid amount, tax and discounts exactly', () => {
    fc.assert(
      fc.property(orderArb, fc.array(fc.nat(), { maxLength: 25 }), (order, cuts) => {
        for (const line of order.lines) {
          const parts = splitUnits(line.quantity, cuts);
          expect(sum(parts)).toBe(line.quantity);
          let refundedQuantity = 0;
          const got = { amountMinor: 0, taxMinor: 0, discountMinor: 0 };
          for (const units of parts) {
            const r = refundForUnits({ ...line, refundedQuantity }, units);
            got.amountMinor += r.amountMinor;
            got.taxMinor += r.taxMinor;
            got.discountMinor += r.discountMinor;
            refundedQuantity += units;
          }
          expect(got).toEqual({
            amountMinor: line.paidMinor,
            taxMinor: line.taxMinor,
            discountMinor: line.lineDiscountMinor + line.orderDiscountShareMinor,
          });
          expect(() => refundForUnits({ ...line, refundedQuantity }, 1)).toThrow(AppError);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('computeCaseRefund: examples', () => {
  const line = lineFacts(1, { quantity: 1, paidMinor: 999 });
  const order = orderFacts([line], { shippingFeeMinor: 1000 });

  it('rounds the restocking fee down (in the buyer\u2019s favour)', () => {
    const r = computeCaseRefund(refundInput(order, [{ line, quantity: 1, restockingFeeBp: 1500 }]));
    // 999 × 15 % = 149.85
    expect(r.restockingFeeMinor).toBe(149);
    expect(r.refundMinor).toBe(850);
    expect(r.items[0]).toMatchObject({ amountMinor: 999, restockingFeeMinor: 149, refundMinor: 850 });
    expect(basisPoints(999, 1500)).toBe(149);
    expect(basisPoints(1, 9_999)).toBe(0);
  });

  it('deducts the label cost only when the buyer pays return shipping', () => {
    const payers: ShippingPayer[] = ['buyer', 'seller', 'insurer', 'none'];
    const refunds = payers.map((payer) => computeCaseRefund(refundInput(order, [{ line, quantity: 1 }], { returnShippingPayer: payer, labelCostMinor: 120 })));
    expect(refunds.map((r) => r.labelCostMinor)).toEqual([120, 0, 0, 0]);
    expect(refunds.map((r) => r.refundMinor)).toEqual([879, 999, 999, 999]);
  });

  it('gives back the outbound shipping fee once, first from the refund', () => {
    const first = computeCaseRefund(refundInput(order, [{ line, quantity: 1 }], { refundOutboundShipping: true }));
    expect(first).toMatchObject({ outboundShippingMinor: 1000, shippingRefundMinor: 1000, refundMinor: 1999, bound: 'none' });
    const after = { ...order, refundedMinor: 1000, shippingRefundedMinor: 1000 };
    const again = computeCaseRefund(refundInput(after, [{ line, quantity: 1 }], { refundOutboundShipping: true }));
    expect(again).toMatchObject({ outboundShippingMinor: 0, shippingRefundMinor: 0, refundMinor: 999 });
  });

  it('pays return shipping reimbursement as compensation on top of the refund, and a store-credit bonus on both', () => {
    const r = computeCaseRefund(
      refundInput(order, [{ line, quantity: 1 }], { returnShippingReimbursementMinor: 800, method: 'store_credit', storeCreditBonusBp: 1000 }),
    );
    expect(r).toMatchObject({ refundMinor: 999, compensationMinor: 800, payoutMinor: 1799, storeCreditBonusMinor: 179, storeCreditMinor: 1978 });
  });

  describe('exchanges', () => {
    const shirt = lineFacts(1, { quantity: 2, paidMinor: 2000 });
    const shirtOrder = orderFacts([shirt]);
    const exchange = (replacementTotalMinor: number, priceIncrease: 'buyer_pays' | 'shop_absorbs') =>
      computeCaseRefund(refundInput(shirtOrder, [{ line: shirt, quantity: 1, restockingFeeBp: 2000 }], { exchange: { replacementTotalMinor, priceIncrease } }));

    it('refunds the difference for a cheaper replacement, without a restocking fee', () => {
      for (const priceIncrease of ['buyer_pays', 'shop_absorbs'] as const) {
        expect(exchange(600, priceIncrease)).toMatchObject({
          itemsMinor: 1000,
          restockingFeeMinor: 0,
          exchangeDifferenceMinor: -400,
          buyerOwesMinor: 0,
          refundMinor: 400,
        });
      }
    });

    it('has the buyer pay for a pricier replacement, unless the shop absorbs it', () => {
      expect(exchange(1300, 'buyer_pays')).toMatchObject({ exchangeDifferenceMinor: 300, buyerOwesMinor: 300, refundMinor: 0, bound: 'none' });
      expect(exchange(1300, 'shop_absorbs')).toMatchObject({ exchangeDifferenceMinor: 300, buyerOwesMinor: 0, refundMinor: 0, bound: 'none' });
    });

    it('settles an even exchange with nothing either way', () => {
      expect(exchange(1000, 'buyer_pays')).toMatchObject({ exchangeDifferenceMinor: 0, buyerOwesMinor: 0, refundMinor: 0 });
    });
  });

  it('refuses an amount above the computed refund with refund.amount_out_of_bounds', () => {
    const input = refundInput(order, [{ line, quantity: 1 }], { amountOverrideMinor: 1000 });
    const err = appErrorOf(() => computeCaseRefund(input));
    expect(err.kind).toBe('unprocessable');
    expect(err.code).toBe('refund.amount_out_of_bounds');
    expect(err.details).toEqual({ amountMinor: 1000, maxMinor: 999 });
    expect(appErrorOf(() => computeCaseRefund({ ...input, amountOverrideMinor: -1 })).code).toBe('refund.amount_out_of_bounds');
    expect(computeCaseRefund({ ...input, amountOverrideMinor: 999 }).refundMinor).toBe(999);
    expect(computeCaseRefund({ ...input, amountOverrideMinor: 0 }).refundMinor).toBe(0);
  });

  it('keeps a partial refund (goods kept) against the line: later units get only what the line has left', () => {
    const two = lineFacts(1, { quantity: 2, paidMinor: 1000 });
    const o = orderFacts([two]);
    const partial = computeCaseRefund(refundInput(o, [{ line: two, quantity: 2 }], { amountOverrideMinor: 300, returnShippingPayer: 'none' }));
    expect(partial).toMatchObject({ computedMinor: 1000, refundMinor: 300 });
    // The buyer kept the goods: units are not used up, money is.
    const o2 = applyRefund(o, 'keep', partial);
    expect(o2.lines[0]).toMatchObject({ refundedQuantity: 0, refundedMinor: 300 });
    const first = computeCaseRefund(refundInput(o2, [{ line: o2.lines[0]!, quantity: 1 }]));
    expect(first.refundMinor).toBe(500);
    const o3 = applyRefund(o2, 'return', first);
    const second = computeCaseRefund(refundInput(o3, [{ line: o3.lines[0]!, quantity: 1 }]));
    expect(second.items[0]!.amountMinor).toBe(200);
    expect(second.refundMinor).toBe(200);
    expect(applyRefund(o3, 'return', second).refundedMinor).toBe(1000);
  });

  it('reports the bound: zero when fees exceed the goods, order_remaining when the order has less left', () => {
    const cheap = lineFacts(1, { quantity: 1, paidMinor: 100 });
    const o = orderFacts([cheap]);
    const zero = computeCaseRefund(refundInput(o, [{ line: cheap, quantity: 1 }], { returnShippingPayer: 'buyer', labelCostMinor: 150 }));
    expect(zero).toMatchObject({ computedMinor: -50, refundMinor: 0, bound: 'zero' });
    expect(zero.items[0]!.refundMinor).toBe(0);
    const capped = computeCaseRefund(refundInput({ ...o, refundedMinor: 60 }, [{ line: cheap, quantity: 1 }]));
    expect(capped).toMatchObject({ computedMinor: 100, orderRemainingMinor: 40, refundMinor: 40, bound: 'order_remaining' });
  });
});

describe('computeCaseRefund: properties over random orders and cases', () => {
  it('(b, d, e, f, g) in every prefix of any sequence of cases, the order and each line never give back more than they took', () => {
    fc.assert(
      fc.property(orderArb, fc.array(caseArb, { maxLength: 25 }), (initial, cases) => {
        let order = initial;
        for (const spec of cases) {
          const input = caseInput(order, spec);
          if (!input) break;
          const snapshot = structuredClone(input);
          const r = computeCaseRefund(input);
          // (d) determinism, and the input is left alone
          expect(input).toEqual(snapshot);
          expect(computeCaseRefund(snapshot)).toEqual(r);
          checkBreakdown(input, r);
          order = applyRefund(order, spec.kind, r);
          // (b) the order and every line within what was paid
          expect(order.refundedMinor).toBeLessThanOrEqual(order.totalMinor);
          expect(order.shippingRefundedMinor).toBeLessThanOrEqual(order.shippingFeeMinor);
          for (const line of order.lines) {
            expect(line.refundedMinor).toBeLessThanOrEqual(line.paidMinor);
            expect(line.refundedQuantity).toBeLessThanOrEqual(line.quantity);
          }
          expect(sum(order.lines.map((l) => l.refundedMinor)) + order.shippingRefundedMinor).toBe(order.refundedMinor);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('(c) every unit of every line back, in any split and order, without fees or lower amounts, with outbound shipping: the order total exactly', () => {
    fc.assert(
      fc.property(
        orderArb,
        fc.array(fc.nat(), { maxLength: 25 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 60 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.constantFrom<ShippingPayer>('seller', 'insurer', 'none'),
        fc.constantFrom<RefundMethod>('original', 'store_credit'),
        (initial, cuts, keys, breaks, shippingCase, payer, method) => {
          // Every line split into chunks of units; the chunks shuffled and grouped into cases.
          const chunks = initial.lines.flatMap((line, li) => splitUnits(line.quantity, cuts.map((c) => c + li)).map((quantity) => ({ li, quantity })));
          const shuffled = chunks
            .map((c, i) => ({ c, i, key: keys[i % keys.length]! ^ (i * 7919) }))
            .sort((a, b) => a.key - b.key || a.i - b.i)
            .map((x) => x.c);
          const groups: (typeof chunks)[] = [];
          shuffled.forEach((c, i) => {
            if (i === 0 || breaks[i % breaks.length]) groups.push([]);
            groups[groups.length - 1]!.push(c);
          });
          const withShipping = shippingCase % groups.length;
          let order = initial;
          groups.forEach((group, gi) => {
            const input = refundInput(
              order,
              group.map((c) => ({ line: order.lines[c.li]!, quantity: c.quantity })),
              { returnShippingPayer: payer, labelCostMinor: 500, refundOutboundShipping: gi === withShipping, method, storeCreditBonusBp: 500 },
            );
            // Items of one line in one case are taken consecutively: the facts must not be advanced by hand.
            const r = computeCaseRefund(input);
            checkBreakdown(input, r);
            expect(r.bound).toBe('none');
            expect(r.refundMinor).toBe(r.computedMinor);
            order = applyRefund(order, 'return', r);
          });
          expect(order.refundedMinor).toBe(order.totalMinor);
          expect(order.shippingRefundedMinor).toBe(order.shippingFeeMinor);
          for (const line of order.lines) {
            expect(line.refundedQuantity).toBe(line.quantity);
            expect(line.refundedMinor).toBe(line.paidMinor);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('a resolution per line (refund one item, exchange another): examples', () => {
  const cheap = lineFacts(1, { quantity: 1, paidMinor: 5_000 });
  const dear = lineFacts(2, { quantity: 1, paidMinor: 8_000 });
  const order = orderFacts([cheap, dear], { shippingFeeMinor: 1_000 });
  const mixed = (replacementMinor: number, more: Partial<CaseRefundInput> = {}) => {
    const input = refundInput(order, [{ line: cheap, quantity: 1, restockingFeeBp: 1_000 }, { line: dear, quantity: 1, restockingFeeBp: 1_000 }], {
      exchange: { priceIncrease: 'buyer_pays' },
      ...more,
    });
    input.items[0]!.resolution = 'refund';
    input.items[1]!.replacementMinor = replacementMinor;
    return computeCaseRefund(input);
  };

  it('refunds the refunded line (less its fee) and exchanges the other like for like', () => {
    const r = mixed(8_000);
    expect(r.items.map((i) => [i.resolution, i.refundMinor, i.differenceMinor, i.buyerOwesMinor])).toEqual([
      ['refund', 4_500, 0, 0],
      ['exchange', 0, 0, 0],
    ]);
    expect(r).toMatchObject({ refundMinor: 4_500, buyerOwesMinor: 0, nettedMinor: 0, restockingFeeMinor: 500 });
  });

  it('nets a dearer replacement against the refund of the other line, and collects only what is left', () => {
    expect(mixed(9_000)).toMatchObject({ refundMinor: 3_500, nettedMinor: 1_000, buyerOwesMinor: 0, exchangeDifferenceMinor: 1_000 });
    const r = mixed(15_000);
    expect(r).toMatchObject({ refundMinor: 0, nettedMinor: 4_500, buyerOwesMinor: 2_500 });
    expect(r.items.map((i) => i.buyerOwesMinor)).toEqual([0, 2_500]);
  });

  it('refunds what a cheaper replacement leaves over, per line, on top of the refunded line', () => {
    const r = mixed(6_000);
    expect(r.items.map((i) => i.refundMinor)).toEqual([4_500, 2_000]);
    expect(r).toMatchObject({ refundMinor: 6_500, buyerOwesMinor: 0, exchangeDifferenceMinor: -2_000 });
  });

  it('replaces a defective item by the same variant: nothing either way', () => {
    const same = refundInput(orderFacts([dear]), [{ line: dear, quantity: 1 }], { exchange: { priceIncrease: 'buyer_pays' } });
    expect(computeCaseRefund(same)).toMatchObject({ refundMinor: 0, buyerOwesMinor: 0, exchangeDifferenceMinor: 0 });
  });
});

describe('a resolution per line: properties', () => {
  const mixedArb = fc.record({
    picks: fc.array(fc.record({ linePick: fc.nat(), qtyPick: fc.nat(), feeBp: fc.integer({ min: 0, max: 10_000 }), refund: fc.boolean(), replacementPermille: fc.integer({ min: 0, max: 3_000 }) }), {
      minLength: 1,
      maxLength: 6,
    }),
    priceIncrease: fc.constantFrom<'buyer_pays' | 'shop_absorbs'>('buyer_pays', 'shop_absorbs'),
    payer: fc.constantFrom<ShippingPayer>('buyer', 'seller', 'none'),
    labelCostMinor: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000 })),
    refundOutboundShipping: fc.boolean(),
    refundedBeforePermille: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000 })),
  });

  it('never refunds more than was paid or is left, splits the refund and the top-up over the lines exactly, and never both refunds and collects', () => {
    fc.assert(
      fc.property(orderArb, mixedArb, (initial, spec) => {
        // Some money may already have gone back on the order (other cases): the bound must hold.
        const order = { ...initial, refundedMinor: Math.floor((initial.totalMinor * spec.refundedBeforePermille) / 1000) };
        const left = new Map(order.lines.map((l) => [l.lineId, l.quantity]));
        const input = refundInput(order, [], {
          returnShippingPayer: spec.payer,
          labelCostMinor: spec.labelCostMinor,
          refundOutboundShipping: spec.refundOutboundShipping,
          exchange: { priceIncrease: spec.priceIncrease },
        });
        for (const pick of spec.picks) {
          const open = order.lines.filter((l) => left.get(l.lineId)! > 0);
          if (open.length === 0) break;
          const line = open[pick.linePick % open.length]!;
          const quantity = 1 + (pick.qtyPick % left.get(line.lineId)!);
          left.set(line.lineId, left.get(line.lineId)! - quantity);
          const price = Math.floor((line.unitPriceMinor * quantity * pick.replacementPermille) / 1000);
          input.items.push({
            line,
            quantity,
            fault: 'seller',
            condition: 'unopened',
            restockingFeeBp: pick.feeBp,
            resolution: pick.refund ? 'refund' : 'exchange',
            replacementMinor: pick.refund ? undefined : price,
          });
        }
        const r = computeCaseRefund(input);
        checkBreakdown(input, r);
        // The per-line parts are the case's totals.
        expect(sum(r.items.map((i) => i.refundMinor)) + r.shippingRefundMinor).toBe(r.refundMinor);
        expect(sum(r.items.map((i) => i.buyerOwesMinor))).toBe(r.buyerOwesMinor);
        expect(sum(r.items.map((i) => i.differenceMinor))).toBe(r.exchangeDifferenceMinor);
        // Never more than was paid: per item, per line, per order.
        const paidByLine = new Map<string, number>();
        for (const item of r.items) paidByLine.set(item.lineId, (paidByLine.get(item.lineId) ?? 0) + item.refundMinor);
        for (const [lineId, refunded] of paidByLine) expect(refunded).toBeLessThanOrEqual(order.lines.find((l) => l.lineId === lineId)!.paidMinor);
        expect(r.refundMinor).toBeLessThanOrEqual(order.totalMinor - order.refundedMinor);
        // A refunded line gives back at most its amount less its fee; an exchanged one at most what a cheaper replacement leaves.
        r.items.forEach((item) => {
          expect(item.refundMinor).toBeLessThanOrEqual(item.resolution === 'refund' ? item.amountMinor - item.restockingFeeMinor : Math.max(0, -item.differenceMinor));
          if (item.resolution === 'refund') expect([item.replacementMinor, item.differenceMinor, item.buyerOwesMinor]).toEqual([0, 0, 0]);
          expect(item.buyerOwesMinor).toBeGreaterThanOrEqual(0);
        });
        // A top-up is netted first: a case never pays the buyer and asks them to pay at once.
        expect(r.refundMinor > 0 && r.buyerOwesMinor > 0).toBe(false);
        if (spec.priceIncrease === 'shop_absorbs') expect([r.buyerOwesMinor, r.nettedMinor]).toEqual([0, 0]);
        expect(r.nettedMinor).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  });
});
