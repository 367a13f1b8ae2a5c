import type { CustomerFacts, LineFacts, OrderFacts, ReturnFlags } from '../cases/facts.js';
import { formatDay, ruling, type RuleId } from './explain.js';
import { localDayOf, startOfLocalDay } from './local-days.js';
import type { Phase } from './policy-index.js';
import type { Policy } from './schema.js';
import type { WindowVerdict } from './verdict.js';
import { periodLastDay } from './withdrawal.js';

/**
 * The three windows of a line (docs/policy.md): refund before delivery, returns without a reason
 * (七天无理由) and returns for a seller fault.
 *
 * A window of N days opens at delivery and closes at local midnight (the shop's zone) at the end
 * of day D+N, D being the delivery day: the PRC rule counts 7 days from the day after receipt, so
 * an order delivered on 1 November at 15:00 may be returned until 8 November 24:00. `until` is
 * that closing instant; the window is open while now < until. Zero days means no window.
 */

type Kind = 'no_reason' | 'seller_fault';

/** What evaluate() knows of the order's progress at `now`. */
export interface OrderClock {
  phase: Phase;
  /** The local day of delivery (days since 1970-01-01), when delivered by now. */
  deliveryDay: number | null;
  nowMs: number;
  /** Windows already worked out in this evaluation, by kind and length: lines mostly share them. */
  windows: Record<Kind, Map<number, WindowVerdict>>;
  /** Statutory (EU) windows ending on a Saturday or Sunday end with the next working day. */
  extendToWorkingDay?: boolean;
}

const happened = (at: Date | null, nowMs: number) => at !== null && at.getTime() <= nowMs;

export function orderClock(order: OrderFacts, now: Date, extendToWorkingDay = false): OrderClock {
  const nowMs = now.getTime();
  const windows = { no_reason: new Map(), seller_fault: new Map() };
  // A delivery wins over a cancellation recorded with it: the goods are with the buyer either way.
  if (happened(order.deliveredAt, nowMs)) {
    return { phase: 'delivered', deliveryDay: localDayOf(order.deliveredAt!.getTime(), order.timeZone), nowMs, windows, extendToWorkingDay };
  }
  const phase: Phase = happened(order.cancelledAt, nowMs) ? 'cancelled' : happened(order.shippedAt, nowMs) ? 'in_transit' : 'not_shipped';
  return { phase, deliveryDay: null, nowMs, windows };
}

export function beforeDeliveryWindow(order: OrderFacts, clock: OrderClock): WindowVerdict {
  const dayOf = (at: Date) => ({ day: formatDay(localDayOf(at.getTime(), order.timeZone)) });
  switch (clock.phase) {
    case 'delivered':
      return { eligible: false, until: null, ...ruling('before_delivery.delivered', dayOf(order.deliveredAt!)) };
    case 'cancelled':
      return { eligible: false, until: null, ...ruling('before_delivery.cancelled', dayOf(order.cancelledAt!)) };
    case 'in_transit':
      return { eligible: true, until: null, ...ruling('before_delivery.in_transit') };
    case 'not_shipped':
      return { eligible: true, until: null, ...ruling('before_delivery.not_shipped') };
  }
}

/** The window lengths for a line: the first override whose every given criterion matches replaces the defaults. */
export function windowDays(policy: Policy, order: OrderFacts, line: LineFacts, customer: CustomerFacts): { noReasonDays: number; sellerFaultDays: number } {
  const { noReasonDays, sellerFaultDays, overrides } = policy.windows;
  for (const { match, ...days } of overrides) {
    if (match.channels && !match.channels.includes(order.channel)) continue;
    if (match.categories && (line.category === null || !match.categories.includes(line.category))) continue;
    if (match.customerTiers && (customer.tier === null || !match.customerTiers.includes(customer.tier))) continue;
    return { noReasonDays: days.noReasonDays ?? noReasonDays, sellerFaultDays: days.sellerFaultDays ?? sellerFaultDays };
  }
  return { noReasonDays, sellerFaultDays };
}

/** The exclusion that takes no-reason returns away from goods with these flags, if any. */
export function noReasonExclusion(policy: Policy, flags: ReturnFlags): Extract<RuleId, `exclusion.${string}`> | null {
  const { exclusions } = policy;
  if (exclusions.customMade && flags.customMade) return 'exclusion.custom_made';
  if (exclusions.perishable && flags.perishable) return 'exclusion.perishable';
  if (exclusions.finalSale && flags.finalSale) return 'exclusion.final_sale';
  return null;
}

/** Digital and hygiene goods keep no-reason returns only while sealed: which of them this line is. */
export function sealedOnly(policy: Policy, flags: ReturnFlags): 'digital' | 'hygiene' | 'digital_hygiene' | null {
  const digital = policy.exclusions.digitalOnceOpened && flags.digital;
  const hygiene = policy.exclusions.hygieneOnceUnsealed && flags.hygiene;
  return digital && hygiene ? 'digital_hygiene' : digital ? 'digital' : hygiene ? 'hygiene' : null;
}

function timedWindow(kind: Kind, days: number, order: OrderFacts, clock: OrderClock): WindowVerdict {
  let window = clock.windows[kind].get(days);
  if (!window) clock.windows[kind].set(days, (window = computeWindow(kind, days, order, clock)));
  return window;
}

function computeWindow(kind: Kind, days: number, order: OrderFacts, clock: OrderClock): WindowVerdict {
  if (clock.deliveryDay === null) return { eligible: false, until: null, ...ruling('window.not_delivered') };
  if (days === 0) return { eligible: false, until: null, ...ruling(`window.${kind}_none`) };
  const lastDay = periodLastDay(clock.deliveryDay, days, kind === 'no_reason' && clock.extendToWorkingDay === true);
  const untilMs = startOfLocalDay(lastDay + 1, order.timeZone);
  const params = { days, lastDay: formatDay(lastDay), zone: order.timeZone };
  const open = clock.nowMs < untilMs;
  return { eligible: open, until: new Date(untilMs), ...ruling(open ? `window.${kind}_open` : `window.${kind}_expired`, params) };
}

export function noReasonWindow(policy: Policy, line: LineFacts, days: number, order: OrderFacts, clock: OrderClock): WindowVerdict {
  const window = timedWindow('no_reason', days, order, clock);
  if (clock.deliveryDay === null || days === 0) return window;
  const excluded = noReasonExclusion(policy, line.flags);
  if (excluded) return { eligible: false, until: null, ...ruling(excluded, { days }) };
  const sealed = sealedOnly(policy, line.flags);
  if (window.eligible && sealed) {
    const lastDay = periodLastDay(clock.deliveryDay, days, clock.extendToWorkingDay === true);
    return { ...window, ...ruling('window.no_reason_unopened_only', { days, lastDay: formatDay(lastDay), zone: order.timeZone, only: sealed }) };
  }
  return window;
}

export function sellerFaultWindow(days: number, order: OrderFacts, clock: OrderClock): WindowVerdict {
  return timedWindow('seller_fault', days, order, clock);
}
