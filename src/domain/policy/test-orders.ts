import type { CustomerFacts, LineFacts, OrderFacts, ReturnFlags } from '../cases/facts.js';

/**
 * Order facts for the policy tests: a Taobao-like order in Asia/Shanghai, delivered on
 * 2026-11-01 at 15:00 local time, three lines (T-shirts, a mug, a headset). Pure data builders;
 * used by the *.test.ts files beside it only.
 */

export const NO_FLAGS: ReturnFlags = { customMade: false, perishable: false, digital: false, hygiene: false, finalSale: false };

type LineInput = Partial<Omit<LineFacts, 'flags'>> & { lineId: string; flags?: Partial<ReturnFlags> };

export function testLine(input: LineInput): LineFacts {
  const quantity = input.quantity ?? 1;
  const unitPriceMinor = input.unitPriceMinor ?? 10_000;
  return {
    lineNo: 1,
    sku: input.lineId.toUpperCase(),
    title: input.lineId,
    category: null,
    quantity,
    unitPriceMinor,
    lineDiscountMinor: 0,
    orderDiscountShareMinor: 0,
    taxMinor: 0,
    paidMinor: quantity * unitPriceMinor,
    claimedQuantity: 0,
    refundedQuantity: 0,
    refundedMinor: 0,
    ...input,
    flags: { ...NO_FLAGS, ...input.flags },
  };
}

export const DELIVERED_AT = new Date('2026-11-01T15:00:00+08:00');

export function defaultLines(): LineFacts[] {
  return [
    testLine({ lineId: 'tee', lineNo: 1, category: 'apparel', quantity: 2, unitPriceMinor: 7_900, orderDiscountShareMinor: 800, paidMinor: 15_000 }),
    testLine({ lineId: 'mug', lineNo: 2, category: 'home', quantity: 1, unitPriceMinor: 4_900, paidMinor: 4_900 }),
    testLine({ lineId: 'headset', lineNo: 3, category: 'electronics', quantity: 1, unitPriceMinor: 39_900, paidMinor: 39_900 }),
  ];
}

/** An order whose total is what its lines paid plus shipping, unless given. */
export function testOrder(input: Partial<OrderFacts> = {}): OrderFacts {
  const lines = input.lines ?? defaultLines();
  const shippingFeeMinor = input.shippingFeeMinor ?? 1_000;
  return {
    orderId: 'order-1',
    channel: 'taobao',
    timeZone: 'Asia/Shanghai',
    currency: 'CNY',
    pricesIncludeTax: true,
    placedAt: new Date('2026-10-28T10:00:00+08:00'),
    shippedAt: new Date('2026-10-29T10:00:00+08:00'),
    deliveredAt: DELIVERED_AT,
    cancelledAt: null,
    shippingInsurance: false,
    refundedMinor: 0,
    shippingRefundedMinor: 0,
    ...input,
    lines,
    shippingFeeMinor,
    totalMinor: input.totalMinor ?? lines.reduce((sum, l) => sum + l.paidMinor, 0) + shippingFeeMinor,
  };
}

export function testCustomer(input: Partial<CustomerFacts> = {}): CustomerFacts {
  return { tier: null, riskScore: 10, completedOrders: 12, ...input };
}
