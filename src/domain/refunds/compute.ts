import { allocateByLargestRemainder } from '../money/allocate.js';
import { unprocessable } from '../errors.js';
import type { LineFacts, OrderFacts } from '../cases/facts.js';
import type { Fault, ItemCondition } from '../policy/schema.js';

/**
 * Refund math (DESIGN §7). Pure; every amount in integer minor units.
 *
 * A line's paid amount is split over its units by largest remainder, and so are its tax and its
 * discounts. Units are refunded in order: the k-th refunded unit always gets the k-th share, so
 * however a line comes back — all at once or one unit per case, in any order — its refunds add
 * up to exactly what was paid for it. Money refunded against a line without its units (a partial
 * refund, goods kept) comes off what its later units can return, so no line ever gives back more
 * than it took, and no order more than it was paid.
 */
export function unitShares(totalMinor: number, quantity: number): number[] {
  return allocateByLargestRemainder(totalMinor, Array.from({ length: quantity }, () => 1));
}

const sumRange = (shares: number[], from: number, count: number) => shares.slice(from, from + count).reduce((a, b) => a + b, 0);

export interface UnitsRefund {
  amountMinor: number;
  taxMinor: number;
  discountMinor: number;
}

type UnitLine = Pick<LineFacts, 'quantity' | 'paidMinor' | 'taxMinor' | 'lineDiscountMinor' | 'orderDiscountShareMinor' | 'refundedQuantity'>;

/** The shares of the next `units` units of a line, after the ones refunded already. */
export function refundForUnits(line: UnitLine, units: number): UnitsRefund {
  if (!Number.isInteger(units) || units < 0 || line.refundedQuantity + units > line.quantity) {
    throw unprocessable('refund.quantity_exceeds_line', `Only ${line.quantity - line.refundedQuantity} unit(s) of this line are left to refund`, {
      requested: units,
      left: line.quantity - line.refundedQuantity,
    });
  }
  const from = line.refundedQuantity;
  return {
    amountMinor: sumRange(unitShares(line.paidMinor, line.quantity), from, units),
    taxMinor: sumRange(unitShares(line.taxMinor, line.quantity), from, units),
    discountMinor: sumRange(unitShares(line.lineDiscountMinor + line.orderDiscountShareMinor, line.quantity), from, units),
  };
}

/** A share of an amount in basis points, rounded down (fees in the buyer's favour, bonuses in the shop's). */
export const basisPoints = (amountMinor: number, bp: number) => Number((BigInt(amountMinor) * BigInt(bp)) / 10_000n);

export interface RefundItemInput {
  line: LineFacts;
  quantity: number;
  fault: Fault;
  condition: ItemCondition;
  /** Restocking fee the policy charges on this item, in basis points (0 for none). */
  restockingFeeBp: number;
}

export type ShippingPayer = 'buyer' | 'seller' | 'insurer' | 'none';
export type RefundMethod = 'original' | 'store_credit';

export interface CaseRefundInput {
  order: Pick<OrderFacts, 'currency' | 'totalMinor' | 'refundedMinor' | 'shippingFeeMinor' | 'shippingRefundedMinor'>;
  items: RefundItemInput[];
  /** Who pays for the goods to come back ('none' when nothing comes back). */
  returnShippingPayer: ShippingPayer;
  /** Cost of the shop's prepaid label, deducted when the buyer pays return shipping with it. */
  labelCostMinor: number;
  /** Return shipping the buyer paid and the shop reimburses (seller fault), already capped by the policy. */
  returnShippingReimbursementMinor: number;
  /** Give back the outbound shipping fee too (seller fault, whole order back). */
  refundOutboundShipping: boolean;
  method: RefundMethod;
  storeCreditBonusBp: number;
  /** A lower amount a person set (amended approval, partial-refund offer). It may not exceed the computed refund. */
  amountOverrideMinor?: number;
  /** An exchange: the replacement's price decides what, if anything, is refunded or owed. */
  exchange?: { replacementTotalMinor: number; priceIncrease: 'buyer_pays' | 'shop_absorbs' };
}

export interface RefundItemBreakdown {
  lineId: string;
  quantity: number;
  /** The units' share of what was paid (capped by what the line has left). */
  amountMinor: number;
  taxMinor: number;
  discountMinor: number;
  restockingFeeMinor: number;
  /** The part of the refund that goes back against this line (the ledger records it). */
  refundMinor: number;
}

export interface RefundBreakdown {
  currency: string;
  items: RefundItemBreakdown[];
  itemsMinor: number;
  taxMinor: number;
  restockingFeeMinor: number;
  labelCostMinor: number;
  outboundShippingMinor: number;
  /** Exchanges: replacement − returned goods (positive: the buyer owes it unless the shop absorbs it). */
  exchangeDifferenceMinor: number;
  buyerOwesMinor: number;
  /** The refund before bounds and before any lower amount a person set. */
  computedMinor: number;
  /** What the order still has to give back before this refund. */
  orderRemainingMinor: number;
  /** Money back for what was paid: never below zero, never above `orderRemainingMinor`. */
  refundMinor: number;
  /** Of `refundMinor`, the outbound shipping fee given back. */
  shippingRefundMinor: number;
  bound: 'none' | 'zero' | 'order_remaining';
  /** Return shipping reimbursed to the buyer: compensation, on top of the refund, capped by the policy. */
  compensationMinor: number;
  /** What the buyer receives in all: refund + compensation. */
  payoutMinor: number;
  method: RefundMethod;
  storeCreditBonusMinor: number;
  /** With store credit: the credit the buyer receives (payout + bonus); else 0. */
  storeCreditMinor: number;
}

/** The full financial outcome of a case: what the preview shows and what the refund pays. */
export function computeCaseRefund(input: CaseRefundInput): RefundBreakdown {
  const unitsTaken = new Map<string, number>();
  const moneyTaken = new Map<string, number>();
  const items = input.items.map((item) => {
    // Two items of one line in one case take consecutive units from what the line has left.
    const { line } = item;
    const refundedQuantity = unitsTaken.get(line.lineId) ?? line.refundedQuantity;
    const refundedMinor = moneyTaken.get(line.lineId) ?? line.refundedMinor;
    const shares = refundForUnits({ ...line, refundedQuantity }, item.quantity);
    const amountMinor = Math.min(shares.amountMinor, Math.max(0, line.paidMinor - refundedMinor));
    unitsTaken.set(line.lineId, refundedQuantity + item.quantity);
    moneyTaken.set(line.lineId, refundedMinor + amountMinor);
    return {
      lineId: line.lineId,
      quantity: item.quantity,
      amountMinor,
      taxMinor: shares.taxMinor,
      discountMinor: shares.discountMinor,
      restockingFeeMinor: input.exchange ? 0 : basisPoints(amountMinor, item.restockingFeeBp),
      refundMinor: 0,
    };
  });
  const sum = (key: 'amountMinor' | 'taxMinor' | 'restockingFeeMinor') => items.reduce((a, i) => a + i[key], 0);
  const itemsMinor = sum('amountMinor');
  const restockingFeeMinor = sum('restockingFeeMinor');
  const labelCostMinor = input.returnShippingPayer === 'buyer' ? input.labelCostMinor : 0;
  const outboundShippingMinor = input.refundOutboundShipping ? Math.max(0, input.order.shippingFeeMinor - input.order.shippingRefundedMinor) : 0;

  let exchangeDifferenceMinor = 0;
  let buyerOwesMinor = 0;
  let goodsMinor = itemsMinor - restockingFeeMinor;
  if (input.exchange) {
    exchangeDifferenceMinor = input.exchange.replacementTotalMinor - itemsMinor;
    buyerOwesMinor = exchangeDifferenceMinor > 0 && input.exchange.priceIncrease === 'buyer_pays' ? exchangeDifferenceMinor : 0;
    goodsMinor = Math.max(0, -exchangeDifferenceMinor);
  }
  const computedMinor = goodsMinor - labelCostMinor + outboundShippingMinor;
  if (input.amountOverrideMinor !== undefined && (input.amountOverrideMinor < 0 || input.amountOverrideMinor > Math.max(0, computedMinor))) {
    throw unprocessable('refund.amount_out_of_bounds', `The amount must be between 0 and ${Math.max(0, computedMinor)}`, {
      amountMinor: input.amountOverrideMinor,
      maxMinor: Math.max(0, computedMinor),
    });
  }
  const orderRemainingMinor = Math.max(0, input.order.totalMinor - input.order.refundedMinor);
  const wanted = input.amountOverrideMinor ?? computedMinor;
  const refundMinor = Math.min(Math.max(0, wanted), orderRemainingMinor);
  const bound = wanted < 0 ? 'zero' : wanted > orderRemainingMinor ? 'order_remaining' : 'none';

  // Shipping first, then the goods, shared over the items by what each brings back.
  const shippingRefundMinor = Math.min(outboundShippingMinor, refundMinor);
  const weights = items.map((i) => Math.max(0, i.amountMinor - i.restockingFeeMinor));
  const goodsRefund = refundMinor - shippingRefundMinor;
  const parts = items.length === 0 ? [] : allocateByLargestRemainder(goodsRefund, weights.some((w) => w > 0) ? weights : items.map((i) => i.amountMinor));
  items.forEach((item, i) => (item.refundMinor = parts[i] ?? 0));

  const compensationMinor = Math.max(0, input.returnShippingReimbursementMinor);
  const payoutMinor = refundMinor + compensationMinor;
  const storeCreditBonusMinor = input.method === 'store_credit' ? basisPoints(payoutMinor, input.storeCreditBonusBp) : 0;
  return {
    currency: input.order.currency,
    items,
    itemsMinor,
    taxMinor: sum('taxMinor'),
    restockingFeeMinor,
    labelCostMinor,
    outboundShippingMinor,
    exchangeDifferenceMinor,
    buyerOwesMinor,
    computedMinor,
    orderRemainingMinor,
    refundMinor,
    shippingRefundMinor,
    bound,
    compensationMinor,
    payoutMinor,
    method: input.method,
    storeCreditBonusMinor,
    storeCreditMinor: input.method === 'store_credit' ? payoutMinor + storeCreditBonusMinor : 0,
  };
}
