import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { FakeWoo } from '../helpers/fake-woocommerce.js';
import { act } from '../helpers/returns.js';

/** Issue 16, points 1, 3 and 4: a WooCommerce store through the official client against a local server fed WooCommerce's examples. */
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;
let woo: FakeWoo;
let connectionId: string;

const ordersOf = async () => (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from orders where shop_id = ${shop.id} and channel = 'woocommerce'`))[0]!.n;

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  woo = new FakeWoo();
  await woo.start();
  shop = await createTestShop(t.ctx, 'woo-store');
  const created = await api('POST', '/api/v1/connections', {
    key: shop.keys.owner,
    body: { kind: 'woocommerce', name: 'Woo', credentials: { consumerKey: woo.consumerKey, consumerSecret: woo.consumerSecret, webhookSecret: woo.webhookSecret }, settings: { url: woo.url, pageSize: 2, retryBaseMs: 1 } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  connectionId = created.body.id;
  expect((await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProviders: { woocommerce: connectionId } } })).status).toBe(200);
});
afterAll(async () => {
  await t.close();
  await woo.close();
});

describe('WooCommerce connector', () => {
  it('back-fills by pages through a 429 and a 5xx, verifies webhooks, and pushes a Retour refund once with its lines and api_refund', async () => {
    const fresh = woo.generate('processing');
    woo.faults.push({ status: 429, retryAfter: '0' }, { status: 503 });
    const synced = await api('POST', `/api/v1/connections/${connectionId}/sync`, { key: shop.keys.owner });
    expect(synced.status, JSON.stringify(synced.body)).toBe(200);
    expect(synced.body).toMatchObject({ itemsIn: woo.orders.size, errors: 0, error: null });
    expect(await ordersOf()).toBe(woo.orders.size);
    expect(woo.requests.filter((r) => r.startsWith('GET /wp-json/wc/v3/orders?')).length).toBe(Math.ceil(woo.orders.size / 2) + 2);
    const [refunded] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from platform_refunds where shop_id = ${shop.id}`);
    expect(refunded!.n).toBe(2); // order 723's refunds made in WooCommerce

    const forged = woo.webhook('order.updated', fresh, 'wrong');
    expect((await api('POST', `/hooks/woocommerce/${connectionId}`, { rawBody: forged.body, headers: forged.headers })).status).toBe(401);
    const signed = woo.webhook('order.updated', fresh);
    for (let i = 0; i < 2; i++) expect((await api('POST', `/hooks/woocommerce/${connectionId}`, { rawBody: signed.body, headers: signed.headers })).status).toBe(200);
    expect(await ordersOf()).toBe(woo.orders.size);

    const [row] = await queryRows<{ id: string }>(t.ctx.db, sql`select id from orders where shop_id = ${shop.id} and channel = 'woocommerce' and external_id = ${String(fresh.id)}`);
    const order = (await api('GET', `/api/v1/orders/${row!.id}`, { key: shop.keys.manager })).body;
    expect(order.lines.map((l: any) => l.paidMinor)).toEqual([1980, 1650]);
    const created = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type: 'refund_only', items: [{ lineId: order.lines[0].id, quantity: 1, reasonCode: 'no_longer_needed' }] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const approved = await act(api, shop.keys.agent, created.body.id, 'approve');
    expect(approved.body.status, JSON.stringify(approved.body)).toBe('completed');
    expect(woo.created).toEqual([
      { orderId: String(fresh.id), amount: '9.90', reason: expect.stringMatching(/^Refunded by Retour \(retour:[0-9a-f-]{36}\)$/), api_refund: true, line_items: [{ id: String(fresh.id * 10), quantity: 1, refund_total: '9.90' }] },
    ]);
  });
});
