import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.js';
import { batchOf } from '../write-batch.js';
import { analyticsFacts } from '../schema/index.js';
import { uuids } from './analytics-families.js';

/**
 * Analytics facts (docs/analytics.md): what a case or refund write appends instead of computing
 * its analytics, folded later into the deltas. Writers insert; folders claim by deleting.
 */
export type FactKind = 'case_opened' | 'case_ended' | 'decision' | 'refund_succeeded' | 'compensation_granted';

export interface FactRow {
  shopId: string;
  kind: FactKind;
  caseId: string;
  orderId: string;
  eventId: string | null;
  refundId: string | null;
  /** `compensation_granted`: the compensation row. */
  compensationId?: string | null;
  cancelled: boolean;
  firstRefund: boolean;
}

export interface ClaimedFact {
  kind: FactKind;
  case_id: string;
  event_id: string | null;
  refund_id: string | null;
  compensation_id: string | null;
  cancelled: boolean;
  first_refund: boolean;
}

/** Facts whose fold reads the order's analytics state: their write must serialise with order writes. */
export const readsOrderState = (f: FactRow) => f.kind === 'case_opened' || f.kind === 'case_ended';

/**
 * The INSERT of fact rows, with the order's share lock when a fact needs it (`orderShareLockSql`,
 * as an uncorrelated one-row subquery: PostgreSQL runs it once, before the rows go in). Usable
 * alone or as a data-modifying CTE of a larger write (`facts as (${insertFactsSql(rows)})`).
 */
export function insertFactsSql(rows: readonly FactRow[]): SQL {
  const values = rows.map(
    (r) => sql`(${r.shopId}::uuid, ${r.kind}::text, ${r.caseId}::uuid, ${r.orderId}::uuid, ${r.eventId}::uuid, ${r.refundId}::uuid, ${r.compensationId ?? null}::uuid, ${r.cancelled}::boolean, ${r.firstRefund}::boolean)`,
  );
  const locked = [...new Set(rows.filter(readsOrderState).map((r) => r.orderId))];
  const lock = locked.length ? sql` cross join (select count(*) from (${orderShareLockSql(rows[0]!.shopId, locked)}) o) l` : sql``;
  return sql`insert into analytics_facts (shop_id, kind, case_id, order_id, event_id, refund_id, compensation_id, cancelled, first_refund)
    select v.* from (values ${sql.join(values, sql`, `)}) v${lock}`;
}

/**
 * The share lock a write that appends `case_opened` or `case_ended` must hold on its order's row
 * until it commits. An order write holds that row locked (FOR UPDATE) from before it re-counts
 * the order's cases until it commits, so the case write commits either before the order write
 * folds the order's facts or after it commits — never between its fold and its re-count. The
 * `orders` row (rather than `analytics_order_state`) also covers orders analytics has not counted
 * yet. `insertFactsSql` includes it; as a CTE of its own it must be referenced, or PostgreSQL
 * skips an unreferenced SELECT CTE.
 */
export function orderShareLockSql(shopId: string, orderIds: readonly string[]): SQL {
  return sql`select id from orders where shop_id = ${shopId} and id = any(${uuids(orderIds)}) order by id for share`;
}

export const analyticsFactsRepo = {
  /** Appends facts: in the transaction's write batch when it has one (sent with the use case's other writes), else at once. */
  async append(db: Executor, rows: readonly FactRow[]): Promise<void> {
    if (rows.length === 0) return;
    const batch = batchOf(db);
    if (batch) batch.add(insertFactsSql(rows), analyticsFacts);
    else await db.execute(insertFactsSql(rows));
  },

  /**
   * Claims (deletes) pending facts of the shop, oldest first, at most `limit` (or those of some
   * orders). A fact another transaction is claiming is waited for and then skipped, so each fact
   * is folded once, by the transaction that deleted it.
   */
  async claim(db: Executor, shopId: string, options: { orderIds?: readonly string[]; limit?: number } = {}): Promise<ClaimedFact[]> {
    const orders = options.orderIds ? sql` and order_id = any(${uuids(options.orderIds)})` : sql``;
    const where =
      options.limit === undefined
        ? sql`shop_id = ${shopId}${orders}`
        : sql`shop_id = ${shopId} and id in (select id from analytics_facts where shop_id = ${shopId}${orders} order by id limit ${options.limit})`;
    return queryRows<ClaimedFact>(db, sql`delete from analytics_facts where ${where} returning kind, case_id, event_id, refund_id, compensation_id, cancelled, first_refund`);
  },

  async pending(db: Executor, shopId: string): Promise<boolean> {
    const [row] = await queryRows<{ pending: boolean }>(db, sql`select exists (select 1 from analytics_facts where shop_id = ${shopId}) as pending`);
    return row?.pending ?? false;
  },

  async shopsWithFacts(db: Executor): Promise<string[]> {
    return (await queryRows<{ shop_id: string }>(db, sql`select distinct shop_id from analytics_facts`)).map((r) => r.shop_id);
  },

  /** A data-modifying CTE dropping the shop's pending facts: a rebuild runs it in the statement that reads the raw rows (one snapshot). */
  discardCte(shopId: string): SQL {
    return sql`discarded_facts as (delete from analytics_facts where shop_id = ${shopId})`;
  },
};
