import { sql } from 'drizzle-orm';
import { pgArrayLiteral } from '../bulk.js';
import { queryRows, type Executor } from '../client.js';

export interface DemoOrderCandidate {
  id: string;
  number: string;
  locale: string;
  customer_id: string | null;
  paid_at: Date | string;
  shipped_at: Date | string | null;
  delivered_at: Date | string | null;
}

export interface DemoHistoryLine {
  order_id: string;
  customer_id: string | null;
  currency: string;
  total_minor: number;
  delivered_at: Date | string;
  line_id: string;
  quantity: number;
  paid_minor: number;
  tax_minor: number;
  line_discount_minor: number;
  order_discount_share_minor: number;
  category: string | null;
  attributes: Record<string, string>;
  custom_made: boolean;
  perishable: boolean;
  digital: boolean;
  hygiene: boolean;
}

export const consoleDemoRepo = {
  /** Orders the demo can open cases for: paid, not cancelled, without a case yet; most recently delivered first. */
  async candidateOrders(db: Executor, shopId: string): Promise<DemoOrderCandidate[]> {
    return queryRows<DemoOrderCandidate>(
      db,
      sql`select o.id, o.number, o.locale, o.customer_id, o.paid_at, o.shipped_at, o.delivered_at
          from orders o
          where o.shop_id = ${shopId} and o.paid_at is not null and o.cancelled_at is null
            and not exists (select 1 from return_cases c where c.shop_id = o.shop_id and c.order_id = o.id)
          order by o.delivered_at desc nulls first, o.number`,
    );
  },

  /** Lines of orders delivered before a moment that have no case yet, oldest first, with what the catalogue says of them. */
  async historyLines(db: Executor, shopId: string, deliveredBefore: Date): Promise<DemoHistoryLine[]> {
    const rows = await queryRows<DemoHistoryLine>(
      db,
      sql`select o.id as order_id, o.customer_id, o.currency, o.total_minor, o.delivered_at, l.id as line_id, l.quantity, l.paid_minor, l.tax_minor,
                 l.line_discount_minor, l.order_discount_share_minor, p.category, v.attributes, v.custom_made, v.perishable, v.digital, v.hygiene
          from orders o
          join order_lines l on l.shop_id = o.shop_id and l.order_id = o.id
          join variants v on v.shop_id = l.shop_id and v.id = l.variant_id
          join products p on p.shop_id = v.shop_id and p.id = v.product_id
          where o.shop_id = ${shopId} and o.paid_at is not null and o.cancelled_at is null and o.delivered_at < ${deliveredBefore}
            and not exists (select 1 from return_cases c where c.shop_id = o.shop_id and c.order_id = o.id)
          order by o.delivered_at, o.number, l.line_no`,
    );
    return rows.map((r) => ({ ...r, total_minor: Number(r.total_minor), paid_minor: Number(r.paid_minor), tax_minor: Number(r.tax_minor), line_discount_minor: Number(r.line_discount_minor), order_discount_share_minor: Number(r.order_discount_share_minor) }));
  },

  /**
   * Shifts each named order (without a case, delivered more than a day before its target) and
   * its shipments so that it was delivered at the target; the other dates move with it.
   */
  async moveShowcase(db: Executor, shopId: string, targets: readonly { number: string; deliveredAt: Date }[], now: Date): Promise<string[]> {
    const rows = await queryRows<{ number: string }>(
      db,
      sql`with target as (select * from unnest(${pgArrayLiteral(targets.map((t) => t.number), 'text')}::text[],
                                              ${pgArrayLiteral(targets.map((t) => t.deliveredAt.toISOString()), 'timestamptz')}::timestamptz[]) as t(number, delivered_at)),
          stale as (
            select o.id, t.delivered_at - o.delivered_at as delta
            from orders o join target t on t.number = o.number
            where o.shop_id = ${shopId} and o.delivered_at < t.delivered_at - interval '1 day'
              and not exists (select 1 from return_cases c where c.shop_id = o.shop_id and c.order_id = o.id)),
          moved_shipments as (
            update shipments s set shipped_at = s.shipped_at + st.delta, delivered_at = s.delivered_at + st.delta, updated_at = ${now}
            from stale st where s.shop_id = ${shopId} and s.order_id = st.id returning s.id)
          update orders o set placed_at = o.placed_at + st.delta, paid_at = o.paid_at + st.delta, shipped_at = o.shipped_at + st.delta,
                 delivered_at = o.delivered_at + st.delta, version = o.version + 1, updated_at = ${now}
          from stale st where o.shop_id = ${shopId} and o.id = st.id
          returning o.number`,
    );
    return rows.map((r) => r.number).sort();
  },
};
