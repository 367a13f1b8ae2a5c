import type { CaseType, RefundOnlyKind } from './model.js';
import type { CustomerFacts, OrderFacts, RequestedItem } from './facts.js';
import { conflict, unprocessable } from '../errors.js';
import { evaluate } from '../policy/evaluate.js';
import type { Policy } from '../policy/schema.js';
import type { RequestVerdict } from '../policy/verdict.js';
import { computeCaseRefund, type RefundBreakdown, type RefundMethod } from '../refunds/compute.js';

/** Refund-only without a kind: it follows from where the goods are. */
export function refundOnlyKindOf(order: Pick<OrderFacts, 'shippedAt' | 'deliveredAt'>): RefundOnlyKind {
  if (order.deliveredAt) return 'delivered_keep';
  return order.shippedAt ? 'in_transit' : 'not_shipped';
}

/** Whether the goods stay with the buyer (so nobody ships them back). */
export function goodsStayWithBuyer(type: CaseType, kind: RefundOnlyKind | null): boolean {
  return type === 'partial_refund' || type === 'reship' || (type === 'refund_only' && kind !== 'in_transit');
}

export interface CaseMoneyInput {
  policy: Policy;
  facts: OrderFacts;
  customer: CustomerFacts;
  /** The moment the request was made: windows are judged then, money with today's facts. */
  requestedAt: Date;
  type: CaseType;
  refundOnlyKind: RefundOnlyKind | null;
  items: RequestedItem[];
  method: RefundMethod;
  returnShippingClaimMinor: number;
}

/** A requested item with what happens to it: replaced (with its replacement's price) or refunded. */
export function withResolution(type: CaseType, item: RequestedItem, replacement: { unitPriceMinor: number; quantity: number } | undefined): RequestedItem {
  if (type !== 'exchange') return item;
  return replacement ? { ...item, resolution: 'exchange', replacementMinor: replacement.unitPriceMinor * replacement.quantity } : { ...item, resolution: 'refund' };
}

/** The policy's verdict on a request, with the money computed from the facts given. */
export function judgeRequest(input: CaseMoneyInput): RequestVerdict {
  for (const item of input.items) {
    const line = input.facts.lines.find((l) => l.lineId === item.lineId);
    if (!line) throw unprocessable('case.line_not_in_order', 'An item names a line of another order', { lineId: item.lineId });
  }
  const verdict = evaluate(input.policy, input.facts, input.customer, input.requestedAt, {
    caseType: input.type,
    items: input.items,
    method: input.method,
    returnShippingClaimMinor: input.returnShippingClaimMinor,
    keepGoods: goodsStayWithBuyer(input.type, input.refundOnlyKind),
  }).request;
  return verdict!;
}

/** The refund of a judged request, with a lower amount a person set (bounded: never above what is computed). */
export function refundWithOverride(verdict: RequestVerdict, input: CaseMoneyInput, amountOverrideMinor: number | undefined): RefundBreakdown {
  if (amountOverrideMinor === undefined) return verdict.refund;
  return computeCaseRefund({
    order: input.facts,
    // The verdict judges the requested items in order, one each.
    items: verdict.items.map((item, index) => ({
      line: input.facts.lines.find((l) => l.lineId === item.lineId)!,
      quantity: item.quantity,
      fault: item.fault,
      condition: input.items[index]?.condition ?? 'unopened',
      restockingFeeBp: item.restockingFeeBp,
      resolution: input.items[index]?.resolution,
      replacementMinor: input.items[index]?.replacementMinor,
    })),
    returnShippingPayer: verdict.returnShippingPaidBy,
    labelCostMinor: verdict.refund.labelCostMinor,
    returnShippingReimbursementMinor: verdict.refund.compensationMinor,
    refundOutboundShipping: verdict.refund.outboundShippingMinor > 0,
    method: verdict.refund.method,
    storeCreditBonusBp: input.policy.refunds.storeCreditBonusBp,
    amountOverrideMinor,
    exchange: input.type === 'exchange' ? { priceIncrease: input.policy.exchanges.priceIncrease } : undefined,
  });
}

/** Requested units must still be there: across all open and completed cases a line never gives more than it has. */
export function assertReturnable(facts: OrderFacts, items: RequestedItem[]) {
  const asked = new Map<string, number>();
  for (const item of items) asked.set(item.lineId, (asked.get(item.lineId) ?? 0) + item.quantity);
  for (const [lineId, quantity] of asked) {
    const line = facts.lines.find((l) => l.lineId === lineId);
    if (!line) throw unprocessable('case.line_not_in_order', 'An item names a line of another order', { lineId });
    const left = line.quantity - line.claimedQuantity;
    if (quantity > left) {
      throw conflict('case.quantity_exceeds_returnable', `Line ${line.lineNo} (${line.sku}) has ${left} unit(s) left to return, not ${quantity}`, {
        lineId,
        requested: quantity,
        returnable: left,
      });
    }
  }
}

/** What the buyer still owes for dearer replacements (after netting and the payments staff confirmed). */
export const topUpDue = (c: { breakdown: Pick<RefundBreakdown, 'buyerOwesMinor'>; buyerPaidMinor: number }) => Math.max(0, (c.breakdown.buyerOwesMinor ?? 0) - c.buyerPaidMinor);
