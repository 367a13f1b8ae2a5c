import { StringEnum } from '../../domain/typebox.js';
import { Type } from 'typebox';
import { ORDER_STATUSES, SHIPMENT_STATUSES } from '../../domain/orders/fulfilment.js';
import { AddressSchema } from '../../services/orders/order-input.js';
import { closed, DateTime, Explanation, Nullable, Uuid } from './common.js';
import { CASE_TYPES } from '../../domain/cases/model.js';

const Minor = Type.Integer({ description: 'Integer minor units of the order currency' });

export const ShipmentSchema = Type.Object({
  id: Uuid,
  carrier: Type.String(),
  trackingNumber: Type.String(),
  status: StringEnum(SHIPMENT_STATUSES),
  lines: Type.Array(Type.Object({ lineNo: Type.Integer(), quantity: Type.Integer() }, closed)),
  shippedAt: Nullable(DateTime),
  deliveredAt: Nullable(DateTime),
}, closed);

const CustomerSummary = Nullable(
  Type.Object({ id: Uuid, name: Nullable(Type.String()), email: Nullable(Type.String()), phone: Nullable(Type.String()) }, closed),
);

const summaryFields = {
  id: Uuid,
  channel: Type.String(),
  externalId: Type.String(),
  number: Type.String(),
  status: StringEnum(ORDER_STATUSES),
  currency: Type.String(),
  pricesIncludeTax: Type.Boolean(),
  locale: Type.String(),
  customer: CustomerSummary,
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  placedAt: DateTime,
  paidAt: Nullable(DateTime),
  shippedAt: Nullable(DateTime),
  deliveredAt: Nullable(DateTime),
  cancelledAt: Nullable(DateTime),
  amounts: Type.Object({
    subtotalMinor: Minor,
    discountMinor: Minor,
    orderDiscountMinor: Minor,
    taxMinor: Minor,
    shippingFeeMinor: Minor,
    totalMinor: Minor,
  }, closed),
  paymentMethod: Nullable(Type.String()),
  paymentRef: Nullable(Type.String()),
  shippingInsurance: Type.Boolean(),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
};

export const OrderSummarySchema = Type.Object({ ...summaryFields, lineCount: Type.Integer() }, closed);

/** The order as a case shows it (no lines). */
export const CaseOrderSchema = Type.Object(summaryFields, closed);

export const OrderSchema = Type.Object({
  ...summaryFields,
  shippingAddress: Nullable(AddressSchema),
  note: Nullable(Type.String()),
  lines: Type.Array(
    Type.Object({
      id: Uuid,
      lineNo: Type.Integer(),
      externalId: Nullable(Type.String()),
      variantId: Uuid,
      sku: Type.String(),
      title: Type.String(),
      quantity: Type.Integer(),
      unitPriceMinor: Minor,
      lineDiscountMinor: Minor,
      orderDiscountShareMinor: Minor,
      taxMinor: Minor,
      paidMinor: Type.Integer({ description: 'What the buyer paid for the line; the most ever refundable' }),
    }, closed),
  ),
  shipments: Type.Array(ShipmentSchema),
}, closed);

const WindowVerdict = Type.Object(
  { eligible: Type.Boolean(), until: Nullable(DateTime), rule: Type.String(), explanation: Explanation },
  closed,
);
const CaseTypeSchema = StringEnum(CASE_TYPES);

/** GET /orders/:id/eligibility: what the policy says about each line today. */
export const EligibilitySchema = Type.Object(
  {
    orderId: Uuid,
    policyVersion: Type.Integer(),
    evaluatedAt: DateTime,
    lines: Type.Array(
      Type.Object(
        {
          lineId: Uuid,
          lineNo: Type.Integer(),
          sku: Type.String(),
          returnableQuantity: Type.Integer(),
          noReason: WindowVerdict,
          sellerFault: WindowVerdict,
          beforeDelivery: WindowVerdict,
          eligible: Type.Boolean(),
          ruling: Type.Object({ rule: Type.String(), explanation: Explanation }, closed),
          allowedCaseTypes: Type.Array(CaseTypeSchema),
          allowedReasons: Type.Array(Type.String()),
          evidenceRequiredFor: Type.Array(Type.String()),
          returnless: Type.Boolean(),
        },
        closed,
      ),
    ),
    reasons: Type.Array(
      Type.Object(
        {
          code: Type.String(),
          label: Explanation,
          fault: StringEnum(['seller', 'buyer', 'carrier'] as const),
          quality: Type.Boolean(),
          evidenceRequired: Type.Boolean(),
          caseTypes: Type.Optional(Type.Array(CaseTypeSchema)),
        },
        closed,
      ),
    ),
  },
  closed,
);
