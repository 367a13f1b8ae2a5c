import { careRepo } from '../../db/repos/care-repo.js';
import { buyerCompensationView } from '../care/index.js';
import { Type, type Static } from 'typebox';
import type { Actor } from '../../domain/cases/model.js';
import { AppError, unprocessable } from '../../domain/errors.js';
import { CONDITIONS } from '../../domain/policy/schema.js';
import { StringEnum } from '../../domain/typebox.js';
import { LINE_RESOLUTIONS } from '../../domain/refunds/compute.js';
import { casesRepo, type CaseRow } from '../../db/repos/cases-repo.js';
import { deadlinesRepo } from '../../db/repos/deadlines-repo.js';
import { followTypedParcel } from '../carriers/index.js';
import type { ServiceContext } from '../context.js';
import { uploadEvidence, type UploadedFile } from '../cases/index.js';
import { policyById } from '../policy/index.js';
import type { CaseRequest } from '../cases/index.js';
import { createCase } from '../cases/index.js';
import { performAction } from '../cases/index.js';
import { orderEligibility, previewReturn } from '../cases/index.js';
import { caseDetail } from '../cases/index.js';
import { getShop } from '../shops/index.js';
import { dropOffCode, qrSvg } from './label.js';
import { scopedOrder } from './order.js';
import type { PortalScope } from './tokens.js';

export const BUYER: Actor = { kind: 'buyer' };
const strict = { additionalProperties: false } as const;

export const RESOLUTIONS = ['refund', 'store_credit', 'exchange'] as const;
export const PORTAL_RETURN_METHODS = ['pickup', 'drop_off', 'none'] as const;

/** What the buyer asks for in the portal; Retour turns it into a case request (type, methods). */
export const PortalReturnSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          lineId: Type.String({ format: 'uuid' }),
          quantity: Type.Integer({ minimum: 1, maximum: 10000 }),
          reasonCode: Type.String({ minLength: 1, maxLength: 41 }),
          condition: Type.Optional(StringEnum(CONDITIONS)),
          note: Type.Optional(Type.String({ maxLength: 1000 })),
          replacementSku: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Exchanged items: the variant wanted (the same one for a defective item)' })),
          resolution: Type.Optional(
            StringEnum(LINE_RESOLUTIONS, { description: 'This item: money back (`refund`) or a replacement (`exchange`); default: the request’s resolution. Items may differ.' }),
          ),
        },
        strict,
      ),
      { minItems: 1, maxItems: 50 },
    ),
    resolution: StringEnum(RESOLUTIONS, { description: 'refund: to the original payment; store_credit: with its bonus; exchange: another variant of the same product' }),
    returnMethod: StringEnum(PORTAL_RETURN_METHODS, { description: 'pickup by a courier, drop-off with a QR code, or none when the goods need not come back' }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  strict,
);
export type PortalReturnInput = Static<typeof PortalReturnSchema>;

/** Each item's resolution: its own, else the request's (store credit and refund both give money back). */
const lineResolution = (input: PortalReturnInput, item: PortalReturnInput['items'][number]) => item.resolution ?? (input.resolution === 'exchange' ? 'exchange' : 'refund');

/**
 * The case request a portal request means. Goods stay with the buyer only where the policy says
 * they may. Items may ask for different resolutions: one exchanged item makes the case an
 * exchange whose other items are refunded (to `store_credit` when the request says so).
 */
async function toCaseRequest(ctx: ServiceContext, scope: PortalScope, input: PortalReturnInput): Promise<CaseRequest> {
  const exchange = input.items.some((i) => lineResolution(input, i) === 'exchange');
  if (exchange && input.returnMethod === 'none') throw unprocessable('portal.return_required', 'An exchange needs the goods back: choose pickup or drop-off');
  if (input.items.some((i) => i.replacementSku !== undefined && lineResolution(input, i) !== 'exchange')) {
    throw unprocessable('portal.replacement_not_exchange', 'Only an exchanged item names a replacement');
  }
  if (input.returnMethod === 'none') {
    const eligibility = await orderEligibility(ctx, scope.shopId, scope.orderId);
    const order = await scopedOrder(ctx, scope);
    const keepable = (lineId: string) => order.deliveredAt === null || eligibility.lines.some((l) => l.lineId === lineId && l.returnless);
    if (!input.items.every((i) => keepable(i.lineId))) throw unprocessable('portal.return_required', 'These goods need to come back: choose pickup or drop-off');
  }
  return {
    orderId: scope.orderId,
    type: exchange ? 'exchange' : input.returnMethod === 'none' ? 'refund_only' : 'return_refund',
    items: input.items.map((i) => ({
      lineId: i.lineId,
      quantity: i.quantity,
      reasonCode: i.reasonCode,
      condition: i.condition,
      note: i.note,
      replacementSku: i.replacementSku,
      ...(exchange ? { resolution: lineResolution(input, i) } : {}),
    })),
    refundMethod: input.resolution === 'store_credit' ? 'store_credit' : 'original',
    returnMethod: input.returnMethod,
    note: input.note,
  };
}

/** The refund, fees and who pays shipping exactly as the policy computes them (the preview service), without the risk details. */
export async function previewPortalReturn(ctx: ServiceContext, scope: PortalScope, input: PortalReturnInput) {
  await scopedOrder(ctx, scope);
  const request = await toCaseRequest(ctx, scope, input);
  const preview = await previewReturn(ctx, scope.shopId, request);
  return {
    eligible: preview.eligible,
    caseType: preview.caseType,
    ruling: preview.ruling,
    items: preview.items.map((i) => ({ lineId: i.lineId, quantity: i.quantity, reasonCode: i.reasonCode, eligible: i.eligible, evidenceRequired: i.evidenceRequired, rule: i.rule, explanation: i.explanation })),
    returnShippingPaidBy: preview.returnShippingPaidBy,
    refund: preview.refund,
    replacements: preview.replacements,
  };
}

export async function createPortalReturn(ctx: ServiceContext, scope: PortalScope, input: PortalReturnInput) {
  await scopedOrder(ctx, scope);
  const request = await toCaseRequest(ctx, scope, input);
  const created = await createCase(ctx, scope.shopId, request, BUYER, { detailFor: BUYER });
  return portalCaseView(ctx, scope, created);
}

/** A case of the token's order; any other id is not found. */
export async function scopedCase(ctx: ServiceContext, scope: PortalScope, caseId: string): Promise<CaseRow> {
  const c = await casesRepo.findById(ctx.db, scope.shopId, caseId);
  if (!c || c.orderId !== scope.orderId) throw new AppError('not_found', 'portal.return_not_found', 'No such return for this order');
  return c;
}

const LABELLED_METHODS = new Set(['pickup', 'drop_off', 'self_ship']);
/** Until the parcel is on its way: printable right after submitting, and after approval. */
const LABEL_STATUSES = new Set(['requested', 'approved']);

/** Whether the case has a return label / packing slip to print now. */
export const labelAvailable = (c: Pick<CaseRow, 'returnMethod' | 'status'>) => LABELLED_METHODS.has(c.returnMethod) && LABEL_STATUSES.has(c.status);

/** What the buyer sees of a case: status, timeline, money, the next step and its deadline, messages. */
export async function portalCaseView(ctx: ServiceContext, scope: PortalScope, c: CaseRow) {
  const shop = await getShop(ctx, scope.shopId);
  const [detail, deadlines, policy] = [
    await caseDetail(ctx.db, scope.shopId, c, BUYER),
    await deadlinesRepo.pendingOfCase(ctx.db, scope.shopId, c.id),
    await policyById(ctx.db, scope.shopId, c.policyId),
  ];
  const next = deadlines[0];
  const code = dropOffCode(shop.slug, c.rmaNumber);
  return {
    id: c.id,
    rmaNumber: c.rmaNumber,
    orderNumber: detail.order?.number ?? null,
    type: c.type,
    status: c.status,
    currency: c.currency,
    refundMethod: c.refundMethod,
    returnMethod: c.returnMethod,
    returnShippingPaidBy: c.returnShippingPayer,
    refund: c.breakdown,
    refundedMinor: c.refundedMinor,
    buyerOwesMinor: detail.buyerOwesMinor,
    buyerPaidMinor: c.buyerPaidMinor,
    offerAmountMinor: c.offerAmountMinor,
    buyerNote: c.buyerNote,
    rejection: detail.rejection,
    evidenceRequest: c.evidenceRequest ?? null,
    returnAddress: detail.returnAddress,
    items: detail.items.map((i) => ({
      id: i.id,
      lineId: i.lineId,
      sku: i.sku,
      title: i.title,
      quantity: i.quantity,
      reasonCode: i.reasonCode,
      reasonLabel: policy.reasons.find((r) => r.code === i.reasonCode)?.label ?? null,
      condition: i.condition,
      resolution: i.resolution,
      receivedQuantity: i.receivedQuantity,
      acceptedQuantity: i.acceptedQuantity,
    })),
    replacements: detail.replacements.map((r) => ({ itemId: r.itemId, sku: r.sku, quantity: r.quantity, unitPriceMinor: r.unitPriceMinor })),
    shipments: detail.shipments.map((s) => ({ direction: s.direction, carrier: s.carrier, trackingNumber: s.trackingNumber, status: s.status, shippedAt: s.shippedAt })),
    refunds: detail.refunds.map((r) => ({ amountMinor: r.amountMinor, method: r.method, status: r.status, createdAt: r.createdAt, settledAt: r.settledAt })),
    evidence: detail.evidence.map((e) => ({ id: e.id, mime: e.mime, sizeBytes: e.sizeBytes, purpose: e.purpose, uploadedBy: e.uploadedBy, createdAt: e.createdAt })),
    messages: detail.messages.map((m) => ({ id: m.id, author: m.author, body: m.body, createdAt: m.createdAt })),
    // Notifications are the shop's delivery log, not steps of the buyer's case.
    timeline: detail.timeline.filter((e) => e.type !== 'case.message' && !e.type.startsWith('notification.')).map((e) => ({ id: e.id, type: e.type, action: e.action, from: e.from, to: e.to, actor: e.actor.kind, explanation: e.explanation, at: e.at })),
    nextDeadline: next ? { kind: next.kind, dueAt: next.dueAt.toISOString(), outcome: next.outcome } : null,
    allowedActions: detail.allowedActions,
    label: labelAvailable(c) ? { available: true } : { available: false },
    dropOff: c.returnMethod === 'drop_off' && labelAvailable(c) ? { code, qrSvg: await qrSvg(code) } : null,
    /** Compensation the shop granted for the trouble (issue 19 §1), without staff notes. */
    compensations: (await careRepo.compensationsOfCase(ctx.db, scope.shopId, c.id)).map(buyerCompensationView),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export async function getPortalCase(ctx: ServiceContext, scope: PortalScope, caseId: string) {
  return portalCaseView(ctx, scope, await scopedCase(ctx, scope, caseId));
}

export async function cancelPortalReturn(ctx: ServiceContext, scope: PortalScope, caseId: string, reason: string | undefined) {
  await scopedCase(ctx, scope, caseId);
  const updated = await performAction(ctx, scope.shopId, caseId, 'cancel', BUYER, reason ? { reason } : {}, { detailFor: BUYER });
  return portalCaseView(ctx, scope, updated);
}

/** The buyer's answer to the shop's partial-refund offer: the case moves as if the buyer acted, since they did. */
export async function answerOffer(ctx: ServiceContext, scope: PortalScope, caseId: string, answer: 'accept' | 'decline', reason: string | undefined) {
  await scopedCase(ctx, scope, caseId);
  const updated =
    answer === 'accept'
      ? await performAction(ctx, scope.shopId, caseId, 'accept_offer', BUYER, {}, { detailFor: BUYER })
      : await performAction(ctx, scope.shopId, caseId, 'decline_offer', BUYER, reason ? { reason } : {}, { detailFor: BUYER });
  return portalCaseView(ctx, scope, updated);
}

export async function markShipped(ctx: ServiceContext, scope: PortalScope, caseId: string, parcel: { carrier: string; trackingNumber: string }) {
  await scopedCase(ctx, scope, caseId);
  const updated = await performAction(ctx, scope.shopId, caseId, 'buyer_shipped', BUYER, { carrier: parcel.carrier.trim(), trackingNumber: parcel.trackingNumber.trim() });
  // Issue 17: a connected carrier network covering this carrier reports the parcel's scans from now on.
  await followTypedParcel(ctx, scope.shopId, caseId);
  return portalCaseView(ctx, scope, updated);
}

export async function postBuyerMessage(ctx: ServiceContext, scope: PortalScope, caseId: string, body: string, evidenceIds?: string[]) {
  await scopedCase(ctx, scope, caseId);
  const updated = await performAction(ctx, scope.shopId, caseId, 'message', BUYER, { body, evidenceIds }, { detailFor: BUYER });
  return portalCaseView(ctx, scope, updated);
}

/** Issue 19.7: the buyer sends the evidence the shop asked for (uploaded first); the request is back with the shop. */
export async function provideBuyerEvidence(ctx: ServiceContext, scope: PortalScope, caseId: string, evidenceIds: string[], note: string | undefined) {
  await scopedCase(ctx, scope, caseId);
  const updated = await performAction(ctx, scope.shopId, caseId, 'provide_evidence', BUYER, note ? { evidenceIds, note } : { evidenceIds }, { detailFor: BUYER });
  return portalCaseView(ctx, scope, updated);
}

export async function uploadBuyerEvidence(ctx: ServiceContext, scope: PortalScope, caseId: string, file: UploadedFile, meta: { purpose: 'claim' | 'message'; itemId?: string }) {
  await scopedCase(ctx, scope, caseId);
  return uploadEvidence(ctx, scope.shopId, caseId, file, meta, BUYER);
}

/** The case and its shop, for the label PDF. */
export async function labelData(ctx: ServiceContext, scope: PortalScope, caseId: string) {
  const c = await scopedCase(ctx, scope, caseId);
  if (!labelAvailable(c)) throw new AppError('conflict', 'portal.label_unavailable', 'This return has no label to print now');
  const shop = await getShop(ctx, scope.shopId);
  const order = await scopedOrder(ctx, scope);
  const view = await portalCaseView(ctx, scope, c);
  return { shop, order, view };
}
