import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { onPostgres } from '../helpers/db.js';
import { exited, startWorkerProcess } from '../helpers/worker-process.js';
import { FakeShopify } from '../helpers/fake-shopify.js';
import { FakeWoo } from '../helpers/fake-woocommerce.js';

/*
 * Issue 16, point 7, for the storefront rails: `retour worker` killed with SIGKILL right after
 * Shopify or WooCommerce made a refund and before its answer arrived (the fakes kill it from
 * inside the request), then started again. Neither platform takes an idempotency key on refund
 * creation: the next worker must find the refund it made on the order (by the ledger row's mark)
 * and settle the pending row from it, never refund a second time. PostgreSQL only: the worker
 * runs in its own process, as in production.
 */
const CASES = 3;
const KILLS_PER_RAIL = 2;

let t: TestApp;
let api: ReturnType<typeof client>;
let shopifyShop: TestShop;
let wooShop: TestShop;
let shopify: FakeShopify;
let woo: FakeWoo;
let shopifyConnection: string;
let wooConnection: string;
let dataDir: string;
let worker: ChildProcess | null = null;
const kills = { shopify: 0, woo: 0 };
let deaths = 0;
/** What each case's refund must be: the requested line's paid amount, per case id. */
const owed = new Map<string, number>();

const startWorker = () => startWorkerProcess(t, dataDir);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Kills the worker while the platform holds its answer, `limit` times. One worker sends Shopify and
 * WooCommerce refunds side by side, so the second request can reach its fake after the first one
 * killed it: a kill, but no second death (`deaths` counts workers killed).
 */
function killer(rail: keyof typeof kills, limit: number) {
  return () => {
    if (kills[rail] < limit && worker) {
      kills[rail]++;
      if (!worker.killed) deaths++;
      worker.kill('SIGKILL');
    }
  };
}

const shops = () => sql`(${shopifyShop.id}, ${wooShop.id})`;
const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.ctx.db, query))[0]!.n;

/** The platform order as Retour imported it (by the signed webhook), and a refund-only request for one unit of its first line. */
async function openCase(shop: TestShop, channel: 'shopify' | 'woocommerce', externalId: string) {
  const [row] = await queryRows<{ id: string }>(t.ctx.db, sql`select id from orders where shop_id = ${shop.id} and channel = ${channel} and external_id = ${externalId}`);
  expect(row, `order ${externalId} imported`).toBeDefined();
  const order = (await api('GET', `/api/v1/orders/${row!.id}`, { key: shop.keys.manager })).body;
  expect(order.shipments ?? []).toEqual([]);
  const line = order.lines[0];
  const res = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type: 'refund_only', items: [{ lineId: line.id, quantity: 1, reasonCode: 'no_longer_needed' }] } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  owed.set(res.body.id, line.paidMinor / line.quantity);
}

beforeAll(async () => {
  if (!onPostgres()) return;
  t = await startTestApp();
  api = client(t.baseUrl);
  dataDir = mkdtempSync(join(tmpdir(), 'retour-crash-store-'));
  shopify = new FakeShopify({ sharedExamples: false });
  woo = new FakeWoo();
  await Promise.all([shopify.start(), woo.start()]);
  shopifyShop = await createTestShop(t.ctx, 'crash-shopify');
  wooShop = await createTestShop(t.ctx, 'crash-woo');
  const connect = async (shop: TestShop, channel: string, body: unknown) => {
    const created = await api('POST', '/api/v1/connections', { key: shop.keys.owner, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProviders: { [channel]: created.body.id } } })).status).toBe(200);
    return created.body.id as string;
  };
  shopifyConnection = await connect(shopifyShop, 'shopify', {
    kind: 'shopify',
    name: 'Shopify',
    credentials: { accessToken: shopify.accessToken, apiSecretKey: shopify.apiSecretKey },
    settings: { shopDomain: 'retour-crash.myshopify.com', baseUrl: shopify.url, retryBaseMs: 1 },
  });
  wooConnection = await connect(wooShop, 'woocommerce', {
    kind: 'woocommerce',
    name: 'Woo',
    credentials: { consumerKey: woo.consumerKey, consumerSecret: woo.consumerSecret, webhookSecret: woo.webhookSecret },
    settings: { url: woo.url, retryBaseMs: 1 },
  });

  // Paid orders not yet shipped, placed two days before the test clock; refund requests nobody
  // answers: each one's deadline approves it in the worker, which pushes its refund to the platform.
  const placed = new Date(t.clock.now().getTime() - 2 * 86_400_000);
  for (let i = 0; i < CASES; i++) {
    const s = shopify.generate({ lines: 2, quantity: 2, fulfilled: false, at: placed });
    const signedS = shopify.webhook('orders/create', s);
    expect((await api('POST', `/hooks/shopify/${shopifyConnection}`, { rawBody: signedS.body, headers: signedS.headers })).status).toBe(200);
    await openCase(shopifyShop, 'shopify', String(s.id));

    const w = woo.generate('processing');
    const at = placed.toISOString().slice(0, 19);
    Object.assign(w, { date_created_gmt: at, date_modified_gmt: at, date_paid_gmt: at });
    const signedW = woo.webhook('order.created', w);
    expect((await api('POST', `/hooks/woocommerce/${wooConnection}`, { rawBody: signedW.body, headers: signedW.headers })).status).toBe(200);
    await openCase(wooShop, 'woocommerce', String(w.id));
  }
}, 120_000);

afterAll(async () => {
  if (!onPostgres()) return;
  if (worker) {
    worker.kill('SIGKILL');
    await exited(worker);
  }
  await Promise.all([shopify.close(), woo.close()]);
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!onPostgres())('a worker killed between a storefront’s refund and its answer', () => {
  it('refunds every case through Shopify and WooCommerce exactly once, for the case’s amount, and settles it', async () => {
    shopify.answerDelayMs = 300;
    woo.answerDelayMs = 300;
    shopify.onRefund = killer('shopify', KILLS_PER_RAIL);
    woo.onRefund = killer('woo', KILLS_PER_RAIL);

    expect(await count(sql`select count(*)::int as n from return_cases where shop_id in ${shops()}`)).toBe(2 * CASES);
    const unsettled = () => count(sql`select count(*)::int as n from refunds where shop_id in ${shops()} and status <> 'succeeded'`);
    const written = () => count(sql`select count(*)::int as n from refunds where shop_id in ${shops()}`);
    const done = async () => (await written()) === 2 * CASES && (await unsettled()) === 0;

    const deadline = Date.now() + 270_000;
    let starts = 0;
    while (Date.now() < deadline) {
      worker = startWorker();
      starts++;
      const current = worker;
      // Until this worker is killed or every refund is written and settled (polled, no long sleeps).
      let finished = false;
      while (current.exitCode === null && current.signalCode === null && Date.now() < deadline) {
        await sleep(200);
        if ((finished = await done())) break;
      }
      if (finished || (await done())) break;
      if (Date.now() >= deadline) current.kill('SIGKILL');
      await exited(current);
    }
    const left = await queryRows(t.ctx.db, sql`select shop_id, status, attempts, last_error, next_attempt_at from refunds where shop_id in ${shops()} and status <> 'succeeded'`);
    expect(left, JSON.stringify({ kills, starts, left })).toEqual([]);
    // Every kill landed in the window between the platform's refund and its answer.
    expect(kills).toEqual({ shopify: KILLS_PER_RAIL, woo: KILLS_PER_RAIL });
    // Every worker killed was followed by another.
    expect(deaths).toBeGreaterThan(0);
    expect(starts).toBeGreaterThan(deaths);

    const rows = await queryRows<{ id: string; shop_id: string; case_id: string; amount_minor: number; compensation_minor: number; provider: string; provider_ref: string; external_id: string }>(
      t.ctx.db,
      sql`select r.id, r.shop_id, r.case_id, r.amount_minor::int as amount_minor, r.compensation_minor::int as compensation_minor, r.provider, r.provider_ref, o.external_id
          from refunds r join orders o on o.shop_id = r.shop_id and o.id = r.order_id where r.shop_id in ${shops()}`,
    );
    expect(rows).toHaveLength(2 * CASES);
    for (const r of rows) {
      // The ledger owes what the case asked for: one unit of the line, as paid.
      expect(r.amount_minor + r.compensation_minor).toBe(owed.get(r.case_id));
      const mark = `retour:${r.id}`;
      if (r.shop_id === shopifyShop.id) {
        expect(r.provider).toBe('shopify');
        expect(shopify.refundsByMark.get(mark), mark).toBe(1);
        const made = (shopify.orders.get(r.external_id)!.refunds as any[]).filter((x) => String(x.note).includes(mark));
        expect(made).toHaveLength(1);
        expect(String(made[0].id)).toBe(r.provider_ref);
        expect(made[0].transactions.map((x: any) => Math.round(Number(x.amount) * 100))).toEqual([r.amount_minor + r.compensation_minor]);
        // Nothing else was refunded on the order.
        expect(shopify.totals(r.external_id).refunded).toBe(r.amount_minor + r.compensation_minor);
      } else {
        expect(r.provider).toBe('woocommerce');
        expect(woo.refundsByMark.get(mark), mark).toBe(1);
        const made = (woo.refunds.get(r.external_id) ?? []).filter((x) => String(x.reason).includes(mark));
        expect(made).toHaveLength(1);
        expect(String(made[0]!.id)).toBe(r.provider_ref);
        expect(Math.round(Number(made[0]!.amount) * 100)).toBe(r.amount_minor + r.compensation_minor);
        expect(woo.totals(r.external_id).refunded).toBe(r.amount_minor + r.compensation_minor);
      }
    }
    // Each platform made exactly as many refunds as the ledger has rows.
    expect([...shopify.refundsByMark.values()].reduce((a, n) => a + n, 0)).toBe(CASES);
    expect([...woo.refundsByMark.values()].reduce((a, n) => a + n, 0)).toBe(CASES);
    const statuses = await queryRows<{ status: string; n: number }>(t.ctx.db, sql`select status, count(*)::int as n from return_cases where shop_id in ${shops()} group by status`);
    expect(statuses).toEqual([{ status: 'completed', n: 2 * CASES }]);
  }, 300_000);
});
