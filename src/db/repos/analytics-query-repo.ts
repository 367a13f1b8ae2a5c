import { sql, type SQL } from 'drizzle-orm';
import { monthOf, splitPeriod, type Day } from '../../domain/analytics/period.js';
import { queryRows, type Executor } from '../client.js';
import type { Measure } from '../schema/analytics.js';
import { pgArrayLiteral } from '../bulk.js';
import { uuids } from './analytics-families.js';

/**
 * Reading the analytics cube: rollups plus the deltas not folded yet, filtered and grouped.
 * Shop-level figures: a period is read as whole months from month rows and its ragged ends from
 * day rows (by day or week, day rows throughout). SKU, product and category figures come from
 * variant rows, kept by month: a year of SKUs costs twelve rows per SKU.
 */
export const GROUPS = ['none', 'day', 'week', 'month', 'sku', 'product', 'category', 'reason', 'channel'] as const;
export type CubeGroup = (typeof GROUPS)[number];

export interface CubeFilter {
  shopId: string;
  /** Local days, both included. */
  from: Day;
  to: Day;
  channel?: string;
  /** Only these variants (a SKU, product or category filter); undefined: all. */
  variantIds?: readonly string[];
  /** Only these reasons; undefined: all. */
  reasons?: readonly string[];
}

export interface CubeQuery extends CubeFilter {
  group: CubeGroup;
  /** Measures that exist only for all reasons together (what was sold, ordered, paid). */
  orderSide: readonly Measure[];
  /** Measures of cases and refunds: filtered by reason when a reason filter is given. */
  caseSide: readonly Measure[];
  /** Sort groups by a measure (or a ratio of two), largest first. */
  sort?: { by: Measure; per?: Measure };
  /** Keep only groups where this measure reaches a value (e.g. sold units ≥ 20 when ranking rates). */
  minimum?: { measure: Measure; value: number };
  limit?: number;
  offset?: number;
}

export type CubeRow = { key: string; totalGroups: number } & Record<Measure, number>;

const SHOP_LEVEL = 0;
const VARIANT_LEVEL = 1;

const isVariantGroup = (g: CubeGroup) => g === 'sku' || g === 'product' || g === 'category';

function keyExpr(group: CubeGroup): SQL {
  switch (group) {
    case 'none':
      return sql`''`;
    case 'day':
      return sql`x.bucket::text`;
    case 'week':
      return sql`date_trunc('week', x.bucket::timestamp)::date::text`;
    case 'month':
      return sql`date_trunc('month', x.bucket::timestamp)::date::text`;
    case 'sku':
      return sql`x.variant_id::text`;
    case 'product':
      return sql`v.product_id::text`;
    case 'category':
      return sql`coalesce(p.category, '')`;
    case 'reason':
      return sql`x.reason`;
    case 'channel':
      return sql`x.channel`;
  }
}

/** A query about SKUs, products or categories: answered from variant rows, which are kept by month. */
export const isVariantLevel = (q: { group: CubeGroup; variantIds?: readonly string[] }) => isVariantGroup(q.group) || q.variantIds !== undefined;

/** Which rows of the cube a query reads (without the measures). */
function rowFilter(q: CubeFilter & { group: CubeGroup }, reasonRows: SQL): SQL {
  const variantLevel = isVariantLevel(q);
  const parts: SQL[] = [sql`shop_id = ${q.shopId}`, sql`level = ${variantLevel ? VARIANT_LEVEL : SHOP_LEVEL}`, reasonRows];
  if (q.variantIds !== undefined) parts.push(sql`variant_id = any(${uuids(q.variantIds)})`);
  if (q.channel !== undefined) parts.push(sql`channel = ${q.channel}`);
  else if (q.group === 'channel') parts.push(sql`channel <> ''`);
  else parts.push(sql`channel = ''`);
  const time: SQL[] = [];
  if (variantLevel) {
    // Variant rows exist by month only: the whole months the period touches (services report them).
    if (q.group === 'day' || q.group === 'week') throw new Error('Variant rows are kept by month');
    time.push(sql`(grain = 'month' and bucket between ${monthOf(q.from)} and ${monthOf(q.to)})`);
  } else if (q.group === 'day' || q.group === 'week') {
    time.push(sql`(grain = 'day' and bucket between ${q.from} and ${q.to})`);
  } else {
    const split = splitPeriod(q.from, q.to);
    if (split.months) time.push(sql`(grain = 'month' and bucket between ${split.months[0]} and ${split.months[1]})`);
    for (const [a, b] of split.days) time.push(sql`(grain = 'day' and bucket between ${a} and ${b})`);
  }
  parts.push(time.length ? sql`(${sql.join(time, sql` or `)})` : sql`false`);
  return sql.join(parts, sql` and `);
}

const reasonList = (reasons: readonly string[]) => sql`reason = any(${pgArrayLiteral(reasons, 'text')}::text[])`;

export const analyticsQueryRepo = {
  /** Sums of the cube's measures per group, for the filter. */
  async cube(db: Executor, q: CubeQuery): Promise<CubeRow[]> {
    if (q.group === 'reason' && q.orderSide.length > 0) throw new Error('Grouping by reason has no order-side measures');
    const caseReason = q.reasons !== undefined ? reasonList(q.reasons) : q.group === 'reason' ? sql`reason <> ''` : sql`reason = ''`;
    const reasonRows =
      q.group === 'reason'
        ? q.reasons !== undefined
          ? reasonList(q.reasons)
          : sql`reason <> ''`
        : q.reasons !== undefined
          ? sql`(reason = '' or ${reasonList(q.reasons)})`
          : sql`reason = ''`;
    const measures = [...new Set([...q.orderSide, ...q.caseSide, ...(q.sort ? [q.sort.by, ...(q.sort.per ? [q.sort.per] : [])] : []), ...(q.minimum ? [q.minimum.measure] : [])])];
    const cols = sql.raw(measures.join(', '));
    const where = rowFilter(q, reasonRows);
    const source = sql`(select variant_id, channel, reason, bucket, ${cols} from analytics_rollups where ${where}
      union all select variant_id, channel, reason, bucket, ${cols} from analytics_deltas where ${where} and seconds = -1) x`;
    const joins =
      q.group === 'product' || q.group === 'category'
        ? sql` join variants v on v.shop_id = ${q.shopId} and v.id = x.variant_id join products p on p.shop_id = v.shop_id and p.id = v.product_id`
        : sql``;
    const agg = (m: Measure) => (q.orderSide.includes(m) ? sql.raw(`coalesce(sum(x.${m}) filter (where x.reason = ''), 0)`) : sql`coalesce(sum(x.${sql.raw(m)}) filter (where ${caseReason}), 0)`);
    const select = sql.join(
      measures.map((m) => sql`${agg(m)}::bigint as ${sql.raw(m)}`),
      sql`, `,
    );
    const having = q.minimum ? sql` having ${agg(q.minimum.measure)} >= ${q.minimum.value}` : sql``;
    const order = q.sort
      ? q.sort.per
        ? sql`${agg(q.sort.by)}::float8 / nullif(${agg(q.sort.per)}, 0) desc nulls last, ${agg(q.sort.by)} desc, key`
        : sql`${agg(q.sort.by)} desc, key`
      : sql`key`;
    const page = q.limit !== undefined ? sql` limit ${q.limit} offset ${q.offset ?? 0}` : sql``;
    const rows = await queryRows<CubeRow>(
      db,
      sql`select ${keyExpr(q.group)} as key, count(*) over ()::int as "totalGroups", ${select}
          from ${source}${joins}
          group by 1${having}
          order by ${order}${page}`,
    );
    return rows.map((r) => ({ ...r, ...Object.fromEntries(measures.map((m) => [m, Number(r[m])])) }));
  },

  /** Case-side sums per (group, reason), over reason rows only (top reasons of each SKU, product, category, …). */
  async cubeByReason(db: Executor, q: CubeFilter & { group: CubeGroup; caseSide: readonly Measure[]; productIds?: readonly string[]; categories?: readonly string[] }) {
    const reasonRows = q.reasons !== undefined ? reasonList(q.reasons) : sql`reason <> ''`;
    const where = rowFilter(q, reasonRows);
    const cols = sql.raw(q.caseSide.join(', '));
    const dims = q.group === 'product' || q.group === 'category';
    const narrow: SQL[] = [];
    if (q.productIds) narrow.push(sql`v.product_id = any(${uuids(q.productIds)})`);
    if (q.categories) narrow.push(sql`coalesce(p.category, '') = any(${pgArrayLiteral(q.categories, 'text')}::text[])`);
    const rows = await queryRows<{ key: string; reason: string } & Record<Measure, number>>(
      db,
      sql`select ${keyExpr(q.group)} as key, x.reason, ${sql.raw(q.caseSide.map((m) => `sum(x.${m})::bigint as ${m}`).join(', '))}
          from (select variant_id, channel, reason, bucket, ${cols} from analytics_rollups where ${where}
                union all select variant_id, channel, reason, bucket, ${cols} from analytics_deltas where ${where} and seconds = -1) x
          ${dims ? sql`join variants v on v.shop_id = ${q.shopId} and v.id = x.variant_id join products p on p.shop_id = v.shop_id and p.id = v.product_id` : sql``}
          ${narrow.length ? sql`where ${sql.join(narrow, sql` and `)}` : sql``}
          group by 1, 2 order by 1, 2`,
    );
    return rows.map((r) => ({ ...r, ...Object.fromEntries(q.caseSide.map((m) => [m, Number(r[m])])) }));
  },

  /** Time-to-refund histograms per group: (key, lower bound of the bucket in seconds, cases). */
  async refundTimes(db: Executor, q: CubeFilter & { group: CubeGroup }): Promise<{ key: string; seconds: number; cases: number }[]> {
    const reasonRows = q.reasons !== undefined ? reasonList(q.reasons) : q.group === 'reason' ? sql`reason <> ''` : sql`reason = ''`;
    const where = rowFilter(q, reasonRows);
    const joins =
      q.group === 'product' || q.group === 'category'
        ? sql` join variants v on v.shop_id = ${q.shopId} and v.id = x.variant_id join products p on p.shop_id = v.shop_id and p.id = v.product_id`
        : sql``;
    const rows = await queryRows<{ key: string; seconds: number; cases: number }>(
      db,
      sql`select ${keyExpr(q.group)} as key, x.seconds, sum(x.cases)::bigint as cases
          from (select variant_id, channel, reason, bucket, seconds, cases from analytics_refund_times where ${where}
                union all select variant_id, channel, reason, bucket, seconds, refunded_cases from analytics_deltas where ${where} and seconds >= 0) x${joins}
          group by 1, 2 having sum(x.cases) <> 0 order by 1, 2`,
    );
    return rows.map((r) => ({ key: r.key, seconds: Number(r.seconds), cases: Number(r.cases) }));
  },

  /** Variant ids a SKU, product or category filter stands for. */
  async variantIds(db: Executor, shopId: string, f: { sku?: string; productId?: string; category?: string }): Promise<string[]> {
    const parts: SQL[] = [sql`v.shop_id = ${shopId}`];
    if (f.sku !== undefined) parts.push(sql`v.sku = ${f.sku}`);
    if (f.productId !== undefined) parts.push(sql`v.product_id = ${f.productId}`);
    if (f.category !== undefined) parts.push(f.category === '' ? sql`p.category is null` : sql`p.category = ${f.category}`);
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select v.id from variants v join products p on p.shop_id = v.shop_id and p.id = v.product_id where ${sql.join(parts, sql` and `)}`,
    );
    return rows.map((r) => r.id);
  },

  async variantLabels(db: Executor, shopId: string, ids: readonly string[]) {
    if (ids.length === 0) return new Map<string, { sku: string; title: string; productId: string; category: string | null }>();
    const rows = await queryRows<{ id: string; sku: string; title: string; product_id: string; category: string | null }>(
      db,
      sql`select v.id, v.sku, v.title, v.product_id, p.category from variants v join products p on p.shop_id = v.shop_id and p.id = v.product_id
          where v.shop_id = ${shopId} and v.id = any(${uuids(ids)})`,
    );
    return new Map(rows.map((r) => [r.id, { sku: r.sku, title: r.title, productId: r.product_id, category: r.category }]));
  },

  async productLabels(db: Executor, shopId: string, ids: readonly string[]) {
    if (ids.length === 0) return new Map<string, { title: string; category: string | null }>();
    const rows = await queryRows<{ id: string; title: string; category: string | null }>(
      db,
      sql`select id, title, category from products where shop_id = ${shopId} and id = any(${uuids(ids)})`,
    );
    return new Map(rows.map((r) => [r.id, { title: r.title, category: r.category }]));
  },

  /** The reason codes of every policy version the shop has had, with their latest labels and flags. */
  async reasonCatalogue(db: Executor, shopId: string) {
    const rows = await queryRows<{ code: string; reason: Record<string, unknown> }>(
      db,
      sql`select distinct on (r->>'code') r->>'code' as code, r as reason
          from policies p cross join lateral jsonb_array_elements(p.document->'reasons') r
          where p.shop_id = ${shopId} order by r->>'code', p.version desc`,
    );
    return new Map(rows.map((r) => [r.code, r.reason as { label: { en: string; 'zh-CN': string }; fault: string; quality: boolean }]));
  },

  /**
   * Buyers ranked by their returns: all time from the per-buyer totals (an index walk), or over
   * whole months (and one channel) from the per-buyer months.
   */
  async customers(
    db: Executor,
    q: { shopId: string; months?: [Day, Day]; channel?: string; sort: CustomerSort; minSoldUnits: number; limit: number; offset: number },
  ): Promise<CustomerRow[]> {
    const col = { returnedUnits: 'returned_units', cases: 'cases_requested', refunded: 'refunded_minor', returnRate: 'returned_units' }[q.sort];
    if (!q.months && q.channel === undefined) {
      const order =
        q.sort === 'returnRate'
          ? sql`t.returned_units::float8 / nullif(t.sold_units, 0) desc nulls last, t.returned_units desc`
          : sql`${sql.raw(`t.${col}`)} desc`;
      const rows = await queryRows<CustomerRow>(
        db,
        sql`select t.customer_id, ${sql.raw(CUSTOMER_MEASURES.map((m) => `t.${m}`).join(', '))}
            from analytics_customer_totals t
            where t.shop_id = ${q.shopId} and t.sold_units >= ${q.minSoldUnits} and (t.returned_units > 0 or t.cases_requested > 0 or t.refunded_minor > 0)
            order by ${order}, t.customer_id limit ${q.limit} offset ${q.offset}`,
      );
      return rows.map(numbers);
    }
    const parts: SQL[] = [sql`t.shop_id = ${q.shopId}`];
    if (q.months) parts.push(sql`t.month between ${q.months[0]} and ${q.months[1]}`);
    if (q.channel !== undefined) parts.push(sql`t.channel = ${q.channel}`);
    if (q.sort !== 'returnRate' && q.minSoldUnits === 0) {
      // Ranked by one measure: only the buyers' months where it is positive decide the page (most
      // of a period's rows are buyers who returned nothing), then the page's buyers are summed whole.
      const ranked = await queryRows<{ customer_id: string }>(
        db,
        sql`select t.customer_id from analytics_customer_months t where ${sql.join(parts, sql` and `)} and ${sql.raw(`t.${col}`)} > 0
            group by t.customer_id order by sum(${sql.raw(`t.${col}`)}) desc, t.customer_id limit ${q.limit + q.offset}`,
      );
      // Fewer buyers with the measure than the page reaches: the page ends with buyers at zero, found below.
      if (ranked.length === q.limit + q.offset) {
        const page = ranked.slice(q.offset).map((r) => r.customer_id);
        const rows = await queryRows<CustomerRow>(
          db,
          sql`select t.customer_id, ${sql.raw(CUSTOMER_MEASURES.map((m) => `sum(t.${m})::bigint as ${m}`).join(', '))}
              from analytics_customer_months t where ${sql.join(parts, sql` and `)} and t.customer_id = any(${uuids(page)})
              group by t.customer_id`,
        );
        const byId = new Map(rows.map((r) => [r.customer_id, numbers(r)]));
        return page.map((id) => byId.get(id)!);
      }
    }
    const order =
      q.sort === 'returnRate' ? sql`sum(t.returned_units)::float8 / nullif(sum(t.sold_units), 0) desc nulls last, sum(t.returned_units) desc` : sql`sum(${sql.raw(`t.${col}`)}) desc`;
    const rows = await queryRows<CustomerRow>(
      db,
      sql`select t.customer_id, ${sql.raw(CUSTOMER_MEASURES.map((m) => `sum(t.${m})::bigint as ${m}`).join(', '))}
          from analytics_customer_months t where ${sql.join(parts, sql` and `)}
          group by t.customer_id
          having sum(t.sold_units) >= ${q.minSoldUnits} and (sum(t.returned_units) > 0 or sum(t.cases_requested) > 0 or sum(t.refunded_minor) > 0)
          order by ${order}, t.customer_id limit ${q.limit} offset ${q.offset}`,
    );
    return rows.map(numbers);
  },

  async customerLabels(db: Executor, shopId: string, ids: readonly string[]) {
    if (ids.length === 0) return new Map<string, { name: string | null; email: string | null; externalRef: string | null }>();
    const rows = await queryRows<{ id: string; name: string | null; email: string | null; external_ref: string | null }>(
      db,
      sql`select id, name, email, external_ref from customers where shop_id = ${shopId} and id = any(${uuids(ids)})`,
    );
    return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email, externalRef: r.external_ref }]));
  },
};

export const CUSTOMER_MEASURES = ['orders', 'sold_units', 'sold_value_minor', 'returned_units', 'returned_value_minor', 'cases_requested', 'refunded_minor'] as const;
export type CustomerSort = 'returnedUnits' | 'returnRate' | 'cases' | 'refunded';
export type CustomerRow = { customer_id: string } & Record<(typeof CUSTOMER_MEASURES)[number], number>;
const numbers = (r: CustomerRow): CustomerRow => ({ ...r, ...Object.fromEntries(CUSTOMER_MEASURES.map((m) => [m, Number(r[m])])) });

