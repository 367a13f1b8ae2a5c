import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, minor, shopId, updatedAt } from './columns.js';
import { returnCases } from './cases.js';
import { customers } from './customers.js';
import { variants } from './catalog.js';
import { orderLines, orders } from './orders.js';

export type RefundStatus = 'pending' | 'succeeded' | 'failed';

/**
 * The refund ledger: the truth about money going back. A row is written, with its idempotency
 * key, before the provider is called, and settled after; the key makes the provider call
 * exactly-once however often it is retried.
 */
export const refunds = pgTable(
  'refunds',
  {
    shopId: shopId(),
    id: id(),
    caseId: uuid('case_id').notNull(),
    orderId: uuid('order_id').notNull(),
    kind: text('kind').$type<'refund' | 'fast_refund' | 'exchange_difference'>().notNull(),
    currency: text('currency').notNull(),
    /** Money back for what was paid (bounded by the order). */
    amountMinor: minor('amount_minor').notNull(),
    /** Of amount_minor, the outbound shipping fee. */
    shippingMinor: minor('shipping_minor').notNull(),
    /** Return shipping reimbursed on top (not part of what was paid). */
    compensationMinor: minor('compensation_minor').notNull(),
    /** Store credit only: the bonus credited on top of the refund. */
    bonusMinor: minor('bonus_minor').notNull().default(0),
    method: text('method').$type<'original' | 'store_credit'>().notNull(),
    provider: text('provider').notNull(),
    /** The payment connection (Stripe, Alipay) the refund goes through; null for manual, simulated, store credit. */
    connectionId: uuid('connection_id'),
    providerRef: text('provider_ref'),
    idempotencyKey: text('idempotency_key').notNull(),
    status: text('status').$type<RefundStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: at('next_attempt_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    settledAt: at('settled_at'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('refunds_idempotency_key').on(t.shopId, t.idempotencyKey),
    index('refunds_order_idx').on(t.shopId, t.orderId),
    index('refunds_case_idx').on(t.shopId, t.caseId),
    index('refunds_connection_ref_idx').on(t.shopId, t.connectionId, t.providerRef).where(sql`${t.connectionId} is not null`),
    index('refunds_due_idx').on(t.status, t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    foreignKey({ columns: [t.shopId, t.caseId], foreignColumns: [returnCases.shopId, returnCases.id] }),
    foreignKey({ columns: [t.shopId, t.orderId], foreignColumns: [orders.shopId, orders.id] }),
    check('refunds_amounts_non_negative', sql`${t.amountMinor} >= 0 and ${t.shippingMinor} >= 0 and ${t.compensationMinor} >= 0`),
  ],
);

/** How a refund splits over order lines (units returned, or money against a line whose goods were kept). */
export const refundLines = pgTable(
  'refund_lines',
  {
    shopId: shopId(),
    id: id(),
    refundId: uuid('refund_id').notNull(),
    orderLineId: uuid('order_line_id').notNull(),
    quantity: integer('quantity').notNull(),
    amountMinor: minor('amount_minor').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('refund_lines_refund_idx').on(t.shopId, t.refundId),
    index('refund_lines_line_idx').on(t.shopId, t.orderLineId),
    foreignKey({ columns: [t.shopId, t.refundId], foreignColumns: [refunds.shopId, refunds.id] }),
    foreignKey({ columns: [t.shopId, t.orderLineId], foreignColumns: [orderLines.shopId, orderLines.id] }),
    check('refund_lines_non_negative', sql`${t.quantity} >= 0 and ${t.amountMinor} >= 0`),
  ],
);

/** Store credit per customer: credits (refunds to store credit, with their bonus) and debits. */
export const storeCreditLedger = pgTable(
  'store_credit_ledger',
  {
    shopId: shopId(),
    id: id(),
    customerId: uuid('customer_id').notNull(),
    currency: text('currency').notNull(),
    amountMinor: minor('amount_minor').notNull(),
    refundId: uuid('refund_id'),
    caseId: uuid('case_id'),
    reason: text('reason').$type<'refund' | 'bonus' | 'redemption' | 'adjustment' | 'compensation'>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('store_credit_customer_idx').on(t.shopId, t.customerId),
    uniqueIndex('store_credit_refund_reason_key').on(t.shopId, t.refundId, t.reason),
    foreignKey({ columns: [t.shopId, t.customerId], foreignColumns: [customers.shopId, customers.id] }),
  ],
);

export type InventoryMovementReason = 'return_restock' | 'replacement_shipped' | 'adjustment';

/**
 * Stock changes: restocked returns, replacements shipped, and adjustments (a count set over the
 * API or by an import), each with who made it and why.
 */
export const inventoryMovements = pgTable(
  'inventory_movements',
  {
    shopId: shopId(),
    id: id(),
    variantId: uuid('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    reason: text('reason').$type<InventoryMovementReason>().notNull(),
    caseId: uuid('case_id'),
    returnItemId: uuid('return_item_id'),
    /** Adjustments: the stock on hand after the movement, and where it came from ('api', 'import'). */
    stockAfter: integer('stock_after'),
    source: text('source'),
    note: text('note'),
    /** Adjustments: the staff member or API key that set the stock. */
    actorKind: text('actor_kind').$type<'staff' | 'api_key' | 'system'>(),
    actorId: uuid('actor_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('inventory_movements_variant_idx').on(t.shopId, t.variantId),
    index('inventory_movements_variant_time_idx').on(t.shopId, t.variantId, t.createdAt.desc(), t.id.desc()),
    foreignKey({ columns: [t.shopId, t.variantId], foreignColumns: [variants.shopId, variants.id] }),
  ],
);

/**
 * What the simulated payment provider paid out, keyed like a real provider by the idempotency
 * key: a second call with the same key pays nothing more. Tests count real payouts here.
 */
export const simulatedPayouts = pgTable(
  'simulated_payouts',
  {
    shopId: shopId(),
    idempotencyKey: text('idempotency_key').notNull(),
    amountMinor: minor('amount_minor').notNull(),
    currency: text('currency').notNull(),
    providerRef: text('provider_ref').notNull(),
    calls: integer('calls').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.idempotencyKey] })],
);
