import type { CustomerFacts, LineFacts, OrderFacts } from '../cases/facts.js';
import { ruling } from './explain.js';
import type { PolicyIndex } from './policy-index.js';
import type { Policy } from './schema.js';
import type { LineVerdict, Ruling, WindowVerdict } from './verdict.js';
import { noReasonWindow, sellerFaultWindow, windowDays, type OrderClock } from './windows.js';

/** Units of a line no other case has claimed yet. */
export const returnableQuantity = (line: LineFacts) => Math.max(0, line.quantity - line.claimedQuantity);

/** The line is worth less than bringing it back: unit value (paid ÷ quantity) within the policy's limit. */
export const isReturnless = (policy: Policy, line: LineFacts) =>
  policy.returnless.enabled && line.quantity > 0 && line.paidMinor <= policy.returnless.maxUnitValueMinor * line.quantity;

/**
 * Why the line can or cannot be asked for. When it can: the no-reason window if open (it is what
 * most buyers need to know), else the seller-fault window, or refund before delivery. When it
 * cannot: the refusal that matters most.
 */
function lineRuling(eligible: boolean, returnable: number, clock: OrderClock, windows: Record<'noReason' | 'sellerFault' | 'beforeDelivery', WindowVerdict>): Ruling {
  const pick = ({ rule, explanation }: WindowVerdict): Ruling => ({ rule, explanation });
  if (eligible) {
    if (clock.phase !== 'delivered') return pick(windows.beforeDelivery);
    return pick(windows.noReason.eligible ? windows.noReason : windows.sellerFault);
  }
  if (returnable === 0) return ruling('quantity.none_returnable');
  if (clock.phase === 'cancelled') return pick(windows.beforeDelivery);
  // Delivered with nothing open: the seller-fault window is the buyer's last chance, so its end is the news.
  if (clock.phase === 'delivered' && !windows.sellerFault.eligible) return pick(windows.sellerFault);
  return ruling('reason.none_allowed');
}

/** A line with its verdict and the window lengths that applied to it (requests need both). */
export interface LineState {
  line: LineFacts;
  verdict: LineVerdict;
  noReasonDays: number;
}

export function evaluateLine(policy: Policy, index: PolicyIndex, order: OrderFacts, customer: CustomerFacts, line: LineFacts, clock: OrderClock, beforeDelivery: WindowVerdict): LineState {
  const days = windowDays(policy, order, line, customer);
  const noReason = noReasonWindow(policy, line, days.noReasonDays, order, clock);
  const sellerFault = sellerFaultWindow(days.sellerFaultDays, order, clock);
  const returnable = returnableQuantity(line);
  const offer = index.offer(clock.phase, noReason.eligible, sellerFault.eligible);
  const eligible = returnable > 0 && offer.reasons.length > 0;
  const verdict: LineVerdict = {
    lineId: line.lineId,
    lineNo: line.lineNo,
    sku: line.sku,
    returnableQuantity: returnable,
    noReason,
    sellerFault,
    beforeDelivery,
    eligible,
    ruling: lineRuling(eligible, returnable, clock, { noReason, sellerFault, beforeDelivery }),
    // Copies: the offer is shared by every evaluation under this policy.
    allowedCaseTypes: eligible ? [...offer.caseTypes] : [],
    allowedReasons: eligible ? [...offer.reasons] : [],
    evidenceRequiredFor: eligible ? [...offer.evidenceRequiredFor] : [],
    returnless: isReturnless(policy, line),
  };
  return { line, verdict, noReasonDays: days.noReasonDays };
}
