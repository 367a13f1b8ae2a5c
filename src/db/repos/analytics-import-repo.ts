import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { RefundBreakdown } from '../../domain/refunds/compute.js';
import { bulkInsert, pgArrayLiteral, type BulkColumn } from '../bulk.js';
import { queryRows, type Executor } from '../client.js';

/**
 * Set-based writes of historic return cases (already completed, refund settled), for imports of
 * a shop's past returns: cases, items, events, refunds and refund lines in a few statements.
 */
export interface ImportLine {
  externalId: string;
  orderId: string;
  customerId: string | null;
  currency: string;
  totalMinor: number;
  lineNo: number;
  lineId: string;
  quantity: number;
  paidMinor: number;
  taxMinor: number;
  lineDiscountMinor: number;
  orderDiscountShareMinor: number;
}

export interface ImportedCase {
  id: string;
  rmaNumber: string;
  orderId: string;
  customerId: string | null;
  currency: string;
  policyId: string;
  policyVersion: number;
  reasonCode: string;
  fault: 'buyer' | 'seller' | 'carrier';
  /** The rule the case's events name: where this history came from (e.g. import.online_retail). */
  source: string;
  /** Requested at. */
  at: Date;
  /** Refund settled and case completed at (not before `at`). */
  closedAt: Date;
  condition: 'unopened' | 'opened' | 'damaged';
  refundId: string;
  idempotencyKey: string;
  providerRef: string;
  breakdown: RefundBreakdown;
  items: { id: string; lineId: string; quantity: number; amountMinor: number }[];
  events: { id: string; payload: Record<string, unknown> }[];
}

export const analyticsImportRepo = {
  /** Lines of the channel's orders with these external ids (invoice numbers). */
  async lines(db: Executor, shopId: string, channel: string, externalIds: readonly string[]): Promise<ImportLine[]> {
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`select o.external_id, o.id as order_id, o.customer_id, o.currency, o.total_minor, l.line_no, l.id as line_id, l.quantity, l.paid_minor, l.tax_minor,
                 l.line_discount_minor, l.order_discount_share_minor
          from orders o join order_lines l on l.shop_id = o.shop_id and l.order_id = o.id
          where o.shop_id = ${shopId} and o.channel = ${channel} and o.external_id = any(${pgArrayLiteral(externalIds, 'text')}::text[])`,
    );
    return rows.map((r) => ({
      externalId: r.external_id as string,
      orderId: r.order_id as string,
      customerId: (r.customer_id as string | null) ?? null,
      currency: r.currency as string,
      totalMinor: Number(r.total_minor),
      lineNo: Number(r.line_no),
      lineId: r.line_id as string,
      quantity: Number(r.quantity),
      paidMinor: Number(r.paid_minor),
      taxMinor: Number(r.tax_minor),
      lineDiscountMinor: Number(r.line_discount_minor),
      orderDiscountShareMinor: Number(r.order_discount_share_minor),
    }));
  },

  /** Which of these refund idempotency keys the shop has already (cases imported before). */
  async existingRefundKeys(db: Executor, shopId: string, keys: readonly string[]): Promise<Set<string>> {
    const rows = await queryRows<{ k: string }>(
      db,
      sql`select idempotency_key as k from refunds where shop_id = ${shopId} and idempotency_key = any(${pgArrayLiteral(keys, 'text')}::text[])`,
    );
    return new Set(rows.map((r) => r.k));
  },

  async insertCases(db: Executor, shopId: string, cases: readonly ImportedCase[]): Promise<void> {
    if (cases.length === 0) return;
    const caseColumns: BulkColumn[] = [
      ['shop_id', 'uuid'], ['id', 'uuid'], ['rma_number', 'text'], ['order_id', 'uuid'], ['customer_id', 'uuid'], ['type', 'text'], ['status', 'text'],
      ['currency', 'text'], ['refund_method', 'text'], ['return_method', 'text'], ['fault', 'text'], ['return_shipping_payer', 'text'], ['policy_id', 'uuid'],
      ['policy_version', 'int4'], ['risk_score', 'int4'], ['risk_reasons', 'jsonb'], ['breakdown', 'jsonb'], ['refunded_minor', 'int8'], ['created_by_kind', 'text'],
      ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['closed_at', 'timestamptz'],
    ];
    await bulkInsert(
      db,
      'return_cases',
      caseColumns,
      cases.map((c) => [
        shopId, c.id, c.rmaNumber, c.orderId, c.customerId, 'return_refund', 'completed', c.currency, 'original', 'self_ship', c.fault, 'buyer', c.policyId,
        c.policyVersion, 0, [], c.breakdown, c.breakdown.refundMinor, 'system', c.at, c.closedAt, c.closedAt,
      ]),
    );
    const itemColumns: BulkColumn[] = [
      ['shop_id', 'uuid'], ['id', 'uuid'], ['case_id', 'uuid'], ['order_line_id', 'uuid'], ['quantity', 'int4'], ['reason_code', 'text'], ['condition', 'text'],
      ['received_quantity', 'int4'], ['accepted_quantity', 'int4'], ['defective_quantity', 'int4'], ['created_at', 'timestamptz'],
    ];
    await bulkInsert(
      db,
      'return_items',
      itemColumns,
      cases.flatMap((c) => c.items.map((i) => [shopId, i.id, c.id, i.lineId, i.quantity, c.reasonCode, c.condition, i.quantity, i.quantity, 0, c.at])),
    );
    const eventColumns: BulkColumn[] = [
      ['shop_id', 'uuid'], ['id', 'uuid'], ['case_id', 'uuid'], ['type', 'text'], ['action', 'text'], ['from_status', 'text'], ['to_status', 'text'],
      ['actor_kind', 'text'], ['rule', 'text'], ['payload', 'jsonb'], ['created_at', 'timestamptz'],
    ];
    await bulkInsert(
      db,
      'case_events',
      eventColumns,
      cases.flatMap((c) => [
        [shopId, c.events[0]!.id, c.id, 'case.created', 'create', null, 'requested', 'system', c.source, c.events[0]!.payload, c.at],
        [shopId, c.events[1]!.id, c.id, 'case.imported', null, 'requested', 'completed', 'system', c.source, c.events[1]!.payload, c.closedAt],
      ]),
    );
    const refundColumns: BulkColumn[] = [
      ['shop_id', 'uuid'], ['id', 'uuid'], ['case_id', 'uuid'], ['order_id', 'uuid'], ['kind', 'text'], ['currency', 'text'], ['amount_minor', 'int8'],
      ['shipping_minor', 'int8'], ['compensation_minor', 'int8'], ['bonus_minor', 'int8'], ['method', 'text'], ['provider', 'text'], ['provider_ref', 'text'],
      ['idempotency_key', 'text'], ['status', 'text'], ['attempts', 'int4'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['settled_at', 'timestamptz'],
    ];
    await bulkInsert(
      db,
      'refunds',
      refundColumns,
      cases.map((c) => [
        shopId, c.refundId, c.id, c.orderId, 'refund', c.currency, c.breakdown.refundMinor, 0, 0, 0, 'original', 'manual', c.providerRef, c.idempotencyKey, 'succeeded', 1, c.closedAt, c.closedAt, c.closedAt,
      ]),
    );
    const lineColumns: BulkColumn[] = [['shop_id', 'uuid'], ['id', 'uuid'], ['refund_id', 'uuid'], ['order_line_id', 'uuid'], ['quantity', 'int4'], ['amount_minor', 'int8']];
    await bulkInsert(
      db,
      'refund_lines',
      lineColumns,
      cases.flatMap((c) => c.items.map((i) => [shopId, uuidv7(), c.refundId, i.lineId, i.quantity, i.amountMinor])),
    );
  },
};
