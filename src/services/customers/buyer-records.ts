import { conflict, notFound, unprocessable } from '../../domain/errors.js';
import { normalizePhone } from '../../domain/orders/contact.js';
import { normaliseListValue, type ListKind, type ListName } from '../../domain/risk/normalise.js';
import { buyerRiskSettings } from '../../domain/risk/settings.js';
import { simulateThreshold } from '../../domain/risk/simulate.js';
import { buyerRecordsRepo, type ListEntryRow, type NoteRow } from '../../db/repos/buyer-records-repo.js';
import { pastRequestProfiles } from '../../db/repos/customers-profile-repo.js';
import { customersRepo } from '../../db/repos/customers-repo.js';
import type { ServiceContext } from '../context.js';
import { goodsStayWithBuyer } from '../../domain/cases/case-money.js';
import type { CaseType, RefundOnlyKind } from '../../domain/cases/model.js';
import { currentPolicy } from '../policy/index.js';
import { findShop } from '../shops/index.js';

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

/** Buyers by name, e-mail, phone or order number (issue 19.4). */
export async function searchCustomers(ctx: ServiceContext, shopId: string, q: string, limit = 20) {
  const text = q.normalize('NFKC').trim();
  if (text.length < 2) throw unprocessable('customer.search_too_short', 'Search for at least 2 characters');
  const digits = text.replace(/[\s\-()+]/g, '');
  const phone = /^\d{4,}$/.test(digits) ? (normalizePhone(digits) ?? digits) : null;
  return { data: await buyerRecordsRepo.search(ctx.db, shopId, text, phone, limit) };
}

/** What the buyer page shows beside the profile: orders, cases with the risk each was opened with, messages, notes. */
export async function buyerRecord(ctx: ServiceContext, shopId: string, customerId: string) {
  const customer = await customersRepo.findById(ctx.db, shopId, customerId);
  if (!customer) throw notFound('customer.not_found', 'No such customer');
  const r = await buyerRecordsRepo.record(ctx.db, shopId, customerId);
  const lists = (await buyerRecordsRepo.listEntries(ctx.db, shopId)).filter((e) => listedFor(e, customer));
  return {
    customerId,
    orders: r.orders.map((o) => ({
      id: o.id as string,
      number: o.number as string,
      channel: o.channel as string,
      status: o.status as string,
      currency: o.currency as string,
      totalMinor: Number(o.totalMinor),
      placedAt: iso(o.placedAt)!,
      deliveredAt: iso(o.deliveredAt),
    })),
    cases: r.cases.map((c) => ({
      id: c.id as string,
      rmaNumber: c.rmaNumber as string,
      orderId: c.orderId as string,
      type: c.type as string,
      status: c.status as string,
      currency: c.currency as string,
      resolution: (c.resolution as string | null) ?? null,
      needsReview: c.needsReview as boolean,
      riskScore: Number(c.riskScore),
      riskReasons: (c.riskReasons as { code: string; points: number; 'zh-CN': string; en: string }[]).map((f) => ({ code: f.code, points: f.points, 'zh-CN': f['zh-CN'], en: f.en })),
      refundedMinor: Number(c.refundedMinor),
      createdAt: iso(c.createdAt)!,
      closedAt: iso(c.closedAt),
    })),
    messages: r.messages.map((m) => ({
      id: m.id as string,
      caseId: m.caseId as string,
      rmaNumber: m.rmaNumber as string,
      visibility: m.visibility as string,
      authorKind: m.authorKind as string,
      body: m.body as string,
      createdAt: iso(m.createdAt)!,
    })),
    notes: r.notes.map((n) => noteView(n as unknown as NoteRow)),
    lists: lists.map(entryView),
    /** Issue 19.1 (compensation) fills this in; empty until then. */
    compensation: [] as never[],
  };
}

/** A list entry that names this customer directly: by id, e-mail or phone. (Addresses match per order.) */
function listedFor(e: ListEntryRow, c: { id: string; email: string | null; phone: string | null }) {
  if (e.kind === 'customer') return e.matchKey === c.id;
  if (e.kind === 'email') return !!c.email && e.matchKey === c.email.trim().toLowerCase();
  if (e.kind === 'phone') return !!c.phone && e.matchKey === c.phone;
  return false;
}

const noteView = (n: NoteRow | Record<string, unknown>) => {
  const x = n as Record<string, unknown>;
  return { id: x.id as string, body: x.body as string, authorName: (x.authorName as string | null) ?? null, createdAt: iso(x.createdAt)!, updatedAt: iso(x.updatedAt)! };
};

export async function addCustomerNote(ctx: ServiceContext, shopId: string, customerId: string, body: string, author: { id: string; name: string; kind: string }) {
  const customer = await customersRepo.findById(ctx.db, shopId, customerId);
  if (!customer) throw notFound('customer.not_found', 'No such customer');
  const now = ctx.clock.now();
  const row = await buyerRecordsRepo.insertNote(ctx.db, { shopId, customerId, body, authorId: author.kind === 'staff' ? author.id : null, authorName: author.name, createdAt: now, updatedAt: now });
  return noteView(row);
}

export async function editCustomerNote(ctx: ServiceContext, shopId: string, customerId: string, noteId: string, body: string) {
  const row = await buyerRecordsRepo.updateNote(ctx.db, shopId, customerId, noteId, body, ctx.clock.now());
  if (!row) throw notFound('customer_note.not_found', 'No such note');
  return noteView(row);
}

export const entryView = (e: ListEntryRow) => ({ id: e.id, list: e.list, kind: e.kind, value: e.value, reason: e.reason, createdAt: e.createdAt.toISOString() });

export async function listBuyerEntries(ctx: ServiceContext, shopId: string, list?: ListName) {
  return { data: (await buyerRecordsRepo.listEntries(ctx.db, shopId, { list })).map(entryView) };
}

/** Adds an entry in its normal form; 422 when the value cannot be of its kind, 409 when it is already listed. */
export async function addBuyerEntry(ctx: ServiceContext, shopId: string, input: { list: ListName; kind: ListKind; value: string; reason?: string }, staffId: string | null) {
  const shop = await findShop(ctx, shopId);
  if (!shop) throw notFound('shop.not_found', 'No such shop');
  const country = shop.currency === 'CNY' ? 'CN' : undefined;
  const normal = normaliseListValue(input.kind, input.value, country);
  if (!normal) throw unprocessable('buyer_list.invalid_value', `"${input.value}" is not a valid ${input.kind}`, { kind: input.kind });
  if (input.kind === 'customer' && !(await customersRepo.findById(ctx.db, shopId, normal.value))) throw notFound('customer.not_found', 'No such customer');
  const row = await buyerRecordsRepo.insertEntry(ctx.db, {
    shopId,
    list: input.list,
    kind: input.kind,
    value: normal.value,
    matchKey: normal.matchKey,
    reason: input.reason?.trim() || null,
    createdById: staffId,
    createdAt: ctx.clock.now(),
  });
  if (!row) throw conflict('buyer_list.duplicate', `${normal.value} is already on the ${input.list}list`, { value: normal.value });
  return entryView(row);
}

export async function removeBuyerEntry(ctx: ServiceContext, shopId: string, id: string) {
  if (!(await buyerRecordsRepo.deleteEntry(ctx.db, shopId, id))) throw notFound('buyer_list.not_found', 'No such list entry');
}

/**
 * Issue 19.6: how many cases of the last `days` days a review threshold would have sent to review,
 * each scored again with the current policy's signals on its buyer's history when it was opened.
 */
export async function simulateRiskThreshold(ctx: ServiceContext, shopId: string, options: { threshold?: number; days?: number } = {}) {
  const now = ctx.clock.now();
  const policy = (await currentPolicy(ctx.db, shopId, now)).document;
  const settings = buyerRiskSettings(policy);
  const days = options.days ?? 90;
  const threshold = options.threshold ?? policy.automation.manualReviewAboveRisk;
  const from = new Date(now.getTime() - days * 86_400_000);
  const past = await pastRequestProfiles(ctx.db, shopId, from, now, settings);
  const result = simulateThreshold(
    past.map((p) => ({
      caseId: p.caseId,
      profile: p.profile,
      request: { keepsGoods: goodsStayWithBuyer(p.type as CaseType, p.refundOnlyKind as RefundOnlyKind | null), refundOnlyDelivered: p.refundOnlyKind === 'delivered_keep' },
      blocked: p.lists.some((l) => l.list === 'block'),
      allowed: p.lists.some((l) => l.list === 'allow'),
      wasReviewed: p.needsReview,
    })),
    threshold,
    settings,
    settings.allowlistSkipsRisk,
  );
  return { from: from.toISOString(), to: now.toISOString(), days, currentThreshold: policy.automation.manualReviewAboveRisk, ...result };
}
