import { sql, type SQL } from 'drizzle-orm';
import type { CaseStatus, CaseType } from '../../domain/cases/model.js';
import { queryRows, type Executor } from '../client.js';

/** States a case still needs someone (or something) to act in. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'requested',
  'approved',
  'rejected',
  'offer_pending',
  'awaiting_evidence',
  'in_transit',
  'received',
  'inspected',
  'refund_pending',
  'exchange_pending',
  'escalated',
];

export interface QueueFilter {
  statuses: readonly CaseStatus[];
  type?: CaseType;
  reasonCode?: string;
  sku?: string;
  channel?: string;
  customerId?: string;
  riskMin?: number;
  riskMax?: number;
  needsReview?: boolean;
  createdFrom?: Date;
  /** Only cases with a manual refund nobody has confirmed paid yet (or none of them). */
  awaitingPayout?: boolean;
  /** Only cases whose next deadline has passed. */
  overdue?: boolean;
  /** Only cases whose returned parcel the carrier delivered to the shop (issue 17), or none of them. */
  receiptReady?: boolean;
  /** Only cases whose next deadline falls between now and now + this many hours. */
  dueWithinHours?: number;
  /** RMA number, order number, e-mail, phone (already normalised by the caller) or return tracking number. */
  q?: { text: string; rma: string; email: string; phone: string | null };
}

export const QUEUE_SORTS = ['deadline', 'createdAt', 'risk', 'refund', 'rma'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface QueueRow {
  id: string;
  rma_number: string;
  order_id: string;
  customer_id: string | null;
  type: CaseType;
  refund_only_kind: string | null;
  status: CaseStatus;
  currency: string;
  refund_method: string;
  risk_score: number;
  needs_review: boolean;
  breakdown: { refundMinor: number };
  refunded_minor: number;
  amount_override_minor: number | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  order_number: string;
  channel: string;
  customer_name: string | null;
  due_at: Date | string | null;
  due_kind: string | null;
  due_source: 'scheduled' | 'policy' | null;
  receipt_ready_at: Date | string | null;
  group_code: string | null;
  total: number;
}

const hours = (key: string) => sql`make_interval(hours => (p.document->'deadlines'->>${key})::int)`;

/**
 * The next deadline of every case: a pending row of the deadlines table (the worker's clock)
 * when there is one; otherwise the case's policy applied to the moment the case entered its
 * state (an estimate, labelled `policy`), for the states the policy puts a clock on.
 */
const DUE_AT = sql`coalesce(dl.due_at, case c.status
    when 'requested' then ev.since + case when c.type = 'refund_only' and c.refund_only_kind = 'not_shipped'
                                          then ${hours('merchantResponseNotShippedHours')} else ${hours('merchantResponseHours')} end
    when 'approved' then case when c.type in ('return_refund', 'exchange') then ev.since + ${hours('buyerShipHours')} end
    when 'rejected' then ev.since + ${hours('reviseOrEscalateHours')}
    when 'in_transit' then ev.since + ${hours('merchantReceiptHours')}
    when 'received' then coalesce(ev.received_at, ev.since) + ${hours('refundAfterReceiptHours')}
    when 'inspected' then coalesce(ev.received_at, ev.since) + ${hours('refundAfterReceiptHours')}
  end)`;

const DUE_KIND = sql`coalesce(dl.kind, case c.status
    when 'requested' then 'merchant_response'
    when 'approved' then case when c.type in ('return_refund', 'exchange') then 'buyer_ship' end
    when 'rejected' then 'revise_or_escalate'
    when 'in_transit' then 'merchant_receipt'
    when 'received' then 'refund_after_receipt'
    when 'inspected' then 'refund_after_receipt'
  end)`;

/** When a carrier delivered the case's returned parcel to the shop while the case still waits for its receipt (issue 17). */
const RECEIPT_READY = sql`(select max(s.receipt_ready_at) from return_shipments s
    where s.shop_id = c.shop_id and s.case_id = c.id and s.direction = 'return' and c.status in ('approved', 'in_transit'))`;

const ESTIMATED_STATES = sql`('requested', 'approved', 'rejected', 'in_transit', 'received', 'inspected')`;

function conditions(shopId: string, f: QueueFilter): SQL[] {
  const c: SQL[] = [sql`c.shop_id = ${shopId}`];
  if (f.statuses.length) c.push(sql`c.status in (${sql.join(f.statuses.map((s) => sql`${s}`), sql`, `)})`);
  if (f.type) c.push(sql`c.type = ${f.type}`);
  if (f.channel) c.push(sql`o.channel = ${f.channel}`);
  if (f.customerId) c.push(sql`c.customer_id = ${f.customerId}`);
  if (f.riskMin !== undefined) c.push(sql`c.risk_score >= ${f.riskMin}`);
  if (f.riskMax !== undefined) c.push(sql`c.risk_score <= ${f.riskMax}`);
  if (f.needsReview !== undefined) c.push(sql`c.needs_review = ${f.needsReview}`);
  if (f.receiptReady !== undefined) c.push(f.receiptReady ? sql`${RECEIPT_READY} is not null` : sql`${RECEIPT_READY} is null`);
  if (f.awaitingPayout !== undefined) {
    const unpaid = sql`exists (select 1 from refunds r where r.shop_id = c.shop_id and r.case_id = c.id and r.provider = 'manual' and r.status = 'pending')`;
    c.push(f.awaitingPayout ? unpaid : sql`not ${unpaid}`);
  }
  if (f.createdFrom) c.push(sql`c.created_at >= ${f.createdFrom.toISOString()}::timestamptz`);
  if (f.reasonCode || f.sku) {
    const item: SQL[] = [sql`i.shop_id = c.shop_id`, sql`i.case_id = c.id`];
    if (f.reasonCode) item.push(sql`i.reason_code = ${f.reasonCode}`);
    if (f.sku) item.push(sql`l.sku = ${f.sku}`);
    c.push(sql`exists (select 1 from return_items i join order_lines l on l.shop_id = i.shop_id and l.id = i.order_line_id where ${sql.join(item, sql` and `)})`);
  }
  if (f.q) {
    const search: SQL[] = [sql`c.rma_number = ${f.q.rma}`, sql`o.number = ${f.q.text}`, sql`o.email = ${f.q.email}`];
    if (f.q.phone) search.push(sql`o.phone = ${f.q.phone}`);
    search.push(sql`exists (select 1 from return_shipments s where s.shop_id = c.shop_id and s.case_id = c.id and s.tracking_number = ${f.q.text})`);
    // A return across several orders: its code (on the group's label) finds every case in the parcel.
    search.push(sql`exists (select 1 from return_groups g where g.shop_id = c.shop_id and g.id = c.group_id and g.code = ${f.q.rma})`);
    c.push(sql`(${sql.join(search, sql` or `)})`);
  }
  return c;
}

function dueConditions(f: QueueFilter, now: Date): SQL[] {
  const c: SQL[] = [];
  const at = now.toISOString();
  if (f.overdue === true) c.push(sql`q.due_at < ${at}::timestamptz`);
  if (f.overdue === false) c.push(sql`(q.due_at is null or q.due_at >= ${at}::timestamptz)`);
  if (f.dueWithinHours !== undefined) {
    c.push(sql`q.due_at >= ${at}::timestamptz and q.due_at < ${at}::timestamptz + make_interval(hours => ${f.dueWithinHours})`);
  }
  return c;
}

const ORDER_BY: Record<QueueSort, SQL> = {
  deadline: sql`q.due_at`,
  createdAt: sql`q.created_at`,
  risk: sql`q.risk_score`,
  refund: sql`(q.breakdown->>'refundMinor')::bigint`,
  rma: sql`q.rma_number`,
};

/** The cases of one shop with their next deadline, filtered, before sorting and paging. */
function queueRelation(shopId: string, f: QueueFilter): SQL {
  return sql`
    select c.id, c.rma_number, c.order_id, c.customer_id, c.type, c.refund_only_kind, c.status, c.currency, c.refund_method,
           c.risk_score, c.needs_review, c.breakdown, c.refunded_minor, c.amount_override_minor, c.version, c.created_at, c.updated_at,
           o.number as order_number, o.channel, cu.name as customer_name,
           ${DUE_AT} as due_at, ${DUE_KIND} as due_kind, ${RECEIPT_READY} as receipt_ready_at,
           case when dl.due_at is not null then 'scheduled' when ev.since is not null then 'policy' end as due_source,
           (select g.code from return_groups g where g.shop_id = c.shop_id and g.id = c.group_id) as group_code
    from return_cases c
    join orders o on o.shop_id = c.shop_id and o.id = c.order_id
    join policies p on p.shop_id = c.shop_id and p.id = c.policy_id
    left join customers cu on cu.shop_id = c.shop_id and cu.id = c.customer_id
    left join lateral (
      select d.due_at, d.kind from deadlines d
      where d.shop_id = c.shop_id and d.case_id = c.id and d.status = 'pending' and d.for_status = c.status
      order by d.due_at limit 1
    ) dl on true
    left join lateral (
      select max(e.created_at) filter (where e.to_status = c.status and e.from_status is distinct from e.to_status) as since,
             max(e.created_at) filter (where e.to_status = 'received' and e.from_status is distinct from e.to_status) as received_at
      from case_events e
      where e.shop_id = c.shop_id and e.case_id = c.id and dl.due_at is null and c.status in ${ESTIMATED_STATES}
    ) ev on true
    where ${sql.join(conditions(shopId, f), sql` and `)}`;
}

export const consoleQueueRepo = {
  /** One page of the queue and the number of cases matching the filter. */
  async page(db: Executor, shopId: string, f: QueueFilter, now: Date, sort: QueueSort, descending: boolean, offset: number, limit: number): Promise<QueueRow[]> {
    const due = dueConditions(f, now);
    const direction = descending ? sql`desc` : sql`asc`;
    // Cases without a deadline sort after those with one, whichever the direction.
    const nulls = sort === 'deadline' ? sql`nulls last` : sql``;
    return queryRows<QueueRow>(
      db,
      sql`select q.*, count(*) over ()::int as total
          from (${queueRelation(shopId, f)}) q
          ${due.length ? sql`where ${sql.join(due, sql` and `)}` : sql``}
          order by ${ORDER_BY[sort]} ${direction} ${nulls}, q.created_at desc, q.id desc
          offset ${offset} limit ${limit}`,
    );
  },

  /** Open cases per state, and how many of them are overdue or due within `hours`. */
  async openCounts(db: Executor, shopId: string, now: Date, hours: number) {
    const at = now.toISOString();
    return queryRows<{ status: CaseStatus; open: number; overdue: number; due_soon: number }>(
      db,
      sql`select q.status, count(*)::int as open,
                 count(*) filter (where q.due_at < ${at}::timestamptz)::int as overdue,
                 count(*) filter (where q.due_at >= ${at}::timestamptz and q.due_at < ${at}::timestamptz + make_interval(hours => ${hours}))::int as due_soon
          from (${queueRelation(shopId, { statuses: OPEN_STATUSES })}) q
          group by q.status`,
    );
  },

  /** Since when each case of a page has waited for a manual payout (its oldest unconfirmed manual refund). */
  async pendingPayouts(db: Executor, shopId: string, caseIds: string[]) {
    if (caseIds.length === 0) return [];
    return queryRows<{ case_id: string; since: Date | string; amount_minor: number | string }>(
      db,
      sql`select r.case_id, min(r.created_at) as since, sum(r.amount_minor + r.compensation_minor) as amount_minor
          from refunds r
          where r.shop_id = ${shopId} and r.case_id in (${sql.join(caseIds.map((id) => sql`${id}::uuid`), sql`, `)})
            and r.provider = 'manual' and r.status = 'pending'
          group by r.case_id`,
    );
  },

  /** Item summaries (SKU, title, quantity, reason) of the cases on a page. */
  async items(db: Executor, shopId: string, caseIds: string[]) {
    if (caseIds.length === 0) return [];
    return queryRows<{ case_id: string; sku: string; title: string; quantity: number; reason_code: string }>(
      db,
      sql`select i.case_id, l.sku, l.title, i.quantity, i.reason_code
          from return_items i join order_lines l on l.shop_id = i.shop_id and l.id = i.order_line_id
          where i.shop_id = ${shopId} and i.case_id in (${sql.join(caseIds.map((id) => sql`${id}::uuid`), sql`, `)})
          order by i.created_at, i.id`,
    );
  },
};
