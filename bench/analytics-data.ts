/**
 * A large synthetic shop for the analytics benchmark, written with set-based SQL on PostgreSQL:
 * LINES order lines (3 per order) over DAYS days on four channels, 4,000 SKUs (800 products in
 * 40 categories, sizes for apparel and colours otherwise, popular SKUs sold far more), 500,000
 * buyers (a tenth of them return a lot), and RETURNED return cases of one line each — returns,
 * exchanges and refused deliveries in every state, with reasons, inspection, refunds in the
 * ledger, decision events by system and staff, and merchant-response deadlines met or missed.
 * `setseed` makes every run write the same shop.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../src/db/client.js';
import { queryRows } from '../src/db/client.js';

export interface SyntheticShape {
  lines: number;
  returned: number;
  days: number;
  products: number;
  customers: number;
}

export const FULL_SHAPE: SyntheticShape = { lines: 5_000_000, returned: 1_000_000, days: 730, products: 800, customers: 500_000 };

const REASONS = ['wrong_size', 'no_reason', 'quality_issue', 'not_as_described', 'no_longer_needed', 'wrong_item', 'damaged_in_transit', 'expired'];

/** The tables the generator fills: their secondary indexes are dropped during a bulk load and built again after it. */
const BULK_TABLES = ['customers', 'orders', 'order_lines', 'return_cases', 'return_items', 'refunds', 'refund_lines', 'case_events', 'deadlines'];

/**
 * Writes the synthetic shop. `bulk` (the benchmark's own database, one connection, superuser):
 * foreign-key triggers off for the session (the rows are consistent by construction) and the
 * secondary indexes of the filled tables dropped, then built once at the end — several times
 * faster than maintaining them row by row at millions of rows.
 */
export async function generateShop(db: Executor, shopId: string, policyId: string, now: Date, shape: SyntheticShape, log: (m: string) => void, options: { bulk?: boolean } = {}) {
  const step = async (label: string, ...statements: ReturnType<typeof sql>[]) => {
    const t0 = performance.now();
    for (const q of statements) await db.execute(q);
    log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  let indexes: { name: string; def: string }[] = [];
  if (options.bulk) {
    indexes = await queryRows<{ name: string; def: string }>(
      db,
      sql`select ci.relname as name, pg_get_indexdef(i.indexrelid) as def
          from pg_index i join pg_class t on t.oid = i.indrelid join pg_class ci on ci.oid = i.indexrelid join pg_namespace n on n.oid = t.relnamespace
          where n.nspname = 'public' and t.relname = any(${`{${BULK_TABLES.join(',')}}`}::text[])
            and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    );
    await db.execute(sql`set session_replication_role = replica`);
    for (const ix of indexes) await db.execute(sql.raw(`drop index "${ix.name}"`));
    log(`  bulk load: foreign-key triggers off, ${indexes.length} secondary indexes dropped`);
  }
  try {
    return await fill();
  } finally {
    if (options.bulk) {
      const t0 = performance.now();
      await db.execute(sql`set maintenance_work_mem = '512MB'`);
      for (const ix of indexes) await db.execute(sql.raw(ix.def));
      await db.execute(sql`reset session_replication_role`);
      await db.execute(sql`analyze`);
      log(`  ${indexes.length} indexes built again, analyze: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  }

  async function fill() {
    const start = new Date(now.getTime() - shape.days * 86_400_000);
    const orders = Math.ceil(shape.lines / 3);
    await db.execute(sql`select setseed(0.42)`);
    await db.execute(sql`set work_mem = '256MB'`);
    await step(
      'products and variants',
      sql`
      insert into products (shop_id, id, external_ref, title, category, created_at, updated_at)
      select ${shopId}::uuid, gen_random_uuid(), 'P' || g, 'Product ' || g, 'category-' || lpad((g % 40)::text, 2, '0'), ${start}, ${start}
      from generate_series(1, ${shape.products}) g`,
      sql`insert into variants (shop_id, id, product_id, sku, title, attributes, price_minor, currency, created_at, updated_at)
      select p.shop_id, gen_random_uuid(), p.id, p.external_ref || '-' || s, p.title || ' ' || s,
        case when right(p.category, 2)::int < 16 then jsonb_build_object('size', s) else jsonb_build_object('colour', s) end,
        1990 + (abs(hashtext(p.external_ref)) % 400) * 100, 'CNY', ${start}, ${start}
      from products p cross join unnest(array['S', 'M', 'L', 'XL', 'XXL']) s where p.shop_id = ${shopId}`,
      sql`create temp table bv as select row_number() over (order by v.sku) as n, v.id, v.sku, v.title, v.price_minor, right(p.category, 2)::int as cat
        from variants v join products p on p.shop_id = v.shop_id and p.id = v.product_id where v.shop_id = ${shopId}`,
      sql`create index on bv (n)`,
    );
    await step(
      'customers',
      sql`insert into customers (shop_id, id, external_ref, name, created_at, updated_at)
          select ${shopId}::uuid, gen_random_uuid(), 'bench:' || g, 'Buyer ' || g, ${start}, ${start} from generate_series(1, ${shape.customers}) g`,
          sql`create temp table bc as select row_number() over (order by external_ref) as n, id from customers where shop_id = ${shopId}`,
          sql`create index on bc (n)`,
    );
    await step(
      `${orders.toLocaleString('en-US')} orders`,
      sql`
      create temp table bo as
      select k, gen_random_uuid() as id,
        (array['web', 'taobao', 'taobao', 'pdd', 'web', 'jd', 'taobao', 'web', 'pdd', 'web'])[1 + floor(random() * 10)::int] as channel,
        1 + floor(power(random(), 1.5) * ${shape.customers})::int as customer_n,
        ${start}::timestamptz + (k::float8 / ${orders}::float8) * interval '1 day' * ${shape.days}::float8 + random() * interval '1 hour' as placed_at
      from generate_series(0, ${orders - 1}) k`,
      sql`create temp table bl as
      select i, i / 3 as k, (i % 3) + 1 as line_no, gen_random_uuid() as id, v.id as variant_id, v.sku, v.title, v.price_minor, v.cat,
        1 + floor(power(random(), 3) * 3)::int as quantity, random() < 0.2 as discounted
      from (select i, 1 + floor(power(random(), 2.2) * (select count(*) from bv))::int as vn from generate_series(0, ${shape.lines - 1}) i) x
      join bv v on v.n = x.vn`,
      sql`create index on bl (k)`,
      sql`insert into orders (shop_id, id, channel, external_id, number, customer_id, locale, status, currency, prices_include_tax, subtotal_minor,
        order_discount_minor, discount_minor, tax_minor, shipping_fee_minor, total_minor, placed_at, paid_at, delivered_at, created_at, updated_at)
      select ${shopId}::uuid, o.id, o.channel, 'B' || o.k, 'B' || o.k, c.id, 'zh-CN', 'delivered', 'CNY', true, t.gross, 0, t.discount, 0, 0, t.gross - t.discount,
        o.placed_at, o.placed_at + interval '2 minutes', o.placed_at + interval '3 days', o.placed_at, o.placed_at
      from bo o join bc c on c.n = o.customer_n
      join (select k, sum(quantity * price_minor) as gross, sum(case when discounted then quantity * price_minor / 10 else 0 end) as discount from bl group by k) t on t.k = o.k`,
    );
    await step(
      `${shape.lines.toLocaleString('en-US')} order lines`,
      sql`insert into order_lines (shop_id, id, order_id, line_no, variant_id, sku, title, quantity, unit_price_minor, line_discount_minor,
            order_discount_share_minor, tax_minor, paid_minor, created_at)
          select ${shopId}::uuid, l.id, o.id, l.line_no, l.variant_id, l.sku, l.title, l.quantity, l.price_minor,
            case when l.discounted then l.quantity * l.price_minor / 10 else 0 end, 0, 0,
            l.quantity * l.price_minor - case when l.discounted then l.quantity * l.price_minor / 10 else 0 end, o.placed_at
          from bl l join bo o on o.k = l.k`,
    );
    await step(
      `${shape.returned.toLocaleString('en-US')} returned lines`,
      sql`
      create temp table br as
      select l.id as line_id, l.quantity, l.quantity * l.price_minor - case when l.discounted then l.quantity * l.price_minor / 10 else 0 end as paid,
        o.id as order_id, c.id as customer_id, o.placed_at, l.cat, gen_random_uuid() as case_id, gen_random_uuid() as item_id, gen_random_uuid() as refund_id,
        random() as r_type, random() as r_status, random() as r_reason, random() as r_time, random() as r_actor
      from bl l join bo o on o.k = l.k join bc c on c.n = o.customer_n
      where random() < (case when l.cat < 16 then 0.30 else 0.13 end) * (case when o.customer_n <= ${Math.floor(shape.customers / 10)} then 1.8 else 0.95 end)
      order by random() limit ${shape.returned}`,
      sql`alter table br add column type text, add column status text, add column reason text, add column created_at timestamptz, add column decided_at timestamptz, add column closed_at timestamptz`,
      sql`update br set
        type = case when r_type < 0.85 then 'return_refund' when r_type < 0.95 then 'exchange' else 'refused_delivery' end,
        reason = case when cat < 16 and r_reason < 0.45 then 'wrong_size' else (array[${sql.raw(REASONS.map((r) => `'${r}'`).join(', '))}])[1 + floor(r_reason * ${REASONS.length})::int] end,
        created_at = placed_at + interval '3 days' + r_time * interval '20 days',
        decided_at = placed_at + interval '3 days' + r_time * interval '20 days' + (0.02 + r_actor * 3) * interval '1 day'`,
      sql`update br set status = case when created_at + interval '14 days' > ${now} then 'in_transit' when r_status < 0.92 then 'completed' when r_status < 0.97 then 'cancelled' else 'closed' end`,
      sql`update br set closed_at = case when status in ('completed', 'cancelled', 'closed') then created_at + interval '5 days' + r_status * interval '5 days' end`,
      sql`insert into return_cases (shop_id, id, rma_number, order_id, customer_id, type, status, currency, refund_method, return_method, fault, return_shipping_payer,
        policy_id, policy_version, risk_score, risk_reasons, breakdown, refunded_minor, created_by_kind, created_at, updated_at, closed_at)
      select ${shopId}::uuid, case_id, 'RB' || row_number() over (order by created_at), order_id, customer_id, type, status, 'CNY', 'original', 'self_ship',
        case when reason in ('quality_issue', 'not_as_described', 'wrong_item', 'expired') then 'seller' when reason = 'damaged_in_transit' then 'carrier' else 'buyer' end,
        -- 运费险: about a third of the buyer's own returns ship back at the insurer's expense.
        case when reason not in ('quality_issue', 'not_as_described', 'wrong_item', 'expired', 'damaged_in_transit') and r_type < 0.3 then 'insurer' else 'buyer' end,
        ${policyId}, 1, 0, '[]'::jsonb,
        jsonb_build_object('refundMinor', paid, 'items', jsonb_build_array(jsonb_build_object('lineId', line_id, 'quantity', quantity,
          'restockingFeeMinor', case when reason = 'no_reason' and r_actor < 0.3 then paid / 20 else 0 end))),
        case when status = 'completed' and type <> 'exchange' then paid else 0 end, 'buyer', created_at, coalesce(closed_at, created_at), closed_at
      from br`,
      sql`insert into return_items (shop_id, id, case_id, order_line_id, quantity, reason_code, condition, received_quantity, accepted_quantity, defective_quantity, grade, disposition, created_at)
      select ${shopId}::uuid, item_id, case_id, line_id, quantity, reason, 'opened',
        case when status = 'completed' then quantity end, case when status = 'completed' then quantity end, 0,
        case when status = 'completed' then 'B' end,
        case when status = 'completed' then (case when reason = 'quality_issue' and r_time < 0.4 then 'scrap' else 'restock' end) end, created_at
      from br`,
    );
    await step(
      'refunds, events and deadlines',
      sql`
      insert into refunds (shop_id, id, case_id, order_id, kind, currency, amount_minor, shipping_minor, compensation_minor, bonus_minor, method, provider,
        provider_ref, idempotency_key, status, attempts, created_at, updated_at, settled_at)
      select ${shopId}::uuid, refund_id, case_id, order_id, case when r_actor < 0.1 then 'fast_refund' else 'refund' end, 'CNY', paid, 0,
        case when reason in ('quality_issue', 'wrong_item') then 1200 else 0 end, 0, 'original', 'simulated', 'sim-' || case_id, 'bench-' || case_id,
        'succeeded', 1, closed_at - interval '1 hour', closed_at - interval '1 hour', closed_at - interval '1 hour'
      from br where status = 'completed' and type <> 'exchange'`,
      sql`insert into refund_lines (shop_id, id, refund_id, order_line_id, quantity, amount_minor)
      select ${shopId}::uuid, gen_random_uuid(), refund_id, line_id, quantity, paid from br where status = 'completed' and type <> 'exchange'`,
      sql`insert into case_events (shop_id, id, case_id, type, action, from_status, to_status, actor_kind, payload, created_at)
      select ${shopId}::uuid, gen_random_uuid(), case_id, 'case.created', 'create', null::text, 'requested', 'buyer', '{}'::jsonb, created_at from br
      union all
      select ${shopId}::uuid, gen_random_uuid(), case_id, 'case.approve', 'approve', 'requested', 'approved', case when r_actor < 0.35 then 'system' else 'staff' end, '{}'::jsonb, decided_at
      from br where status <> 'cancelled'
      union all
      select ${shopId}::uuid, gen_random_uuid(), case_id, 'case.cancel', 'cancel', 'requested', 'cancelled', 'buyer', '{}'::jsonb, closed_at from br where status = 'cancelled'
      union all
      select ${shopId}::uuid, gen_random_uuid(), case_id, 'case.refund', 'refund', 'inspected', 'refund_pending', 'staff', '{}'::jsonb, closed_at - interval '1 hour'
      from br where status = 'completed' and type <> 'exchange'
      union all
      select ${shopId}::uuid, gen_random_uuid(), case_id, 'case.refund_succeeded', 'refund_succeeded', 'refund_pending', 'completed', 'system', '{}'::jsonb, closed_at
      from br where status = 'completed' and type <> 'exchange'`,
      sql`insert into deadlines (shop_id, id, case_id, kind, for_status, outcome, rule, due_at, status, created_at)
      select ${shopId}::uuid, gen_random_uuid(), case_id, 'merchant_response', 'requested', 'approve', 'deadlines.merchantResponseHours', created_at + interval '48 hours',
        case when status = 'cancelled' then 'cancelled' when decided_at < created_at + interval '48 hours' then 'cancelled' else 'applied' end, created_at
      from br`,
    );
    if (!options.bulk) await step('analyze', sql`analyze`);
    const [counts] = await queryRows<{ lines: number; cases: number; returned: number; refunds: number; events: number }>(
      db,
      sql`select (select count(*)::int from order_lines where shop_id = ${shopId}) as lines, (select count(*)::int from return_cases where shop_id = ${shopId}) as cases,
                 (select count(*)::int from return_items where shop_id = ${shopId}) as returned, (select count(*)::int from refunds where shop_id = ${shopId}) as refunds,
                 (select count(*)::int from case_events where shop_id = ${shopId}) as events`,
    );
    return counts!;
  }
}
