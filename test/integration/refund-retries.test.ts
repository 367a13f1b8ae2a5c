import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { retryDueRefunds } from '../../src/worker/jobs/refund-retries.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { act, placeOrder } from '../helpers/returns.js';

let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'retries');
  api = client(t.baseUrl);
});
afterAll(() => t.close());

describe('refund providers', () => {
  it('a failing provider is retried with backoff until it pays, exactly once; staff see the failure meanwhile', async () => {
    await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProvider: 'simulated', simulatedProvider: { latencyMs: 0, failFirstAttempts: 2, failureRate: 0 } } });
    const order = await placeOrder(api, shop.keys.manager, { shipped: false });
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'refund_only', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] },
    });
    const id = created.body.id;
    const approved = await act(api, shop.keys.agent, id, 'approve');
    expect(approved.body.status).toBe('refund_pending');
    expect(approved.body.refundFailure).toMatch(/declined/);
    expect(approved.body.refunds[0]).toMatchObject({ status: 'pending', attempts: 1 });

    // Not due yet: nothing happens.
    expect(await retryDueRefunds(t.ctx)).toBe(0);
    t.clock.advance(3 * 60_000);
    expect(await retryDueRefunds(t.ctx)).toBe(1);
    let detail = (await api('GET', `/api/v1/returns/${id}`, { key: shop.keys.viewer })).body;
    expect(detail.refunds[0]).toMatchObject({ status: 'pending', attempts: 2 });
    t.clock.advance(10 * 60_000);
    expect(await retryDueRefunds(t.ctx)).toBe(1);
    detail = (await api('GET', `/api/v1/returns/${id}`, { key: shop.keys.viewer })).body;
    expect(detail.status).toBe('completed');
    expect(detail.refundFailure).toBeNull();
    expect(detail.refunds[0]).toMatchObject({ status: 'succeeded', attempts: 3 });
    expect(detail.timeline.map((e: any) => e.type)).toEqual(['case.created', 'case.approve', 'refund.attempt_failed', 'refund.attempt_failed', 'case.refund_succeeded']);
    const payouts = await queryRows<{ amount_minor: number; calls: number }>(t.ctx.db, sql`select p.amount_minor, p.calls from simulated_payouts p join refunds r on r.idempotency_key = p.idempotency_key and r.shop_id = p.shop_id where r.case_id = ${id}`);
    expect(payouts).toEqual([{ amount_minor: order.lines[1]!.paidMinor, calls: 1 }]);
    t.clock.advance(24 * 3600_000);
    expect(await retryDueRefunds(t.ctx)).toBe(0);
  });

  it('manual refunds wait for staff to confirm them, once', async () => {
    await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProvider: 'manual' } });
    const order = await placeOrder(api, shop.keys.manager, { shipped: false });
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'refund_only', items: [{ lineId: order.lines[0]!.id, quantity: 2, reasonCode: 'no_longer_needed' }] },
    });
    const approved = await act(api, shop.keys.agent, created.body.id, 'approve');
    expect(approved.body.status).toBe('refund_pending');
    const refund = approved.body.refunds[0];
    expect(refund).toMatchObject({ provider: 'manual', status: 'pending' });
    t.clock.advance(3600_000);
    expect(await retryDueRefunds(t.ctx)).toBe(0);
    expect((await api('POST', `/api/v1/refunds/${refund.id}/confirm`, { key: shop.keys.agent, body: { reference: 'ALIPAY-1' } })).status).toBe(403);
    const confirmed = await api('POST', `/api/v1/refunds/${refund.id}/confirm`, { key: shop.keys.manager, body: { reference: 'ALIPAY-2026110100001' } });
    expect(confirmed.body).toMatchObject({ status: 'succeeded', providerRef: 'ALIPAY-2026110100001' });
    const again = await api('POST', `/api/v1/refunds/${refund.id}/confirm`, { key: shop.keys.manager, body: { reference: 'ALIPAY-2026110100001' } });
    expect(again.status).toBe(409);
    expect((await api('GET', `/api/v1/returns/${created.body.id}`, { key: shop.keys.viewer })).body.status).toBe('completed');
  });

  it('store credit is credited once, with its bonus', async () => {
    const intl = await createTestShop(t.ctx, 'retries-intl', 'USD');
    const order = await placeOrder(api, intl.keys.manager, { shipped: false, overrides: { currency: 'USD', channel: 'shopify' } });
    const created = await api('POST', '/api/v1/returns', {
      key: intl.keys.agent,
      body: { orderId: order.id, type: 'refund_only', refundMethod: 'store_credit', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'changed_mind' }] },
    });
    expect(created.status).toBe(201);
    expect(created.body.breakdown.storeCreditBonusMinor).toBe(Math.floor(order.lines[1]!.paidMinor * 0.1));
    const approved = await act(api, intl.keys.agent, created.body.id, 'approve');
    expect(approved.body.status).toBe('completed');
    const profile = await api('GET', `/api/v1/customers/${order.customer!.id}`, { key: intl.keys.viewer });
    expect(profile.body.storeCreditMinor).toBe(order.lines[1]!.paidMinor + Math.floor(order.lines[1]!.paidMinor * 0.1));
  });
});
