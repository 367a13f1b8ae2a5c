import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.js';

const iso = (d: Date) => d.toISOString();

/** The day's figures of the console's Today page. */
export const consoleDashboardRepo = {
  /** Cases opened since `since`, and of them how many wait for a decision. */
  async requestsSince(db: Executor, shopId: string, since: Date) {
    const [row] = await queryRows<{ created: number; waiting: number }>(
      db,
      sql`select count(*)::int as created, count(*) filter (where status = 'requested')::int as waiting
          from return_cases where shop_id = ${shopId} and created_at >= ${iso(since)}::timestamptz`,
    );
    return row ?? { created: 0, waiting: 0 };
  },

  /** Refunds paid since `since` (count and amount, per currency), and those still waiting to be paid. */
  async refundsSince(db: Executor, shopId: string, since: Date) {
    const paid = await queryRows<{ currency: string; count: number; amount_minor: number }>(
      db,
      sql`select currency, count(*)::int as count, coalesce(sum(amount_minor + compensation_minor), 0)::bigint as amount_minor
          from refunds where shop_id = ${shopId} and status = 'succeeded' and settled_at >= ${iso(since)}::timestamptz
          group by currency order by currency`,
    );
    const [pending] = await queryRows<{ count: number; manual: number; failed: number }>(
      db,
      sql`select count(*) filter (where status = 'pending')::int as count,
                 count(*) filter (where status = 'pending' and provider = 'manual')::int as manual,
                 count(*) filter (where status = 'failed')::int as failed
          from refunds where shop_id = ${shopId} and status in ('pending', 'failed')`,
    );
    return { paid, pending: pending ?? { count: 0, manual: 0, failed: 0 } };
  },

  /**
   * The simple quality refund rate: cases requested since `since` with at least one item whose
   * reason is a quality reason, and that were refunded (or are being refunded), against orders
   * paid since `since`.
   */
  async qualityRate(db: Executor, shopId: string, since: Date, qualityCodes: string[]) {
    const codes = qualityCodes.length ? sql.join(qualityCodes.map((c) => sql`${c}`), sql`, `) : sql`null`;
    const [row] = await queryRows<{ quality_cases: number; paid_orders: number }>(
      db,
      sql`select
            (select count(*)::int from return_cases c
              where c.shop_id = ${shopId} and c.created_at >= ${iso(since)}::timestamptz
                and (c.status in ('refund_pending', 'completed') or c.refunded_minor > 0)
                and exists (select 1 from return_items i where i.shop_id = c.shop_id and i.case_id = c.id and i.reason_code in (${codes}))) as quality_cases,
            (select count(*)::int from orders o where o.shop_id = ${shopId} and o.paid_at >= ${iso(since)}::timestamptz) as paid_orders`,
    );
    return row ?? { quality_cases: 0, paid_orders: 0 };
  },
};
