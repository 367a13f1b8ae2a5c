import { topUpDue } from '../../domain/cases/case-money.js';
import type { Actor, CaseStatus } from '../../domain/cases/model.js';
import { allowedActions } from '../../domain/cases/state-machine.js';
import { REJECTION_REASONS, type RejectionCode } from '../../domain/cases/rejection-reasons.js';
import { invalid, notFound } from '../../domain/errors.js';
import type { Executor } from '../../db/client.js';
import { caseDetailRows } from '../../db/repos/case-detail-repo.js';
import { casesRepo, type CaseFilter, type CaseRow } from '../../db/repos/cases-repo.js';
import type { ServiceContext } from '../context.js';
import { orderSummaryView } from '../orders/index.js';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { INTERNAL_ACTIONS } from './action-inputs.js';
import { snapshotOf } from './case-transition.js';
import { takePrefetchedDetail } from './reply-prefetch.js';
import { defaultDispositions } from '../../domain/cases/disposition.js';
import { policyById } from '../policy/index.js';
import { findShop } from '../shops/index.js';
import { explain, toLanguage, type Explanation, type Language } from '../../i18n/messages.js';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function caseSummaryView(c: CaseRow) {
  return {
    id: c.id,
    rmaNumber: c.rmaNumber,
    orderId: c.orderId,
    customerId: c.customerId,
    type: c.type,
    refundOnlyKind: c.refundOnlyKind,
    status: c.status,
    currency: c.currency,
    refundMethod: c.refundMethod,
    returnMethod: c.returnMethod,
    fault: c.fault,
    returnShippingPayer: c.returnShippingPayer,
    policyVersion: c.policyVersion,
    riskScore: c.riskScore,
    needsReview: c.needsReview,
    refundMinor: c.breakdown.refundMinor,
    refundedMinor: c.refundedMinor,
    /** Exchanges: the top-up the buyer still owes for dearer replacements, and what they paid of it. */
    buyerOwesMinor: topUpDue(c),
    buyerPaidMinor: c.buyerPaidMinor,
    refundedEarly: c.refundedEarly,
    refundFailure: c.refundFailure,
    offerAmountMinor: c.offerAmountMinor,
    resolution: c.resolution,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    closedAt: iso(c.closedAt),
  };
}

/**
 * An event's automatic explanation in the reader's language: the key it stores (or, for rows
 * written before keys, its known English text), else its stored text. Rendered here by the API,
 * not by the console from the key, so that the console, the portal and API clients all read the
 * same words from one catalog (src/i18n), and webhooks keep the English text they always had.
 */
function explanationOf(e: { actorKind: string; payload: Record<string, unknown> }, lng: Language): string | null {
  const p = e.payload;
  // The system's own reason, kept in both languages (an automatic approval names its policy rule).
  const bilingual = p.reason as Record<string, unknown> | null | undefined;
  if (bilingual && typeof bilingual === 'object' && typeof bilingual[lng] === 'string') return bilingual[lng] as string;
  const stored = typeof p.note === 'string' ? p.note : typeof p.reason === 'string' ? p.reason : null;
  if (p.explanation && typeof p.explanation === 'object') return explain(lng, p.explanation as Explanation, stored);
  return e.actorKind === 'system' ? explain(lng, null, stored) : null;
}

/**
 * Everything about one case a person needs to decide it, for the given caller. Texts Retour writes
 * itself (event explanations) come in `lng` (the caller's Accept-Language); for a buyer in the
 * language of their order; otherwise in the shop's default language.
 */
export async function caseDetail(db: Executor, shopId: string, c: CaseRow, viewer: Actor, lng: Language | null = null) {
  const staff = viewer.kind !== 'buyer';
  const { items, events: allEvents, messages, evidence: evidenceRows, shipments, replacements, refunds, order, lines, deadlines: clocks, customer } =
    takePrefetchedDetail(c, viewer) ?? (await caseDetailRows(db, shopId, c.id, c.orderId, c.customerId, staff));
  const events = staff ? allEvents : allEvents.filter((x) => x.type !== 'case.note');
  const language = (!staff ? toLanguage(order?.locale) : null) ?? lng ?? toLanguage((await findShop({ db }, shopId))?.defaultLocale) ?? 'en';
  // The inspection form proposes each item's disposition from its grade and claim (cached policy version: no query).
  const reasons = staff ? (await policyById(db, shopId, c.policyId)).reasons : [];
  const defectClaim = (code: string) => reasons.find((r) => r.code === code)?.quality === true;
  const actions = allowedActions(snapshotOf(c), viewer).filter((a) => !INTERNAL_ACTIONS.has(a));
  return {
    ...caseSummaryView(c),
    order: order ? orderSummaryView(order, customer) : null,
    breakdown: c.breakdown,
    amountOverrideMinor: c.amountOverrideMinor,
    returnShippingClaimMinor: c.returnShippingClaimMinor,
    riskReasons: staff ? c.riskReasons : [],
    rejection: c.rejectionCode ? { code: c.rejectionCode, reason: c.rejectionReason, label: REJECTION_REASONS[c.rejectionCode as RejectionCode] ?? null } : null,
    buyerNote: c.buyerNote,
    evidenceRequest: c.evidenceRequest ?? null,
    returnAddress: c.returnAddress ?? null,
    items: items.map((i) => {
      const line = lines.find((l) => l.id === i.orderLineId);
      return {
        id: i.id,
        lineId: i.orderLineId,
        lineNo: line?.lineNo ?? null,
        sku: line?.sku ?? null,
        title: line?.title ?? null,
        quantity: i.quantity,
        // Exchange cases replace the items with a replacement row and refund the others.
        resolution: c.type === 'exchange' && replacements.some((r) => r.returnItemId === i.id) ? ('exchange' as const) : ('refund' as const),
        reasonCode: i.reasonCode,
        condition: i.condition,
        buyerNote: i.buyerNote,
        receivedQuantity: i.receivedQuantity,
        acceptedQuantity: i.acceptedQuantity,
        defectiveQuantity: i.defectiveQuantity,
        grade: i.grade,
        disposition: i.disposition,
        inspectionNote: staff ? i.inspectionNote : null,
        ...(staff ? { defaultDispositions: defaultDispositions({ defect: defectClaim(i.reasonCode) }) } : {}),
      };
    }),
    replacements: replacements.map((r) => ({ id: r.id, itemId: r.returnItemId, sku: r.sku, quantity: r.quantity, unitPriceMinor: r.unitPriceMinor, priceDifferenceMinor: r.priceDifferenceMinor })),
    shipments: shipments.map((s) => ({ id: s.id, direction: s.direction, carrier: s.carrier, trackingNumber: s.trackingNumber, status: s.status, shippedAt: iso(s.shippedAt), deliveredAt: iso(s.deliveredAt) })),
    refunds: refunds.map((r) => ({
      id: r.id,
      kind: r.kind,
      amountMinor: r.amountMinor,
      shippingMinor: r.shippingMinor,
      compensationMinor: r.compensationMinor,
      bonusMinor: r.bonusMinor,
      method: r.method,
      provider: r.provider,
      status: r.status,
      attempts: r.attempts,
      lastError: staff ? r.lastError : null,
      createdAt: r.createdAt.toISOString(),
      settledAt: iso(r.settledAt),
    })),
    evidence: evidenceRows.map((e) => ({ id: e.id, mime: e.mime, sizeBytes: e.sizeBytes, purpose: e.purpose, sha256: e.sha256, uploadedBy: e.uploadedByKind, createdAt: e.createdAt.toISOString() })),
    messages: messages.map((m) => ({ id: m.id, visibility: m.visibility, author: m.authorKind, body: m.body, evidenceIds: m.evidenceIds, createdAt: m.createdAt.toISOString() })),
    timeline: events.map((e) => ({
      id: e.id,
      type: e.type,
      action: e.action,
      from: e.fromStatus,
      to: e.toStatus,
      actor: { kind: e.actorKind, id: staff ? e.actorId : null, role: staff ? e.actorRole : null },
      rule: e.rule,
      payload: staff ? e.payload : publicPayload(e.payload),
      explanation: explanationOf(e, language),
      at: e.createdAt.toISOString(),
    })),
    // The clocks on the case: the pending one is the next step's deadline (who must act by when).
    deadlines: clocks.map((d) => ({
      id: d.id,
      kind: d.kind,
      forStatus: d.forStatus,
      outcome: d.outcome,
      rule: d.rule,
      dueAt: d.dueAt.toISOString(),
      status: d.status,
      settledAt: iso(d.appliedAt ?? d.cancelledAt),
    })),
    allowedActions: actions,
  };
}

/** What of an event's details a buyer may see: never risk scores or internal ids. */
function publicPayload(payload: Record<string, unknown>) {
  const { risk: _risk, automation: _automation, ...rest } = payload;
  return rest;
}

export async function getCase(ctx: ServiceContext, shopId: string, id: string, viewer: Actor, lng: Language | null = null) {
  const c = await casesRepo.findById(ctx.db, shopId, id);
  if (!c) throw notFound('case.not_found', 'No such case');
  return caseDetail(ctx.db, shopId, c, viewer, lng);
}

export interface ListCasesQuery {
  status?: CaseStatus[];
  type?: string;
  reason?: string;
  sku?: string;
  customerId?: string;
  orderId?: string;
  channel?: string;
  needsReview?: boolean;
  overdue?: boolean;
  createdFrom?: string;
  createdTo?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

export async function listCases(ctx: ServiceContext, shopId: string, query: ListCasesQuery) {
  const limit = query.limit ?? 50;
  const cursor = query.cursor ? decodeCursor<{ c: string; i: string }>(query.cursor) : undefined;
  const keyset = cursor ? { createdAt: new Date(cursor.c), id: cursor.i } : undefined;
  if (keyset && Number.isNaN(keyset.createdAt.getTime())) throw invalid('request.cursor_invalid', 'The cursor is not one this API issued');
  const filter: CaseFilter = {
    status: query.status,
    type: query.type,
    reasonCode: query.reason,
    sku: query.sku,
    customerId: query.customerId,
    orderId: query.orderId,
    channel: query.channel,
    needsReview: query.needsReview,
    overdueAt: query.overdue ? ctx.clock.now() : undefined,
    createdFrom: query.createdFrom ? new Date(query.createdFrom) : undefined,
    createdTo: query.createdTo ? new Date(query.createdTo) : undefined,
    q: query.q,
  };
  const rows = await casesRepo.list(ctx.db, shopId, filter, keyset, limit);
  const page = rows.slice(0, limit);
  const items = await casesRepo.itemSummaries(ctx.db, shopId, page.map((r) => r.case.id));
  const last = page[page.length - 1];
  return {
    data: page.map((r) => ({
      ...caseSummaryView(r.case),
      orderNumber: r.orderNumber,
      channel: r.channel,
      customerName: r.customerName,
      items: items.filter((i) => i.caseId === r.case.id).map(({ caseId: _c, ...rest }) => rest),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor({ c: last.case.createdAt.toISOString(), i: last.case.id }) : null,
  };
}
