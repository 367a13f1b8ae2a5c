import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { compactAnalytics } from '../../src/worker/jobs/analytics.js';
import { rebuildAnalytics } from '../../src/services/analytics/rebuild.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { orderBody } from '../helpers/orders.js';
import { act, placeOrder } from '../helpers/returns.js';

let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'analytics');
  api = client(t.baseUrl);
  expect((await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProvider: 'simulated' } })).status).toBe(200);
});
afterAll(() => t.close());

const HOUR = 3600_000;
const get = (path: string, key = shop.keys.viewer) => api('GET', `/api/v1/analytics/${path}`, { key });
const create = (body: unknown) => api('POST', '/api/v1/returns', { key: shop.keys.agent, body });

/** The cube and per-buyer tables of the shop, without rows that are all zero, in a stable order. */
async function snapshot() {
  const tables = ['analytics_rollups', 'analytics_refund_times', 'analytics_customer_months', 'analytics_customer_totals', 'analytics_order_state'];
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await queryRows<Record<string, unknown>>(t.ctx.db, sql`select * from ${sql.raw(table)} where shop_id = ${shop.id}`);
    out[table] = rows
      .map((r) => {
        const { shop_id: _shop, ...rest } = r;
        return rest;
      })
      .filter((r) => Object.entries(r).some(([k, v]) => typeof v === 'number' && v !== 0 && !['level', 'seconds'].includes(k)) || !('sold_units' in r || 'cases' in r))
      .map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))))
      .sort();
  }
  return out;
}

interface Scenario {
  orders: Awaited<ReturnType<typeof placeOrder>>[];
  cancelledOrderId: string;
}
let scenario: Scenario;

describe('analytics over a shop with every kind of case', () => {
  it('records a realistic month: returns, refunds, exchanges, a cancellation, an open return', async () => {
    const orders: Scenario['orders'] = [];
    // 1. A no-reason return, accepted and restocked.
    const o1 = await placeOrder(api, shop.keys.manager, { overrides: { shippingInsurance: false } });
    orders.push(o1);
    const a = await create({ orderId: o1.id, type: 'return_refund', items: [{ lineId: o1.lines[0]!.id, quantity: 1, reasonCode: 'no_reason', condition: 'opened' }] });
    expect(a.status).toBe(201);
    t.clock.advance(2 * HOUR);
    await act(api, shop.keys.agent, a.body.id, 'approve');
    await act(api, shop.keys.agent, a.body.id, 'buyer_shipped', { carrier: 'ZTO', trackingNumber: 'Z-1' });
    t.clock.advance(24 * HOUR);
    const ra = await act(api, shop.keys.warehouse, a.body.id, 'receive');
    await act(api, shop.keys.warehouse, a.body.id, 'inspect', { items: [{ itemId: ra.body.items[0].id, acceptedQuantity: 1, grade: 'B', disposition: 'restock' }] });
    t.clock.advance(3 * HOUR);
    expect((await act(api, shop.keys.manager, a.body.id, 'refund')).body.status).toBe('completed');

    // 2. A quality complaint: two units back, one accepted, both scrapped.
    const o2 = await placeOrder(api, shop.keys.manager);
    orders.push(o2);
    const b = await create({ orderId: o2.id, type: 'return_refund', items: [{ lineId: o2.lines[0]!.id, quantity: 2, reasonCode: 'quality_issue', condition: 'damaged' }] });
    await act(api, shop.keys.agent, b.body.id, 'approve');
    await act(api, shop.keys.agent, b.body.id, 'buyer_shipped', { carrier: 'SF', trackingNumber: 'SF-2' });
    t.clock.advance(30 * HOUR);
    const rb = await act(api, shop.keys.warehouse, b.body.id, 'receive');
    await act(api, shop.keys.warehouse, b.body.id, 'inspect', { items: [{ itemId: rb.body.items[0].id, acceptedQuantity: 1, grade: 'D', disposition: 'scrap' }] });
    expect((await act(api, shop.keys.manager, b.body.id, 'refund')).body.status).toBe('completed');

    // 3. Refund before shipment (no goods come back: not a return).
    const o3 = await placeOrder(api, shop.keys.manager, { shipped: false });
    orders.push(o3);
    const c = await create({ orderId: o3.id, type: 'refund_only', items: [{ lineId: o3.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] });
    expect((await act(api, shop.keys.agent, c.body.id, 'approve')).body.status).toBe('completed');

    // 4. A request the buyer withdraws.
    const o4 = await placeOrder(api, shop.keys.manager);
    orders.push(o4);
    const d = await create({ orderId: o4.id, type: 'return_refund', items: [{ lineId: o4.lines[1]!.id, quantity: 1, reasonCode: 'no_reason' }] });
    expect((await act(api, shop.keys.agent, d.body.id, 'cancel')).body.status).toBe('cancelled');

    // 5. A return on its way back.
    const o5 = await placeOrder(api, shop.keys.manager, { overrides: { channel: 'pdd' } });
    orders.push(o5);
    const e = await create({ orderId: o5.id, type: 'return_refund', items: [{ lineId: o5.lines[0]!.id, quantity: 2, reasonCode: 'wrong_size' }] });
    await act(api, shop.keys.agent, e.body.id, 'approve');
    await act(api, shop.keys.agent, e.body.id, 'buyer_shipped', { carrier: 'SF', trackingNumber: 'SF-5' });

    // 6. A request refused and closed by the platform.
    const o6 = await placeOrder(api, shop.keys.manager);
    orders.push(o6);
    const f = await create({ orderId: o6.id, type: 'return_refund', items: [{ lineId: o6.lines[1]!.id, quantity: 1, reasonCode: 'not_as_described' }] });
    await act(api, shop.keys.agent, f.body.id, 'reject', { reasonCode: 'not_as_declared', reason: '照片与商品不符' });
    await act(api, shop.keys.agent, f.body.id, 'escalate', { reason: '买家申请平台介入' });
    await act(api, shop.platformKey, f.body.id, 'resolve', { outcome: 'reject', note: '平台判定卖家胜诉' }, { 'x-acting-as': 'platform' });

    // 7. A paid order later cancelled: it stops counting as sold, with its open return.
    const o7 = await placeOrder(api, shop.keys.manager, { overrides: { channel: 'pdd' } });
    orders.push(o7);
    const g = await create({ orderId: o7.id, type: 'return_refund', items: [{ lineId: o7.lines[0]!.id, quantity: 1, reasonCode: 'wrong_size' }] });
    expect(g.status).toBe(201);
    const body = orderBody({ ...(await api('GET', `/api/v1/orders/${o7.id}`, { key: shop.keys.viewer })).body });
    const cancelled = await api('POST', '/api/v1/orders', {
      key: shop.keys.manager,
      body: {
        channel: 'pdd',
        externalId: body.externalId,
        currency: 'CNY',
        placedAt: '2026-10-25T02:00:00Z',
        cancelledAt: '2026-10-31T02:00:00Z',
        lines: o7.lines.map((l: any) => ({ sku: l.sku, title: l.title, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor })),
        orderDiscountMinor: 2000,
        shippingFeeMinor: 1000,
      },
    });
    expect(cancelled.status).toBe(200);
    scenario = { orders, cancelledOrderId: o7.id };
  });

  it('return rate: returned ÷ sold units of the orders placed in the period, as the raw rows say', async () => {
    const res = await get('return-rate?from=2026-10-01&to=2026-11-30&groupBy=sku&limit=500');
    expect(res.status).toBe(200);
    expect(res.body.definition.en).toMatch(/order-date cohort/);
    const [raw] = await queryRows<{ sold: number; value: number }>(
      t.ctx.db,
      sql`select sum(l.quantity)::int as sold, sum(l.paid_minor)::int as value from order_lines l join orders o on o.shop_id = l.shop_id and o.id = l.order_id
          where o.shop_id = ${shop.id} and o.paid_at is not null and o.cancelled_at is null`,
    );
    const o1 = scenario.orders[0]!;
    const o2 = scenario.orders[1]!;
    expect(res.body.totals).toMatchObject({ soldUnits: raw!.sold, soldValueMinor: raw!.value, returnedUnits: 2, pendingReturnUnits: 2 });
    const unitValue = (l: { paidMinor: number; quantity: number }) => Math.floor(l.paidMinor / l.quantity);
    expect(res.body.totals.returnedValueMinor).toBe(unitValue(o1.lines[0]!) + unitValue(o2.lines[0]!));
    expect(res.body.totals.unitRate).toBeCloseTo(2 / raw!.sold, 6);
    const tee = res.body.groups.find((g: any) => g.sku === 'TS-M-BLACK');
    expect(tee).toMatchObject({ returnedUnits: 2, pendingReturnUnits: 2, title: '纯棉T恤 黑色 M', category: 'apparel' });
    // By reason: only the quality return.
    const quality = await get('return-rate?from=2026-10-01&to=2026-11-30&reason=quality_issue&groupBy=none');
    expect(quality.body.totals).toMatchObject({ soldUnits: raw!.sold, returnedUnits: 1 });
    // By channel: the pdd order cancelled, the other pdd order's return still open.
    const channels = await get('return-rate?from=2026-10-01&to=2026-11-30&groupBy=channel');
    expect(channels.body.groups.map((g: any) => [g.key, g.returnedUnits, g.pendingReturnUnits])).toEqual([
      ['taobao', 2, 0],
      ['pdd', 0, 2],
    ]);
    // By month in the shop's time zone: every month of the period, zero-filled.
    const months = await get('return-rate?from=2026-09-15&to=2026-11-30&groupBy=month');
    expect(months.body.groups.map((g: any) => [g.key, g.returnedUnits])).toEqual([
      ['2026-09-01', 0],
      ['2026-10-01', 2],
      ['2026-11-01', 0],
    ]);
  });

  it('cost, time to refund, decisions and reasons add up to the ledger and the events', async () => {
    const cost = await get('cost?from=2026-10-01&to=2026-11-30&groupBy=none');
    const [ledger] = await queryRows<{ amount: number; compensation: number; n: number }>(
      t.ctx.db,
      sql`select sum(amount_minor)::int as amount, sum(compensation_minor)::int as compensation, count(*)::int as n from refunds where shop_id = ${shop.id} and status = 'succeeded'`,
    );
    const o2 = scenario.orders[1]!;
    expect(cost.body.totals).toMatchObject({ refundedMinor: ledger!.amount, refunds: ledger!.n, shippingReimbursedMinor: ledger!.compensation, writtenOffUnits: 2, completedCases: 3 });
    expect(cost.body.totals.writtenOffValueMinor).toBe(o2.lines[0]!.paidMinor);
    expect(cost.body.totals.totalMinor).toBe(ledger!.amount + ledger!.compensation + o2.lines[0]!.paidMinor);

    const ttr = await get('time-to-refund?from=2026-10-01&to=2026-11-30&groupBy=none');
    expect(ttr.body.totals.refundedCases).toBe(3);
    // Refunded after 29 h, 30 h (plus seconds) and at once.
    expect(ttr.body.totals.p50Seconds).toBeGreaterThanOrEqual(29 * 3600);
    expect(ttr.body.totals.p50Seconds).toBeLessThan(30 * 3600);
    expect(ttr.body.totals.p90Seconds).toBeGreaterThanOrEqual(30 * 3600);
    expect(ttr.body.distribution.reduce((a: number, b: any) => a + b.cases, 0)).toBe(3);
    const [events] = await queryRows<{ staff: number; system: number; platform: number }>(
      t.ctx.db,
      sql`select count(*) filter (where actor_kind = 'staff')::int as staff, count(*) filter (where actor_kind = 'system')::int as system,
                 count(*) filter (where actor_kind = 'platform')::int as platform
          from case_events where shop_id = ${shop.id} and action in ('approve', 'reject', 'resolve', 'offer_partial', 'refund', 'fast_refund', 'exchange', 'intercepted', 'close')`,
    );
    expect(ttr.body.totals.decisions).toMatchObject({ manual: events!.staff, automatic: events!.system, platform: events!.platform });
    // Staff here answer at once, so every merchant clock of an ended case was met.
    const [clocks] = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from deadlines d join return_cases c on c.id = d.case_id
          where d.shop_id = ${shop.id} and d.kind in ('merchant_response', 'merchant_receipt', 'refund_after_receipt')
            and c.status in ('completed', 'cancelled', 'closed') and c.closed_at >= '2026-09-30' and c.closed_at < '2026-12-01'`,
    );
    expect(clocks!.n).toBeGreaterThan(0);
    expect(ttr.body.totals.deadlineCompliance).toEqual({ deadlines: clocks!.n, met: clocks!.n, rate: 1 });

    const reasons = await get('reasons?from=2026-10-01&to=2026-11-30');
    const byReason = Object.fromEntries(reasons.body.groups.map((g: any) => [g.key, g.casesRequested]));
    // The withdrawn request does not count; the cancelled order's request does (it was made).
    expect(byReason).toEqual({ no_reason: 1, quality_issue: 1, no_longer_needed: 1, wrong_size: 2, not_as_described: 1 });
    expect(reasons.body.groups.find((g: any) => g.key === 'quality_issue')).toMatchObject({ quality: true, fault: 'seller', label: { en: 'Quality problem' } });
    const perSku = await get('reasons?from=2026-10-01&to=2026-11-30&groupBy=sku');
    const tee = perSku.body.groups.find((g: any) => g.sku === 'TS-M-BLACK');
    expect(tee.topReasons.map((r: any) => [r.reason, r.casesRequested])).toEqual([
      ['wrong_size', 2],
      ['quality_issue', 1],
      ['no_reason', 1],
    ]);
  });

  it('quality refund rate: quality refunds ÷ paid orders over the policy window, with its thresholds', async () => {
    // The quality case was refunded on 2026-11-04 (shop time).
    const before = await get('quality-refund-rate?to=2026-11-03');
    expect(before.body.current.qualityRefundedCases).toBe(0);
    expect(before.body.level).toBe('ok');
    const res = await get('quality-refund-rate?to=2026-11-05&groupBy=channel');
    expect(res.status).toBe(200);
    const [paid] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from orders where shop_id = ${shop.id} and paid_at is not null`);
    expect(res.body.thresholds).toEqual({ windowDays: 30, warnAtBp: 100, limitBp: 150 });
    expect(res.body.current).toMatchObject({ qualityRefundedCases: 1, paidOrders: paid!.n, rateBp: Math.floor(10_000 / paid!.n) });
    expect(res.body.level).toBe('limit');
    expect(res.body.series).toHaveLength(90);
    expect(res.body.groups.map((g: any) => [g.key, g.qualityRefundedCases])).toEqual([
      ['taobao', 1],
      ['pdd', 0],
    ]);
  });

  it('buyers with the most returns', async () => {
    const res = await get('customers');
    expect(res.status).toBe(200);
    // Every test order shares one phone number: they are one buyer.
    const top = res.body.customers[0];
    expect(top.returnedUnits).toBe(2);
    expect(top.returnRate).toBeGreaterThan(0);
    expect(res.body.customers.every((c: any) => c.casesRequested + c.returnedUnits + c.refundedMinor > 0)).toBe(true);
    const refused = await get('customers?sku=TS-M-BLACK');
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('analytics.filter_unsupported');
  });

  it('a rebuild from the raw rows gives exactly what the hooks wrote', async () => {
    await compactAnalytics(t.ctx);
    const incremental = await snapshot();
    expect(incremental.analytics_rollups!.length).toBeGreaterThan(50);
    await rebuildAnalytics(t.ctx, shop.id);
    const rebuilt = await snapshot();
    for (const table of Object.keys(incremental)) expect(rebuilt[table], table).toEqual(incremental[table]);
  });

  it('refuses bad filters with stable codes, and needs analytics:read', async () => {
    expect((await get('return-rate?from=2026-13-01')).status).toBe(400);
    expect((await get('return-rate?from=2026-11-02&to=2026-11-01')).body.error.code).toBe('analytics.period_invalid');
    expect((await get('return-rate?reason=made_up')).body.error.code).toBe('analytics.reason_unknown');
    expect((await get('return-rate?sku=NOPE')).body.error.code).toBe('analytics.filter_not_found');
    expect((await get('return-rate', shop.keys.warehouse)).status).toBe(403);
    expect((await get('predictions')).body.error.code).toBe('analytics.model_not_found');
  });
});
