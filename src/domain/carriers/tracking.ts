import type { CaseStatus, CaseType, RefundOnlyKind } from '../cases/model.js';

/**
 * Tracking, carrier-neutral (issue 17 point 5): every carrier's scan codes map onto these, and
 * what a scan does to a case is decided here, purely, from the parcel and the case.
 */
export const TRACKING_STATUSES = [
  'info_received',
  'picked_up',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'returned_to_sender',
  'exception',
  'lost',
  'intercepted',
] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/**
 * Kuaidi100 `state` (and, with `resultv2`, its sub-states). Main states are documented (0 在途,
 * 1 揽收, 2 疑难, 3 签收, 4 退签, 5 派件, 6 退回, 7 转投, 8 清关, 14 拒签); the sub-state 413
 * "单号已拦截" (number intercepted) is from the resultv2 table (medium confidence, docs/carriers.md).
 */
const KUAIDI100: Record<string, TrackingStatus> = {
  '0': 'in_transit',
  '1': 'picked_up',
  '101': 'info_received',
  '102': 'info_received',
  '103': 'picked_up',
  '2': 'exception',
  '3': 'delivered',
  '301': 'delivered',
  '302': 'delivered',
  '303': 'delivered',
  '304': 'delivered',
  '4': 'returned_to_sender',
  '401': 'returned_to_sender',
  '5': 'out_for_delivery',
  '6': 'returned_to_sender',
  '7': 'in_transit',
  '8': 'in_transit',
  '14': 'returned_to_sender',
  '413': 'intercepted',
};

export function kuaidi100Status(state: string): TrackingStatus {
  if (KUAIDI100[state]) return KUAIDI100[state];
  // An unknown resultv2 sub-state falls back to its main state: the first digit of a three-digit
  // code (2xx is 疑难), and 0 (在途) for the four-digit 10xx; 10–13 are customs steps.
  const main = state.length === 3 ? state[0]! : state.length === 4 ? '0' : state;
  return KUAIDI100[main] ?? 'in_transit';
}

/** EasyPost tracker `status` (and `status_detail` where it says more). */
export function easypostStatus(status: string, detail?: string | null): TrackingStatus {
  if (detail === 'lost' || detail === 'return_to_sender_lost') return 'lost';
  switch (status) {
    case 'pre_transit':
      return 'info_received';
    case 'in_transit':
      return detail === 'arrived_at_origin' || detail === 'received_at_origin_facility' || detail === 'status_update_pickup' ? 'picked_up' : 'in_transit';
    case 'out_for_delivery':
    case 'available_for_pickup':
      return 'out_for_delivery';
    case 'delivered':
      return 'delivered';
    case 'return_to_sender':
      return 'returned_to_sender';
    case 'failure':
    case 'error':
      return 'exception';
    case 'cancelled':
      return 'exception';
    default:
      return 'in_transit';
  }
}

/** A parcel Retour follows for a case: the goods coming back, or the order's own parcel being intercepted. */
export interface TrackedParcel {
  direction: 'return' | 'replacement' | 'outbound';
  /** Outbound parcels only: where the interception stands. */
  interception: 'requested' | 'manual' | 'succeeded' | 'failed' | null;
  /** Already delivered (a repeated or late scan changes nothing). */
  delivered: boolean;
}

export interface TrackedCase {
  status: CaseStatus;
  type: CaseType;
  refundOnlyKind: RefundOnlyKind | null;
}

export type TrackingEffect =
  /** The carrier has the buyer's parcel: the case moves to in_transit (the buyer did not say so). */
  | 'mark_shipped'
  /** Delivered to the shop's return address: the warehouse queue shows it ready to receive. */
  | 'receipt_ready'
  /** Returned to sender, lost, stuck: a person looks at it. */
  | 'review'
  /** The intercepted parcel is on its way back: the refund follows the policy. */
  | 'intercepted'
  /** The parcel reached the buyer despite the interception: the case offers a return after delivery. */
  | 'interception_failed'
  | 'none';

const MOVING: ReadonlySet<TrackingStatus> = new Set(['picked_up', 'in_transit', 'out_for_delivery']);
const TROUBLE: ReadonlySet<TrackingStatus> = new Set(['returned_to_sender', 'lost', 'exception']);

/** What one new scan does to the case it belongs to. */
export function trackingEffects(parcel: TrackedParcel, c: TrackedCase, status: TrackingStatus): TrackingEffect[] {
  if (parcel.direction === 'outbound') {
    const pending = parcel.interception === 'requested' || parcel.interception === 'manual';
    if (!pending || c.status !== 'approved' || c.type !== 'refund_only' || c.refundOnlyKind !== 'in_transit') return [];
    if (status === 'intercepted' || status === 'returned_to_sender') return ['intercepted'];
    if (status === 'delivered') return ['interception_failed'];
    if (status === 'lost') return ['review'];
    return [];
  }
  if (parcel.direction !== 'return' || parcel.delivered) return [];
  if (MOVING.has(status)) return c.status === 'approved' ? ['mark_shipped'] : [];
  if (status === 'delivered') {
    if (c.status === 'approved') return ['mark_shipped', 'receipt_ready'];
    return c.status === 'in_transit' ? ['receipt_ready'] : [];
  }
  if (TROUBLE.has(status)) return ['review'];
  return [];
}
