import { StringEnum } from '../../domain/typebox.js';
import { Type } from 'typebox';
import { ORDER_STATUSES, SHIPMENT_STATUSES } from '../../domain/orders/fulfilment.js';
import { AddressSchema } from '../../services/orders/order-input.js';
import { DateTime, Nullable, Uuid } from './common.js';

const Minor = Type.Integer({ description: 'Integer minor units of the order currency' });

export const ShipmentSchema = Type.Object({
  id: Uuid,
  carrier: Type.String(),
  trackingNumber: Type.String(),
  status: StringEnum(SHIPMENT_STATUSES),
  lines: Type.Array(Type.Object({ lineNo: Type.Integer(), quantity: Type.Integer() })),
  shippedAt: Nullable(DateTime),
  deliveredAt: Nullable(DateTime),
});

const CustomerSummary = Nullable(
  Type.Object({ id: Uuid, name: Nullable(Type.String()), email: Nullable(Type.String()), phone: Nullable(Type.String()) }),
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
  }),
  paymentMethod: Nullable(Type.String()),
  paymentRef: Nullable(Type.String()),
  shippingInsurance: Type.Boolean(),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
};

export const OrderSummarySchema = Type.Object({ ...summaryFields, lineCount: Type.Integer() });

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
    }),
  ),
  shipments: Type.Array(ShipmentSchema),
});
