import { StringEnum } from '../../domain/typebox.js';
import { Type, type Static } from 'typebox';
import { SHIPMENT_STATUSES } from '../../domain/orders/fulfilment.js';

/**
 * The shape of an order pushed into Retour (API body, CSV row group, demo seed).
 * Unknown fields are rejected, not ignored: a misspelt field must not silently lose data.
 */
export const CHANNELS = ['web', 'taobao', 'tmall', 'pdd', 'jd', 'douyin', 'shopify', 'woocommerce', 'amazon', 'manual', 'other'] as const;
export const ORDER_LOCALES = ['zh-CN', 'en'] as const;

const Text = (max: number, extra: object = {}) => Type.String({ minLength: 1, maxLength: max, ...extra });
const Minor = (description: string) => Type.Integer({ minimum: 0, maximum: 1e15, description });
const Timestamp = (description: string) => Type.String({ format: 'date-time', description });
const strict = { additionalProperties: false } as const;

export const AddressSchema = Type.Object(
  {
    name: Type.Optional(Text(200)),
    phone: Type.Optional(Text(50)),
    country: Type.Optional(Text(100)),
    province: Type.Optional(Text(100)),
    city: Type.Optional(Text(100)),
    district: Type.Optional(Text(100)),
    line1: Type.Optional(Text(300)),
    line2: Type.Optional(Text(300)),
    postalCode: Type.Optional(Text(20)),
  },
  strict,
);

export const CustomerInputSchema = Type.Object(
  {
    externalId: Type.Optional(Text(128, { description: "The buyer's id on the channel" })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    phone: Type.Optional(Text(50)),
    name: Type.Optional(Text(200)),
    locale: Type.Optional(StringEnum(ORDER_LOCALES)),
    country: Type.Optional(Text(100)),
  },
  strict,
);

export const ReturnFlagsSchema = Type.Object(
  {
    customMade: Type.Optional(Type.Boolean({ description: 'Made to the buyer\'s order (定作): no no-reason return' })),
    perishable: Type.Optional(Type.Boolean({ description: 'Fresh or perishable (鲜活易腐)' })),
    digital: Type.Optional(Type.Boolean({ description: 'Digital goods: not returnable once opened' })),
    hygiene: Type.Optional(Type.Boolean({ description: 'Hygiene goods: not returnable once unsealed' })),
    finalSale: Type.Optional(Type.Boolean({ description: 'Sold as final sale' })),
  },
  strict,
);

export const OrderLineInputSchema = Type.Object(
  {
    externalId: Type.Optional(Text(128)),
    sku: Text(100),
    title: Text(300),
    quantity: Type.Integer({ minimum: 1, maximum: 100000 }),
    unitPriceMinor: Minor('Unit price in minor units of the order currency'),
    lineDiscountMinor: Type.Optional(Minor('Discount on this line only')),
    taxMinor: Type.Optional(Minor("The line's tax after discounts")),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'If given, must equal the order currency' })),
    product: Type.Optional(
      Type.Object(
        {
          externalId: Type.Optional(Text(128)),
          title: Type.Optional(Text(300)),
          category: Type.Optional(Text(100)),
        },
        strict,
      ),
    ),
    attributes: Type.Optional(Type.Record(Type.String({ maxLength: 50 }), Type.String({ maxLength: 100 }), { description: 'Variant attributes such as size and colour' })),
    returnFlags: Type.Optional(ReturnFlagsSchema),
  },
  strict,
);

export const ShipmentInputSchema = Type.Object(
  {
    carrier: Text(50),
    trackingNumber: Text(100),
    status: Type.Optional(StringEnum(SHIPMENT_STATUSES)),
    shippedAt: Type.Optional(Timestamp('When the parcel left')),
    deliveredAt: Type.Optional(Timestamp('When the parcel arrived')),
    lines: Type.Optional(
      Type.Array(Type.Object({ lineNo: Type.Integer({ minimum: 1 }), quantity: Type.Integer({ minimum: 1 }) }, strict), { maxItems: 500 }),
    ),
  },
  strict,
);

export const OrderInputSchema = Type.Object(
  {
    channel: StringEnum(CHANNELS),
    externalId: Text(128, { description: "The order's id on its channel; (channel, externalId) identifies the order" }),
    number: Type.Optional(Text(64, { description: 'Number shown to the buyer; defaults to externalId' })),
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    pricesIncludeTax: Type.Optional(Type.Boolean({ description: 'Default true (the norm in China and the EU)' })),
    locale: Type.Optional(StringEnum(ORDER_LOCALES)),
    placedAt: Timestamp('When the buyer placed the order'),
    paidAt: Type.Optional(Timestamp('When it was paid')),
    shippedAt: Type.Optional(Timestamp('When it shipped; derived from shipments when absent')),
    deliveredAt: Type.Optional(Timestamp('When it was delivered; derived from shipments when absent')),
    cancelledAt: Type.Optional(Timestamp('When it was cancelled')),
    customer: Type.Optional(CustomerInputSchema),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254, description: "Contact for this order; defaults to the customer's" })),
    phone: Type.Optional(Text(50)),
    shippingAddress: Type.Optional(AddressSchema),
    lines: Type.Array(OrderLineInputSchema, { minItems: 1, maxItems: 500 }),
    orderDiscountMinor: Type.Optional(Minor('Discount on the whole order, shared over lines by largest remainder')),
    taxMinor: Type.Optional(Minor('Order tax; shared over lines when lines carry none, else must equal their sum')),
    shippingFeeMinor: Type.Optional(Minor('Shipping the buyer paid')),
    totalMinor: Type.Optional(Minor('What the buyer paid; checked against the computed total when given')),
    paymentMethod: Type.Optional(Text(50)),
    paymentRef: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The payment at its provider, refunded through a payment connection: Stripe PaymentIntent (pi_…) or charge (ch_…), Alipay trade_no' })),
    shippingInsurance: Type.Optional(Type.Boolean({ description: '运费险: return shipping insured' })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    shipments: Type.Optional(Type.Array(ShipmentInputSchema, { maxItems: 50 })),
  },
  strict,
);

export type OrderInput = Static<typeof OrderInputSchema>;
export type OrderLineInput = Static<typeof OrderLineInputSchema>;
export type ShipmentInput = Static<typeof ShipmentInputSchema>;
