import { and, asc, desc, eq, lt, lte, or, sql } from 'drizzle-orm';
import { anyOf } from '../bulk.js';
import { queryRows, type Executor } from '../client.js';
import type { RejectionCode } from '../../domain/cases/rejection-reasons.js';
import type { ShippingPayer } from '../../domain/refunds/compute.js';
import { formatReturnAddress, mailLocaleOf } from '../../domain/mail/templates.js';
import { mailMessages, type ReturnAddressSnapshot } from '../schema/index.js';

export type MailRow = typeof mailMessages.$inferSelect;

/** What an e-mail about a case says, read in one query for a batch of cases. */
export interface CaseMailContext {
  caseId: string;
  rmaNumber: string;
  status: string;
  currency: string;
  refundMethod: 'original' | 'store_credit';
  returnMethod: 'pickup' | 'drop_off' | 'self_ship' | 'none';
  returnShippingPayer: ShippingPayer;
  rejectionReason: string | null;
  rejectionCode: RejectionCode | null;
  orderNumber: string;
  locale: string;
  email: string | null;
  customerName: string | null;
  shopName: string;
  shopSlug: string;
  timezone: string;
  returnAddress: string | null;
  shipBy: Date | null;
  carrier: string | null;
  trackingNumber: string | null;
  /** The order's (or customer's) phone as given, its country for numbers without a code (issue 20). */
  phone: string | null;
  country: string | null;
  offerMinor: number | null;
  /** The shop's last public message on the case: the note that came with an offer. */
  lastShopMessage: string | null;
  notificationSettings: Record<string, unknown> | null;
}

export const mailRepo = {
  async caseContexts(db: Executor, caseIds: string[]): Promise<CaseMailContext[]> {
    if (caseIds.length === 0) return [];
    const rows = await queryRows<Omit<CaseMailContext, 'shipBy' | 'returnAddress'> & { shipBy: string | Date | null; returnAddress: ReturnAddressSnapshot | string | null }>(
      db,
      sql`select c.id as "caseId", c.rma_number as "rmaNumber", c.status, c.currency, c.refund_method as "refundMethod", c.return_method as "returnMethod",
            c.return_shipping_payer as "returnShippingPayer", c.rejection_reason as "rejectionReason", c.rejection_code as "rejectionCode", o.number as "orderNumber", o.locale,
            coalesce(o.email, cu.email) as email, cu.name as "customerName", s.name as "shopName", s.slug as "shopSlug", s.timezone,
            c.return_address as "returnAddress",
            (select min(d.due_at) from deadlines d where d.shop_id = c.shop_id and d.case_id = c.id and d.status = 'pending' and d.kind = 'buyer_ship') as "shipBy",
            r.carrier, r.tracking_number as "trackingNumber",
            coalesce(o.phone, cu.phone) as phone, o.shipping_address->>'country' as country, c.offer_amount_minor as "offerMinor",
            (select m.body from case_messages m where m.shop_id = c.shop_id and m.case_id = c.id and m.visibility = 'public' and m.author_kind = 'staff'
              order by m.created_at desc limit 1) as "lastShopMessage",
            s.settings->'notifications' as "notificationSettings"
          from return_cases c
          join orders o on o.shop_id = c.shop_id and o.id = c.order_id
          join shops s on s.id = c.shop_id
          left join customers cu on cu.shop_id = c.shop_id and cu.id = c.customer_id
          left join lateral (select carrier, tracking_number from return_shipments rs where rs.shop_id = c.shop_id and rs.case_id = c.id and rs.direction = 'replacement'
                             order by rs.created_at desc limit 1) r on true
          where ${anyOf(sql`c.id`, caseIds, 'uuid')}`,
    );
    return rows.map((r) => ({
      ...r,
      shipBy: r.shipBy === null ? null : new Date(r.shipBy),
      // bigint arrives as text from a raw query: minor units, integral.
      offerMinor: r.offerMinor === null ? null : Number(r.offerMinor),
      // The address the case was approved with (issue 13), written in the buyer's language.
      returnAddress: formatReturnAddress(typeof r.returnAddress === 'string' ? (JSON.parse(r.returnAddress) as ReturnAddressSnapshot) : r.returnAddress, mailLocaleOf(r.locale)),
    }));
  },
  async insert(db: Executor, rows: (typeof mailMessages.$inferInsert)[]) {
    if (rows.length > 0) await db.insert(mailMessages).values(rows).onConflictDoNothing();
  },
  async claimDue(db: Executor, now: Date, limit: number): Promise<MailRow[]> {
    return db
      .select()
      .from(mailMessages)
      .where(and(eq(mailMessages.status, 'pending'), lte(mailMessages.nextAttemptAt, now)))
      .orderBy(asc(mailMessages.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
  },
  async update(db: Executor, m: Pick<MailRow, 'shopId' | 'id'>, set: Partial<typeof mailMessages.$inferInsert>) {
    await db.update(mailMessages).set(set).where(and(eq(mailMessages.shopId, m.shopId), eq(mailMessages.id, m.id)));
  },
  /** The dev mailbox and the delivery log: newest first. */
  async list(db: Executor, shopId: string, filter: { caseId?: string }, cursor: { createdAt: Date; id: string } | undefined, limit: number): Promise<MailRow[]> {
    return db
      .select()
      .from(mailMessages)
      .where(
        and(
          eq(mailMessages.shopId, shopId),
          filter.caseId ? eq(mailMessages.caseId, filter.caseId) : undefined,
          cursor ? or(lt(mailMessages.createdAt, cursor.createdAt), and(eq(mailMessages.createdAt, cursor.createdAt), lt(mailMessages.id, cursor.id))) : undefined,
        ),
      )
      .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
      .limit(limit);
  },
};
