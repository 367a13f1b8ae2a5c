import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.js';
import type { PlatformRefundLine } from '../schema/index.js';

/** A refund the storefront made, as mapped from its payload (ids are the platform's). */
export interface PlatformRefundInput {
  id: string;
  orderExternalId: string;
  externalId: string;
  currency: string;
  amountMinor: number;
  shippingMinor: number;
  lines: PlatformRefundLine[];
  refundedAt: string | null;
}

/** What a refund push needs of the ledger row's order and case: platform ids, units, dispositions. */
export interface RefundPushFacts {
  orderExternalId: string;
  orderNumber: string;
  currency: string;
  shippingMinor: number;
  lines: { lineExternalId: string | null; quantity: number; amountMinor: number; taxMinor: number; lineQuantity: number; disposition: string | null }[];
}

export const platformRefundsRepo = {
  /**
   * Records a page of platform refunds in one statement: each joins its order by the platform's
   * id; refunds already recorded, of orders Retour does not have, or that Retour itself pushed
   * (the platform's id is a ledger row's provider_ref) are skipped. Returns how many were new.
   */
  async insertMany(db: Executor, shopId: string, connectionId: string, channel: string, refunds: PlatformRefundInput[], now: Date): Promise<number> {
    if (refunds.length === 0) return 0;
    const rows = await queryRows<{ id: string }>(
      db,
      sql`insert into platform_refunds (shop_id, id, order_id, connection_id, external_id, currency, amount_minor, shipping_minor, lines, refunded_at, created_at)
          select ${shopId}::uuid, r.id, o.id, ${connectionId}::uuid, r.external_id, r.currency, r.amount_minor, r.shipping_minor, r.lines, r.refunded_at, ${now}::timestamptz
          from jsonb_to_recordset(${JSON.stringify(
            refunds.map((r) => ({
              id: r.id,
              order_external_id: r.orderExternalId,
              external_id: r.externalId,
              currency: r.currency,
              amount_minor: r.amountMinor,
              shipping_minor: r.shippingMinor,
              lines: r.lines,
              refunded_at: r.refundedAt,
            })),
          )}::jsonb) as r(id uuid, order_external_id text, external_id text, currency text, amount_minor bigint, shipping_minor bigint, lines jsonb, refunded_at timestamptz)
          join orders o on o.shop_id = ${shopId}::uuid and o.channel = ${channel} and o.external_id = r.order_external_id
          where not exists (select 1 from refunds x where x.shop_id = o.shop_id and x.order_id = o.id and x.provider_ref = r.external_id)
          on conflict (shop_id, order_id, external_id) do nothing
          returning id`,
    );
    return rows.length;
  },

  async ofOrder(db: Executor, shopId: string, orderId: string) {
    return queryRows<{ external_id: string; amount_minor: string; shipping_minor: string; lines: PlatformRefundLine[] }>(
      db,
      sql`select external_id, amount_minor, shipping_minor, lines from platform_refunds where shop_id = ${shopId} and order_id = ${orderId} order by created_at, id`,
    );
  },

  /** One read: the order's platform id, the refund's lines with their platform ids and the inspection's disposition. */
  async pushFacts(db: Executor, shopId: string, refundId: string): Promise<RefundPushFacts | undefined> {
    const [row] = await queryRows<{ order_external_id: string; order_number: string; currency: string; shipping_minor: string; lines: RefundPushFacts['lines'] | null }>(
      db,
      sql`select o.external_id as order_external_id, o.number as order_number, r.currency, r.shipping_minor,
            (select json_agg(json_build_object(
                'lineExternalId', l.external_id, 'quantity', rl.quantity, 'amountMinor', rl.amount_minor, 'taxMinor', l.tax_minor, 'lineQuantity', l.quantity,
                'disposition', (select i.disposition from return_items i where i.shop_id = r.shop_id and i.case_id = r.case_id and i.order_line_id = l.id
                                 order by i.created_at limit 1)) order by l.line_no)
             from refund_lines rl join order_lines l on l.shop_id = rl.shop_id and l.id = rl.order_line_id
             where rl.shop_id = r.shop_id and rl.refund_id = r.id) as lines
          from refunds r join orders o on o.shop_id = r.shop_id and o.id = r.order_id
          where r.shop_id = ${shopId} and r.id = ${refundId}`,
    );
    if (!row) return undefined;
    return {
      orderExternalId: row.order_external_id,
      orderNumber: row.order_number,
      currency: row.currency,
      shippingMinor: Number(row.shipping_minor),
      lines: (row.lines ?? []).map((l) => ({ ...l, amountMinor: Number(l.amountMinor), taxMinor: Number(l.taxMinor) })),
    };
  },
};
