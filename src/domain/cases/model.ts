import type { Permission, Role } from '../auth/permissions.js';

/** After-sales case types (docs/case-states.md; docs/marketplaces.md). */
export const CASE_TYPES = ['refund_only', 'return_refund', 'exchange', 'reship', 'partial_refund', 'refused_delivery'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** 仅退款 comes in three kinds: nothing shipped yet, a parcel to intercept, or goods the buyer keeps. */
export const REFUND_ONLY_KINDS = ['not_shipped', 'in_transit', 'delivered_keep'] as const;
export type RefundOnlyKind = (typeof REFUND_ONLY_KINDS)[number];

export const CASE_STATUSES = [
  'requested',
  'approved',
  'rejected',
  'offer_pending',
  /** Staff asked the buyer for specific evidence by a deadline (issue 19.7). */
  'awaiting_evidence',
  'in_transit',
  /** After a fast refund the goods did not come back in time: flagged for review, counted against the buyer. */
  'not_returned',
  'received',
  'inspected',
  'refund_pending',
  'exchange_pending',
  'escalated',
  'completed',
  'cancelled',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const TERMINAL_STATUSES: ReadonlySet<CaseStatus> = new Set(['completed', 'cancelled', 'closed']);

export const CASE_ACTIONS = [
  'approve',
  'reject',
  'revise',
  'cancel',
  'escalate',
  'resolve',
  'offer_partial',
  'accept_offer',
  'decline_offer',
  'buyer_shipped',
  'intercepted',
  'goods_not_returned',
  'receive',
  'inspect',
  'refund',
  'fast_refund',
  'complete',
  'exchange',
  'ship_replacement',
  'confirm_payment',
  'refund_succeeded',
  'refund_failed',
  'close',
  'note',
  'message',
  'request_evidence',
  'provide_evidence',
  'evidence_overdue',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Who acts: the buyer (portal), staff of a role (console, API key), Retour itself, or the marketplace. */
export type Actor =
  | { kind: 'buyer' }
  | { kind: 'staff'; role: Role; id: string }
  | { kind: 'system'; rule?: string; deadlineId?: string }
  | { kind: 'platform' };
export type ActorKind = Actor['kind'];

/** Who may take an action: actor kinds, and for staff the permission their role needs. */
export interface ActionGuard {
  buyer?: true;
  staff?: Permission;
  system?: true;
  platform?: true;
}

export const RESOLUTIONS = ['refund', 'return', 'reject'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
