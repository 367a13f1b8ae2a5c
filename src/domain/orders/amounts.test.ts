import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../errors.js';
import { computeOrderAmounts, type LineAmountsInput, type OrderAmountsInput } from './amounts.js';

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

type TaxMode = 'none' | 'line' | 'order';

/**
 * Random valid orders. Discounts never exceed what they discount; taxes of tax-inclusive
 * orders never exceed the line's price after discounts (computed from a lower bound of the
 * net that does not depend on the code under test).
 */
const orders: fc.Arbitrary<{ input: OrderAmountsInput; taxMode: TaxMode }> = fc
  .record({
    pricesIncludeTax: fc.boolean(),
    taxMode: fc.constantFrom<TaxMode>('none', 'line', 'order'),
    lines: fc.array(
      fc.record({
        quantity: fc.integer({ min: 1, max: 20 }),
        unitPriceMinor: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 10_000_000 })),
        discountPermille: fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: undefined }),
        taxPermille: fc.integer({ min: 0, max: 1_000 }),
        exclusiveTax: fc.integer({ min: 0, max: 2_000_000 }),
      }),
      { minLength: 1, maxLength: 50 },
    ),
    orderDiscountPermille: fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: undefined }),
    orderTaxPermille: fc.integer({ min: 0, max: 1_000 }),
    exclusiveOrderTax: fc.integer({ min: 0, max: 10_000_000 }),
    shippingFeeMinor: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
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
    const orderDiscountMinor =
      o.orderDiscountPermille === undefined ? undefined : Math.floor((discountable * o.orderDiscountPermille) / 1000);
    const discount = orderDiscountMinor ?? 0;
    const input: OrderAmountsInput = { pricesIncludeTax: o.pricesIncludeTax, lines, orderDiscountMinor, shippingFeeMinor: o.shippingFeeMinor };
    if (o.taxMode === 'line') {
      lines.forEach((line, i) => {
        const a = afterLine[i]!;
        // A line's share of the order discount is at most ceil(discount·a/discountable).
        const maxShare = discountable === 0 ? 0 : Math.ceil((discount * a) / discountable);
        const netLowerBound = Math.max(0, a - maxShare);
        line.taxMinor = o.pricesIncludeTax ? Math.floor((netLowerBound * o.lines[i]!.taxPermille) / 1000) : o.lines[i]!.exclusiveTax;
      });
    } else if (o.taxMode === 'order') {
      input.orderTaxMinor = o.pricesIncludeTax ? Math.floor(((discountable - discount) * o.orderTaxPermille) / 1000) : o.exclusiveOrderTax;
    }
    return { input, taxMode: o.taxMode };
  });

describe('computeOrderAmounts: examples', () => {
  it('shares an order discount of 100 over three lines of 100 as 34/33/33', () => {
    const r = computeOrderAmounts({
      pricesIncludeTax: true,
      lines: [1, 2, 3].map(() => ({ quantity: 1, unitPriceMinor: 100 })),
      orderDiscountMinor: 100,
    });
    expect(r.lines.map((l) => l.orderDiscountShareMinor)).toEqual([34, 33, 33]);
    expect(r.lines.map((l) => l.paidMinor)).toEqual([66, 67, 67]);
    expect(r).toMatchObject({ subtotalMinor: 300, discountMinor: 100, taxMinor: 0, shippingFeeMinor: 0, totalMinor: 200 });
  });

  it('shares the order discount in proportion to the price after line discounts', () => {
    const r = computeOrderAmounts({
      pricesIncludeTax: true,
      lines: [
        { quantity: 2, unitPriceMinor: 50, lineDiscountMinor: 50 }, // 100 − 50 = 50
        { quantity: 1, unitPriceMinor: 50 }, // 50
      ],
      orderDiscountMinor: 11,
    });
    expect(r.lines).toEqual([
      { grossMinor: 100, lineDiscountMinor: 50, orderDiscountShareMinor: 6, netMinor: 44, taxMinor: 0, paidMinor: 44 },
      { grossMinor: 50, lineDiscountMinor: 0, orderDiscountShareMinor: 5, netMinor: 45, taxMinor: 0, paidMinor: 45 },
    ]);
    expect(r.discountMinor).toBe(61);
    expect(r.totalMinor).toBe(89);
  });

  it('gives no discount to a free line', () => {
    const r = computeOrderAmounts({
      pricesIncludeTax: true,
      lines: [
        { quantity: 1, unitPriceMinor: 200 },
        { quantity: 3, unitPriceMinor: 0 },
        { quantity: 1, unitPriceMinor: 100 },
      ],
      orderDiscountMinor: 30,
    });
    expect(r.lines.map((l) => l.orderDiscountShareMinor)).toEqual([20, 0, 10]);
  });

  it('adds tax and shipping for a tax-exclusive (US) order', () => {
    const r = computeOrderAmounts({
      pricesIncludeTax: false,
      lines: [
        { quantity: 2, unitPriceMinor: 500, taxMinor: 80 },
        { quantity: 1, unitPriceMinor: 250, taxMinor: 20 },
      ],
      shippingFeeMinor: 500,
      claimedTotalMinor: 1850,
    });
    expect(r.lines.map((l) => [l.netMinor, l.taxMinor, l.paidMinor])).toEqual([
      [1000, 80, 1080],
      [250, 20, 270],
    ]);
    expect(r).toMatchObject({ subtotalMinor: 1250, discountMinor: 0, taxMinor: 100, shippingFeeMinor: 500, totalMinor: 1850 });
  });

  it('keeps tax inside the price for a tax-inclusive (China) order', () => {
    const r = computeOrderAmounts({
      pricesIncludeTax: true,
      lines: [{ quantity: 2, unitPriceMinor: 5000, taxMinor: 1150 }],
      shippingFeeMinor: 1000,
      claimedTotalMinor: 11000,
    });
    expect(r.lines[0]).toEqual({ grossMinor: 10000, lineDiscountMinor: 0, orderDiscountShareMinor: 0, netMinor: 10000, taxMinor: 1150, paidMinor: 10000 });
    expect(r.taxMinor).toBe(1150);
    expect(r.totalMinor).toBe(11000);
  });

  it('allocates an order-level tax over the lines’ nets by largest remainder', () => {
    const r = computeOrderAmounts({
      pricesIncludeTax: false,
      lines: [
        { quantity: 1, unitPriceMinor: 100 },
        { quantity: 1, unitPriceMinor: 200 },
        { quantity: 1, unitPriceMinor: 0 },
      ],
      orderTaxMinor: 10,
    });
    // 10·100/300 = 3 r 100, 10·200/300 = 6 r 200: the spare unit goes to line 2.
    expect(r.lines.map((l) => l.taxMinor)).toEqual([3, 7, 0]);
    expect(r.lines.map((l) => l.paidMinor)).toEqual([103, 207, 0]);
    expect(r.taxMinor).toBe(10);
    expect(r.totalMinor).toBe(310);
  });

  it('accepts an order tax equal to the sum of the lines’ taxes', () => {
    const r = computeOrderAmounts({
      pricesIncludeTax: true,
      lines: [
        { quantity: 1, unitPriceMinor: 1000, taxMinor: 100 },
        { quantity: 1, unitPriceMinor: 1000 },
      ],
      orderTaxMinor: 100,
    });
    expect(r.lines.map((l) => l.taxMinor)).toEqual([100, 0]);
  });

  it('allows a line discounted to zero and an order discounted to zero', () => {
    const r = computeOrderAmounts({
      pricesIncludeTax: true,
      lines: [
        { quantity: 1, unitPriceMinor: 100, lineDiscountMinor: 100 },
        { quantity: 1, unitPriceMinor: 50 },
      ],
      orderDiscountMinor: 50,
      shippingFeeMinor: 10,
    });
    expect(r.lines.map((l) => l.paidMinor)).toEqual([0, 0]);
    expect(r.totalMinor).toBe(10);
  });
});

describe('computeOrderAmounts: errors', () => {
  const line = { quantity: 1, unitPriceMinor: 100 };

  it('order.no_lines', () => {
    const err = appErrorOf(() => computeOrderAmounts({ pricesIncludeTax: true, lines: [] }));
    expect(err).toMatchObject({ kind: 'unprocessable', code: 'order.no_lines' });
  });

  it('order.line_discount_exceeds_price names the line', () => {
    const err = appErrorOf(() =>
      computeOrderAmounts({ pricesIncludeTax: true, lines: [line, { quantity: 2, unitPriceMinor: 10, lineDiscountMinor: 21 }] }),
    );
    expect(err).toMatchObject({ kind: 'unprocessable', code: 'order.line_discount_exceeds_price', details: { line: 1 } });
  });

  it('order.discount_exceeds_subtotal (measured after line discounts)', () => {
    const err = appErrorOf(() =>
      computeOrderAmounts({ pricesIncludeTax: true, lines: [{ ...line, lineDiscountMinor: 30 }, line], orderDiscountMinor: 171 }),
    );
    expect(err).toMatchObject({ kind: 'unprocessable', code: 'order.discount_exceeds_subtotal' });
    expect(() => computeOrderAmounts({ pricesIncludeTax: true, lines: [{ ...line, lineDiscountMinor: 30 }, line], orderDiscountMinor: 170 })).not.toThrow();
  });

  it('order.tax_mismatch when an order tax differs from the lines’ taxes', () => {
    const err = appErrorOf(() =>
      computeOrderAmounts({ pricesIncludeTax: false, lines: [{ ...line, taxMinor: 7 }, { ...line, taxMinor: 5 }], orderTaxMinor: 13 }),
    );
    expect(err).toMatchObject({ kind: 'unprocessable', code: 'order.tax_mismatch', details: { orderTaxMinor: 13, linesTaxMinor: 12 } });
  });

  it('order.tax_exceeds_price for included tax above the line’s price after discounts', () => {
    const err = appErrorOf(() =>
      computeOrderAmounts({
        pricesIncludeTax: true,
        lines: [line, { ...line, taxMinor: 51 }],
        orderDiscountMinor: 100, // each line's net is now 50
      }),
    );
    expect(err).toMatchObject({ kind: 'unprocessable', code: 'order.tax_exceeds_price', details: { line: 1 } });
    // The same tax is fine when added on top of the price.
    expect(computeOrderAmounts({ pricesIncludeTax: false, lines: [line, { ...line, taxMinor: 51 }], orderDiscountMinor: 100 }).totalMinor).toBe(151);
  });

  it('order.tax_exceeds_price for an order-level included tax over a fully discounted order', () => {
    const err = appErrorOf(() => computeOrderAmounts({ pricesIncludeTax: true, lines: [line], orderDiscountMinor: 100, orderTaxMinor: 1 }));
    expect(err.code).toBe('order.tax_exceeds_price');
  });

  it('order.amount_too_large when quantity × unit price is not a safe integer', () => {
    const err = appErrorOf(() =>
      computeOrderAmounts({ pricesIncludeTax: true, lines: [line, { quantity: 100_000, unitPriceMinor: 1e15 }] }),
    );
    expect(err).toMatchObject({ kind: 'unprocessable', code: 'order.amount_too_large', details: { line: 1 } });
  });

  it('order.amount_too_large when the order total is not a safe integer, although each line is', () => {
    // 9 × 10^15 per line is safe; two of them are not, and the total would be silently rounded.
    const big = { quantity: 9, unitPriceMinor: 1e15 };
    const err = appErrorOf(() => computeOrderAmounts({ pricesIncludeTax: true, lines: [big, big, { quantity: 1, unitPriceMinor: 1 }] }));
    expect(err).toMatchObject({ kind: 'unprocessable', code: 'order.amount_too_large' });
    // The subtotal is safe, but tax added on top or shipping pushes the total past it.
    const max = { quantity: 1, unitPriceMinor: Number.MAX_SAFE_INTEGER };
    expect(appErrorOf(() => computeOrderAmounts({ pricesIncludeTax: false, lines: [{ ...max, taxMinor: 1 }] })).code).toBe('order.amount_too_large');
    expect(appErrorOf(() => computeOrderAmounts({ pricesIncludeTax: true, lines: [max], shippingFeeMinor: 1 })).code).toBe('order.amount_too_large');
    expect(computeOrderAmounts({ pricesIncludeTax: true, lines: [max] }).totalMinor).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('order.total_mismatch when the claimed total differs, with both totals in the details', () => {
    const err = appErrorOf(() => computeOrderAmounts({ pricesIncludeTax: true, lines: [line], shippingFeeMinor: 10, claimedTotalMinor: 100 }));
    expect(err).toMatchObject({
      kind: 'unprocessable',
      code: 'order.total_mismatch',
      details: { claimedTotalMinor: 100, computedTotalMinor: 110 },
    });
  });
});

describe('computeOrderAmounts: properties', () => {
  it('the order discount shares sum to the order discount and never exceed a line’s price', () => {
    fc.assert(
      fc.property(orders, ({ input }) => {
        const r = computeOrderAmounts(input);
        expect(sum(r.lines.map((l) => l.orderDiscountShareMinor))).toBe(input.orderDiscountMinor ?? 0);
        r.lines.forEach((l) => {
          expect(l.orderDiscountShareMinor).toBeGreaterThanOrEqual(0);
          expect(l.netMinor).toBe(l.grossMinor - l.lineDiscountMinor - l.orderDiscountShareMinor);
          expect(l.netMinor).toBeGreaterThanOrEqual(0);
        });
        expect(r.discountMinor).toBe(sum(input.lines.map((l) => l.lineDiscountMinor ?? 0)) + (input.orderDiscountMinor ?? 0));
      }),
    );
  });

  it('the lines’ paid amounts plus shipping equal the total, and none is negative', () => {
    fc.assert(
      fc.property(orders, ({ input }) => {
        const r = computeOrderAmounts(input);
        expect(sum(r.lines.map((l) => l.paidMinor)) + (input.shippingFeeMinor ?? 0)).toBe(r.totalMinor);
        expect(r.shippingFeeMinor).toBe(input.shippingFeeMinor ?? 0);
        r.lines.forEach((l) => expect(l.paidMinor).toBeGreaterThanOrEqual(0));
        expect(r.lines).toHaveLength(input.lines.length);
        r.lines.forEach((l, i) => expect(l.grossMinor).toBe(input.lines[i]!.quantity * input.lines[i]!.unitPriceMinor));
        expect(r.subtotalMinor).toBe(sum(r.lines.map((l) => l.grossMinor)));
      }),
    );
  });

  it('tax-inclusive: paid = net and tax ≤ net; tax-exclusive: paid = net + tax', () => {
    fc.assert(
      fc.property(orders, ({ input }) => {
        const r = computeOrderAmounts(input);
        r.lines.forEach((l) => {
          if (input.pricesIncludeTax) {
            expect(l.paidMinor).toBe(l.netMinor);
            expect(l.taxMinor).toBeLessThanOrEqual(l.netMinor);
          } else {
            expect(l.paidMinor).toBe(l.netMinor + l.taxMinor);
          }
        });
      }),
    );
  });

  it('taxes are taken from the lines, or the order tax is allocated and sums exactly', () => {
    fc.assert(
      fc.property(orders, ({ input, taxMode }) => {
        const r = computeOrderAmounts(input);
        const taxes = r.lines.map((l) => l.taxMinor);
        expect(r.taxMinor).toBe(sum(taxes));
        if (taxMode === 'line') expect(taxes).toEqual(input.lines.map((l) => l.taxMinor));
        if (taxMode === 'order') expect(sum(taxes)).toBe(input.orderTaxMinor);
        if (taxMode === 'none') expect(taxes.every((t) => t === 0)).toBe(true);
        taxes.forEach((t) => expect(t).toBeGreaterThanOrEqual(0));
      }),
    );
  });

  it('an order-level tax goes only to lines with a positive net (unless every net is zero)', () => {
    fc.assert(
      fc.property(orders, ({ input, taxMode }) => {
        fc.pre(taxMode === 'order');
        const r = computeOrderAmounts(input);
        if (r.lines.some((l) => l.netMinor > 0)) {
          r.lines.forEach((l) => {
            if (l.netMinor === 0) expect(l.taxMinor).toBe(0);
          });
        }
      }),
    );
  });

  it('the computed total is accepted as the claimed total; any other claimed total is refused', () => {
    fc.assert(
      fc.property(orders, fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((d) => d !== 0), ({ input }, delta) => {
        const { totalMinor } = computeOrderAmounts(input);
        expect(computeOrderAmounts({ ...input, claimedTotalMinor: totalMinor }).totalMinor).toBe(totalMinor);
        const err = appErrorOf(() => computeOrderAmounts({ ...input, claimedTotalMinor: totalMinor + delta }));
        expect(err).toMatchObject({ kind: 'unprocessable', code: 'order.total_mismatch' });
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(orders, ({ input }) => {
        expect(computeOrderAmounts(input)).toEqual(computeOrderAmounts(input));
      }),
      { numRuns: 50 },
    );
  });

  it('every amount is a safe integer or the order is refused as too large', () => {
    const huge = fc.record({
      quantity: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 100_000 })),
      unitPriceMinor: fc.oneof(fc.integer({ min: 0, max: 1e15 }), fc.integer({ min: 0, max: 1e6 })),
    });
    fc.assert(
      fc.property(fc.array(huge, { minLength: 1, maxLength: 10 }), fc.boolean(), (lines, pricesIncludeTax) => {
        let r;
        try {
          r = computeOrderAmounts({ pricesIncludeTax, lines });
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).code).toBe('order.amount_too_large');
          return;
        }
        const all = [r.subtotalMinor, r.discountMinor, r.taxMinor, r.totalMinor, ...r.lines.flatMap((l) => Object.values(l))];
        expect(all.every((n) => Number.isSafeInteger(n))).toBe(true);
        expect(sum(lines.map((l) => l.quantity * l.unitPriceMinor))).toBe(r.totalMinor);
      }),
    );
  });
});
