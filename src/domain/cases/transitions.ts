import type { ActionGuard, CaseAction, CaseStatus, CaseType, RefundOnlyKind, Resolution } from './model.js';

/**
 * Every move a case can make, in one table (docs/case-states.md). A row applies when the case is in one
 * of `from`, of one of `types` (all when absent), and its other conditions hold; `to` is the new
 * state ('same' leaves it). `who` says which actors may take it and, for staff, the permission.
 * docs/case-states.md is generated from this table.
 */
export interface TransitionRow {
  action: CaseAction;
  from: readonly CaseStatus[];
  to: CaseStatus | 'same';
  types?: readonly CaseType[];
  refundOnlyKinds?: readonly RefundOnlyKind[];
  /** For `resolve`: the outcome the arbiter chose. */
  resolution?: Resolution;
  /** For `decline_offer`: the state the offer was made in, to which the case goes back. */
  offerFrom?: CaseStatus;
  /** Only when a fast refund was already paid (true) or not (false). */
  refundedEarly?: boolean;
  who: ActionGuard;
  means: string;
}

const RETURN_TYPES: readonly CaseType[] = ['return_refund', 'exchange'];
const OPEN: readonly CaseStatus[] = [
  'requested',
  'approved',
  'rejected',
  'offer_pending',
  'awaiting_evidence',
  'in_transit',
  'not_returned',
  'received',
  'inspected',
  'refund_pending',
  'exchange_pending',
  'escalated',
];
const EVERY: readonly CaseStatus[] = [...OPEN, 'completed', 'cancelled', 'closed'];
const decider = { staff: 'cases:decide', system: true, platform: true } as const;

export const TRANSITIONS: readonly TransitionRow[] = [
  // Deciding a request
  { action: 'approve', from: ['requested'], to: 'refund_pending', types: ['refund_only'], refundOnlyKinds: ['not_shipped', 'delivered_keep'], who: decider, means: 'refund without goods coming back' },
  { action: 'approve', from: ['requested'], to: 'approved', types: ['refund_only'], refundOnlyKinds: ['in_transit'], who: decider, means: 'ask the carrier to intercept the parcel' },
  { action: 'approve', from: ['requested'], to: 'refund_pending', types: ['partial_refund'], who: decider, means: 'pay the agreed part; the buyer keeps the goods' },
  { action: 'approve', from: ['requested'], to: 'approved', types: RETURN_TYPES, who: decider, means: 'send return instructions; wait for the buyer to ship' },
  { action: 'approve', from: ['requested'], to: 'in_transit', types: ['refused_delivery'], who: decider, means: 'the carrier brings the refused parcel back' },
  { action: 'approve', from: ['requested'], to: 'exchange_pending', types: ['reship'], who: decider, means: 'send the missing or broken part again' },
  { action: 'reject', from: ['requested', 'awaiting_evidence'], to: 'rejected', who: { staff: 'cases:decide', platform: true }, means: 'refuse, with a reason the buyer sees' },
  { action: 'reject', from: ['inspected'], to: 'rejected', who: { staff: 'cases:decide', platform: true }, means: 'inspection found the goods not as declared (with evidence)' },
  { action: 'revise', from: ['rejected'], to: 'requested', who: { buyer: true, staff: 'cases:create' }, means: 'the buyer changes the request after a refusal' },
  { action: 'cancel', from: ['requested', 'approved', 'rejected', 'offer_pending', 'awaiting_evidence'], to: 'cancelled', refundedEarly: false, who: { buyer: true, staff: 'cases:decide' }, means: 'the buyer withdraws the request' },
  { action: 'close', from: ['requested', 'approved', 'rejected', 'offer_pending', 'awaiting_evidence'], to: 'closed', who: { system: true, platform: true }, means: 'ended without refund (deadline passed, or closed by the platform)' },
  { action: 'close', from: ['not_returned'], to: 'closed', who: { staff: 'cases:decide', platform: true }, means: 'write the goods off after review: the fast refund stands, the case ends' },

  // Negotiation and disputes
  { action: 'offer_partial', from: ['requested', 'inspected'], to: 'offer_pending', refundedEarly: false, types: ['return_refund', 'refund_only', 'partial_refund', 'exchange', 'refused_delivery'], who: { staff: 'cases:decide' }, means: 'offer part of the money; the buyer keeps the goods' },
  { action: 'accept_offer', from: ['offer_pending'], to: 'refund_pending', who: { buyer: true, staff: 'cases:create' }, means: 'the buyer accepts the offer' },
  { action: 'decline_offer', from: ['offer_pending'], to: 'requested', offerFrom: 'requested', who: { buyer: true, staff: 'cases:create' }, means: 'the buyer declines; the request is back with the seller' },
  { action: 'decline_offer', from: ['offer_pending'], to: 'inspected', offerFrom: 'inspected', who: { buyer: true, staff: 'cases:create' }, means: 'the buyer declines; the inspected goods are back with the seller' },
  { action: 'escalate', from: ['rejected', 'offer_pending', 'not_returned'], to: 'escalated', who: { buyer: true, staff: 'cases:decide', platform: true }, means: 'hand the dispute to the platform or an arbiter' },
  { action: 'resolve', from: ['escalated'], to: 'refund_pending', resolution: 'refund', refundedEarly: false, who: { staff: 'cases:decide', platform: true }, means: 'the arbiter orders a refund' },
  { action: 'resolve', from: ['escalated'], to: 'completed', resolution: 'refund', refundedEarly: true, who: { staff: 'cases:decide', platform: true }, means: 'the arbiter lets the buyer keep the fast refund' },
  { action: 'resolve', from: ['escalated'], to: 'approved', resolution: 'return', types: [...RETURN_TYPES, 'refund_only', 'partial_refund', 'refused_delivery', 'reship'], who: { staff: 'cases:decide', platform: true }, means: 'the arbiter orders the goods returned first' },
  { action: 'resolve', from: ['escalated'], to: 'closed', resolution: 'reject', who: { staff: 'cases:decide', platform: true }, means: 'the arbiter sides with the seller' },

  // Evidence demands (issue 19.7)
  { action: 'request_evidence', from: ['requested'], to: 'awaiting_evidence', who: { staff: 'cases:decide' }, means: 'ask the buyer for specific evidence (photo of the label, video of the unboxing) by a deadline' },
  { action: 'provide_evidence', from: ['awaiting_evidence'], to: 'requested', who: { buyer: true, staff: 'cases:create' }, means: 'the buyer sent the evidence; the request is back with the seller' },
  { action: 'evidence_overdue', from: ['awaiting_evidence'], to: 'requested', who: { system: true }, means: 'no evidence by the deadline (policy: review): back with the seller, flagged for review' },

  // Goods coming back
  { action: 'buyer_shipped', from: ['approved'], to: 'in_transit', types: RETURN_TYPES, who: { buyer: true, staff: 'cases:create', system: true }, means: 'the buyer handed the parcel to a carrier' },
  { action: 'buyer_shipped', from: ['approved'], to: 'in_transit', types: ['refund_only', 'partial_refund', 'refused_delivery', 'reship'], resolution: 'return', who: { buyer: true, staff: 'cases:create', system: true }, means: 'the buyer ships the goods back as the arbiter ordered' },
  { action: 'intercepted', from: ['approved'], to: 'refund_pending', types: ['refund_only'], refundOnlyKinds: ['in_transit'], who: { staff: 'cases:decide', system: true }, means: 'the carrier confirmed the interception' },
  { action: 'goods_not_returned', from: ['approved', 'in_transit'], to: 'not_returned', refundedEarly: true, types: ['return_refund', 'refused_delivery'], who: { staff: 'cases:decide', system: true }, means: 'the goods did not come back in time after a fast refund: flagged for review, counted in the buyer\'s risk, no "received" mail' },
  { action: 'receive', from: ['in_transit', 'approved', 'not_returned'], to: 'received', types: [...RETURN_TYPES, 'refused_delivery', 'refund_only', 'partial_refund', 'reship'], who: { staff: 'warehouse:receive', system: true }, means: 'the goods arrived (quantities may differ from those declared)' },
  { action: 'inspect', from: ['received'], to: 'inspected', who: { staff: 'warehouse:receive' }, means: 'grade each item and choose its disposition' },

  // Money and replacements
  { action: 'refund', from: ['inspected'], to: 'refund_pending', refundedEarly: false, who: { staff: 'refunds:issue', system: true }, means: 'refund the accepted items' },
  { action: 'fast_refund', from: ['approved', 'in_transit'], to: 'same', refundedEarly: false, types: ['return_refund', 'refused_delivery'], who: { staff: 'refunds:issue', system: true, platform: true }, means: '极速退款: pay now, keep tracking the goods' },
  { action: 'complete', from: ['inspected'], to: 'completed', refundedEarly: true, who: { staff: 'warehouse:receive', system: true }, means: 'goods checked after a fast refund: nothing more to pay' },
  { action: 'exchange', from: ['inspected'], to: 'exchange_pending', types: ['exchange'], who: { staff: 'cases:decide' }, means: 'send the replacement (price difference settled)' },
  { action: 'confirm_payment', from: ['exchange_pending'], to: 'same', types: ['exchange'], who: { staff: 'refunds:issue' }, means: 'the buyer paid the top-up a dearer replacement costs (amount and payment reference)' },
  { action: 'ship_replacement', from: ['exchange_pending'], to: 'completed', who: { staff: 'warehouse:receive', system: true }, means: 'the replacement left the warehouse (once any top-up is paid)' },
  { action: 'refund_succeeded', from: ['refund_pending'], to: 'completed', who: { system: true }, means: 'the payment provider confirmed the refund' },
  { action: 'refund_failed', from: ['refund_pending'], to: 'same', who: { system: true }, means: 'the provider refused; the refund will be retried' },

  // Conversation
  { action: 'note', from: EVERY, to: 'same', who: { staff: 'cases:message', system: true }, means: 'internal note, never shown to the buyer' },
  { action: 'message', from: EVERY, to: 'same', who: { buyer: true, staff: 'cases:message', platform: true }, means: 'message between buyer and shop' },
];
