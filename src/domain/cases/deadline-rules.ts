import type { Policy } from '../policy/schema.js';
import { buyerRiskSettings } from '../risk/settings.js';
import type { CaseAction, CaseStatus, CaseType, RefundOnlyKind, Resolution } from './model.js';

export type DeadlineKind = 'merchant_response' | 'buyer_ship' | 'merchant_receipt' | 'revise_or_escalate' | 'refund_after_receipt' | 'buyer_evidence' | 'statutory_refund';

export interface DeadlinePlan {
  kind: DeadlineKind;
  hours: number;
  /** The action the system takes when the clock runs out, or an overdue alert only. */
  outcome: CaseAction | 'alert';
  rule: string;
}

const RETURNS_GOODS: readonly CaseType[] = ['return_refund', 'exchange'];
/** The types a fast refund (极速退款) is paid on, before their goods are back. */
const FAST_REFUND_TYPES: readonly CaseType[] = ['return_refund', 'refused_delivery'];

/**
 * The clock a case starts when it enters a state (marketplace-rules.md §3), with the policy's
 * hours: a seller who does not answer has agreed; a buyer who does not ship has given up; a seller
 * who does not confirm receipt refunds anyway (paid now, the goods still tracked, as a fast refund);
 * a buyer who neither revises nor escalates a refusal accepts it; goods received must be refunded
 * within the PRC's 7 days, else the case is flagged overdue. Once a fast refund is paid, goods that
 * do not come back in time (not shipped, or shipped and never received) end the wait explicitly:
 * the case goes to not_returned, for a person to review.
 */
export function deadlineFor(
  c: { status: CaseStatus; type: CaseType; refundOnlyKind: RefundOnlyKind | null; resolution: Resolution | null; refundedEarly: boolean; evidenceRequest?: { hours: number } | null },
  hours: Policy['deadlines'],
  policy?: Pick<Policy, 'buyerRisk'>,
): DeadlinePlan | null {
  switch (c.status) {
    case 'awaiting_evidence': {
      // Issue 19.7: the buyer has the hours staff gave (else the policy's); what then is the policy's.
      const settings = buyerRiskSettings(policy ?? {});
      return {
        kind: 'buyer_evidence',
        hours: c.evidenceRequest?.hours ?? settings.evidenceDeadlineHours,
        outcome: settings.evidenceDeadlineOutcome === 'review' ? 'evidence_overdue' : 'close',
        rule: 'deadline.buyer_evidence',
      };
    }
    case 'requested':
      return c.type === 'refund_only' && c.refundOnlyKind === 'not_shipped'
        ? { kind: 'merchant_response', hours: hours.merchantResponseNotShippedHours, outcome: 'approve', rule: 'deadline.merchant_response_not_shipped' }
        : { kind: 'merchant_response', hours: hours.merchantResponseHours, outcome: 'approve', rule: 'deadline.merchant_response' };
    case 'approved':
      if (c.refundedEarly && FAST_REFUND_TYPES.includes(c.type)) return { kind: 'buyer_ship', hours: hours.buyerShipHours, outcome: 'goods_not_returned', rule: 'deadline.goods_not_returned' };
      return RETURNS_GOODS.includes(c.type) || c.resolution === 'return'
        ? { kind: 'buyer_ship', hours: hours.buyerShipHours, outcome: 'close', rule: 'deadline.buyer_ship' }
        : null;
    case 'in_transit':
      if (c.refundedEarly && FAST_REFUND_TYPES.includes(c.type)) return { kind: 'merchant_receipt', hours: hours.merchantReceiptHours, outcome: 'goods_not_returned', rule: 'deadline.goods_not_returned' };
      return {
        kind: 'merchant_receipt',
        hours: hours.merchantReceiptHours,
        outcome: FAST_REFUND_TYPES.includes(c.type) && !c.refundedEarly ? 'fast_refund' : 'alert',
        rule: 'deadline.merchant_receipt',
      };
    case 'rejected':
      return { kind: 'revise_or_escalate', hours: hours.reviseOrEscalateHours, outcome: 'close', rule: 'deadline.revise_or_escalate' };
    case 'received':
    case 'inspected':
      return c.refundedEarly ? null : { kind: 'refund_after_receipt', hours: hours.refundAfterReceiptHours, outcome: 'alert', rule: 'deadline.refund_after_receipt' };
    default:
      return null;
  }
}

/** States in which a statutory withdrawal's refund is paid (or on its way) or no longer owed: its clock stops. */
export const STATUTORY_REFUND_SETTLED: ReadonlySet<CaseStatus> = new Set(['refund_pending', 'exchange_pending', 'completed', 'cancelled', 'closed', 'rejected']);

/**
 * Whether a case runs the statutory refund clock (EU/UK withdrawal, docs/policy.md): a return for a
 * refund because the buyer changed their mind, under a policy with a `statutory` block, not yet
 * refunded. Seller faults are the legal guarantee's business, not the withdrawal's.
 */
export function runsStatutoryRefundClock(c: { type: CaseType; fault: string; status: CaseStatus; refundedEarly: boolean }, policy: Pick<Policy, 'statutory'>): boolean {
  return policy.statutory !== undefined && c.type === 'return_refund' && c.fault === 'buyer' && !c.refundedEarly && !STATUTORY_REFUND_SETTLED.has(c.status);
}
