import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { runAnalyticsJobs } from '../../src/worker/jobs/analytics.js';
import { rebuildAnalytics } from '../../src/services/analytics/rebuild.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { orderBody } from '../helpers/orders.js';
import { act, placeOrder } from '../helpers/returns.js';

/**
 * Case and refund writes append facts; the worker (or a reader, before it reads) folds them. The
 * cube after the fold must be exactly what a rebuild computes, also when cases end while their
 * order changes and while a rebuild runs.
 */
let t: TestApp;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
});
afterAll(() => t.close());

async function newShop(slug: string) {
  const shop = await createTestShop(t.ctx, slug);
  expect((await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProvider: 'simulated' } })).status).toBe(200);
  return shop;
}

const create = (shop: TestShop, body: unknown) => api('POST', '/api/v1/returns', { key: shop.keys.agent, body });

async function facts(shopId: string) {
  return queryRows<{ kind: string; cancelled: boolean; first_refund: boolean }>(
    t.ctx.db,
    sql`select kind, cancelled, first_refund from analytics_facts where shop_id = ${shopId} order by id`,
  );
}

/** Requests counted in the cube so far (rollups and unfolded deltas). */
async function casesCounted(shopId: string) {
  const [row] = await queryRows<{ n: number }>(
    t.ctx.db,
    sql`select coalesce(sum(cases_requested), 0)::int as n from (
          select cases_requested from analytics_rollups where shop_id = ${shopId} and grain = 'day' and level = 0 and channel = '' and reason = ''
          union all
          select cases_requested from analytics_deltas where shop_id = ${shopId} and grain = 'day' and level = 0 and channel = '' and reason = '' and seconds = -1) x`,
  );
  return row!.n;
}

/** The shop's cube and per-buyer tables without all-zero rows, in a stable order (as test/integration/analytics.test.ts). */
async function snapshot(shopId: string) {
  const tables = ['analytics_rollups', 'analytics_refund_times', 'analytics_customer_months', 'analytics_customer_totals', 'analytics_order_state'];
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await queryRows<Record<string, unknown>>(t.ctx.db, sql`select * from ${sql.raw(table)} where shop_id = ${shopId}`);
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

/** Folds everything as the worker does, then checks the cube against a rebuild from the raw rows. */
async function expectEqualToRebuild(shopId: string) {
  await runAnalyticsJobs(t.ctx);
  expect(await facts(shopId)).toEqual([]);
  const incremental = await snapshot(shopId);
  expect(incremental.analytics_rollups!.length).toBeGreaterThan(10);
  await rebuildAnalytics(t.ctx, shopId);
  const rebuilt = await snapshot(shopId);
  for (const table of Object.keys(incremental)) expect(rebuilt[table], table).toEqual(incremental[table]);
}

describe('analytics facts', () => {
  it('a lifecycle appends facts and counts nothing until they are folded; folded, the cube equals a rebuild', async () => {
    const shop = await newShop('facts-life');
    const order = await placeOrder(api, shop.keys.manager);
    await runAnalyticsJobs(t.ctx);
    const c = await create(shop, { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'quality_issue', condition: 'damaged' }] });
    expect(c.status).toBe(201);
    await act(api, shop.keys.agent, c.body.id, 'approve');
    await act(api, shop.keys.agent, c.body.id, 'buyer_shipped', { carrier: 'SF', trackingNumber: 'SF-F1' });
    t.clock.advance(24 * 3600_000);
    const received = await act(api, shop.keys.warehouse, c.body.id, 'receive');
    await act(api, shop.keys.warehouse, c.body.id, 'inspect', { items: [{ itemId: received.body.items[0].id, acceptedQuantity: 1, grade: 'B', disposition: 'restock' }] });
    expect((await act(api, shop.keys.manager, c.body.id, 'refund')).body.status).toBe('completed');

    // Appended in the writes' transactions, not counted yet. The settlement writes its two facts in one
    // statement, whose rows come in no particular order: compared as a set.
    const appended = await facts(shop.id);
    expect(appended.slice(0, 3)).toEqual([
      { kind: 'case_opened', cancelled: false, first_refund: false },
      { kind: 'decision', cancelled: false, first_refund: false },
      { kind: 'decision', cancelled: false, first_refund: false },
    ]);
    expect(appended.slice(3).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'case_ended', cancelled: false, first_refund: false },
      { kind: 'refund_succeeded', cancelled: false, first_refund: true },
    ]);
    expect(await casesCounted(shop.id)).toBe(0);

    await expectEqualToRebuild(shop.id);
    expect(await casesCounted(shop.id)).toBe(1);
  });

  it('an analytics read folds the shop’s pending facts first: a dashboard shows its own writes', async () => {
    const shop = await newShop('facts-read');
    const order = await placeOrder(api, shop.keys.manager);
    const c = await create(shop, { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_reason' }] });
    expect(c.status).toBe(201);
    expect(await facts(shop.id)).toHaveLength(1);
    const rate = await api('GET', '/api/v1/analytics/return-rate?from=2026-10-01&to=2026-11-30&groupBy=none', { key: shop.keys.viewer });
    expect(rate.status).toBe(200);
    expect(rate.body.totals).toMatchObject({ pendingReturnUnits: 1 });
    expect(await facts(shop.id)).toEqual([]);
    expect(await casesCounted(shop.id)).toBe(1);

    // The buyer withdraws: the next read counts the request as taken back.
    await act(api, shop.keys.agent, c.body.id, 'cancel');
    const after = await api('GET', '/api/v1/analytics/return-rate?from=2026-10-01&to=2026-11-30&groupBy=none', { key: shop.keys.viewer });
    expect(after.body.totals).toMatchObject({ pendingReturnUnits: 0 });
    expect(await casesCounted(shop.id)).toBe(0);

    // A rebuild counts the raw rows, pending facts' changes included, and drops those facts.
    const again = await create(shop, { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_reason' }] });
    expect(again.status).toBe(201);
    expect(await facts(shop.id)).toHaveLength(1);
    await rebuildAnalytics(t.ctx, shop.id);
    expect(await facts(shop.id)).toEqual([]);
    expect(await casesCounted(shop.id)).toBe(1);
    await expectEqualToRebuild(shop.id);
    expect(await casesCounted(shop.id)).toBe(1);
  });

  it('an order write counts its cases as they are now: their pending facts are folded before it re-counts them', async () => {
    const shop = await newShop('facts-order');
    const lines = ['A', 'B', 'C'].map((x) => ({ sku: `ORD-${x}`, title: `Order ${x}`, quantity: 2, unitPriceMinor: 5000 }));
    const body = orderBody({ placedAt: '2026-10-25T02:00:00Z', paidAt: '2026-10-25T02:05:00Z', lines, shipments: [{ carrier: 'SF', trackingNumber: 'SF-ORD', shippedAt: '2026-10-26T03:00:00Z', deliveredAt: '2026-10-30T06:00:00Z' }] });
    const placed = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body });
    expect(placed.status).toBe(201);
    const [a, b, c] = await Promise.all(
      (placed.body.lines as { id: string }[]).map((line) => create(shop, { orderId: placed.body.id, type: 'return_refund', items: [{ lineId: line.id, quantity: 2, reasonCode: 'wrong_size' }] })),
    );
    await runAnalyticsJobs(t.ctx);
    // Pending when the order changes: one return withdrawn, one completed, one just opened again.
    await act(api, shop.keys.agent, a!.body.id, 'cancel');
    await act(api, shop.keys.agent, b!.body.id, 'approve');
    await act(api, shop.keys.agent, b!.body.id, 'buyer_shipped', { carrier: 'SF', trackingNumber: 'SF-B' });
    const received = await act(api, shop.keys.warehouse, b!.body.id, 'receive');
    await act(api, shop.keys.warehouse, b!.body.id, 'inspect', { items: [{ itemId: received.body.items[0].id, acceptedQuantity: 1, grade: 'B', disposition: 'restock' }] });
    expect((await act(api, shop.keys.manager, b!.body.id, 'refund')).body.status).toBe('completed');
    expect(c!.status).toBe(201);
    expect((await facts(shop.id)).length).toBeGreaterThan(3);
    // The buyer changes, then the order is cancelled: what its cases count is taken back and counted again.
    const rebuyer = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body: { ...body, customer: { externalId: 'order-buyer-2', name: 'B2', email: 'b2@example.cn', phone: '+86 138-0000-0002' } } });
    expect(rebuyer.status).toBe(200);
    await act(api, shop.keys.agent, c!.body.id, 'approve');
    const cancelled = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body: { ...body, cancelledAt: '2026-10-31T02:00:00Z' } });
    expect(cancelled.status).toBe(200);
    await expectEqualToRebuild(shop.id);
  });

  it('cases of one order ending while the order changes hands and is cancelled, and a rebuild running, end equal to a rebuild', async () => {
    const shop = await newShop('facts-race');
    const lines = ['A', 'B', 'C', 'D', 'E', 'F'].map((x) => ({ sku: `RACE-${x}`, title: `Race ${x}`, quantity: 1, unitPriceMinor: 5000 }));
    const body = orderBody({ placedAt: '2026-10-25T02:00:00Z', paidAt: '2026-10-25T02:05:00Z', lines, shipments: [{ carrier: 'SF', trackingNumber: 'SF-RACE', shippedAt: '2026-10-26T03:00:00Z', deliveredAt: '2026-10-30T06:00:00Z' }] });
    const placed = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body });
    expect(placed.status).toBe(201);
    const orderLines: { id: string }[] = placed.body.lines;
    const ids: string[] = [];
    for (const line of orderLines) {
      const c = await create(shop, { orderId: placed.body.id, type: 'return_refund', items: [{ lineId: line.id, quantity: 1, reasonCode: 'wrong_size' }] });
      expect(c.status).toBe(201);
      ids.push(c.body.id);
    }
    // Half the opened facts are folded before the race, half during it.
    await runAnalyticsJobs(t.ctx);
    await act(api, shop.keys.agent, ids[5]!, 'approve');
    const buyer = (n: number) => ({ ...body, customer: { externalId: `race-buyer-${n}`, name: `Buyer ${n}`, email: `race${n}@example.cn`, phone: `+86 138-0000-000${n}` } });
    const results = await Promise.all([
      act(api, shop.keys.agent, ids[0]!, 'cancel'),
      api('POST', '/api/v1/orders', { key: shop.keys.manager, body: buyer(1) }),
      act(api, shop.keys.agent, ids[1]!, 'reject', { reasonCode: 'not_as_declared', reason: '不符' }).then(() => act(api, shop.keys.agent, ids[1]!, 'cancel')),
      api('POST', '/api/v1/orders', { key: shop.keys.manager, body: buyer(2) }),
      act(api, shop.keys.agent, ids[2]!, 'cancel'),
      runAnalyticsJobs(t.ctx).then(() => ({ status: 200 })),
      act(api, shop.keys.agent, ids[3]!, 'approve'),
      rebuildAnalytics(t.ctx, shop.id).then(() => ({ status: 200 })),
      api('POST', '/api/v1/orders', { key: shop.keys.manager, body: { ...buyer(3), cancelledAt: '2026-10-31T02:00:00Z' } }),
      act(api, shop.keys.agent, ids[4]!, 'cancel'),
    ]);
    for (const r of results) expect(r.status).toBe(200);
    // The approved return goes on: back, inspected, refunded.
    await act(api, shop.keys.agent, ids[5]!, 'buyer_shipped', { carrier: 'SF', trackingNumber: 'SF-R6' });
    const received = await act(api, shop.keys.warehouse, ids[5]!, 'receive');
    await Promise.all([
      act(api, shop.keys.warehouse, ids[5]!, 'inspect', { items: [{ itemId: received.body.items[0].id, acceptedQuantity: 1, grade: 'A', disposition: 'restock' }] }).then(() =>
        act(api, shop.keys.manager, ids[5]!, 'refund'),
      ),
      api('POST', '/api/v1/orders', { key: shop.keys.manager, body: buyer(4) }),
    ]);
    const [state] = await queryRows<{ cases: number; cancelled: number }>(
      t.ctx.db,
      sql`select count(*)::int as cases, count(*) filter (where status = 'cancelled')::int as cancelled from return_cases where shop_id = ${shop.id}`,
    );
    expect(state).toEqual({ cases: 6, cancelled: 4 });
    await expectEqualToRebuild(shop.id);
    expect(await casesCounted(shop.id)).toBe(2);
  });
});
