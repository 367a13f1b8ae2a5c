import { sql, type SQL } from 'drizzle-orm';
import type { BuyerTally, ModelLine, Tally } from '../../domain/analytics/model/features.js';
import { queryRows, type Executor } from '../client.js';
import { pgArrayLiteral } from '../bulk.js';
import { RETURN_TYPES, uuids } from './analytics-families.js';

const SIZE_KEYS = `('size', 'sizes', '尺码', '尺寸')`;
const COLOUR_KEYS = `('colour', 'color', '颜色', '顏色')`;

interface LineRow {
  line_id: string;
  order_id: string;
  placed_ms: number;
  channel: string;
  customer_id: string | null;
  variant_id: string;
  product_id: string;
  category: string | null;
  quantity: number;
  unit_price_minor: number;
  paid_minor: number;
  discount_minor: number;
  has_size: boolean;
  has_colour: boolean;
  returned_units: number;
  sku: string;
  title: string;
  sold: boolean;
}

/** Order lines as the model sees them; `where` narrows orders (alias o). By default sold lines only (paid, not cancelled). */
function linesSql(shopId: string, where: SQL, soldOnly = true) {
  return sql`
    select l.id as line_id, l.order_id, (extract(epoch from o.placed_at) * 1000)::float8 as placed_ms, o.channel, o.customer_id,
      l.variant_id, v.product_id, p.category, l.quantity, l.unit_price_minor, l.paid_minor,
      (l.line_discount_minor + l.order_discount_share_minor) as discount_minor, l.sku, l.title,
      (o.paid_at is not null and o.cancelled_at is null) as sold,
      exists (select 1 from jsonb_object_keys(v.attributes) k where lower(k) in ${sql.raw(SIZE_KEYS)}) as has_size,
      exists (select 1 from jsonb_object_keys(v.attributes) k where lower(k) in ${sql.raw(COLOUR_KEYS)}) as has_colour,
      coalesce((select sum(least(coalesce(i.accepted_quantity, 0), l.quantity)) from return_items i
                join return_cases c on c.shop_id = i.shop_id and c.id = i.case_id
                where i.shop_id = l.shop_id and i.order_line_id = l.id and c.status = 'completed' and c.type in ${RETURN_TYPES}), 0)::int as returned_units
    from orders o
    join order_lines l on l.shop_id = o.shop_id and l.order_id = o.id
    join variants v on v.shop_id = l.shop_id and v.id = l.variant_id
    join products p on p.shop_id = v.shop_id and p.id = v.product_id
    where o.shop_id = ${shopId} and ${soldOnly ? sql`o.paid_at is not null and o.cancelled_at is null` : sql`true`} and ${where}`;
}

/** Fills in what a line's order says about it (lines in the order, other variants of the same product). */
function withOrderContext(rows: LineRow[]): ModelLine[] {
  const perOrder = new Map<string, number>();
  const perProduct = new Map<string, number>();
  for (const r of rows) {
    perOrder.set(r.order_id, (perOrder.get(r.order_id) ?? 0) + 1);
    const k = `${r.order_id}\u0001${r.product_id}`;
    perProduct.set(k, (perProduct.get(k) ?? 0) + 1);
  }
  return rows.map((r) => ({
    lineId: r.line_id,
    orderId: r.order_id,
    placedAt: Number(r.placed_ms),
    channel: r.channel,
    customerId: r.customer_id,
    variantId: r.variant_id,
    productId: r.product_id,
    category: r.category,
    quantity: Number(r.quantity),
    unitPriceMinor: Number(r.unit_price_minor),
    paidMinor: Number(r.paid_minor),
    discountMinor: Number(r.discount_minor),
    hasSize: r.has_size,
    hasColour: r.has_colour,
    orderLines: perOrder.get(r.order_id)!,
    sameProductLines: perProduct.get(`${r.order_id}\u0001${r.product_id}`)! - 1,
    returnedUnits: Number(r.returned_units),
  }));
}

export interface StoredModel {
  id: string;
  version: number;
  model: Record<string, unknown>;
  metrics: Record<string, unknown>;
  created_at: Date;
  data_from: Date | null;
  data_to: Date | null;
  split_at: Date | null;
  training_ms: number;
}

export const analyticsModelsRepo = {
  /**
   * Every sold order line of the shop (the most recent `maxLines` when there are more), read a
   * page of orders at a time so a large shop never comes back in one result.
   */
  async trainingLines(db: Executor, shopId: string, maxLines: number, pageOrders = 20_000): Promise<ModelLine[]> {
    const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from order_lines where shop_id = ${shopId}`);
    let since: Date | null = null;
    if ((count?.n ?? 0) > maxLines) {
      const [row] = await queryRows<{ placed_at: Date }>(
        db,
        sql`select o.placed_at from orders o join order_lines l on l.shop_id = o.shop_id and l.order_id = o.id
            where o.shop_id = ${shopId} order by o.placed_at desc offset ${maxLines} limit 1`,
      );
      since = row ? new Date(row.placed_at) : null;
    }
    const rows: LineRow[] = [];
    let after: { at: Date; id: string } | null = null;
    for (;;) {
      const conditions: SQL[] = [sql`o.shop_id = ${shopId}`];
      if (since) conditions.push(sql`o.placed_at > ${since}`);
      if (after) conditions.push(sql`(o.placed_at, o.id) > (${after.at}, ${after.id})`);
      const page = await queryRows<{ id: string; placed_at: Date }>(
        db,
        sql`select o.id, o.placed_at from orders o where ${sql.join(conditions, sql` and `)} order by o.placed_at, o.id limit ${pageOrders}`,
      );
      if (page.length === 0) break;
      for (const row of await queryRows<LineRow>(db, linesSql(shopId, sql`o.id = any(${uuids(page.map((p) => p.id))})`))) rows.push(row);
      const last = page[page.length - 1]!;
      after = { at: new Date(last.placed_at), id: last.id };
      if (page.length < pageOrders) break;
    }
    return withOrderContext(rows);
  },

  /** Lines of one order (or of the order of one line), as the model sees them, sold or not. */
  async orderLines(db: Executor, shopId: string, by: { orderId: string } | { lineId: string }): Promise<(ModelLine & { sold: boolean; sku: string; title: string })[]> {
    const where = 'orderId' in by ? sql`o.id = ${by.orderId}` : sql`o.id = (select order_id from order_lines where shop_id = ${shopId} and id = ${by.lineId})`;
    const rows = await queryRows<LineRow>(db, sql`${linesSql(shopId, where, false)} order by l.line_no`);
    const lines = withOrderContext(rows);
    return lines.map((l, i) => ({ ...l, sold: rows[i]!.sold, sku: rows[i]!.sku, title: rows[i]!.title }));
  },

  /**
   * All-time tallies from the cube (month rows and unfolded deltas): sold and returned units of
   * the shop, of some variants, of their products and categories, and buyers' totals.
   */
  async history(db: Executor, shopId: string, variantIds: readonly string[], customerIds: readonly string[]) {
    const cube = (level: number, extra: SQL) => sql`
      select variant_id, sold_units, returned_units from analytics_rollups where shop_id = ${shopId} and grain = 'month' and level = ${level} and channel = '' and reason = '' and ${extra}
      union all
      select variant_id, sold_units, returned_units from analytics_deltas where shop_id = ${shopId} and grain = 'month' and level = ${level} and channel = '' and reason = '' and seconds = -1 and ${extra}`;
    const [global] = await queryRows<{ sold: number; returned: number }>(db, sql`select coalesce(sum(sold_units), 0)::bigint as sold, coalesce(sum(returned_units), 0)::bigint as returned from (${cube(0, sql`true`)}) x`);
    // An array computed once: the cube's primary key then finds these variants' rows directly.
    const scoped = sql`variant_id = any(array(select v.id from variants v join products p on p.shop_id = v.shop_id and p.id = v.product_id
      where v.shop_id = ${shopId} and (v.product_id in (select product_id from variants where shop_id = ${shopId} and id = any(${uuids(variantIds)}))
        or p.category in (select p2.category from variants v2 join products p2 on p2.shop_id = v2.shop_id and p2.id = v2.product_id where v2.shop_id = ${shopId} and v2.id = any(${uuids(variantIds)})))))`;
    const rows = await queryRows<{ variant_id: string; product_id: string; category: string | null; sold: number; returned: number }>(
      db,
      sql`select x.variant_id, v.product_id, p.category, sum(x.sold_units)::bigint as sold, sum(x.returned_units)::bigint as returned
          from (${cube(1, scoped)}) x join variants v on v.shop_id = ${shopId} and v.id = x.variant_id join products p on p.shop_id = v.shop_id and p.id = v.product_id
          group by 1, 2, 3`,
    );
    const sku = new Map<string, Tally>();
    const product = new Map<string, Tally>();
    const category = new Map<string, Tally>();
    const add = (map: Map<string, Tally>, key: string, sold: number, returned: number) => {
      const t = map.get(key) ?? { sold: 0, returned: 0 };
      t.sold += sold;
      t.returned += returned;
      map.set(key, t);
    };
    for (const r of rows) {
      const sold = Number(r.sold);
      const returned = Number(r.returned);
      add(sku, r.variant_id, sold, returned);
      add(product, r.product_id, sold, returned);
      if (r.category !== null) add(category, r.category, sold, returned);
    }
    const buyers = await queryRows<{ customer_id: string; sold_units: number; returned_units: number; orders: number }>(
      db,
      sql`select customer_id, sold_units, returned_units, orders from analytics_customer_totals where shop_id = ${shopId} and customer_id = any(${uuids(customerIds)})`,
    );
    const buyer = new Map<string, BuyerTally>(buyers.map((b) => [b.customer_id, { sold: Number(b.sold_units), returned: Number(b.returned_units), orders: Number(b.orders) }]));
    return { global: { sold: Number(global?.sold ?? 0), returned: Number(global?.returned ?? 0) }, sku, product, category, buyer };
  },

  async latest(db: Executor, shopId: string): Promise<StoredModel | undefined> {
    const [row] = await queryRows<StoredModel>(
      db,
      sql`select id, version, model, metrics, created_at, data_from, data_to, split_at, training_ms from analytics_models
          where shop_id = ${shopId} and kind = 'return_risk' order by version desc limit 1`,
    );
    return row;
  },

  async list(db: Executor, shopId: string): Promise<StoredModel[]> {
    return queryRows<StoredModel>(
      db,
      sql`select id, version, model, metrics, created_at, data_from, data_to, split_at, training_ms from analytics_models
          where shop_id = ${shopId} and kind = 'return_risk' order by version desc limit 20`,
    );
  },

  /** Stores a new version (the next number) with its SKU ranking. */
  async insert(
    db: Executor,
    row: { shopId: string; id: string; model: object; metrics: object; dataFrom: Date; dataTo: Date; splitAt: Date; trainingMs: number; createdAt: Date },
    skus: readonly { variantId: string; lines: number; predictedRate: number; observedRate: number }[],
  ): Promise<number> {
    const [v] = await queryRows<{ version: number }>(
      db,
      sql`insert into analytics_models (shop_id, id, kind, version, model, metrics, data_from, data_to, split_at, training_ms, created_at)
          select ${row.shopId}, ${row.id}, 'return_risk', coalesce(max(version), 0) + 1, ${JSON.stringify(row.model)}::jsonb, ${JSON.stringify(row.metrics)}::jsonb,
            ${row.dataFrom}, ${row.dataTo}, ${row.splitAt}, ${row.trainingMs}, ${row.createdAt}
          from analytics_models where shop_id = ${row.shopId} and kind = 'return_risk'
          returning version`,
    );
    for (let i = 0; i < skus.length; i += 10_000) {
      const chunk = skus.slice(i, i + 10_000);
      await db.execute(sql`
        insert into analytics_sku_predictions (shop_id, model_id, variant_id, lines, predicted_rate, observed_rate)
        select ${row.shopId}, ${row.id}, * from unnest(${uuids(chunk.map((s) => s.variantId))}, ${pgArrayLiteral(chunk.map((s) => s.lines), 'int4')}::int4[],
          ${pgArrayLiteral(chunk.map((s) => s.predictedRate), 'text')}::float8[], ${pgArrayLiteral(chunk.map((s) => s.observedRate), 'text')}::float8[])`);
    }
    return v!.version;
  },

  /** SKUs ranked by predicted return rate under a model. */
  async skuRanking(db: Executor, shopId: string, modelId: string, variantIds: readonly string[] | undefined, minLines: number, limit: number, offset: number) {
    return queryRows<{ variant_id: string; sku: string; title: string; category: string | null; lines: number; predicted_rate: number; observed_rate: number | null }>(
      db,
      sql`select s.variant_id, v.sku, v.title, p.category, s.lines, s.predicted_rate, s.observed_rate
          from analytics_sku_predictions s
          join variants v on v.shop_id = s.shop_id and v.id = s.variant_id
          join products p on p.shop_id = v.shop_id and p.id = v.product_id
          where s.shop_id = ${shopId} and s.model_id = ${modelId} and s.lines >= ${minLines}
            ${variantIds ? sql`and s.variant_id = any(${uuids(variantIds)})` : sql``}
          order by s.predicted_rate desc, v.sku limit ${limit} offset ${offset}`,
    );
  },
};
