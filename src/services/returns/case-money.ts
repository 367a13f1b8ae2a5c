import type { CaseType, RefundOnlyKind } from '../../domain/cases/model.js';
import type { CustomerFacts, OrderFacts, RequestedItem } from '../../domain/cases/facts.js';
import { conflict, unprocessable } from '../../domain/errors.js';
import { evaluate } from '../../domain/policy/evaluate.js';
import type { Policy } from '../../domain/policy/schema.js';
import type { RequestVerdict } from '../../domain/policy/verdict.js';
import { computeCaseRefund, type RefundBreakdown, type RefundMethod } from '../../domain/refunds/compute.js';

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
  replacementTotalMinor?: number;
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
    replacementTotalMinor: input.replacementTotalMinor,
  }).request;
  return verdict!;
}

/** The refund of a judged request, with a lower amount a person set (bounded: never above what is computed). */
export function refundWithOverride(verdict: RequestVerdict, input: CaseMoneyInput, amountOverrideMinor: number | undefined): RefundBreakdown {
  if (amountOverrideMinor === undefined) return verdict.refund;
  return computeCaseRefund({
    order: input.facts,
    items: verdict.items.map((item) => ({
      line: input.facts.lines.find((l) => l.lineId === item.lineId)!,
      quantity: item.quantity,
      fault: item.fault,
      condition: input.items.find((i) => i.lineId === item.lineId)?.condition ?? 'unopened',
      restockingFeeBp: item.restockingFeeBp,
    })),
    returnShippingPayer: verdict.returnShippingPaidBy,
    labelCostMinor: verdict.refund.labelCostMinor,
    returnShippingReimbursementMinor: verdict.refund.compensationMinor,
    refundOutboundShipping: verdict.refund.outboundShippingMinor > 0,
    method: verdict.refund.method,
    storeCreditBonusBp: input.policy.refunds.storeCreditBonusBp,
    amountOverrideMinor,
    exchange: input.replacementTotalMinor === undefined ? undefined : { replacementTotalMinor: input.replacementTotalMinor, priceIncrease: input.policy.exchanges.priceIncrease },
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
