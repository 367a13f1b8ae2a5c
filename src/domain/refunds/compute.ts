import { allocateByLargestRemainder } from '../money/allocate.js';
import { unprocessable } from '../errors.js';
import type { LineFacts, OrderFacts } from '../cases/facts.js';
import type { Fault, ItemCondition } from '../policy/schema.js';

/**
 * Refund math (docs/architecture.md, Money). Pure; every amount in integer minor units.
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
  /**
   * In an exchange case, what happens to this item: replaced (the default) or refunded like a
   * return. Ignored outside exchanges, where every item is refunded.
   */
  resolution?: LineResolution;
  /** An exchanged item: what its replacement costs in all (absent: its share of `exchange.replacementTotalMinor`, else like for like). */
  replacementMinor?: number;
}

/** Per line of a case: money back for the item, or a replacement (with any price difference settled). */
export const LINE_RESOLUTIONS = ['refund', 'exchange'] as const;
export type LineResolution = (typeof LINE_RESOLUTIONS)[number];

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
  /**
   * An exchange: per exchanged item, the replacement's price decides what is refunded (a cheaper
   * one) or owed (a dearer one, when the buyer pays increases). `replacementTotalMinor` prices the
   * exchanged items that name no price of their own, shared by what they were paid.
   */
  exchange?: { replacementTotalMinor?: number; priceIncrease: 'buyer_pays' | 'shop_absorbs' };
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
  /** Refunded, or replaced (exchange cases only). */
  resolution: LineResolution;
  /** Exchanged items: the replacement's price (0 for refunded ones). */
  replacementMinor: number;
  /** Exchanged items: replacement − what the item was paid (0 for refunded ones). */
  differenceMinor: number;
  /** Of the case's `buyerOwesMinor`, what this item's dearer replacement leaves the buyer to pay. */
  buyerOwesMinor: number;
}

export interface RefundBreakdown {
  currency: string;
  items: RefundItemBreakdown[];
  itemsMinor: number;
  taxMinor: number;
  restockingFeeMinor: number;
  labelCostMinor: number;
  outboundShippingMinor: number;
  /** Exchanges: replacements − exchanged goods, over the exchanged items (each item's difference is its own). */
  exchangeDifferenceMinor: number;
  /** The top-up the buyer still owes for dearer replacements, after netting it against the case's refund. */
  buyerOwesMinor: number;
  /** The part of the top-up taken off the refund (a case never both refunds and collects). */
  nettedMinor: number;
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
  const items: RefundItemBreakdown[] = input.items.map((item) => {
    // Two items of one line in one case take consecutive units from what the line has left.
    const { line } = item;
    const refundedQuantity = unitsTaken.get(line.lineId) ?? line.refundedQuantity;
    const refundedMinor = moneyTaken.get(line.lineId) ?? line.refundedMinor;
    const shares = refundForUnits({ ...line, refundedQuantity }, item.quantity);
    const amountMinor = Math.min(shares.amountMinor, Math.max(0, line.paidMinor - refundedMinor));
    unitsTaken.set(line.lineId, refundedQuantity + item.quantity);
    moneyTaken.set(line.lineId, refundedMinor + amountMinor);
    const resolution: LineResolution = input.exchange && item.resolution !== 'refund' ? 'exchange' : 'refund';
    return {
      lineId: line.lineId,
      quantity: item.quantity,
      amountMinor,
      taxMinor: shares.taxMinor,
      discountMinor: shares.discountMinor,
      restockingFeeMinor: resolution === 'exchange' ? 0 : basisPoints(amountMinor, item.restockingFeeBp),
      refundMinor: 0,
      resolution,
      replacementMinor: 0,
      differenceMinor: 0,
      buyerOwesMinor: 0,
    };
  });
  priceReplacements(input, items);
  const sum = (key: 'amountMinor' | 'taxMinor' | 'restockingFeeMinor') => items.reduce((a, i) => a + i[key], 0);
  const itemsMinor = sum('amountMinor');
  const restockingFeeMinor = sum('restockingFeeMinor');
  const labelCostMinor = input.returnShippingPayer === 'buyer' ? input.labelCostMinor : 0;
  const outboundShippingMinor = input.refundOutboundShipping ? Math.max(0, input.order.shippingFeeMinor - input.order.shippingRefundedMinor) : 0;

  // Per line: a refunded item gives back what it was paid less its fee; an exchanged one what a
  // cheaper replacement leaves over, or asks a top-up for a dearer one (when the buyer pays it).
  const buyerPays = input.exchange?.priceIncrease === 'buyer_pays';
  const goodsByItem = items.map((i) => (i.resolution === 'exchange' ? Math.max(0, -i.differenceMinor) : i.amountMinor - i.restockingFeeMinor));
  const owedByItem = items.map((i) => (i.resolution === 'exchange' && buyerPays ? Math.max(0, i.differenceMinor) : 0));
  const exchangeDifferenceMinor = items.reduce((a, i) => a + i.differenceMinor, 0);
  const grossOwedMinor = owedByItem.reduce((a, b) => a + b, 0);
  const beforeNettingMinor = goodsByItem.reduce((a, b) => a + b, 0) - labelCostMinor + outboundShippingMinor;
  // A top-up comes off money the case gives back (a mixed case), and only the rest is collected.
  const nettedMinor = Math.min(grossOwedMinor, Math.max(0, beforeNettingMinor));
  const buyerOwesMinor = grossOwedMinor - nettedMinor;
  allocateByLargestRemainder(buyerOwesMinor, owedByItem).forEach((owed, i) => (items[i]!.buyerOwesMinor = owed));
  const computedMinor = beforeNettingMinor - nettedMinor;
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
  const weights = goodsByItem.map((g) => Math.max(0, g));
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
    nettedMinor,
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

/**
 * Prices the exchanged items: their own replacement price, else their share (by what they were
 * paid, largest remainder) of the case's replacement total, else like for like.
 */
function priceReplacements(input: CaseRefundInput, items: RefundItemBreakdown[]): void {
  const exchanged = items.map((item, i) => ({ item, own: input.items[i]!.replacementMinor })).filter((x) => x.item.resolution === 'exchange');
  const unpriced = exchanged.filter((x) => x.own === undefined);
  const total = input.exchange?.replacementTotalMinor;
  const shares = total === undefined || unpriced.length === 0 ? undefined : allocateByLargestRemainder(total, unpriced.map((x) => x.item.amountMinor));
  for (const x of exchanged) {
    const share = shares?.[unpriced.indexOf(x)];
    x.item.replacementMinor = x.own ?? share ?? x.item.amountMinor;
    x.item.differenceMinor = x.item.replacementMinor - x.item.amountMinor;
  }
}
