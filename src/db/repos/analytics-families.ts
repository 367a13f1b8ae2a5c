import { sql, type SQL } from 'drizzle-orm';
import { ALL_VARIANTS, type Measure } from '../schema/analytics.js';
import { pgArrayLiteral } from '../bulk.js';

/**
 * What orders, cases and refunds contribute to the analytics cube, as SQL. Each "family" selects
 * fine rows — (day, channel, customer, level, variant, reason, seconds) and some measures —
 * for a scope of sources (a few ids in a hook, or every row of the shop in a rebuild), times a
 * sign (+1 to add, −1 to take back). The same SQL serves both, so a rebuild can only agree with
 * what the hooks wrote.
 *
 * Levels come from GROUPING SETS that always keep the source id: a case with two SKUs counts
 * once for the shop and once for each SKU; units add up.
 */
export interface Scope {
  shopId: string;
  timezone: string;
  currency: string;
}

export interface Family {
  sql: SQL;
  measures: readonly Measure[];
}

export const uuids = (ids: readonly string[]) => sql`${pgArrayLiteral(ids, 'uuid')}::uuid[]`;
const ALL = sql.raw(`'${ALL_VARIANTS}'::uuid`);
const localDay = (column: SQL, s: Scope) => sql`(${column} at time zone ${s.timezone})::date`;

/** Case types whose goods come back: the only ones counted as returned units (docs/analytics.md). */
export const RETURN_TYPES = sql.raw(`('return_refund', 'exchange', 'refused_delivery')`);
/** Actions that decide something about a case: counted as automatic (system) or manual (staff) decisions. */
export const DECISION_ACTIONS = ['approve', 'reject', 'resolve', 'offer_partial', 'refund', 'fast_refund', 'exchange', 'intercepted', 'close'] as const;
/** Clocks the merchant must beat (deadline compliance). */
export const MERCHANT_DEADLINES = ['merchant_response', 'merchant_receipt', 'refund_after_receipt'] as const;
const decisionList = sql.raw(`(${DECISION_ACTIONS.map((a) => `'${a}'`).join(', ')})`);
const deadlineList = sql.raw(`(${MERCHANT_DEADLINES.map((a) => `'${a}'`).join(', ')})`);

/** The level columns of a grouping-sets row. */
const levelColumns = (variant: string, reason: string | null) =>
  sql.raw(
    `case when grouping(${variant}) = 0 then 1 else 0 end::smallint as level, ` +
      `case when grouping(${variant}) = 0 then ${variant} else '${ALL_VARIANTS}'::uuid end as variant_id, ` +
      (reason === null ? `''::text as reason` : `case when grouping(${reason}) = 0 then ${reason} else '' end as reason`),
  );

/** GROUPING SETS over the keys `k` (source first) with the variant (and reason) levels. */
function sets(k: string, variant: string, reason: string | null, omitShopLevel = false) {
  const all = reason === null ? [`${k}, ${variant}`, k] : [`${k}, ${variant}, ${reason}`, `${k}, ${variant}`, `${k}, ${reason}`, k];
  return sql.raw(`group by grouping sets (${(omitShopLevel ? all.slice(0, -1) : all).map((s) => `(${s})`).join(', ')})`);
}

/** Orders: sold lines (paid, not cancelled) by the day the order was placed, and paid orders by the day they were paid. */
export function orderFamily(s: Scope, where: SQL, sign: number): Family[] {
  const sold: Family = {
    measures: ['orders', 'sold_lines', 'sold_units', 'sold_value_minor'],
    sql: sql`select st.placed_day as day, st.channel, st.customer_id, -1 as seconds, ${levelColumns('l.variant_id', null)},
        ${sign}::bigint as orders, count(*) * ${sign} as sold_lines, sum(l.quantity) * ${sign} as sold_units,
        sum(case when st.counts_value then l.paid_minor else 0 end) * ${sign} as sold_value_minor
      from analytics_order_state st join order_lines l on l.shop_id = st.shop_id and l.order_id = st.order_id
      where st.shop_id = ${s.shopId} and st.sold and ${where}
      ${sets('st.order_id, st.placed_day, st.channel, st.customer_id', 'l.variant_id', null)}`,
  };
  const paid: Family = {
    measures: ['paid_orders'],
    sql: sql`select st.paid_day as day, st.channel, st.customer_id, -1 as seconds, ${levelColumns('l.variant_id', null)},
        ${sign}::bigint as paid_orders
      from analytics_order_state st join order_lines l on l.shop_id = st.shop_id and l.order_id = st.order_id
      where st.shop_id = ${s.shopId} and st.paid_day is not null and ${where}
      ${sets('st.order_id, st.paid_day, st.channel, st.customer_id', 'l.variant_id', null)}`,
  };
  return [sold, paid];
}

/** Items of cases with their line, order channel and reason; `where` narrows the cases (alias c). */
const caseItems = (s: Scope, where: SQL) => sql`
  from return_cases c
  join return_items i on i.shop_id = c.shop_id and i.case_id = c.id
  join order_lines l on l.shop_id = i.shop_id and l.id = i.order_line_id
  join orders o on o.shop_id = c.shop_id and o.id = c.order_id
  where c.shop_id = ${s.shopId} and ${where}`;

/**
 * Returns of goods by the order's cohort day, on sold lines only: units accepted back in completed
 * cases, and units of open cases still on their way. `phase: 'open'` counts every case in scope as
 * still open (what a case contributed before it ended), 'current' follows each case's status.
 */
export function cohortFamily(s: Scope, where: SQL, sign: number, phase: 'open' | 'current'): Family {
  const completed = phase === 'current' ? sql`c.status = 'completed'` : sql`false`;
  const open = phase === 'current' ? sql`c.status not in ('completed', 'cancelled', 'closed')` : sql`true`;
  const accepted = sql`least(coalesce(i.accepted_quantity, 0), l.quantity)`;
  return {
    measures: ['returned_units', 'returned_value_minor', 'pending_return_units'],
    sql: sql`select st.placed_day as day, st.channel, c.customer_id, -1 as seconds, ${levelColumns('l.variant_id', 'i.reason_code')},
        sum(case when ${completed} then ${accepted} else 0 end) * ${sign} as returned_units,
        sum(case when ${completed} and st.counts_value then (l.paid_minor * ${accepted}) / l.quantity else 0 end) * ${sign} as returned_value_minor,
        sum(case when ${open} then i.quantity else 0 end) * ${sign} as pending_return_units
      from return_cases c
      join return_items i on i.shop_id = c.shop_id and i.case_id = c.id
      join order_lines l on l.shop_id = i.shop_id and l.id = i.order_line_id
      join analytics_order_state st on st.shop_id = c.shop_id and st.order_id = c.order_id
      where c.shop_id = ${s.shopId} and st.sold and c.type in ${RETURN_TYPES} and ${where}
      ${sets('c.id, st.placed_day, st.channel, c.customer_id', 'l.variant_id', 'i.reason_code')}`,
  };
}

/** Requests by the day they were made (cancelled ones are taken back when cancelled). */
export function requestFamily(s: Scope, where: SQL, sign: number): Family {
  return {
    measures: ['cases_requested', 'units_requested'],
    sql: sql`select day, channel, customer_id, -1 as seconds, ${levelColumns('variant_id', 'reason_code')},
        ${sign}::bigint as cases_requested, sum(quantity) * ${sign} as units_requested
      from (select c.id as case_id, ${localDay(sql`c.created_at`, s)} as day, o.channel, c.customer_id, l.variant_id, i.reason_code, i.quantity
            ${caseItems(s, where)}) x
      ${sets('case_id, day, channel, customer_id', 'variant_id', 'reason_code')}`,
  };
}

/** Completed cases by the day they completed: restocking fees kept and stock written off (scrapped). */
export function completionFamily(s: Scope, where: SQL, sign: number): Family {
  const value = sql`c.currency = ${s.currency}`;
  const scrapped = sql`least(coalesce(i.received_quantity, i.quantity), l.quantity)`;
  return {
    measures: ['completed_cases', 'restocking_fees_minor', 'written_off_units', 'written_off_value_minor'],
    sql: sql`select day, channel, customer_id, -1 as seconds, ${levelColumns('variant_id', 'reason_code')},
        ${sign}::bigint as completed_cases, sum(fee) * ${sign} as restocking_fees_minor,
        sum(wo_units) * ${sign} as written_off_units, sum(wo_value) * ${sign} as written_off_value_minor
      from (
        select c.id as case_id, ${localDay(sql`c.closed_at`, s)} as day, o.channel, c.customer_id, l.variant_id, i.reason_code, 0::bigint as fee,
          case when i.disposition = 'scrap' then ${scrapped} else 0 end as wo_units,
          case when i.disposition = 'scrap' and ${value} then (l.paid_minor * ${scrapped}) / l.quantity else 0 end as wo_value
        ${caseItems(s, sql`c.status = 'completed' and ${where}`)}
        union all
        select c.id, ${localDay(sql`c.closed_at`, s)}, o.channel, c.customer_id, l.variant_id,
          (select min(i2.reason_code) from return_items i2 where i2.shop_id = c.shop_id and i2.case_id = c.id and i2.order_line_id = l.id),
          case when ${value} then (e->>'restockingFeeMinor')::bigint else 0 end, 0, 0
        from return_cases c
        cross join lateral jsonb_array_elements(c.breakdown->'items') e
        join order_lines l on l.shop_id = c.shop_id and l.id = (e->>'lineId')::uuid
        join orders o on o.shop_id = c.shop_id and o.id = c.order_id
        where c.shop_id = ${s.shopId} and c.status = 'completed' and coalesce((e->>'restockingFeeMinor')::bigint, 0) <> 0 and ${where}
      ) x
      ${sets('case_id, day, channel, customer_id', 'variant_id', 'reason_code')}`,
  };
}

/**
 * Merchant deadlines of ended cases, by the day the case ended: how many there were and how many
 * were met (the case left the deadline's status before it was due).
 */
export function deadlineFamily(s: Scope, where: SQL, sign: number): Family {
  return {
    measures: ['deadlines_due', 'deadlines_met'],
    sql: sql`select day, channel, customer_id, -1 as seconds, ${levelColumns('variant_id', 'reason_code')},
        count(distinct deadline_id) * ${sign} as deadlines_due, count(distinct deadline_id) filter (where met) * ${sign} as deadlines_met
      from (
        select c.id as case_id, ${localDay(sql`c.closed_at`, s)} as day, o.channel, c.customer_id, l.variant_id, i.reason_code, d.id as deadline_id,
          exists (select 1 from case_events e where e.shop_id = c.shop_id and e.case_id = c.id and e.from_status = d.for_status
                  and e.to_status is distinct from d.for_status and e.created_at >= d.created_at and e.created_at < d.due_at) as met
        from return_cases c
        join deadlines d on d.shop_id = c.shop_id and d.case_id = c.id and d.kind in ${deadlineList}
        join return_items i on i.shop_id = c.shop_id and i.case_id = c.id
        join order_lines l on l.shop_id = i.shop_id and l.id = i.order_line_id
        join orders o on o.shop_id = c.shop_id and o.id = c.order_id
        where c.shop_id = ${s.shopId} and c.status in ('completed', 'cancelled', 'closed') and ${where}
      ) x
      ${sets('case_id, day, channel, customer_id', 'variant_id', 'reason_code')}`,
  };
}

/** Decisions (events of DECISION_ACTIONS) by the day they were taken, by who took them. `where` narrows events (alias e). */
export function decisionFamily(s: Scope, where: SQL, sign: number): Family {
  return {
    measures: ['decisions_system', 'decisions_staff', 'decisions_platform'],
    sql: sql`select day, channel, customer_id, -1 as seconds, ${levelColumns('variant_id', 'reason_code')},
        (case when actor_kind = 'system' then 1 else 0 end) * ${sign}::bigint as decisions_system,
        (case when actor_kind = 'staff' then 1 else 0 end) * ${sign}::bigint as decisions_staff,
        (case when actor_kind = 'platform' then 1 else 0 end) * ${sign}::bigint as decisions_platform
      from (select e.id as event_id, e.actor_kind, ${localDay(sql`e.created_at`, s)} as day, o.channel, c.customer_id, l.variant_id, i.reason_code
            from case_events e
            join return_cases c on c.shop_id = e.shop_id and c.id = e.case_id
            join return_items i on i.shop_id = c.shop_id and i.case_id = c.id
            join order_lines l on l.shop_id = i.shop_id and l.id = i.order_line_id
            join orders o on o.shop_id = c.shop_id and o.id = c.order_id
            where e.shop_id = ${s.shopId} and e.action in ${decisionList} and ${where}) x
      ${sets('event_id, actor_kind, day, channel, customer_id', 'variant_id', 'reason_code')}`,
  };
}

/**
 * Money refunded, by the day each refund succeeded. The whole refund counts for the shop; its
 * lines count for their SKUs and reasons. Return shipping reimbursed and store-credit bonuses are
 * not tied to a line: shop level only. `where` narrows refunds (alias r).
 */
export function refundFamily(s: Scope, where: SQL, sign: number): Family[] {
  const value = sql`r.currency = ${s.currency}`;
  const header: Family = {
    measures: ['refunds', 'refunded_minor', 'shipping_reimbursed_minor', 'store_credit_bonus_minor', 'insured_refunds'],
    sql: sql`select ${localDay(sql`r.settled_at`, s)} as day, o.channel, c.customer_id, -1 as seconds, 0::smallint as level, ${ALL} as variant_id, ''::text as reason,
        ${sign}::bigint as refunds,
        (case when ${value} then r.amount_minor else 0 end) * ${sign} as refunded_minor,
        (case when ${value} then r.compensation_minor else 0 end) * ${sign} as shipping_reimbursed_minor,
        (case when ${value} then r.bonus_minor else 0 end) * ${sign} as store_credit_bonus_minor,
        (case when c.return_shipping_payer = 'insurer' then 1 else 0 end) * ${sign}::bigint as insured_refunds
      from refunds r
      join return_cases c on c.shop_id = r.shop_id and c.id = r.case_id
      join orders o on o.shop_id = r.shop_id and o.id = r.order_id
      where r.shop_id = ${s.shopId} and r.status = 'succeeded' and ${where}`,
  };
  const lines: Family = {
    measures: ['refunds', 'refunded_units', 'refunded_minor'],
    sql: sql`select day, channel, customer_id, -1 as seconds, ${levelColumns('variant_id', 'reason_code')},
        ${sign}::bigint as refunds, sum(quantity) * ${sign} as refunded_units, sum(amount) * ${sign} as refunded_minor
      from (
        select r.id as refund_id, ${localDay(sql`r.settled_at`, s)} as day, o.channel, c.customer_id, l.variant_id, rl.quantity,
          case when ${value} then rl.amount_minor else 0 end as amount,
          coalesce((select min(i.reason_code) from return_items i where i.shop_id = c.shop_id and i.case_id = c.id and i.order_line_id = l.id), '') as reason_code
        from refunds r
        join refund_lines rl on rl.shop_id = r.shop_id and rl.refund_id = r.id
        join order_lines l on l.shop_id = rl.shop_id and l.id = rl.order_line_id
        join return_cases c on c.shop_id = r.shop_id and c.id = r.case_id
        join orders o on o.shop_id = r.shop_id and o.id = r.order_id
        where r.shop_id = ${s.shopId} and r.status = 'succeeded' and ${where}
      ) x
      ${sets('refund_id, day, channel, customer_id', 'variant_id', 'reason_code', true)}`,
  };
  return [header, lines];
}

/**
 * Compensation granted (issue 19 §1): coupons and store credit in the shop's currency, by the day
 * each was granted, at the shop level (it belongs to a case, not to a line). Points have no money
 * value. `where` narrows compensations (alias cp).
 */
export function compensationFamily(s: Scope, where: SQL, sign: number): Family {
  return {
    measures: ['care_compensation_minor'],
    sql: sql`select ${localDay(sql`cp.created_at`, s)} as day, o.channel, c.customer_id, -1 as seconds, 0::smallint as level, ${ALL} as variant_id, ''::text as reason,
        (case when cp.currency = ${s.currency} and cp.kind in ('coupon', 'store_credit') then cp.amount_minor else 0 end) * ${sign} as care_compensation_minor
      from compensations cp
      join return_cases c on c.shop_id = cp.shop_id and c.id = cp.case_id
      join orders o on o.shop_id = c.shop_id and o.id = c.order_id
      where cp.shop_id = ${s.shopId} and ${where}`,
  };
}

/** SQL for the bucket (lower bound, seconds) of a duration: the same buckets as domain/analytics/refund-times. */
const secondsBucket = (seconds: string) =>
  sql.raw(`case when ${seconds} < 3600 then ${seconds} - ${seconds} % 60 when ${seconds} < 604800 then ${seconds} - ${seconds} % 3600 else ${seconds} - ${seconds} % 86400 end`);

/**
 * Refunded cases, by the day of their first successful refund (refund or fast refund): how many,
 * how many had a quality reason (per the case's policy version), and the time from request to
 * that refund — summed, and as a histogram row (seconds ≥ 0) for percentiles.
 */
export function firstRefundFamily(s: Scope, where: SQL, sign: number): Family[] {
  const base = sql`
      select c.id as case_id, ${localDay(sql`fr.first_at`, s)} as day, o.channel, c.customer_id, l.variant_id, i.reason_code,
        greatest(0, floor(extract(epoch from fr.first_at - c.created_at)))::bigint as secs,
        coalesce(i.reason_code = any(pq.codes), false) as quality
      from return_cases c
      join lateral (select min(r.settled_at) as first_at from refunds r
                    where r.shop_id = c.shop_id and r.case_id = c.id and r.status = 'succeeded' and r.kind in ('refund', 'fast_refund')) fr on fr.first_at is not null
      join return_items i on i.shop_id = c.shop_id and i.case_id = c.id
      join order_lines l on l.shop_id = i.shop_id and l.id = i.order_line_id
      join orders o on o.shop_id = c.shop_id and o.id = c.order_id
      left join (select p.id, array_agg(r->>'code') filter (where (r->>'quality')::boolean) as codes
                 from policies p cross join lateral jsonb_array_elements(p.document->'reasons') r
                 where p.shop_id = ${s.shopId} group by p.id) pq on pq.id = c.policy_id
      where c.shop_id = ${s.shopId} and ${where}`;
  return [
    {
      measures: ['refunded_cases', 'quality_refunded_cases', 'refund_seconds'],
      // One row per case and level, twice: for the rollups (seconds −1), and for the histogram (its bucket).
      sql: sql`select g.day, g.channel, g.customer_id, t.seconds, g.level, g.variant_id, g.reason, g.refunded_cases,
          case when t.seconds = -1 then g.quality_refunded_cases else 0 end as quality_refunded_cases,
          case when t.seconds = -1 then g.refund_seconds else 0 end as refund_seconds
        from (select day, channel, customer_id, ${levelColumns('variant_id', 'reason_code')}, ${sign}::bigint as refunded_cases,
                max(case when quality then 1 else 0 end) * ${sign} as quality_refunded_cases, max(secs) * ${sign} as refund_seconds,
                ${secondsBucket('max(secs)')}::int as bucket
              from (${base}) x ${sets(`case_id, day, channel, customer_id, secs`, 'variant_id', 'reason_code')}) g
        cross join lateral (values (-1), (g.bucket)) t(seconds)`,
    },
  ];
}

/** Which sources a family counts: conditions on its aliases (c: case, st: order state, r: refund, e: event, o: order). */
export const sources = {
  all: sql`true`,
  case: (id: string) => sql`c.id = ${id}`,
  cases: (ids: readonly string[]) => sql`c.id = any(${uuids(ids)})`,
  casesNotCancelled: (ids: readonly string[] | null) => (ids === null ? sql`c.status <> 'cancelled'` : sql`c.id = any(${uuids(ids)}) and c.status <> 'cancelled'`),
  casesOfOrders: (orderIds: readonly string[]) => sql`c.order_id = any(${uuids(orderIds)})`,
  orderStates: (orderIds: readonly string[]) => sql`st.order_id = any(${uuids(orderIds)})`,
  orders: (orderIds: readonly string[]) => sql`o.id = any(${uuids(orderIds)})`,
  untrackedOrders: sql`not exists (select 1 from analytics_order_state a where a.shop_id = o.shop_id and a.order_id = o.id)`,
  refund: (id: string) => sql`r.id = ${id}`,
  refundsOfCases: (caseIds: readonly string[]) => sql`r.case_id = any(${uuids(caseIds)})`,
  compensations: (ids: readonly string[]) => sql`cp.id = any(${uuids(ids)})`,
  compensationsOfCases: (caseIds: readonly string[]) => sql`cp.case_id = any(${uuids(caseIds)})`,
  eventsOfCases: (caseIds: readonly string[]) => sql`e.case_id = any(${uuids(caseIds)})`,
  /** The event a transition just wrote (the latest of its action at that instant). */
  latestEvent: (shopId: string, caseId: string, action: string, at: Date) =>
    sql`e.id = (select e2.id from case_events e2 where e2.shop_id = ${shopId} and e2.case_id = ${caseId} and e2.action = ${action} and e2.created_at = ${at}
                order by e2.id desc limit 1)`,
};
