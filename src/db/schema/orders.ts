import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { OrderStatus, ShipmentStatus } from '../../domain/orders/fulfilment.js';
import { at, createdAt, id, minor, shopId, updatedAt } from './columns.js';
import { customers } from './customers.js';
import { variants } from './catalog.js';
import { shops } from './shops.js';

export interface Address {
  name?: string;
  phone?: string;
  country?: string;
  province?: string;
  city?: string;
  district?: string;
  line1?: string;
  line2?: string;
  postalCode?: string;
}

/**
 * An order's shipping address as one comparable key in SQL (blanks, punctuation and case removed;
 * full width folded by NFKC). The shared_contact risk signal joins orders on it, and
 * orders_address_key_idx indexes this very expression (the planner uses an expression index only
 * for the identical expression): one function for both. `alias` qualifies the column in a query.
 */
export const addressKeyExpression = (alias?: string) => {
  const a = `${alias ? `${alias}.` : ''}shipping_address`;
  const part = (k: string) => `coalesce(${a}->>'${k}','')`;
  return `nullif(regexp_replace(lower(normalize(${['province', 'city', 'district', 'line1', 'line2', 'postalCode'].map(part).join('||')}, NFKC)), '[[:space:][:punct:]]', '', 'g'), '')`;
};

export const orders = pgTable(
  'orders',
  {
    shopId: shopId().references(() => shops.id),
    id: id(),
    channel: text('channel').notNull(),
    externalId: text('external_id').notNull(),
    number: text('number').notNull(),
    customerId: uuid('customer_id'),
    /** Contact given with this order; the portal finds an order by number + one of these. */
    email: text('email'),
    phone: text('phone'),
    locale: text('locale').notNull(),
    status: text('status').$type<OrderStatus>().notNull(),
    currency: text('currency').notNull(),
    pricesIncludeTax: boolean('prices_include_tax').notNull(),
    subtotalMinor: minor('subtotal_minor').notNull(),
    orderDiscountMinor: minor('order_discount_minor').notNull(),
    discountMinor: minor('discount_minor').notNull(),
    taxMinor: minor('tax_minor').notNull(),
    shippingFeeMinor: minor('shipping_fee_minor').notNull(),
    totalMinor: minor('total_minor').notNull(),
    paymentMethod: text('payment_method'),
    /** The payment to refund at its provider: a Stripe PaymentIntent (pi_…) or charge (ch_…), an Alipay trade_no. */
    paymentRef: text('payment_ref'),
    /** 运费险: return shipping is paid by the insurer, not the seller. */
    shippingInsurance: boolean('shipping_insurance').notNull().default(false),
    shippingAddress: jsonb('shipping_address').$type<Address>(),
    placedAt: at('placed_at').notNull(),
    paidAt: at('paid_at'),
    shippedAt: at('shipped_at'),
    deliveredAt: at('delivered_at'),
    cancelledAt: at('cancelled_at'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('orders_channel_external_key').on(t.shopId, t.channel, t.externalId),
    uniqueIndex('orders_number_key').on(t.shopId, t.number),
    index('orders_placed_idx').on(t.shopId, t.placedAt.desc(), t.id.desc()),
    index('orders_customer_idx').on(t.shopId, t.customerId),
    index('orders_email_idx').on(t.shopId, t.email).where(sql`${t.email} is not null`),
    index('orders_phone_idx').on(t.shopId, t.phone).where(sql`${t.phone} is not null`),
    // The shared_contact risk signal: other buyers' orders to the same address, found without a scan.
    index('orders_address_key_idx').on(t.shopId, sql.raw(`(${addressKeyExpression()})`)).where(sql`${t.customerId} is not null`),
    foreignKey({ columns: [t.shopId, t.customerId], foreignColumns: [customers.shopId, customers.id] }),
    check('orders_amounts_non_negative', sql`${t.totalMinor} >= 0 and ${t.shippingFeeMinor} >= 0 and ${t.discountMinor} >= 0 and ${t.taxMinor} >= 0`),
  ],
);

/** One line of an order. `paid_minor` is the most that can ever be refunded for the line. */
export const orderLines = pgTable(
  'order_lines',
  {
    shopId: shopId(),
    id: id(),
    orderId: uuid('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    externalId: text('external_id'),
    variantId: uuid('variant_id').notNull(),
    sku: text('sku').notNull(),
    title: text('title').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: minor('unit_price_minor').notNull(),
    lineDiscountMinor: minor('line_discount_minor').notNull(),
    orderDiscountShareMinor: minor('order_discount_share_minor').notNull(),
    taxMinor: minor('tax_minor').notNull(),
    paidMinor: minor('paid_minor').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('order_lines_order_line_no_key').on(t.shopId, t.orderId, t.lineNo),
    index('order_lines_variant_idx').on(t.shopId, t.variantId),
    foreignKey({ columns: [t.shopId, t.orderId], foreignColumns: [orders.shopId, orders.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.shopId, t.variantId], foreignColumns: [variants.shopId, variants.id] }),
    check('order_lines_quantity_positive', sql`${t.quantity} > 0`),
    check('order_lines_amounts_non_negative', sql`${t.unitPriceMinor} >= 0 and ${t.paidMinor} >= 0 and ${t.taxMinor} >= 0`),
  ],
);

export interface ShipmentLine {
  lineNo: number;
  quantity: number;
}

export const shipments = pgTable(
  'shipments',
  {
    shopId: shopId(),
    id: id(),
    orderId: uuid('order_id').notNull(),
    carrier: text('carrier').notNull(),
    trackingNumber: text('tracking_number').notNull(),
    status: text('status').$type<ShipmentStatus>().notNull(),
    /** Which lines (and how many units) travel in this parcel; empty means the whole order. */
    lines: jsonb('lines').$type<ShipmentLine[]>().notNull().default([]),
    shippedAt: at('shipped_at'),
    deliveredAt: at('delivered_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('shipments_order_tracking_key').on(t.shopId, t.orderId, t.carrier, t.trackingNumber),
    index('shipments_tracking_idx').on(t.shopId, t.trackingNumber),
    foreignKey({ columns: [t.shopId, t.orderId], foreignColumns: [orders.shopId, orders.id] }).onDelete('cascade'),
  ],
);
