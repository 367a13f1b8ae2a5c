import { foreignKey, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, minor, shopId } from './columns.js';
import { orders } from './orders.js';

/** One line of a refund made on the platform: the platform's line id, units and money (tax included). */
export interface PlatformRefundLine {
  lineExternalId: string;
  quantity: number;
  amountMinor: number;
}

/**
 * Refunds a storefront made itself (a Shopify or WooCommerce refund issued in the shop's own
 * admin), kept apart from Retour's ledger: they have no case and Retour never pays them, but
 * they count against what an order can still give back, so Retour never refunds twice what
 * the platform already did. Refunds Retour pushed to the platform are not recorded here.
 */
export const platformRefunds = pgTable(
  'platform_refunds',
  {
    shopId: shopId(),
    id: id(),
    orderId: uuid('order_id').notNull(),
    connectionId: uuid('connection_id'),
    /** The platform's refund id: a re-delivered webhook or a re-run sync adds nothing. */
    externalId: text('external_id').notNull(),
    currency: text('currency').notNull(),
    amountMinor: minor('amount_minor').notNull(),
    /** Of amount_minor, shipping refunded. */
    shippingMinor: minor('shipping_minor').notNull(),
    lines: jsonb('lines').$type<PlatformRefundLine[]>().notNull().default([]),
    refundedAt: at('refunded_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('platform_refunds_order_external_key').on(t.shopId, t.orderId, t.externalId),
    foreignKey({ columns: [t.shopId, t.orderId], foreignColumns: [orders.shopId, orders.id] }).onDelete('cascade'),
  ],
);
