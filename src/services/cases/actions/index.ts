import type { CaseAction } from '../../../domain/cases/model.js';
import type { ActionHandler } from '../action-context.js';
import { message, note } from './conversation.js';
import { evidenceOverdue, provideEvidence, requestEvidence } from './evidence.js';
import { approve, escalate, reject, resolve, revise } from './decisions.js';
import { buyerShipped, goodsNotReturned, inspect, intercepted, receive } from './goods.js';
import { confirmPayment, exchange, fastRefund, refund, shipReplacement } from './money.js';
import { acceptOffer, declineOffer, offerPartial } from './offers.js';

/** Actions with effects beyond the move itself; the others (cancel, close, complete) only move. */
export const ACTION_HANDLERS: { [A in CaseAction]?: ActionHandler<A> } = {
  approve,
  reject,
  revise,
  escalate,
  resolve,
  offer_partial: offerPartial,
  accept_offer: acceptOffer,
  decline_offer: declineOffer,
  buyer_shipped: buyerShipped,
  intercepted,
  goods_not_returned: goodsNotReturned,
  receive,
  inspect,
  refund,
  fast_refund: fastRefund,
  exchange,
  ship_replacement: shipReplacement,
  confirm_payment: confirmPayment,
  note,
  message,
  request_evidence: requestEvidence,
  provide_evidence: provideEvidence,
  evidence_overdue: evidenceOverdue,
};
