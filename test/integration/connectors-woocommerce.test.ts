import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { FakeWoo } from '../helpers/fake-woocommerce.js';
import { retryDueRefunds } from '../../src/worker/jobs/refund-retries.js';
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
      { orderId: String(fresh.id), amount: '9.90', reason: expect.stringMatching(/^Refunded by Retour \(retour:[0-9a-f-]{36}\)$/), meta_data: [{ key: 'retour_refund_id', value: expect.stringMatching(/^[0-9a-f-]{36}$/) }], api_refund: true, line_items: [{ id: String(fresh.id * 10), quantity: 1, refund_total: '9.90' }] },
    ]);
  });
  /** A processing (not shipped) order delivered by its signed webhook, and a refund-only request for one unit of its first line. */
  async function requestRefund() {
    const w = woo.generate('processing');
    const signed = woo.webhook('order.created', w);
    expect((await api('POST', `/hooks/woocommerce/${connectionId}`, { rawBody: signed.body, headers: signed.headers })).status).toBe(200);
    const [row] = await queryRows<{ id: string }>(t.ctx.db, sql`select id from orders where shop_id = ${shop.id} and channel = 'woocommerce' and external_id = ${String(w.id)}`);
    const order = (await api('GET', `/api/v1/orders/${row!.id}`, { key: shop.keys.manager })).body;
    const created = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type: 'refund_only', items: [{ lineId: order.lines[0].id, quantity: 1, reasonCode: 'no_longer_needed' }] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return { externalId: String(w.id), caseId: created.body.id as string };
  }
  const ledger = async (caseId: string) =>
    (await queryRows<{ id: string; status: string; provider_ref: string | null; amount_minor: number }>(t.ctx.db, sql`select id, status, provider_ref, amount_minor::int as amount_minor from refunds where case_id = ${caseId}`))[0]!;

  it('a lost answer is found again on a later page of the order’s refunds (made in WooCommerce since), not refunded twice', async () => {
    const { externalId, caseId } = await requestRefund();
    woo.loseNextRefundAnswer = true;
    const approved = await act(api, shop.keys.agent, caseId, 'approve');
    expect(approved.body.status, JSON.stringify(approved.body)).toBe('refund_pending');
    const pending = await ledger(caseId);
    expect(pending.status).toBe('pending');
    // Three refunds made in WooCommerce's admin since: with two a page, Retour's is on page 2.
    const list = woo.refunds.get(externalId)!;
    for (let i = 0; i < 3; i++) list.push({ id: 90_000 + i, amount: '0.10', reason: 'goodwill (admin)', refunded_payment: false, line_items: [], meta_data: [] });
    woo.maxPerPage = 2;
    try {
      t.clock.advance(3 * 3600_000);
      expect(await retryDueRefunds(t.ctx)).toBeGreaterThanOrEqual(1);
    } finally {
      woo.maxPerPage = 100;
    }
    const settled = await ledger(caseId);
    expect(settled.status).toBe('succeeded');
    expect(woo.refundsByMark.get(`retour:${settled.id}`)).toBe(1);
    const mine = list.filter((r) => r.meta_data.some((m: any) => m.key === 'retour_refund_id' && m.value === settled.id));
    expect(mine).toHaveLength(1);
    expect(String(mine[0]!.id)).toBe(settled.provider_ref);
    expect(Math.round(Number(mine[0]!.amount) * 100)).toBe(settled.amount_minor);
    expect(woo.requests.filter((r) => r.startsWith(`GET /wp-json/wc/v3/orders/${externalId}/refunds?`) && r.includes('page=2')).length).toBeGreaterThanOrEqual(1);
    expect((await api('GET', `/api/v1/returns/${caseId}`, { key: shop.keys.agent })).body.status).toBe('completed');
  });

  it('a call that outlives its lease does not pay: the worker that took the refund over pays it once', async () => {
    const { externalId, caseId } = await requestRefund();
    // The approving request's call looks at the order's refunds (none yet) and is held there…
    let release!: () => void;
    let reached!: () => void;
    const atHold = new Promise<void>((r) => (reached = r));
    woo.onListRefunds = () => {
      reached();
      return new Promise<void>((r) => (release = r));
    };
    const approving = act(api, shop.keys.agent, caseId, 'approve');
    await atHold;
    // …past its lease: the worker claims the refund, finds nothing either, and pays it.
    t.clock.advance(t.config.refundCallLeaseMs + 1000);
    expect(await retryDueRefunds(t.ctx)).toBeGreaterThanOrEqual(1);
    const paid = await ledger(caseId);
    expect(paid.status).toBe('succeeded');
    // The first call, answered at last with its stale empty list, must not pay again.
    release();
    const approved = await approving;
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(woo.refundsByMark.get(`retour:${paid.id}`)).toBe(1);
    expect(woo.refunds.get(externalId)!.map((r) => String(r.id))).toEqual([paid.provider_ref]);
    expect((await api('GET', `/api/v1/returns/${caseId}`, { key: shop.keys.agent })).body.status).toBe('completed');
  });
});
