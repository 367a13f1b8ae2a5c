import type { LineFacts, RequestedItem } from '../cases/facts.js';
import type { CaseType } from '../cases/model.js';
import { ruling } from './explain.js';
import { isReturnless, type LineState } from './evaluate-line.js';
import { phaseCaseTypes, type PolicyIndex } from './policy-index.js';
import type { Policy, Reason } from './schema.js';
import type { EvaluationRequest, ItemVerdict, LineVerdict, Ruling } from './verdict.js';
import { sealedOnly, type OrderClock } from './windows.js';

/** Case types that send goods back to the shop (unless the buyer keeps them: returnless). */
export const GOODS_COME_BACK: ReadonlySet<CaseType> = new Set(['return_refund', 'exchange', 'refused_delivery']);

const rulingOf = ({ rule, explanation }: Ruling): Ruling => ({ rule, explanation });

export interface ItemContext {
  policy: Policy;
  index: PolicyIndex;
  request: EvaluationRequest;
  clock: OrderClock;
}

/** Whether the phase lets the reason open this case type; the refusal when not. */
function phaseRefusal(ctx: ItemContext, reason: Reason, verdict: LineVerdict): Ruling | null {
  const { caseType } = ctx.request;
  const { phase } = ctx.clock;
  if (phase === 'cancelled') return rulingOf(verdict.beforeDelivery);
  if (ctx.index.caseTypesFor(reason, phase).includes(caseType)) return null;
  if (phase !== 'delivered') {
    // A case type the phase offers, refused for this reason: the reason is what does not fit yet.
    return phaseCaseTypes(ctx.policy, phase, 'buyer').includes(caseType) ? ruling('reason.not_before_delivery', { label: reason.label }) : ruling('case_type.not_delivered', { caseType });
  }
  if (caseType === 'refused_delivery') return ruling('case_type.delivered', { caseType });
  if (caseType === 'exchange' && !ctx.policy.exchanges.enabled) return ruling('exchange.disabled');
  return ruling('case_type.needs_fault', { caseType });
}

/** The first rule that refuses the item, or null when the policy allows it. */
function refusal(ctx: ItemContext, item: RequestedItem, state: LineState, reason: Reason, askedBefore: number): Ruling | null {
  const { line, verdict } = state;
  const days = state.noReasonDays;
  const { caseType, keepGoods } = ctx.request;
  if (reason.caseTypes && !reason.caseTypes.includes(caseType)) return ruling('reason.case_type', { label: reason.label, caseType });
  const phase = phaseRefusal(ctx, reason, verdict);
  if (phase) return phase;

  const delivered = ctx.clock.phase === 'delivered';
  const buyerFault = reason.fault === 'buyer';
  if (delivered) {
    const window = buyerFault ? verdict.noReason : verdict.sellerFault;
    if (!window.eligible) return rulingOf(window);
  }
  const asked = askedBefore + item.quantity;
  if (asked > verdict.returnableQuantity) return ruling('quantity.exceeds_returnable', { requested: asked, returnable: verdict.returnableQuantity });

  if (delivered && buyerFault) {
    // 商品完好: a no-reason return must come back as it was sold, sealed goods still sealed.
    const sealed = sealedOnly(ctx.policy, line.flags);
    if (sealed && item.condition !== 'unopened') return ruling(sealed === 'hygiene' ? 'exclusion.hygiene_unsealed' : 'exclusion.digital_opened', { days });
    if (!ctx.policy.conditions.acceptedForNoReason.includes(item.condition)) return ruling('condition.not_accepted', { condition: item.condition, days });
  }
  if (keepGoods && GOODS_COME_BACK.has(caseType) && !isReturnless(ctx.policy, line)) return ruling('returnless.not_offered');
  return null;
}

/** First restocking rule matching the item's category and condition; fees apply to no-reason returns only. */
function restockingFeeBp(policy: Policy, line: LineFacts, item: RequestedItem): number {
  for (const rule of policy.fees.restocking) {
    if (rule.categories && (line.category === null || !rule.categories.includes(line.category))) continue;
    if (rule.conditions.includes(item.condition)) return rule.feeBp;
  }
  return 0;
}

export function judgeItem(ctx: ItemContext, item: RequestedItem, state: LineState, askedBefore: number): { verdict: ItemVerdict; reason: Reason | null } {
  const reason = ctx.index.reasons.get(item.reasonCode);
  if (!reason) {
    const { rule, explanation } = ruling('reason.unknown', { code: item.reasonCode });
    // An unknown reason has no fault: record the buyer's, the one that grants the least.
    const verdict: ItemVerdict = { lineId: item.lineId, quantity: item.quantity, reasonCode: item.reasonCode, fault: 'buyer', quality: false, eligible: false, evidenceRequired: false, restockingFeeBp: 0, rule, explanation };
    return { verdict, reason: null };
  }
  const { line, verdict: lineVerdict } = state;
  const refused = refusal(ctx, item, state, reason, askedBefore);
  const delivered = ctx.clock.phase === 'delivered';
  const buyerFault = reason.fault === 'buyer';
  // An allowed item is explained by the window it falls in (which names its last day).
  const { rule, explanation } = refused ?? (!delivered ? lineVerdict.beforeDelivery : buyerFault ? lineVerdict.noReason : lineVerdict.sellerFault);
  const restocks = refused === null && delivered && buyerFault && ctx.request.caseType === 'return_refund' && !ctx.request.keepGoods;
  const verdict: ItemVerdict = {
    lineId: item.lineId,
    quantity: item.quantity,
    reasonCode: item.reasonCode,
    fault: reason.fault,
    quality: reason.quality,
    eligible: refused === null,
    evidenceRequired: reason.evidenceRequired,
    restockingFeeBp: restocks ? restockingFeeBp(ctx.policy, line, item) : 0,
    rule,
    explanation,
  };
  return { verdict, reason };
}
