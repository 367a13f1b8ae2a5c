import type { CustomerFacts, OrderFacts } from '../cases/facts.js';
import type { RefundBreakdown } from '../refunds/compute.js';
import { ruling } from './explain.js';
import type { ItemContext } from './evaluate-item.js';
import type { RequestVerdict, Ruling } from './verdict.js';

type Context = ItemContext & { order: OrderFacts; customer: CustomerFacts };

/** Manual review of risky buyers comes first: it overrides automatic approval and fast refunds alike. */
function reviewRuling(ctx: Context): Ruling | null {
  const blocked = ctx.customer.lists?.blocked;
  if (blocked) return ruling('automation.review_blocklist', blocked);
  if (riskWaived(ctx)) return null;
  const { riskScore } = ctx.customer;
  const limit = ctx.policy.automation.manualReviewAboveRisk;
  return riskScore > limit ? ruling('automation.review_risk', { risk: riskScore, max: limit }) : null;
}

/** An allowlisted buyer is not held back by their score when the policy says so (issue 19.5). */
const riskWaived = (ctx: Context) => !!ctx.customer.lists?.allowed && ctx.customer.lists.allowlistSkipsRisk;

function autoApproveRefusal(ctx: Context, refund: RefundBreakdown): Ruling | null {
  const { autoApprove } = ctx.policy.automation;
  const { riskScore } = ctx.customer;
  if (!autoApprove.enabled) return ruling('automation.auto_approve_disabled');
  if (refund.refundMinor > autoApprove.maxRefundMinor) {
    return ruling('automation.refund_above_limit', { amountMinor: refund.refundMinor, maxMinor: autoApprove.maxRefundMinor, currency: refund.currency });
  }
  if (!riskWaived(ctx) && riskScore > autoApprove.maxRiskScore) return ruling('automation.risk_above_limit', { risk: riskScore, max: autoApprove.maxRiskScore });
  const listed = ctx.index.autoApproveReasons;
  const unlisted = listed && ctx.request.items.find((i) => !listed.has(i.reasonCode));
  if (unlisted) {
    const label = ctx.index.reasons.get(unlisted.reasonCode)?.label ?? { 'zh-CN': unlisted.reasonCode, en: unlisted.reasonCode };
    return ruling('automation.reason_not_listed', { label });
  }
  return null;
}

function fastRefundRefusal(ctx: Context, refund: RefundBreakdown): Ruling | null {
  const { fastRefund } = ctx.policy.automation;
  const { riskScore, completedOrders } = ctx.customer;
  if (!fastRefund.enabled) return ruling('automation.fast_refund_disabled');
  // 极速退款 pays before the goods are back: it only makes sense when goods are on their way back.
  if (ctx.request.caseType !== 'return_refund' || ctx.request.keepGoods) return ruling('automation.fast_refund_case_type');
  if (refund.refundMinor > fastRefund.maxRefundMinor) {
    return ruling('automation.fast_refund_above_limit', { amountMinor: refund.refundMinor, maxMinor: fastRefund.maxRefundMinor, currency: refund.currency });
  }
  if (!riskWaived(ctx) && riskScore > fastRefund.maxRiskScore) return ruling('automation.fast_refund_risk', { risk: riskScore, max: fastRefund.maxRiskScore });
  if (completedOrders < fastRefund.minCompletedOrders) return ruling('automation.fast_refund_history', { completed: completedOrders, min: fastRefund.minCompletedOrders });
  return null;
}

/**
 * A reason that needs photos or video: a person decides once they are attached, for every request
 * (portal or API), so what automation says is what happens.
 */
export function evidenceRuling(ctx: Pick<Context, 'index' | 'request'>): Ruling | null {
  const needing = ctx.request.items.find((i) => ctx.index.reasons.get(i.reasonCode)?.evidenceRequired);
  if (!needing) return null;
  const label = ctx.index.reasons.get(needing.reasonCode)!.label;
  return ruling('automation.evidence_required', { label });
}

/** Decisions taken without a person, each with the rule that took it (or that stood in the way). */
export function automate(ctx: Context, eligible: boolean, refund: RefundBreakdown): RequestVerdict['automation'] {
  const review = reviewRuling(ctx);
  const notEligible = eligible ? null : ruling('automation.not_eligible');
  const approveRefusal = review ?? notEligible ?? evidenceRuling(ctx) ?? autoApproveRefusal(ctx, refund);
  const fastRefusal = review ?? notEligible ?? fastRefundRefusal(ctx, refund);
  const { autoApprove } = ctx.policy.automation;
  return {
    decision: review ? 'review' : approveRefusal ? 'none' : 'approve',
    decisionRuling:
      approveRefusal ?? ruling('automation.auto_approve', { amountMinor: refund.refundMinor, maxMinor: autoApprove.maxRefundMinor, currency: refund.currency }),
    fastRefund: fastRefusal === null,
    fastRefundRuling: fastRefusal ?? ruling('automation.fast_refund', { trigger: ctx.policy.automation.fastRefund.trigger }),
  };
}
