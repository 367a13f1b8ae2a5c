import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.js';
import { MEASURES } from '../schema/analytics.js';
import { uuids, type Family, type Scope } from './analytics-families.js';

/**
 * Writing the analytics cube. Hooks in the order and case write paths append deltas (insert
 * only: no row of the cube is locked by a busy shop's order or case traffic); bulk writers and
 * the rebuild add to the rollups directly; `compact` folds deltas into the rollups.
 */
const M = MEASURES.join(', ');
const sumsOf = (alias = '') => sql.raw(MEASURES.map((m) => `sum(${alias}${m}) as ${m}`).join(', '));
const addExcluded = (table: string, columns: readonly string[]) => sql.raw(columns.map((m) => `${m} = ${table}.${m} + excluded.${m}`).join(', '));
const CUBE_KEY = 'shop_id, grain, level, channel, reason, variant_id, bucket';
const CUSTOMER = ['orders', 'sold_units', 'sold_value_minor', 'returned_units', 'returned_value_minor', 'cases_requested', 'refunded_minor'] as const;

/** Transaction-level lock of a shop's analytics: shared by writers, exclusive for a rebuild. */
const lockKey = (shopId: string) => sql`hashtextextended(${`${shopId}:analytics`}, 0)`;

export interface TrackedShop extends Scope {
  needsRebuild: boolean;
}

export interface OrderState {
  order_id: string;
  sold: boolean;
  counts_value: boolean;
  channel: string;
  customer_id: string | null;
  placed_day: string;
  paid_day: string | null;
}

export const analyticsRollupsRepo = {
  async lockShared(db: Executor, shopId: string) {
    await db.execute(sql`select pg_advisory_xact_lock_shared(${lockKey(shopId)})`);
  },
  async lockExclusive(db: Executor, shopId: string) {
    await db.execute(sql`select pg_advisory_xact_lock(${lockKey(shopId)})`);
  },

  /**
   * The shop's analytics settings (time zone and currency the cube is written in), recorded on
   * its first analytics write. If the shop then already has orders analytics never counted
   * (other than `writing`), it is marked for a rebuild.
   */
  async track(db: Executor, shopId: string, writing: readonly string[] = []): Promise<TrackedShop> {
    const read = () =>
      queryRows<{ timezone: string; currency: string; needs_rebuild: boolean }>(db, sql`select timezone, currency, needs_rebuild from analytics_shops where shop_id = ${shopId}`);
    let [row] = await read();
    if (!row) {
      await db.execute(sql`
        insert into analytics_shops (shop_id, timezone, currency, needs_rebuild)
        select s.id, s.timezone, s.currency,
          exists (select 1 from orders o where o.shop_id = s.id and not (o.id = any(${uuids(writing)}))
                  and not exists (select 1 from analytics_order_state a where a.shop_id = o.shop_id and a.order_id = o.id))
        from shops s where s.id = ${shopId}
        on conflict (shop_id) do nothing`);
      [row] = await read();
    }
    if (!row) throw new Error(`No shop ${shopId}`);
    return { shopId, timezone: row.timezone, currency: row.currency, needsRebuild: row.needs_rebuild };
  },

  async markForRebuild(db: Executor, shopId: string) {
    await db.execute(sql`update analytics_shops set needs_rebuild = true where shop_id = ${shopId}`);
  },

  /** Shops whose cube must be rebuilt: marked, or written in another time zone or currency than the shop's now. */
  async shopsToRebuild(db: Executor): Promise<string[]> {
    const rows = await queryRows<{ shop_id: string }>(
      db,
      sql`select a.shop_id from analytics_shops a join shops s on s.id = a.shop_id
          where a.needs_rebuild or a.timezone <> s.timezone or a.currency <> s.currency`,
    );
    return rows.map((r) => r.shop_id);
  },

  async shopState(db: Executor, shopId: string) {
    const [row] = await queryRows<{ timezone: string; currency: string; needs_rebuild: boolean; rebuilt_at: Date | null }>(
      db,
      sql`select timezone, currency, needs_rebuild, rebuilt_at from analytics_shops where shop_id = ${shopId}`,
    );
    return row;
  },

  async orderStates(db: Executor, shopId: string, orderIds: readonly string[], lock: 'update' | 'share' | null): Promise<OrderState[]> {
    const tail = lock === 'update' ? sql` for update` : lock === 'share' ? sql` for share` : sql``;
    return queryRows<OrderState>(
      db,
      sql`select order_id, sold, counts_value, channel, customer_id, placed_day::text as placed_day, paid_day::text as paid_day
          from analytics_order_state where shop_id = ${shopId} and order_id = any(${uuids(orderIds)}) order by order_id${tail}`,
    );
  },

  /** An order's state as analytics counted it (locked for update) and as it is now, in one round trip. */
  async orderStateChange(db: Executor, s: Scope, orderId: string): Promise<{ old: OrderState | undefined; fresh: OrderState | undefined }> {
    const rows = await queryRows<OrderState & { which: 'old' | 'fresh' }>(
      db,
      sql`with old as (select 'old' as which, order_id, sold, counts_value, channel, customer_id, placed_day::text as placed_day, paid_day::text as paid_day
                       from analytics_order_state where shop_id = ${s.shopId} and order_id = ${orderId} for update)
          select * from old union all select 'fresh', * from (${stateSelect(s, sql`o.id = ${orderId}`)}) f`,
    );
    const pick = (w: string) => {
      const r = rows.find((x) => x.which === w);
      if (!r) return undefined;
      const { which: _which, ...state } = r;
      return state;
    };
    return { old: pick('old'), fresh: pick('fresh') };
  },

  /** What the orders' state is now (not written). */
  async currentOrderStates(db: Executor, s: Scope, orderIds: readonly string[]): Promise<OrderState[]> {
    return queryRows<OrderState>(db, sql`select * from (${stateSelect(s, sql`o.id = any(${uuids(orderIds)})`)}) x order by order_id`);
  },

  /** Writes the orders' state as it is now (`where` narrows orders, alias o). */
  async writeOrderStates(db: Executor, s: Scope, where: SQL) {
    await db.execute(sql`
      insert into analytics_order_state (shop_id, order_id, sold, counts_value, channel, customer_id, placed_day, paid_day)
      select ${s.shopId}, order_id, sold, counts_value, channel, customer_id, placed_day::date, paid_day::date from (${stateSelect(s, where)}) x
      on conflict (shop_id, order_id) do update set sold = excluded.sold, counts_value = excluded.counts_value, channel = excluded.channel,
        customer_id = excluded.customer_id, placed_day = excluded.placed_day, paid_day = excluded.paid_day`);
  },

  async casesOfOrders(db: Executor, shopId: string, orderIds: readonly string[]): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(db, sql`select id from return_cases where shop_id = ${shopId} and order_id = any(${uuids(orderIds)})`);
    return rows.map((r) => r.id);
  },

  /**
   * Adds families' rows: to the deltas ('delta'), or straight into the rollups ('direct'), or —
   * 'fresh', for a rebuild that cleared the shop under its exclusive lock — by plain inserts (no
   * conflict is possible: each key is written once). The per-buyer tables are updated in the
   * same statement either way; `also`, a data-modifying CTE, runs in it too (same snapshot).
   * Only the measures the
   * families count are carried; day rows are summed first, then months and the all-channel rows
   * from them (each stage smaller than the last).
   */
  async apply(db: Executor, s: Scope, families: readonly Family[], mode: 'delta' | 'direct' | 'fresh', also?: SQL): Promise<void> {
    if (families.length === 0) return;
    const used = MEASURES.filter((m) => families.some((f) => f.measures.includes(m)));
    const list = (prefix = '') => sql.raw(used.map((m) => `${prefix}${m}`).join(', '));
    const sums = (alias: string) => sql.raw(used.map((m) => `sum(${alias}.${m})::bigint as ${m}`).join(', '));
    const nonZero = (alias: string) => sql.raw(used.map((m) => `sum(${alias}.${m}) <> 0`).join(' or '));
    const KEY = 'level, channel, reason, variant_id, bucket, seconds';
    const upsert = (tail: SQL) => (mode === 'fresh' ? sql`` : tail);
    const cube =
      mode === 'delta'
        ? sql`cube as (insert into analytics_deltas (${sql.raw(CUBE_KEY)}, seconds, ${list()})
                select ${s.shopId}, grain, ${sql.raw(KEY)}, ${list()} from exp)`
        : sql`cube as (insert into analytics_rollups (${sql.raw(CUBE_KEY)}, ${list()})
                select ${s.shopId}, grain, level, channel, reason, variant_id, bucket, ${list()} from exp where seconds = -1
                order by grain, level, channel, reason, variant_id, bucket
                ${upsert(sql`on conflict (${sql.raw(CUBE_KEY)}) do update set ${addExcluded('analytics_rollups', used)}`)})${
                  used.includes('refunded_cases')
                    ? sql`, times as (insert into analytics_refund_times (${sql.raw(CUBE_KEY)}, seconds, cases)
                select ${s.shopId}, grain, level, channel, reason, variant_id, bucket, seconds, refunded_cases from exp where seconds >= 0
                order by grain, level, channel, reason, variant_id, bucket, seconds
                ${upsert(sql`on conflict (${sql.raw(CUBE_KEY)}, seconds) do update set cases = analytics_refund_times.cases + excluded.cases`)})`
                    : sql``
                }`;
    const customer = CUSTOMER.filter((m) => used.includes(m));
    // Buyers' months are written month by month (as they arrive in production), so a period's rows lie together on disk.
    const customerSums = sql.raw(customer.map((m) => `sum(f.${m})::bigint`).join(', '));
    const perBuyer =
      customer.length === 0
        ? sql``
        : sql`, months as (insert into analytics_customer_months (shop_id, customer_id, month, channel, ${sql.raw(customer.join(', '))})
            select ${s.shopId}, f.customer_id, f.month, f.channel, ${customerSums}
            from fine f group by 2, 3, 4 order by 3, 2, 4
            ${upsert(sql`on conflict (shop_id, customer_id, month, channel) do update set ${addExcluded('analytics_customer_months', customer)}`)}),
          totals as (insert into analytics_customer_totals (shop_id, customer_id, ${sql.raw(customer.join(', '))})
            select ${s.shopId}, f.customer_id, ${customerSums} from fine f group by 2 order by 2
            ${upsert(sql`on conflict (shop_id, customer_id) do update set ${addExcluded('analytics_customer_totals', customer)}`)})`;
    // Bulk statements sum millions of rows: room to hash them in memory (this transaction only).
    if (mode !== 'delta') await db.execute(sql`select set_config('work_mem', ${mode === 'fresh' ? '512MB' : '64MB'}, true), set_config('jit', 'off', true)`);
    // Each family is summed on its own narrow rows (shop rows by day, variant rows by month), then
    // the sums are put side by side: the wide union only ever holds already-summed rows.
    const padded = (f: Family, i: number, from: string, where: string) =>
      sql`select level, channel, reason, variant_id, bucket, seconds, ${sql.raw(used.map((m) => (f.measures.includes(m) ? `${m}` : `0::bigint as ${m}`)).join(', '))}
          from ${sql.raw(`${from}${i}`)} ${sql.raw(where)}`;
    const familyCtes = families.map(
      (f, i) => sql`${sql.raw(`f${i}`)} as materialized (${f.sql}),
        ${sql.raw(`a${i}`)} as (select f.level, f.channel, f.reason, f.variant_id,
            case when f.level = 0 then f.day else date_trunc('month', f.day::timestamp)::date end as bucket, f.seconds,
            ${sql.raw(f.measures.map((m) => `sum(f.${m})::bigint as ${m}`).join(', '))}
          from ${sql.raw(`f${i}`)} f group by 1, 2, 3, 4, 5, 6)`,
    );
    const buyerRows = families
      .map((f, i) => ({ f, i }))
      .filter(({ f }) => f.measures.some((m) => (CUSTOMER as readonly string[]).includes(m)))
      .map(
        ({ f, i }) =>
          sql`select customer_id, date_trunc('month', day::timestamp)::date as month, channel, ${sql.raw(customer.map((m) => (f.measures.includes(m) ? `${m}::bigint as ${m}` : `0::bigint as ${m}`)).join(', '))}
              from ${sql.raw(`f${i}`)} where level = 0 and reason = '' and seconds = -1 and customer_id is not null`,
      );
    const buyerCte = buyerRows.length ? sql`, fine as materialized (${sql.join(buyerRows, sql` union all `)})` : sql``;
    await db.execute(sql`
      with ${sql.join(familyCtes, sql`, `)},
      agg as materialized (select level, channel, reason, variant_id, bucket, seconds, ${sums('u')}
        from (${sql.join(families.map((f, i) => padded(f, i, 'a', '')), sql` union all `)}) u
        group by 1, 2, 3, 4, 5, 6 having ${nonZero('u')}),
      d as (select * from agg where level = 0),
      m as (select level, channel, reason, variant_id, date_trunc('month', bucket::timestamp)::date as bucket, seconds, ${sums('agg')}
        from agg group by 1, 2, 3, 4, 5, 6),
      exp as (
        select 'day' as grain, ${sql.raw(KEY)}, ${list()} from d
        union all
        select 'day', d.level, '', d.reason, d.variant_id, d.bucket, d.seconds, ${sums('d')} from d group by 2, 4, 5, 6, 7
        union all
        select 'month', ${sql.raw(KEY)}, ${list()} from m
        union all
        select 'month', m.level, '', m.reason, m.variant_id, m.bucket, m.seconds, ${sums('m')} from m group by 2, 4, 5, 6, 7)${buyerCte},
      ${cube}${perBuyer}${also ? sql`, ${also}` : sql``}
      select 1`);
  },

  /** Folds the shop's deltas into the rollups; returns how many delta rows it folded. */
  async compact(db: Executor, shopId: string): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`with moved as (delete from analytics_deltas where shop_id = ${shopId} returning grain, level, channel, reason, variant_id, bucket, seconds, ${sql.raw(M)}),
        agg as (select grain, level, channel, reason, variant_id, bucket, seconds, count(*) as n, ${sumsOf()} from moved group by 1, 2, 3, 4, 5, 6, 7),
        cube as (insert into analytics_rollups (${sql.raw(CUBE_KEY)}, ${sql.raw(M)})
          select ${shopId}, grain, level, channel, reason, variant_id, bucket, ${sql.raw(M)} from agg where seconds = -1
          order by grain, level, channel, reason, variant_id, bucket
          on conflict (${sql.raw(CUBE_KEY)}) do update set ${addExcluded('analytics_rollups', MEASURES)}),
        times as (insert into analytics_refund_times (${sql.raw(CUBE_KEY)}, seconds, cases)
          select ${shopId}, grain, level, channel, reason, variant_id, bucket, seconds, refunded_cases from agg where seconds >= 0
          order by grain, level, channel, reason, variant_id, bucket, seconds
          on conflict (${sql.raw(CUBE_KEY)}, seconds) do update set cases = analytics_refund_times.cases + excluded.cases)
        select coalesce(sum(n), 0)::int as n from agg`,
    );
    return row?.n ?? 0;
  },

  async shopsWithDeltas(db: Executor): Promise<string[]> {
    return (await queryRows<{ shop_id: string }>(db, sql`select distinct shop_id from analytics_deltas`)).map((r) => r.shop_id);
  },

  /** Removes every analytics row of the shop (before a rebuild). */
  async clear(db: Executor, shopId: string) {
    for (const table of ['analytics_deltas', 'analytics_rollups', 'analytics_refund_times', 'analytics_customer_months', 'analytics_customer_totals', 'analytics_order_state']) {
      await db.execute(sql`delete from ${sql.raw(table)} where shop_id = ${shopId}`);
    }
  },

  async resetShop(db: Executor, shopId: string, now: Date) {
    await db.execute(sql`
      insert into analytics_shops (shop_id, timezone, currency, needs_rebuild, rebuilt_at)
      select id, timezone, currency, false, ${now} from shops where id = ${shopId}
      on conflict (shop_id) do update set timezone = excluded.timezone, currency = excluded.currency, needs_rebuild = false, rebuilt_at = excluded.rebuilt_at`);
  },

  /** Fresh planner statistics for the tables bulk writes filled (PostgreSQL and PGlite keep stale ones otherwise). */
  async analyze(db: Executor, tables: readonly string[]) {
    await db.execute(sql.raw(`analyze ${tables.join(', ')}`));
  },
};

function stateSelect(s: Scope, where: SQL) {
  return sql`select o.id as order_id, (o.paid_at is not null and o.cancelled_at is null) as sold, o.currency = ${s.currency} as counts_value,
      o.channel, o.customer_id, ((o.placed_at at time zone ${s.timezone})::date)::text as placed_day,
      ((o.paid_at at time zone ${s.timezone})::date)::text as paid_day
    from orders o where o.shop_id = ${s.shopId} and ${where}`;
}

export const analyticsLookupsRepo = {
  async shops(db: Executor): Promise<{ id: string; slug: string }[]> {
    return queryRows(db, sql`select id, slug from shops order by slug`);
  },
  async untrackedOrderIds(db: Executor, shopId: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select o.id from orders o where o.shop_id = ${shopId} and not exists (select 1 from analytics_order_state a where a.shop_id = o.shop_id and a.order_id = o.id)`,
    );
    return rows.map((r) => r.id);
  },
};
