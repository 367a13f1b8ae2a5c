import { sql } from 'drizzle-orm';
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

/** Orders the demo can open cases for: paid, not cancelled, without a case yet; most recently delivered first. */
export const consoleDemoRepo = {
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
};
