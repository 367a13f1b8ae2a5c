import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { retryDueRefunds } from '../../src/worker/jobs/refund-retries.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { FakeShopify } from '../helpers/fake-shopify.js';
import { act } from '../helpers/returns.js';

/**
 * Issue 16, points 1, 2 and 4: a Shopify store connected with the official SDK against a local
 * server answering with Shopify's own example orders: back-fill through 429s and 5xx, signed
 * webhooks, refunds made in Shopify counted, refunds decided in Retour pushed exactly once.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;
let shopify: FakeShopify;
let connectionId: string;

const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.ctx.db, query))[0]!.n;
const ordersOf = (shopId: string) => count(sql`select count(*)::int as n from orders where shop_id = ${shopId} and channel = 'shopify'`);
const platformRefunds = (shopId: string) => count(sql`select count(*)::int as n from platform_refunds where shop_id = ${shopId}`);
const runs = () => count(sql`select count(*)::int as n from connection_runs where connection_id = ${connectionId}`);
async function orderByExternal(externalId: string) {
  const [row] = await queryRows<{ id: string }>(t.ctx.db, sql`select id from orders where shop_id = ${shop.id} and channel = 'shopify' and external_id = ${externalId}`);
  return (await api('GET', `/api/v1/orders/${row!.id}`, { key: shop.keys.manager })).body;
}

function hook(topic: string, payload: unknown, secret?: string) {
  const signed = shopify.webhook(topic, payload, secret);
  return api('POST', `/hooks/shopify/${connectionId}`, { rawBody: signed.body, headers: signed.headers });
}

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  shopify = new FakeShopify();
  await shopify.start();
  shop = await createTestShop(t.ctx, 'shopify-store');
  const created = await api('POST', '/api/v1/connections', {
    key: shop.keys.owner,
    body: {
      kind: 'shopify',
      name: 'Shopify',
      credentials: { accessToken: shopify.accessToken, apiSecretKey: shopify.apiSecretKey },
      settings: { shopDomain: 'retour-test.myshopify.com', baseUrl: shopify.url, pageSize: 4, retryBaseMs: 1 },
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  connectionId = created.body.id;
  const routed = await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { currencies: ['CNY', 'USD', 'EUR'], refundProviders: { shopify: connectionId } } });
  expect(routed.status, JSON.stringify(routed.body)).toBe(200);
});
afterAll(async () => {
  await t.close();
  await shopify.close();
});

describe('Shopify connector', () => {
  it('back-fills every order page by page through 429s and 5xx, keeps Shopify’s refunds, and a re-run changes nothing', async () => {
    for (let i = 0; i < 6; i++) shopify.generate();
    // Shopify's examples give several different orders the name #1002: the first is written, the
    // others are refused (a number names one order) and logged by their Shopify id.
    const names = new Set([...shopify.orders.values()].map((o) => o.name));
    const expected = names.size;
    const refused = shopify.orders.size - names.size;
    shopify.faults.push({ status: 429, retryAfter: '0.01' }, { status: 500 }, { status: 429, retryAfter: '0' });
    const synced = await api('POST', `/api/v1/connections/${connectionId}/sync`, { key: shop.keys.owner });
    expect(synced.status, JSON.stringify(synced.body)).toBe(200);
    expect(synced.body).toMatchObject({ itemsIn: expected, errors: refused, error: null, connection: { status: 'active' } });
    expect(synced.body.connection.lastSyncAt).not.toBeNull();
    expect(await ordersOf(shop.id)).toBe(expected);
    // Several pages, each fault answered by a retry of the same request.
    const lists = shopify.requests.filter((r) => r.startsWith('GET /admin/api/2026-07/orders.json'));
    expect(lists.length).toBe(Math.ceil(shopify.orders.size / 4) + 3);
    expect(lists.some((r) => r.includes('page_info='))).toBe(true);

    // Shopify's example order #1001: tax-exclusive, discount allocations per line, its refund of 209.00 made in Shopify.
    const bob = await orderByExternal('450789469');
    expect(bob).toMatchObject({ number: '#1001', currency: 'USD', pricesIncludeTax: false, amounts: { totalMinor: 59894 } });
    const [refund] = await queryRows<{ amount_minor: number; lines: unknown[] }>(t.ctx.db, sql`select amount_minor::int as amount_minor, lines from platform_refunds where shop_id = ${shop.id} and external_id = '509562969'`);
    expect(refund).toMatchObject({ amount_minor: 20900 });
    expect(refund!.lines).toHaveLength(2);
    const [customer] = await queryRows<{ email: string }>(t.ctx.db, sql`select email from customers where shop_id = ${shop.id} and external_ref = 'shopify:207119551'`);
    expect(customer).toMatchObject({ email: 'bob.norman@mail.example.com' });

    const log = await api('GET', `/api/v1/connections/${connectionId}/runs`, { key: shop.keys.manager });
    expect(log.body.data[0]).toMatchObject({ trigger: 'sync', status: 'partial', itemsIn: expected });
    expect(log.body.data[0].errors).toContainEqual({ externalId: '1073459983', message: expect.stringMatching(/order.number_taken/) });
    const [row] = await queryRows<{ cursor: Record<string, string> }>(t.ctx.db, sql`select cursor from connections where id = ${connectionId}`);
    expect(row!.cursor.updatedAtMin).toBeTruthy();

    const refundsBefore = await platformRefunds(shop.id);
    const again = await api('POST', `/api/v1/connections/${connectionId}/sync`, { key: shop.keys.owner });
    expect(again.body.error).toBeNull();
    expect(await ordersOf(shop.id)).toBe(expected);
    expect(await platformRefunds(shop.id)).toBe(refundsBefore);
  });

  it('webhooks: a bad signature is 401 and writes nothing; orders/create and refunds/create are written once however often delivered', async () => {
    const order = shopify.generate({ lines: 1, quantity: 3 });
    const before = { orders: await ordersOf(shop.id), runs: await runs() };
    const forged = await hook('orders/create', order, 'not-the-secret');
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('webhook.signature_invalid');
    const unsigned = await api('POST', `/hooks/shopify/${connectionId}`, { rawBody: JSON.stringify(order), headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create' } });
    expect(unsigned.status).toBe(401);
    expect(await ordersOf(shop.id)).toBe(before.orders);
    expect(await runs()).toBe(before.runs);

    for (let i = 0; i < 2; i++) {
      const delivered = await hook('orders/create', order);
      expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
    }
    expect(await ordersOf(shop.id)).toBe(before.orders + 1);

    // A refund made in Shopify's admin: 1 of 3 units, 10.60.
    const refund = shopify.refundInAdmin(String(order.id), 1, '10.60');
    for (let i = 0; i < 2; i++) expect((await hook('refunds/create', refund)).status).toBe(200);
    const recorded = await queryRows<{ amount_minor: number }>(t.ctx.db, sql`select amount_minor::int as amount_minor from platform_refunds where shop_id = ${shop.id} and external_id = ${String(refund.id)}`);
    expect(recorded).toEqual([{ amount_minor: 1060 }]);

    // Retour cannot refund that unit again: of 3 units, 2 are left to return.
    const mine = await orderByExternal(String(order.id));
    const tooMany = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: mine.id, type: 'refund_only', items: [{ lineId: mine.lines[0].id, quantity: 3, reasonCode: 'no_longer_needed' }] } });
    expect(tooMany.status).toBeGreaterThanOrEqual(400);
    expect(tooMany.status).toBeLessThan(500);
  });

  it('a refund decided in Retour is pushed to Shopify once (calculate, then refunds with restock and the ledger’s mark), even when the answer is lost', async () => {
    const order = shopify.generate({ lines: 2, quantity: 1 });
    expect((await hook('orders/create', order)).status).toBe(200);
    const mine = await orderByExternal(String(order.id));
    const line = mine.lines[1];
    const created = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: mine.id, type: 'refund_only', items: [{ lineId: line.id, quantity: 1, reasonCode: 'no_longer_needed' }] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    shopify.loseNextRefundAnswer = true;
    const approved = await act(api, shop.keys.agent, created.body.id, 'approve');
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe('refund_pending');
    const [pending] = await queryRows<{ id: string; status: string; amount_minor: number }>(t.ctx.db, sql`select id, status, amount_minor::int as amount_minor from refunds where case_id = ${created.body.id}`);
    expect(pending).toMatchObject({ status: 'pending', amount_minor: line.paidMinor });

    // The worker retries: the refund Shopify made is found by its mark, not made again.
    t.clock.advance(3 * 3600_000);
    expect(await retryDueRefunds(t.ctx)).toBeGreaterThanOrEqual(1);
    const [settled] = await queryRows<{ status: string; provider: string; provider_ref: string }>(t.ctx.db, sql`select status, provider, provider_ref from refunds where id = ${pending!.id}`);
    expect(settled).toMatchObject({ status: 'succeeded', provider: 'shopify' });
    expect(shopify.refundsByMark.get(`retour:${pending!.id}`)).toBe(1);
    const pushed = (shopify.orders.get(String(order.id))!.refunds as any[]).find((r) => r.note?.includes(pending!.id));
    expect(String(pushed.id)).toBe(settled!.provider_ref);
    expect(pushed.transactions).toMatchObject([{ kind: 'refund', amount: (line.paidMinor / 100).toFixed(2), parent_id: '801038806' }]);
    expect(pushed.refund_line_items).toEqual([{ line_item_id: line.externalId, quantity: 1, restock_type: 'no_restock' }]);
    expect(shopify.requests.filter((r) => r.includes(`/orders/${order.id}/refunds/calculate.json`)).length).toBeGreaterThanOrEqual(1);

    // Shopify reports Retour's own refund back (refunds/create): it is not counted a second time.
    const before = await platformRefunds(shop.id);
    expect((await hook('refunds/create', pushed)).status).toBe(200);
    expect(await platformRefunds(shop.id)).toBe(before);
    const view = await api('GET', `/api/v1/returns/${created.body.id}`, { key: shop.keys.agent });
    expect(view.body.status).toBe('completed');
  });
  it('a call that outlives its lease does not pay: the worker that took the refund over pays it once', async () => {
    const order = shopify.generate({ lines: 2, quantity: 1 });
    expect((await hook('orders/create', order)).status).toBe(200);
    const mine = await orderByExternal(String(order.id));
    const line = mine.lines[0];
    const created = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: mine.id, type: 'refund_only', items: [{ lineId: line.id, quantity: 1, reasonCode: 'no_longer_needed' }] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // The approving request's call finds no refund on the order, then is held at refunds/calculate…
    let release!: () => void;
    let reached!: () => void;
    const atHold = new Promise<void>((r) => (reached = r));
    shopify.onCalculate = () => {
      reached();
      return new Promise<void>((r) => (release = r));
    };
    const approving = act(api, shop.keys.agent, created.body.id, 'approve');
    await atHold;
    // …past its lease: the worker claims the refund, finds nothing either, and pays it.
    t.clock.advance(t.config.refundCallLeaseMs + 1000);
    expect(await retryDueRefunds(t.ctx)).toBeGreaterThanOrEqual(1);
    const [paid] = await queryRows<{ id: string; status: string; provider_ref: string; amount_minor: number }>(
      t.ctx.db,
      sql`select id, status, provider_ref, amount_minor::int as amount_minor from refunds where case_id = ${created.body.id}`,
    );
    expect(paid).toMatchObject({ status: 'succeeded', amount_minor: line.paidMinor });
    // The first call, let go at last, must not make a second refund.
    release();
    const approved = await approving;
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(shopify.refundsByMark.get(`retour:${paid!.id}`)).toBe(1);
    const refunds = shopify.orders.get(String(order.id))!.refunds as any[];
    expect(refunds.map((r) => String(r.id))).toEqual([paid!.provider_ref]);
    expect(shopify.totals(String(order.id)).refunded).toBe(line.paidMinor);
    expect((await api('GET', `/api/v1/returns/${created.body.id}`, { key: shop.keys.agent })).body.status).toBe('completed');
  });
});
