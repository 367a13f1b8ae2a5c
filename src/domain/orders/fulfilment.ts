import { conflict } from '../errors.js';

export const SHIPMENT_STATUSES = ['pending', 'shipped', 'delivered', 'returned', 'lost'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];
export const SHIPMENT_EVENTS = ['shipped', 'delivered', 'returned', 'lost'] as const;
export type ShipmentEventType = (typeof SHIPMENT_EVENTS)[number];

export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface ShipmentState {
  status: ShipmentStatus;
  shippedAt: Date | null;
  deliveredAt: Date | null;
}

/** Which events each shipment status accepts. A parcel returned to sender or lost is final. */
const NEXT: Record<ShipmentStatus, readonly ShipmentEventType[]> = {
  pending: ['shipped', 'delivered', 'lost'],
  shipped: ['delivered', 'returned', 'lost'],
  delivered: ['returned'],
  returned: [],
  lost: ['delivered'], // a parcel declared lost can still turn up
};

/**
 * Applies a carrier event to a shipment. Repeating the event the shipment is already in
 * changes nothing (carriers resend scans), so callers can retry safely.
 */
export function applyShipmentEvent(shipment: ShipmentState, event: ShipmentEventType, at: Date): { next: ShipmentState; changed: boolean } {
  if (shipment.status === event) return { next: shipment, changed: false };
  if (!NEXT[shipment.status].includes(event)) {
    throw conflict('shipment.invalid_event', `A ${shipment.status} shipment cannot become ${event}`, {
      status: shipment.status,
      event,
    });
  }
  const next: ShipmentState = { ...shipment, status: event };
  if (event === 'shipped' || (event === 'delivered' && !shipment.shippedAt)) next.shippedAt = shipment.shippedAt ?? at;
  if (event === 'delivered') next.deliveredAt = at;
  return { next, changed: true };
}

export interface OrderTimes {
  paidAt: Date | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
}

/**
 * The order's shipping times from its shipments: shipped when the first parcel left,
 * delivered when the last one arrived (so the return window starts with the last parcel).
 * Times the channel reported itself win over derived ones.
 */
export function deriveOrderTimes(reported: OrderTimes, shipments: readonly (Omit<ShipmentState, 'status'> & { status: string })[]): OrderTimes {
  const live = shipments.filter((s) => s.status !== 'returned' && s.status !== 'lost');
  const shipped = live.map((s) => s.shippedAt).filter((d): d is Date => d !== null);
  const allDelivered = live.length > 0 && live.every((s) => s.status === 'delivered' && s.deliveredAt);
  return {
    paidAt: reported.paidAt,
    cancelledAt: reported.cancelledAt,
    shippedAt: reported.shippedAt ?? (shipped.length ? new Date(Math.min(...shipped.map(Number))) : null),
    deliveredAt:
      reported.deliveredAt ?? (allDelivered ? new Date(Math.max(...live.map((s) => Number(s.deliveredAt)))) : null),
  };
}

export function deriveOrderStatus(times: OrderTimes): OrderStatus {
  if (times.cancelledAt) return 'cancelled';
  if (times.deliveredAt) return 'delivered';
  if (times.shippedAt) return 'shipped';
  if (times.paidAt) return 'paid';
  return 'pending';
}
