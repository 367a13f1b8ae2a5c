import { Type } from 'typebox';
import { CASE_ACTIONS, CASE_STATUSES, CASE_TYPES, REFUND_ONLY_KINDS, RESOLUTIONS } from '../../domain/cases/model.js';
import { DISPOSITIONS, GRADES } from '../../domain/cases/disposition.js';
import { LINE_RESOLUTIONS } from '../../domain/refunds/compute.js';
import { StringEnum } from '../../domain/typebox.js';
import { closed, DateTime, Explanation, Nullable, Uuid } from './common.js';
import { CaseOrderSchema } from './orders.js';

/** Reply schemas of a case (after-sales case, "return"): its summary, its detail, the preview of one. */

const Minor = Type.Integer({ description: 'Integer minor units of the case currency' });
const CaseStatusSchema = StringEnum(CASE_STATUSES);
const Fault = StringEnum(['seller', 'buyer', 'carrier'] as const);
const ShippingPayer = StringEnum(['none', 'seller', 'buyer', 'insurer'] as const);
const RefundMethod = StringEnum(['original', 'store_credit'] as const);
const ActorKind = StringEnum(['buyer', 'staff', 'system', 'platform'] as const);
const Ruling = Type.Object({ rule: Type.String(), explanation: Explanation }, closed);
const RiskFactor = Type.Object({ code: Type.String(), points: Type.Integer(), ...Explanation.properties }, closed);

const summaryFields = {
  id: Uuid,
  rmaNumber: Type.String({ description: 'Readable per-shop number, e.g. R2611220001' }),
  orderId: Uuid,
  customerId: Nullable(Uuid),
  type: StringEnum(CASE_TYPES),
  refundOnlyKind: Nullable(StringEnum(REFUND_ONLY_KINDS)),
  status: CaseStatusSchema,
  currency: Type.String(),
  refundMethod: RefundMethod,
  returnMethod: StringEnum(['pickup', 'drop_off', 'self_ship', 'none'] as const),
  fault: Fault,
  returnShippingPayer: ShippingPayer,
  policyVersion: Type.Integer(),
  riskScore: Type.Integer(),
  needsReview: Type.Boolean(),
  refundMinor: Type.Integer({ description: 'The refund as last computed' }),
  refundedMinor: Type.Integer({ description: 'Refunded so far' }),
  buyerOwesMinor: Type.Integer({ description: 'Exchanges: the top-up for dearer replacements still due from the buyer (after netting and confirmed payments)' }),
  buyerPaidMinor: Type.Integer({ description: 'Exchanges: the top-up payments staff confirmed' }),
  refundedEarly: Type.Boolean(),
  refundFailure: Nullable(Type.String()),
  offerAmountMinor: Nullable(Minor),
  resolution: Nullable(StringEnum(RESOLUTIONS)),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
  closedAt: Nullable(DateTime),
};

/** A case in lists. */
export const CaseSummarySchema = Type.Object(summaryFields, closed);

/** The return address a case was approved with, as kept on the case (the address book's entry then). */
export const ReturnAddressSnapshotSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    phone: Type.String(),
    addressZh: Nullable(Type.String()),
    addressLatin: Nullable(Type.String()),
    postalCode: Nullable(Type.String()),
    warehouse: Nullable(Type.String()),
  },
  closed,
);

export const BreakdownSchema = Type.Object(
  {
    currency: Type.String(),
    items: Type.Array(
      Type.Object(
        {
          lineId: Uuid,
          quantity: Type.Integer(),
          amountMinor: Minor,
          taxMinor: Minor,
          discountMinor: Minor,
          restockingFeeMinor: Minor,
          refundMinor: Minor,
          resolution: StringEnum(LINE_RESOLUTIONS),
          replacementMinor: Minor,
          differenceMinor: Minor,
          buyerOwesMinor: Minor,
        },
        closed,
      ),
    ),
    itemsMinor: Minor,
    taxMinor: Minor,
    restockingFeeMinor: Minor,
    labelCostMinor: Minor,
    outboundShippingMinor: Minor,
    exchangeDifferenceMinor: Minor,
    buyerOwesMinor: Minor,
    nettedMinor: Minor,
    computedMinor: Minor,
    orderRemainingMinor: Minor,
    refundMinor: Minor,
    shippingRefundMinor: Minor,
    bound: StringEnum(['none', 'zero', 'order_remaining'] as const),
    compensationMinor: Minor,
    payoutMinor: Minor,
    method: RefundMethod,
    storeCreditBonusMinor: Minor,
    storeCreditMinor: Minor,
  },
  { ...closed, description: 'Refund breakdown: items, tax, fees, shipping, bounds, store credit' },
);

export const TimelineEventSchema = Type.Object(
  {
    id: Uuid,
    type: Type.String(),
    action: Nullable(Type.String()),
    from: Nullable(CaseStatusSchema),
    to: Nullable(CaseStatusSchema),
    actor: Type.Object({ kind: ActorKind, id: Nullable(Uuid), role: Nullable(Type.String()) }, closed),
    rule: Nullable(Type.String()),
    payload: Type.Record(Type.String(), Type.Unknown(), { description: 'The event’s details; free-form per event type' }),
    explanation: Nullable(Type.String({ description: 'Why Retour itself made this move, in the reader’s language' })),
    at: DateTime,
  },
  closed,
);

/** A case with its order, items, money, timeline, messages and allowed actions. */
export const CaseDetailSchema = Type.Object(
  {
    ...summaryFields,
    order: Nullable(CaseOrderSchema),
    breakdown: BreakdownSchema,
    amountOverrideMinor: Nullable(Minor),
    returnShippingClaimMinor: Minor,
    riskReasons: Type.Array(RiskFactor),
    rejection: Nullable(Type.Object({ code: Type.String(), reason: Nullable(Type.String()), label: Nullable(Explanation) }, closed)),
    buyerNote: Nullable(Type.String()),
    evidenceRequest: Nullable(
      Type.Object(
        {
          kinds: Type.Array(Type.String()),
          note: Nullable(Type.String()),
          requestedAt: DateTime,
          dueAt: DateTime,
          hours: Type.Number(),
          answeredAt: Nullable(DateTime),
          outcome: Nullable(StringEnum(['provided', 'expired'] as const)),
        },
        closed,
      ),
    ),
    returnAddress: Nullable(ReturnAddressSnapshotSchema),
    items: Type.Array(
      Type.Object(
        {
          id: Uuid,
          lineId: Uuid,
          lineNo: Nullable(Type.Integer()),
          sku: Nullable(Type.String()),
          title: Nullable(Type.String()),
          quantity: Type.Integer(),
          resolution: StringEnum(LINE_RESOLUTIONS, { description: 'Refunded, or replaced (exchange cases may mix both)' }),
          reasonCode: Type.String(),
          condition: StringEnum(['unopened', 'opened', 'used', 'damaged'] as const),
          buyerNote: Nullable(Type.String()),
          receivedQuantity: Nullable(Type.Integer()),
          acceptedQuantity: Nullable(Type.Integer()),
          defectiveQuantity: Nullable(Type.Integer()),
          grade: Nullable(StringEnum(GRADES)),
          disposition: Nullable(StringEnum(DISPOSITIONS)),
          inspectionNote: Nullable(Type.String()),
          defaultDispositions: Type.Optional(
            Type.Object(Object.fromEntries(GRADES.map((g) => [g, StringEnum(DISPOSITIONS)])) as Record<(typeof GRADES)[number], ReturnType<typeof StringEnum<typeof DISPOSITIONS>>>, {
              ...closed,
              description: 'Staff: the disposition inspection applies by default for each grade (A–D), from the claim (a defect claim is never restocked)',
            }),
          ),
        },
        closed,
      ),
    ),
    replacements: Type.Array(
      Type.Object({ id: Uuid, itemId: Nullable(Uuid), sku: Type.String(), quantity: Type.Integer(), unitPriceMinor: Minor, priceDifferenceMinor: Minor }, closed),
    ),
    shipments: Type.Array(
      Type.Object(
        {
          id: Uuid,
          direction: StringEnum(['return', 'replacement', 'outbound'] as const),
          carrier: Type.String(),
          trackingNumber: Type.String(),
          status: StringEnum(['in_transit', 'cancelled', 'delivered', 'lost'] as const),
          shippedAt: Nullable(DateTime),
          deliveredAt: Nullable(DateTime),
        },
        closed,
      ),
    ),
    refunds: Type.Array(
      Type.Object(
        {
          id: Uuid,
          kind: StringEnum(['refund', 'fast_refund', 'exchange_difference'] as const),
          amountMinor: Minor,
          shippingMinor: Minor,
          compensationMinor: Minor,
          bonusMinor: Minor,
          method: RefundMethod,
          provider: Type.String(),
          status: StringEnum(['pending', 'succeeded', 'failed'] as const),
          attempts: Type.Integer(),
          lastError: Nullable(Type.String()),
          createdAt: DateTime,
          settledAt: Nullable(DateTime),
        },
        closed,
      ),
    ),
    evidence: Type.Array(
      Type.Object(
        {
          id: Uuid,
          mime: Type.String(),
          sizeBytes: Type.Integer(),
          purpose: StringEnum(['claim', 'inspection', 'message'] as const),
          sha256: Type.String(),
          uploadedBy: ActorKind,
          createdAt: DateTime,
        },
        closed,
      ),
    ),
    messages: Type.Array(
      Type.Object(
        { id: Uuid, visibility: StringEnum(['public', 'internal'] as const), author: ActorKind, body: Type.String(), evidenceIds: Type.Array(Uuid), createdAt: DateTime },
        closed,
      ),
    ),
    timeline: Type.Array(TimelineEventSchema),
    deadlines: Type.Array(
      Type.Object(
        {
          id: Uuid,
          kind: StringEnum(['merchant_response', 'buyer_ship', 'merchant_receipt', 'revise_or_escalate', 'refund_after_receipt', 'buyer_evidence', 'statutory_refund'] as const),
          forStatus: CaseStatusSchema,
          outcome: Type.String({ description: 'What the system does when it runs out (an action, or alert)' }),
          rule: Type.String(),
          dueAt: DateTime,
          status: StringEnum(['pending', 'applied', 'cancelled', 'failed'] as const),
          settledAt: Nullable(DateTime),
        },
        closed,
      ),
      { description: 'Clocks on the case, oldest first; the pending one is the next deadline' },
    ),
    allowedActions: Type.Array(StringEnum(CASE_ACTIONS), { description: 'What the caller may do now' }),
  },
  closed,
);

export const EvidenceSchema = Type.Object(
  { id: Uuid, mime: Type.String(), sizeBytes: Type.Integer(), sha256: Type.String(), purpose: StringEnum(['claim', 'inspection', 'message'] as const), createdAt: DateTime },
  closed,
);

/** POST /returns/preview: the full financial outcome of a would-be case. */
export const CasePreviewSchema = Type.Object(
  {
    policyVersion: Type.Integer(),
    eligible: Type.Boolean(),
    ruling: Ruling,
    caseType: StringEnum(CASE_TYPES),
    refundOnlyKind: Nullable(StringEnum(REFUND_ONLY_KINDS)),
    items: Type.Array(
      Type.Object(
        {
          lineId: Uuid,
          quantity: Type.Integer(),
          reasonCode: Type.String(),
          fault: Fault,
          quality: Type.Boolean(),
          eligible: Type.Boolean(),
          evidenceRequired: Type.Boolean(),
          restockingFeeBp: Type.Integer(),
          rule: Type.String(),
          explanation: Explanation,
        },
        closed,
      ),
    ),
    returnShippingPaidBy: ShippingPayer,
    refund: BreakdownSchema,
    replacements: Type.Array(Type.Object({ lineId: Uuid, sku: Type.String(), quantity: Type.Integer(), unitPriceMinor: Minor }, closed)),
    automation: Type.Object(
      { decision: StringEnum(['none', 'review', 'approve'] as const), decisionRuling: Ruling, fastRefund: Type.Boolean(), fastRefundRuling: Ruling },
      closed,
    ),
    risk: Type.Object({ score: Type.Integer(), factors: Type.Array(RiskFactor) }, closed),
  },
  closed,
);
