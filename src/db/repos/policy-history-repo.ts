import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { CaseType, RefundOnlyKind } from '../../domain/cases/model.js';
import type { ItemCondition } from '../../domain/policy/schema.js';
import { queryRows, type Executor } from '../client.js';
import { orders, returnCases } from '../schema/index.js';
import { uuids } from './analytics-families.js';

/**
 * The history a policy simulation replays, read in a handful of set-based statements whatever
 * the number of cases (one query per case took 4–19 s on the demo shop). Everything needed to
 * rebuild each case's facts as they stood when it was requested: timestamps come with every row.
 */

export interface HistoryCase {
  id: string;
  rmaNumber: string;
  orderId: string;
  customerId: string | null;
  type: CaseType;
  refundOnlyKind: RefundOnlyKind | null;
  refundMethod: 'original' | 'store_credit';
  returnShippingClaimMinor: number;
  policyId: string;
  /** The buyer's risk score computed when the case was requested. */
  riskScore: number;
  /** The buyer's delivered, uncancelled orders before the request. */
  completedOrders: number;
  tier: string | null;
  createdAt: Date;
}

export interface HistoryItem {
  caseId: string;
  orderId: string;
  caseCreatedAt: Date;
  caseStatus: string;
  caseClosedAt: Date | null;
  lineId: string;
  quantity: number;
  reasonCode: string;
  condition: ItemCondition;
}

export interface HistoryLine {
  id: string;
  orderId: string;
  lineNo: number;
  sku: string;
  title: string;
  quantity: number;
  unitPriceMinor: number;
  lineDiscountMinor: number;
  orderDiscountShareMinor: number;
  taxMinor: number;
  paidMinor: number;
  category: string | null;
  customMade: boolean;
  perishable: boolean;
  digital: boolean;
  hygiene: boolean;
  finalSale: boolean;
}

/** One refund line (or, for a refund without lines, the refund alone with `lineId` null). */
export interface HistoryRefund {
  refundId: string;
  caseId: string;
  orderId: string;
  createdAt: Date;
  amountMinor: number;
  shippingMinor: number;
  lineId: string | null;
  lineQuantity: number;
  lineAmountMinor: number;
}

const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const dateOrNull = (v: Date | string | null) => (v === null ? null : date(v));

export const policyHistoryRepo = {
  /** The newest `limit` cases requested since `since`, with what the buyer looked like then. */
  async cases(db: Executor, shopId: string, since: Date, limit: number): Promise<HistoryCase[]> {
    const rows = await db
      .select({
        id: returnCases.id,
        rmaNumber: returnCases.rmaNumber,
        orderId: returnCases.orderId,
        customerId: returnCases.customerId,
        type: returnCases.type,
        refundOnlyKind: returnCases.refundOnlyKind,
        refundMethod: returnCases.refundMethod,
        returnShippingClaimMinor: returnCases.returnShippingClaimMinor,
        policyId: returnCases.policyId,
        riskScore: returnCases.riskScore,
        createdAt: returnCases.createdAt,
      })
      .from(returnCases)
      .where(and(eq(returnCases.shopId, shopId), gte(returnCases.createdAt, since)))
      .orderBy(desc(returnCases.createdAt), desc(returnCases.id))
      .limit(limit);
    if (rows.length === 0) return [];
    const buyers = await queryRows<{ id: string; completed: number | string; tier: string | null }>(
      db,
      sql`select c.id,
                 (select count(*) from orders o where o.shop_id = c.shop_id and o.customer_id = c.customer_id
                    and o.delivered_at < c.created_at and (o.cancelled_at is null or o.cancelled_at >= c.created_at)) as completed,
                 cu.tier
          from return_cases c
          left join customers cu on cu.shop_id = c.shop_id and cu.id = c.customer_id
          where c.shop_id = ${shopId} and c.id = any(${uuids(rows.map((r) => r.id))}) and c.customer_id is not null`,
    );
    const byId = new Map(buyers.map((b) => [b.id, b]));
    return rows.map((r) => ({
      ...r,
      returnShippingClaimMinor: Number(r.returnShippingClaimMinor),
      completedOrders: Number(byId.get(r.id)?.completed ?? 0),
      tier: byId.get(r.id)?.tier ?? null,
    }));
  },

  async orders(db: Executor, shopId: string, orderIds: string[]) {
    if (orderIds.length === 0) return [];
    return db.select().from(orders).where(and(eq(orders.shopId, shopId), inArray(orders.id, orderIds)));
  },

  async lines(db: Executor, shopId: string, orderIds: string[]): Promise<HistoryLine[]> {
    if (orderIds.length === 0) return [];
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`select l.id, l.order_id, l.line_no, l.sku, l.title, l.quantity, l.unit_price_minor, l.line_discount_minor,
                 l.order_discount_share_minor, l.tax_minor, l.paid_minor, p.category, v.custom_made, v.perishable, v.digital,
                 v.hygiene, v.final_sale
          from order_lines l
          join variants v on v.shop_id = l.shop_id and v.id = l.variant_id
          join products p on p.shop_id = v.shop_id and p.id = v.product_id
          where l.shop_id = ${shopId} and l.order_id = any(${uuids(orderIds)})
          order by l.order_id, l.line_no`,
    );
    return rows.map((r) => ({
      id: r.id as string,
      orderId: r.order_id as string,
      lineNo: Number(r.line_no),
      sku: r.sku as string,
      title: r.title as string,
      quantity: Number(r.quantity),
      unitPriceMinor: Number(r.unit_price_minor),
      lineDiscountMinor: Number(r.line_discount_minor),
      orderDiscountShareMinor: Number(r.order_discount_share_minor),
      taxMinor: Number(r.tax_minor),
      paidMinor: Number(r.paid_minor),
      category: (r.category as string | null) ?? null,
      customMade: Boolean(r.custom_made),
      perishable: Boolean(r.perishable),
      digital: Boolean(r.digital),
      hygiene: Boolean(r.hygiene),
      finalSale: Boolean(r.final_sale),
    }));
  },

  /** Every item of every case on these orders (the replayed cases and the others that held units). */
  async items(db: Executor, shopId: string, orderIds: string[]): Promise<HistoryItem[]> {
    if (orderIds.length === 0) return [];
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`select i.case_id, c.order_id, c.created_at, c.status, c.closed_at, i.order_line_id, i.quantity, i.reason_code, i.condition
          from return_cases c
          join return_items i on i.shop_id = c.shop_id and i.case_id = c.id
          where c.shop_id = ${shopId} and c.order_id = any(${uuids(orderIds)})
          order by i.created_at, i.id`,
    );
    return rows.map((r) => ({
      caseId: r.case_id as string,
      orderId: r.order_id as string,
      caseCreatedAt: date(r.created_at as Date | string),
      caseStatus: r.status as string,
      caseClosedAt: dateOrNull(r.closed_at as Date | string | null),
      lineId: r.order_line_id as string,
      quantity: Number(r.quantity),
      reasonCode: r.reason_code as string,
      condition: r.condition as ItemCondition,
    }));
  },

  /** Refunds paid or on their way on these orders, one row per refund line. */
  async refunds(db: Executor, shopId: string, orderIds: string[]): Promise<HistoryRefund[]> {
    if (orderIds.length === 0) return [];
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`select r.id, r.case_id, r.order_id, r.created_at, r.amount_minor, r.shipping_minor, rl.order_line_id, rl.quantity, rl.amount_minor as line_amount_minor
          from refunds r
          left join refund_lines rl on rl.shop_id = r.shop_id and rl.refund_id = r.id
          where r.shop_id = ${shopId} and r.order_id = any(${uuids(orderIds)}) and r.status in ('pending', 'succeeded')`,
    );
    return rows.map((r) => ({
      refundId: r.id as string,
      caseId: r.case_id as string,
      orderId: r.order_id as string,
      createdAt: date(r.created_at as Date | string),
      amountMinor: Number(r.amount_minor),
      shippingMinor: Number(r.shipping_minor),
      lineId: (r.order_line_id as string | null) ?? null,
      lineQuantity: Number(r.quantity ?? 0),
      lineAmountMinor: Number(r.line_amount_minor ?? 0),
    }));
  },
};
