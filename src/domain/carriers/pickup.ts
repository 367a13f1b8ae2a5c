/**
 * Booked courier pickups (issue 17 point 7), carrier-neutral: where a pickup order stands, as
 * the carrier's pickup-order callbacks report it, and whether a report moves it on.
 */
export const PICKUP_STATUSES = ['submitted', 'accepted', 'courier_assigned', 'picked_up', 'cancelled', 'failed'] as const;
export type PickupStatus = (typeof PICKUP_STATUSES)[number];

/**
 * Kuaidi100 商家寄件 order states, from its callback documentation and official demos (medium
 * confidence, docs/carriers.md): 0 下单成功, 1 已接单, 2 收件中 (a courier is assigned and on
 * the way), 10 已取件, 101 运输中, 13 已签收, 9 用户主动取消, 99 订单已取消, 11 揽货失败,
 * 610 下单失败. Other codes (weights, fees, settlement) say nothing about the pickup itself.
 */
const KUAIDI100_PICKUP: Record<string, PickupStatus> = {
  '0': 'submitted',
  '1': 'accepted',
  '2': 'courier_assigned',
  '10': 'picked_up',
  '101': 'picked_up',
  '13': 'picked_up',
  '9': 'cancelled',
  '99': 'cancelled',
  '11': 'failed',
  '610': 'failed',
};

export const kuaidi100PickupStatus = (code: string): PickupStatus | null => KUAIDI100_PICKUP[code] ?? null;

const RANK: Record<PickupStatus, number> = { submitted: 0, accepted: 1, courier_assigned: 2, picked_up: 3, cancelled: 3, failed: 3 };

/**
 * Whether a reported status moves the pickup on from where it stands: only forward (a late
 * "accepted" after "courier assigned" changes nothing), never out of picked up, cancelled or
 * failed, and never to the status it already has (a repeated callback).
 */
export function pickupAdvances(current: PickupStatus | undefined, next: PickupStatus): boolean {
  if (current === undefined) return true;
  if (current === next || RANK[current] === 3) return false;
  return RANK[next] > RANK[current];
}
