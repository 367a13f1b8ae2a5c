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
};
