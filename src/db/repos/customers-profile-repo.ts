import { sql } from 'drizzle-orm';
import type { BuyerProfile } from '../../domain/risk/score.js';
import { queryRows, type Executor } from '../client.js';

/** A buyer's history in one statement (every sub-query is an index range on the customer). */
export async function buyerProfile(db: Executor, shopId: string, customerId: string, now: Date): Promise<BuyerProfile> {
  return (await buyerHistory(db, shopId, customerId, now)).profile;
}

/** The buyer's history and tier (what the policy's customer rules read), in one statement. */
export async function buyerHistory(db: Executor, shopId: string, customerId: string, now: Date): Promise<{ profile: BuyerProfile; tier: string | null }> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [row] = await queryRows<Record<keyof BuyerProfile, number | string> & { tier: string | null }>(
    db,
    sql`select
      (select c.tier from customers c where c.shop_id = ${shopId} and c.id = ${customerId}) as "tier",
      (select count(*) from orders o where o.shop_id = ${shopId} and o.customer_id = ${customerId} and o.cancelled_at is null) as "orders",
      (select count(*) from orders o where o.shop_id = ${shopId} and o.customer_id = ${customerId} and o.cancelled_at is null and o.delivered_at is not null) as "completedOrders",
      (select coalesce(sum(l.quantity), 0) from orders o join order_lines l on l.shop_id = o.shop_id and l.order_id = o.id
         where o.shop_id = ${shopId} and o.customer_id = ${customerId} and o.cancelled_at is null) as "unitsBought",
      (select count(*) from return_cases c where c.shop_id = ${shopId} and c.customer_id = ${customerId}) as "cases",
      (select count(*) from return_cases c where c.shop_id = ${shopId} and c.customer_id = ${customerId} and c.created_at >= ${since}) as "casesLast30Days",
      (select coalesce(sum(coalesce(i.accepted_quantity, i.quantity)), 0) from return_cases c join return_items i on i.shop_id = c.shop_id and i.case_id = c.id
         where c.shop_id = ${shopId} and c.customer_id = ${customerId} and c.status not in ('cancelled', 'closed')
           and c.type in ('return_refund', 'exchange', 'refused_delivery')) as "unitsReturned",
      (select coalesce(sum(r.amount_minor), 0) from refunds r join return_cases c on c.shop_id = r.shop_id and c.id = r.case_id
         where c.shop_id = ${shopId} and c.customer_id = ${customerId} and r.status = 'succeeded') as "refundedMinor",
      (select count(*) from return_cases c join return_items i on i.shop_id = c.shop_id and i.case_id = c.id
         where c.shop_id = ${shopId} and c.customer_id = ${customerId} and i.accepted_quantity is not null and i.accepted_quantity < i.quantity) as "inspectionMismatches",
      (select count(*) from return_cases c where c.shop_id = ${shopId} and c.customer_id = ${customerId} and c.resolution = 'reject') as "disputesLost",
      (select count(*) from return_cases c where c.shop_id = ${shopId} and c.customer_id = ${customerId} and c.status not in ('cancelled', 'closed')
         and (c.type = 'partial_refund' or c.refund_only_kind = 'delivered_keep')) as "keptGoodsClaims",
      (select count(*) from return_cases c where c.shop_id = ${shopId} and c.customer_id = ${customerId} and c.refunded_early
         and exists (select 1 from case_events e where e.shop_id = c.shop_id and e.case_id = c.id and e.action = 'goods_not_returned')
         and not exists (select 1 from return_items i where i.shop_id = c.shop_id and i.case_id = c.id and i.received_quantity > 0)) as "goodsNotReturned"`,
  );
  const n = (k: keyof BuyerProfile) => Number(row?.[k] ?? 0);
  const profile: BuyerProfile = {
    orders: n('orders'),
    completedOrders: n('completedOrders'),
    unitsBought: n('unitsBought'),
    cases: n('cases'),
    casesLast30Days: n('casesLast30Days'),
    unitsReturned: n('unitsReturned'),
    refundedMinor: n('refundedMinor'),
    inspectionMismatches: n('inspectionMismatches'),
    disputesLost: n('disputesLost'),
    keptGoodsClaims: n('keptGoodsClaims'),
    goodsNotReturned: n('goodsNotReturned'),
  };
  return { profile, tier: row?.tier ?? null };
}

export const EMPTY_PROFILE: BuyerProfile = {
  orders: 0,
  completedOrders: 0,
  unitsBought: 0,
  cases: 0,
  casesLast30Days: 0,
  unitsReturned: 0,
  refundedMinor: 0,
  inspectionMismatches: 0,
  disputesLost: 0,
  keptGoodsClaims: 0,
  goodsNotReturned: 0,
};
