import { Type } from 'typebox';
import { PICKUP_STATUSES } from '../../../domain/carriers/pickup.js';
import { CASE_ACTIONS, CASE_STATUSES, CASE_TYPES } from '../../../domain/cases/model.js';
import { COMPENSATION_KINDS } from '../../../domain/care/settings.js';
import { ORDER_STATUSES } from '../../../domain/orders/fulfilment.js';
import { CONDITIONS, FAULTS } from '../../../domain/policy/schema.js';
import { LINE_RESOLUTIONS } from '../../../domain/refunds/compute.js';
import { StringEnum } from '../../../domain/typebox.js';
import { DateTime, Nullable, Uuid } from '../../schemas/common.js';
import { BreakdownSchema, ReturnAddressSnapshotSchema } from '../../schemas/cases.js';

/**
 * The replies of /portal/v1 (the buyer's API), closed: every field the portal services send is
 * declared here, and nothing else is sent. The web portal's types are generated from them.
 */
const closed = { additionalProperties: false } as const;

const ACTOR_KINDS = ['buyer', 'staff', 'system', 'platform'] as const;
const SHIPPING_PAYERS = ['buyer', 'seller', 'insurer', 'none'] as const;
const REFUND_METHODS = ['original', 'store_credit'] as const;
const PARCEL_STATUSES = ['in_transit', 'delivered', 'lost', 'cancelled'] as const;

/** A text in both languages the portal speaks. */
export const LocalizedSchema = Type.Object({ 'zh-CN': Type.String(), en: Type.String() }, closed);

/** What the portal shows of a shop before anyone signs in. */
export const ShopBrandSchema = Type.Object(
  {
    slug: Type.String(),
    name: Type.String(),
    logoUrl: Nullable(Type.String()),
    locales: Type.Array(Type.String()),
    defaultLocale: Type.String(),
    currency: Type.String(),
    timezone: Type.String({ description: 'IANA time zone, e.g. Asia/Shanghai' }),
  },
  closed,
);

export const SessionSchema = Type.Object(
  {
    token: Type.String({ description: 'Send as Authorization: Bearer <token> on every other /portal/v1 call' }),
    expiresAt: DateTime,
    orderNumber: Type.String(),
    shop: ShopBrandSchema,
  },
  closed,
);

const VariantAttributes = Type.Record(Type.String(), Type.String(), { description: 'The variant’s options, e.g. {"颜色": "蓝", "尺码": "M"}' });

const OrderLineSchema = Type.Object(
  {
    lineId: Uuid,
    lineNo: Type.Integer(),
    sku: Type.String(),
    title: Type.String(),
    attributes: VariantAttributes,
    quantity: Type.Integer(),
    unitPriceMinor: Type.Integer(),
    paidMinor: Type.Integer(),
    returnableQuantity: Type.Integer(),
    eligible: Type.Boolean(),
    rule: Type.String({ description: 'The policy rule that decided (stable code)' }),
    explanation: LocalizedSchema,
    noReasonUntil: Nullable(Type.String({ description: 'The last moment a change of mind is enough' })),
    sellerFaultUntil: Nullable(Type.String({ description: 'The last moment a problem with the goods can be claimed' })),
    restriction: Nullable(LocalizedSchema),
    allowedCaseTypes: Type.Array(StringEnum(CASE_TYPES)),
    allowedReasons: Type.Array(Type.String()),
    evidenceRequiredFor: Type.Array(Type.String()),
    noReturnNeeded: Type.Boolean({ description: 'The goods need not come back: not delivered yet, or worth less than the return costs' }),
    exchangeOptions: Type.Array(
      Type.Object(
        {
          sku: Type.String(),
          title: Type.String(),
          attributes: VariantAttributes,
          priceMinor: Type.Integer(),
          inStock: Type.Integer(),
          same: Type.Boolean({ description: 'The variant the buyer has (a defective item replaced by a new one)' }),
        },
        closed,
      ),
    ),
  },
  closed,
);

export const ReasonSchema = Type.Object(
  {
    code: Type.String(),
    label: LocalizedSchema,
    fault: StringEnum(FAULTS),
    evidenceRequired: Type.Boolean(),
    caseTypes: Nullable(Type.Array(StringEnum(CASE_TYPES))),
  },
  closed,
);

export const PortalOrderSchema = Type.Object(
  {
    shop: ShopBrandSchema,
    order: Type.Object(
      {
        number: Type.String(),
        currency: Type.String(),
        status: StringEnum(ORDER_STATUSES),
        placedAt: DateTime,
        deliveredAt: Nullable(DateTime),
        shippedAt: Nullable(DateTime),
        totalMinor: Type.Integer(),
        shippingFeeMinor: Type.Integer(),
        paymentMethod: Nullable(Type.String()),
      },
      closed,
    ),
    evaluatedAt: DateTime,
    uploadLimitBytes: Type.Integer({ description: 'Largest photo or video the server accepts' }),
    policy: Type.Object(
      {
        refundMethods: Type.Array(StringEnum(REFUND_METHODS)),
        storeCreditBonusBp: Type.Integer(),
        exchangesEnabled: Type.Boolean(),
        exchangePriceIncrease: StringEnum(['buyer_pays', 'shop_absorbs'] as const),
      },
      closed,
    ),
    exchangeFirst: Type.Object(
      { enabled: Type.Boolean(), exchange: Type.Boolean(), storeCredit: Type.Boolean(), storeCreditBonusBp: Type.Integer() },
      { ...closed, description: 'An exchange or store credit offered before a refund (issue 19 §3)' },
    ),
    reasons: Type.Array(ReasonSchema),
    lines: Type.Array(OrderLineSchema),
    returns: Type.Array(
      Type.Object({ id: Uuid, rmaNumber: Type.String(), status: StringEnum(CASE_STATUSES), type: StringEnum(CASE_TYPES), createdAt: DateTime }, closed),
    ),
  },
  closed,
);

/** The refund as the buyer's case shows it: the same breakdown staff see (src/http/schemas/cases.ts). */
export const RefundBreakdownSchema = BreakdownSchema;

const RulingSchema = Type.Object({ rule: Type.String(), explanation: LocalizedSchema }, closed);

export const PreviewSchema = Type.Object(
  {
    eligible: Type.Boolean(),
    caseType: StringEnum(CASE_TYPES),
    ruling: RulingSchema,
    items: Type.Array(
      Type.Object(
        {
          lineId: Uuid,
          quantity: Type.Integer(),
          reasonCode: Type.String(),
          eligible: Type.Boolean(),
          evidenceRequired: Type.Boolean(),
          rule: Type.String(),
          explanation: LocalizedSchema,
        },
        closed,
      ),
    ),
    returnShippingPaidBy: StringEnum(SHIPPING_PAYERS),
    refund: RefundBreakdownSchema,
    replacements: Type.Array(Type.Object({ lineId: Uuid, sku: Type.String(), quantity: Type.Integer(), unitPriceMinor: Type.Integer() }, closed)),
  },
  closed,
);

/** What the buyer sees of a case: status, timeline, money, the next step and its deadline, messages. */
export const PortalCaseSchema = Type.Object(
  {
    id: Uuid,
    rmaNumber: Type.String(),
    orderNumber: Nullable(Type.String()),
    type: StringEnum(CASE_TYPES),
    status: StringEnum(CASE_STATUSES),
    currency: Type.String(),
    refundMethod: StringEnum(REFUND_METHODS),
    returnMethod: StringEnum(['pickup', 'drop_off', 'self_ship', 'none'] as const),
    returnShippingPaidBy: StringEnum(SHIPPING_PAYERS),
    refund: RefundBreakdownSchema,
    refundedMinor: Type.Integer(),
    buyerOwesMinor: Type.Integer(),
    buyerPaidMinor: Type.Integer(),
    offerAmountMinor: Nullable(Type.Integer({ description: 'The shop’s open partial-refund offer (status offer_pending); not agreed until the buyer accepts' })),
    buyerNote: Nullable(Type.String()),
    rejection: Nullable(Type.Object({ code: Type.String(), reason: Nullable(Type.String()), label: Nullable(LocalizedSchema) }, closed)),
    evidenceRequest: Nullable(
      Type.Object(
        {
          kinds: Type.Array(Type.String()),
          note: Nullable(Type.String()),
          requestedAt: DateTime,
          dueAt: DateTime,
          hours: Type.Integer(),
          answeredAt: Nullable(DateTime),
          outcome: Nullable(StringEnum(['provided', 'expired'] as const)),
        },
        { ...closed, description: 'Evidence the shop asked for: what, by when, and whether it was answered' },
      ),
    ),
    returnAddress: Nullable(ReturnAddressSnapshotSchema),
    items: Type.Array(
      Type.Object(
        {
          id: Uuid,
          lineId: Uuid,
          sku: Nullable(Type.String()),
          title: Nullable(Type.String()),
          quantity: Type.Integer(),
          reasonCode: Type.String(),
          reasonLabel: Nullable(LocalizedSchema),
          condition: StringEnum(CONDITIONS),
          resolution: StringEnum(LINE_RESOLUTIONS),
          receivedQuantity: Nullable(Type.Integer()),
          acceptedQuantity: Nullable(Type.Integer()),
        },
        closed,
      ),
    ),
    replacements: Type.Array(Type.Object({ itemId: Nullable(Uuid), sku: Type.String(), quantity: Type.Integer(), unitPriceMinor: Type.Integer() }, closed)),
    shipments: Type.Array(
      Type.Object(
        {
          direction: StringEnum(['return', 'replacement', 'outbound'] as const),
          carrier: Type.String(),
          trackingNumber: Type.String(),
          status: StringEnum(PARCEL_STATUSES),
          shippedAt: Nullable(DateTime),
        },
        closed,
      ),
    ),
    refunds: Type.Array(
      Type.Object(
        {
          amountMinor: Type.Integer(),
          method: StringEnum(REFUND_METHODS),
          status: StringEnum(['pending', 'succeeded', 'failed'] as const),
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
          uploadedBy: StringEnum(ACTOR_KINDS),
          createdAt: DateTime,
        },
        closed,
      ),
    ),
    messages: Type.Array(Type.Object({ id: Uuid, author: StringEnum(ACTOR_KINDS), body: Type.String(), createdAt: DateTime }, closed)),
    timeline: Type.Array(
      Type.Object(
        {
          id: Uuid,
          type: Type.String({ description: 'Event type, e.g. case.created, case.transitioned' }),
          action: Nullable(Type.String()),
          from: Nullable(StringEnum(CASE_STATUSES)),
          to: Nullable(StringEnum(CASE_STATUSES)),
          actor: StringEnum(ACTOR_KINDS),
          explanation: Nullable(Type.String()),
          at: DateTime,
        },
        closed,
      ),
    ),
    nextDeadline: Nullable(
      Type.Object(
        {
          kind: Type.String({ description: 'merchant_response, buyer_ship, merchant_receipt, revise_or_escalate, refund_after_receipt, buyer_evidence or statutory_refund' }),
          dueAt: DateTime,
          outcome: Type.String({ description: 'What happens when it passes (an action, e.g. approve, cancel)' }),
        },
        closed,
      ),
    ),
    allowedActions: Type.Array(StringEnum(CASE_ACTIONS)),
    label: Type.Object({ available: Type.Boolean() }, closed),
    dropOff: Nullable(Type.Object({ code: Type.String(), qrSvg: Type.String({ description: 'The code as an SVG QR image' }) }, closed)),
    compensations: Type.Array(
      Type.Object(
        {
          id: Uuid,
          kind: StringEnum(COMPENSATION_KINDS),
          amountMinor: Type.Integer(),
          points: Type.Integer(),
          currency: Type.String(),
          couponCode: Nullable(Type.String()),
          expiresAt: Nullable(DateTime),
          createdAt: DateTime,
        },
        closed,
      ),
      { description: 'Compensation the shop granted for the trouble (issue 19 §1)' },
    ),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  closed,
);

/** A photo or video the buyer attached. */
export const EvidenceUploadSchema = Type.Object(
  { id: Uuid, mime: Type.String(), sizeBytes: Type.Integer(), sha256: Type.String(), purpose: StringEnum(['claim', 'inspection', 'message'] as const), createdAt: DateTime },
  closed,
);

/** An address as a carrier takes it. */
export const AddressReplySchema = Type.Object(
  {
    name: Type.String(),
    phone: Type.String(),
    line: Type.String({ description: 'The full street address on one line' }),
    city: Type.Optional(Type.String()),
    province: Type.Optional(Type.String()),
    postalCode: Type.Optional(Type.String()),
    country: Type.Optional(Type.String()),
  },
  closed,
);

const PortalParcelSchema = Type.Object(
  {
    carrier: Type.String(),
    trackingNumber: Type.String(),
    status: StringEnum(PARCEL_STATUSES, { description: '`in_transit`, `delivered`, `lost`, or `cancelled` (the carrier cancelled the booked pickup)' }),
    trackingStatus: Nullable(Type.String()),
    trackingAt: Nullable(DateTime),
    labelUrl: Nullable(Type.String()),
    dropOffCode: Nullable(Type.String()),
    pickup: Nullable(
      Type.Object(
        {
          windowStart: Type.String(),
          windowEnd: Type.String(),
          address: AddressReplySchema,
          confirmation: Nullable(Type.String()),
          status: Type.Optional(StringEnum(PICKUP_STATUSES)),
          code: Type.Optional(Type.String({ description: 'The carrier’s own code for that status' })),
          courier: Type.Optional(Nullable(Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) }, closed))),
          updatedAt: Type.Optional(Type.String()),
        },
        closed,
      ),
    ),
  },
  closed,
);

/** What the shop's carriers can do for a return, and its parcels. */
export const PortalCarrierSchema = Type.Object(
  {
    pickup: Type.Boolean(),
    dropOff: Type.Boolean(),
    pickupAddress: Nullable(AddressReplySchema),
    formats: Type.Array(
      Type.Object(
        { code: Type.String(), names: Type.Array(Type.String()), pattern: Type.String({ description: 'A regular expression a tracking number of this carrier matches' }), example: Type.String() },
        closed,
      ),
      { description: 'Carriers Retour knows by name, and what their tracking numbers look like' },
    ),
    parcels: Type.Array(PortalParcelSchema),
  },
  closed,
);

/** A printable label and packing slip: the reply is the PDF itself. */
export const PdfReply = {
  description: 'The PDF (inline; never cached)',
  content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
};
