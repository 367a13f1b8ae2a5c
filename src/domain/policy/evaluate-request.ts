import type { CustomerFacts, OrderFacts } from '../cases/facts.js';
import { unprocessable } from '../errors.js';
import { refundsOutboundShipping } from '../refunds/outbound-shipping.js';
import { computeCaseRefund, type CaseRefundInput, type RefundBreakdown, type RefundItemInput, type ShippingPayer } from '../refunds/compute.js';
import { automate } from './automation.js';
import { ruling } from './explain.js';
import { judgeItem, GOODS_COME_BACK, type ItemContext } from './evaluate-item.js';
import type { LineState } from './evaluate-line.js';
import type { Fault, Policy } from './schema.js';
import type { ItemVerdict, RequestVerdict, Ruling } from './verdict.js';

/** The fault most against the shop decides who pays for shipping: seller, then carrier, then buyer. */
function worstFault(faults: readonly Fault[]): Fault {
  if (faults.includes('seller')) return 'seller';
  return faults.includes('carrier') ? 'carrier' : 'buyer';
}

function shippingPayer(policy: Policy, order: OrderFacts, goodsComeBack: boolean, fault: Fault): ShippingPayer {
  if (!goodsComeBack) return 'none';
  const payer = policy.fees.returnShipping[fault];
  // 运费险: the insurer pays the buyer's return shipping, so neither party does.
  return payer === 'buyer' && order.shippingInsurance && policy.fees.shippingInsuranceCoversBuyer ? 'insurer' : payer;
}

/** After this request, is every unit of every line in some case? */
function wholeOrderClaimed(order: OrderFacts, askedByLine: ReadonlyMap<string, number>): boolean {
  return order.lines.every((line) => line.claimedQuantity + (askedByLine.get(line.lineId) ?? 0) >= line.quantity);
}

export function evaluateRequest(
  ctx: ItemContext & { order: OrderFacts; customer: CustomerFacts },
  lines: ReadonlyMap<string, LineState>,
): RequestVerdict {
  const { policy, request, order } = ctx;
  const askedByLine = new Map<string, number>();
  const items: ItemVerdict[] = [];
  const refundItems: RefundItemInput[] = [];
  const faults: Fault[] = [];
  for (const item of request.items) {
    const state = lines.get(item.lineId);
    if (!state) throw unprocessable('policy.line_unknown', `Line ${item.lineId} is not part of order ${order.orderId}`, { lineId: item.lineId, orderId: order.orderId });
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) {
      throw unprocessable('policy.quantity_invalid', 'A requested quantity must be a whole number of at least 1', { lineId: item.lineId, quantity: item.quantity });
    }
    const asked = askedByLine.get(item.lineId) ?? 0;
    // In an exchange case an item the buyer wants refunded is judged as a return of that item.
    const refunded = request.caseType === 'exchange' && item.resolution === 'refund';
    const { verdict, reason } = judgeItem(refunded ? { ...ctx, request: { ...request, caseType: 'return_refund' } } : ctx, item, state, asked);
    items.push(verdict);
    if (reason) faults.push(reason.fault);
    if (verdict.eligible) {
      askedByLine.set(item.lineId, asked + item.quantity);
      refundItems.push({
        line: state.line,
        quantity: item.quantity,
        fault: verdict.fault,
        condition: item.condition,
        restockingFeeBp: verdict.restockingFeeBp,
        resolution: item.resolution,
        replacementMinor: item.replacementMinor,
      });
    }
  }

  let refusal: Ruling | null = items.length === 0 ? ruling('request.no_items') : (items.find((i) => !i.eligible) ?? null);
  if (!refusal && !ctx.index.methods.has(request.method)) refusal = ruling('refund.method_not_offered', { method: request.method });
  const eligible = refusal === null;

  const fault = worstFault(faults);
  const goodsComeBack = GOODS_COME_BACK.has(request.caseType) && !request.keepGoods;
  const payer = shippingPayer(policy, order, goodsComeBack, fault);
  const refund = refundFor(ctx, refundItems, payer, fault, goodsComeBack, refundItems.length > 0 && wholeOrderClaimed(order, askedByLine));
  return {
    caseType: request.caseType,
    eligible,
    ruling: refusal ? { rule: refusal.rule, explanation: refusal.explanation } : ruling('request.eligible'),
    items,
    returnShippingPaidBy: payer,
    refund,
    automation: automate(ctx, eligible, refund),
  };
}

/**
 * The money, from computeCaseRefund and nothing else. Only the eligible items count: for an
 * ineligible request this is what the items the policy allows would bring on their own.
 */
function refundFor(ctx: ItemContext & { order: OrderFacts }, items: RefundItemInput[], payer: ShippingPayer, fault: Fault, goodsComeBack: boolean, wholeOrder: boolean): RefundBreakdown {
  const { policy, request, order } = ctx;
  const { fees } = policy;
  // A carrier's damage or loss is the shop's risk toward the buyer (it chose the carrier), like its own fault.
  const shopFault = fault !== 'buyer';
  // Before delivery (not shipped, or intercepted in transit) a refund-only gives shipping back whatever the reason.
  const refundOutboundShipping = refundsOutboundShipping({
    caseType: request.caseType,
    delivered: ctx.clock.phase === 'delivered',
    wholeOrder,
    shopFault,
    refundOnShopFault: fees.refundOutboundShippingOnSellerFault,
    refundOnWithdrawal: policy.statutory?.refundStandardDelivery === true,
  });
  const input: CaseRefundInput = {
    order,
    items,
    returnShippingPayer: payer,
    labelCostMinor: payer === 'buyer' && fees.prepaidLabel.enabled ? fees.prepaidLabel.costMinor : 0,
    returnShippingReimbursementMinor: payer === 'seller' && goodsComeBack ? Math.min(Math.max(0, request.returnShippingClaimMinor ?? 0), fees.maxReturnShippingReimbursementMinor) : 0,
    refundOutboundShipping,
    method: request.method,
    storeCreditBonusBp: policy.refunds.storeCreditBonusBp,
  };
  // A reship sends the part again: nothing is refunded for the units it covers.
  if (request.caseType === 'reship') return computeCaseRefund({ ...input, amountOverrideMinor: 0 });
  if (request.caseType !== 'exchange') return computeCaseRefund(input);
  // Items without a replacement price are exchanged like for like (the same variant, or another size or colour at its price).
  return computeCaseRefund({ ...input, exchange: { replacementTotalMinor: request.replacementTotalMinor, priceIncrease: policy.exchanges.priceIncrease } });
}
