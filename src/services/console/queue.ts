import type { CaseStatus, CaseType } from '../../domain/cases/model.js';
import { readScannedCode } from '../../domain/labels/codes.js';
import { normalizeEmail, normalizePhone } from '../../domain/orders/contact.js';
import { consoleQueueRepo, OPEN_STATUSES, QUEUE_SORTS, type QueueFilter, type QueueRow, type QueueSort } from '../../db/repos/console-queue-repo.js';
import { shopsRepo } from '../../db/repos/shops-repo.js';
import type { ServiceContext } from '../context.js';

export { QUEUE_SORTS };

export interface QueueQuery {
  scope?: 'open' | 'all';
  status?: CaseStatus[];
  type?: CaseType;
  reason?: string;
  sku?: string;
  channel?: string;
  customerId?: string;
  riskMin?: number;
  riskMax?: number;
  needsReview?: boolean;
  awaitingPayout?: boolean;
  createdFrom?: string;
  overdue?: boolean;
  dueWithinHours?: number;
  receiptReady?: boolean;
  q?: string;
  sort?: QueueSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

type PayoutRow = { since: Date | string; amount_minor: number | string };

function rowView(r: QueueRow, items: { sku: string; title: string; quantity: number; reasonCode: string }[], payout: PayoutRow | undefined) {
  return {
    id: r.id,
    rmaNumber: r.rma_number,
    orderId: r.order_id,
    orderNumber: r.order_number,
    channel: r.channel,
    customerId: r.customer_id,
    customerName: r.customer_name,
    type: r.type,
    refundOnlyKind: r.refund_only_kind,
    status: r.status,
    currency: r.currency,
    refundMethod: r.refund_method,
    riskScore: r.risk_score,
    needsReview: r.needs_review,
    refundMinor: Number(r.breakdown.refundMinor),
    refundedMinor: Number(r.refunded_minor),
    version: r.version,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    awaitingPayout: payout ? { since: iso(payout.since)!, amountMinor: Number(payout.amount_minor) } : null,
    deadline: r.due_at === null ? null : { dueAt: iso(r.due_at)!, kind: r.due_kind, source: r.due_source ?? 'policy' },
    receiptReadyAt: iso(r.receipt_ready_at ?? null),
    groupCode: r.group_code,
    items,
  };
}

/**
 * The after-sales work queue: cases with their next deadline (the worker's scheduled one, else
 * the case policy's estimate), filtered, sorted and paged, with the number of matching cases.
 */
export async function workQueue(ctx: ServiceContext, shopId: string, query: QueueQuery) {
  const now = ctx.clock.now();
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const text = await lookupTerm(ctx, shopId, query.q);
  const filter: QueueFilter = {
    // An unpaid refund is owed whatever the case's state (a completed case may still wait for the money).
    statuses: query.status?.length ? query.status : query.scope === 'all' || query.awaitingPayout ? [] : OPEN_STATUSES,
    type: query.type,
    reasonCode: query.reason,
    sku: query.sku,
    channel: query.channel,
    customerId: query.customerId,
    riskMin: query.riskMin,
    receiptReady: query.receiptReady,
    riskMax: query.riskMax,
    needsReview: query.needsReview,
    awaitingPayout: query.awaitingPayout,
    createdFrom: query.createdFrom ? new Date(query.createdFrom) : undefined,
    overdue: query.overdue,
    dueWithinHours: query.dueWithinHours,
    q: text ? { text, rma: text.toUpperCase(), email: normalizeEmail(text) ?? text, phone: normalizePhone(text) } : undefined,
  };
  const sort = query.sort ?? 'deadline';
  const descending = (query.order ?? (sort === 'deadline' || sort === 'rma' ? 'asc' : 'desc')) === 'desc';
  const rows = await consoleQueueRepo.page(ctx.db, shopId, filter, now, sort, descending, (page - 1) * pageSize, pageSize);
  const items = await consoleQueueRepo.items(ctx.db, shopId, rows.map((r) => r.id));
  const payouts = new Map((await consoleQueueRepo.pendingPayouts(ctx.db, shopId, rows.map((r) => r.id))).map((p) => [p.case_id, p]));
  return {
    now: now.toISOString(),
    page,
    pageSize,
    total: rows[0]?.total ?? (page > 1 ? await countOnly(ctx, shopId, query) : 0),
    data: rows.map((r) =>
      rowView(
        r,
        items.filter((i) => i.case_id === r.id).map((i) => ({ sku: i.sku, title: i.title, quantity: i.quantity, reasonCode: i.reason_code })),
        payouts.get(r.id),
      ),
    ),
  };
}

/** A page past the end still says how many cases match. */
async function countOnly(ctx: ServiceContext, shopId: string, query: QueueQuery): Promise<number> {
  const first = await workQueue(ctx, shopId, { ...query, page: 1, pageSize: 1 });
  return first.total;
}

/**
 * The search term for `q`: every code Retour prints is accepted (issue 13) — the label's QR code
 * `RETOUR:<shop>:<RMA>` is read as its RMA number when it names this shop; another shop's QR
 * code is searched as typed, so it finds nothing here.
 */
async function lookupTerm(ctx: ServiceContext, shopId: string, q: string | undefined): Promise<string | undefined> {
  if (q === undefined) return undefined;
  const code = readScannedCode(q);
  if (!code.text) return undefined;
  if (!code.shopSlug) return code.text;
  const shop = await shopsRepo.findById(ctx.db, shopId);
  return shop?.slug.toLowerCase() === code.shopSlug ? code.rmaNumber : q.trim();
}
