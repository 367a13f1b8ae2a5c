import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { stripeIdempotencyKey } from '../../src/integrations/stripe/refund-provider.js';
import { retryDueRefunds } from '../../src/worker/jobs/refund-retries.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { FakeStripe, type FakePayment } from '../helpers/fake-stripe.js';
import { act, placeOrder } from '../helpers/returns.js';

/**
 * Issue 16, points 5 and 7: web orders refunded through a Stripe connection (the official SDK
 * against a local server speaking Stripe's API), settled by its answer or by signed webhooks.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;
let stripe: FakeStripe;
let connectionId: string;

async function connectStripe(s: TestShop, settings: Record<string, unknown> = {}) {
  const created = await api('POST', '/api/v1/connections', {
    key: s.keys.owner,
    body: { kind: 'stripe', name: `Stripe ${Object.keys(settings).join(' ')}`.trim(), credentials: { secretKey: stripe.secretKey, webhookSecret: stripe.webhookSecret }, settings: { baseUrl: stripe.url, ...settings } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const routed = await api('PATCH', '/api/v1/shop', { key: s.keys.owner, body: { refundProviders: { web: created.body.id } } });
  expect(routed.status, JSON.stringify(routed.body)).toBe(200);
  return created.body.id as string;
}

/** A web order paid through Stripe (the fake holds its PaymentIntent), and a refund_only case for one of its lines, approved. */
async function refundThroughStripe(s: TestShop, behaviour: FakePayment['behaviour'] = 'succeed', options: { lineIndex?: number; currency?: string; reasonCode?: string; overrides?: Record<string, unknown> } = {}) {
  const payment = stripe.payment(0, options.currency ?? 'CNY', behaviour);
  const order = await placeOrder(api, s.keys.manager, { shipped: false, overrides: { channel: 'web', currency: options.currency ?? 'CNY', paymentRef: payment.id, ...options.overrides } });
  payment.amount = order.amounts.totalMinor;
  const line = order.lines[options.lineIndex ?? 1]!;
  return { order, payment, ...(await approveRefund(s, order.id, line.id, line.quantity, options.reasonCode)) };
}

async function approveRefund(s: TestShop, orderId: string, lineId: string, quantity: number, reasonCode = 'no_longer_needed') {
  const created = await api('POST', '/api/v1/returns', { key: s.keys.agent, body: { orderId, type: 'refund_only', items: [{ lineId, quantity, reasonCode }] } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const approved = await act(api, s.keys.agent, created.body.id, 'approve');
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return { caseId: created.body.id as string, approved: approved.body };
}

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  stripe = new FakeStripe();
  await stripe.start();
  shop = await createTestShop(t.ctx, 'stripe-pay');
  connectionId = await connectStripe(shop);
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

const refundRow = async (caseId: string) =>
  (await queryRows<{ id: string; status: string; provider: string; provider_ref: string | null; connection_id: string | null; idempotency_key: string; amount_minor: number; attempts: number }>(
    t.ctx.db,
    sql`select id, status, provider, provider_ref, connection_id, idempotency_key, amount_minor::int as amount_minor, attempts from refunds where case_id = ${caseId}`,
  ))[0]!;

const paidAtStripe = (shopId: string, key: string) => stripe.refundsByKey.get(stripeIdempotencyKey(shopId, key)) ?? 0;

describe('Stripe refunds', () => {
  it('refunds the order’s PaymentIntent once, with the ledger’s idempotency key, and completes the case', async () => {
    const { order, payment, caseId, approved } = await refundThroughStripe(shop);
    expect(approved.status).toBe('completed');
    const row = await refundRow(caseId);
    expect(row).toMatchObject({ status: 'succeeded', provider: 'stripe', connection_id: connectionId, amount_minor: order.lines[1]!.paidMinor });
    const [made] = stripe.refundsOf(payment.id);
    expect(made).toMatchObject({ id: row.provider_ref, amount: order.lines[1]!.paidMinor, currency: 'cny', metadata: { retour_refund_id: row.id, retour_shop_id: shop.id } });
    expect(paidAtStripe(shop.id, row.idempotency_key)).toBe(1);
  });

  it('partial refunds of one payment add up, each paid once, never above what was paid', async () => {
    const { order, payment } = await refundThroughStripe(shop, 'succeed', { lineIndex: 1 });
    const second = await approveRefund(shop, order.id, order.lines[0]!.id, 1);
    expect(second.approved.status).toBe('completed');
    const refunds = stripe.refundsOf(payment.id);
    const ledger = await queryRows<{ amount_minor: number }>(t.ctx.db, sql`select amount_minor::int as amount_minor from refunds where order_id = ${order.id} and status = 'succeeded' order by created_at`);
    expect(refunds.map((r) => r.amount)).toEqual(ledger.map((r) => r.amount_minor));
    expect(refunds[0]!.amount).toBe(order.lines[1]!.paidMinor);
    expect(payment.refunded).toBe(refunds.reduce((sum, r) => sum + r.amount, 0));
    expect(payment.refunded).toBeLessThanOrEqual(payment.amount);
  });

  it('sends zero-decimal currencies (JPY) in whole yen', async () => {
    const yen = await createTestShop(t.ctx, 'stripe-jpy', 'JPY');
    await connectStripe(yen);
    const { order, payment, approved } = await refundThroughStripe(yen, 'succeed', { currency: 'JPY', reasonCode: 'changed_mind', overrides: { locale: 'en', lines: [{ sku: 'TEA', title: 'Matcha', quantity: 1, unitPriceMinor: 3980 }, { sku: 'CUP', title: 'Cup', quantity: 1, unitPriceMinor: 1250 }], orderDiscountMinor: 0, shippingFeeMinor: 0 } });
    expect(approved.status).toBe('completed');
    expect(stripe.refundsOf(payment.id)).toMatchObject([{ amount: 1250, currency: 'jpy' }]);
    expect(order.lines[1]!.paidMinor).toBe(1250);
  });

  it('a declined refund fails for good, pays nothing and tells staff why', async () => {
    const { payment, caseId, approved } = await refundThroughStripe(shop, 'decline');
    expect(approved.status).toBe('refund_pending');
    expect(approved.refundFailure).toMatch(/declined/);
    expect(await refundRow(caseId)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(stripe.refundsOf(payment.id)).toEqual([]);
    t.clock.advance(24 * 3600_000);
    expect(await retryDueRefunds(t.ctx)).toBe(0);
  });

  it('an answer lost to a timeout is asked again with the same key: Stripe pays once', async () => {
    const slow = await createTestShop(t.ctx, 'stripe-slow');
    await connectStripe(slow, { timeoutMs: 1000 });
    // The refund is made, its answer withheld until the client gives up: lost, however slow the machine.
    stripe.withholdAnswers = true;
    try {
      const { caseId, approved } = await refundThroughStripe(slow);
      expect(approved.status).toBe('refund_pending');
      const before = await refundRow(caseId);
      expect(before).toMatchObject({ status: 'pending', attempts: 1 });
      const key = stripeIdempotencyKey(slow.id, before.idempotency_key);
      expect(stripe.refundsByKey.get(key)).toBe(1); // made, but the answer never arrived
      stripe.withholdAnswers = false;
      t.clock.advance(5 * 60_000);
      expect(await retryDueRefunds(t.ctx)).toBeGreaterThanOrEqual(1);
      expect(await refundRow(caseId)).toMatchObject({ status: 'succeeded', attempts: 2 });
      expect(stripe.refundsByKey.get(key)).toBe(1);
      expect(stripe.callsByKey.get(key)).toBe(2);
    } finally {
      stripe.withholdAnswers = false;
    }
  });
});

describe('Stripe webhooks', () => {
  const post = (id: string, body: string, signature?: string) =>
    api('POST', `/hooks/stripe/${id}`, { rawBody: body, headers: { 'content-type': 'application/json; charset=utf-8', ...(signature ? { 'stripe-signature': signature } : {}) } });

  it('refund.updated settles a pending refund once; a repeat changes nothing; a bad signature writes nothing', async () => {
    const { payment, caseId, approved } = await refundThroughStripe(shop, 'pending');
    expect(approved.status).toBe('refund_pending');
    const pending = await refundRow(caseId);
    const [made] = stripe.refundsOf(payment.id);
    expect(pending).toMatchObject({ status: 'pending', provider_ref: made!.id });

    const succeeded = { ...made!, status: 'succeeded' };
    const forged = stripe.signedEvent('refund.updated', succeeded, 'whsec_someone_else');
    expect((await post(connectionId, forged.body, forged.signature)).status).toBe(401);
    expect((await post(connectionId, forged.body)).status).toBe(401);
    const good = stripe.signedEvent('refund.updated', succeeded);
    const tampered = await post(connectionId, good.body.replace('"succeeded"', '"failed"'), good.signature);
    expect(tampered.status).toBe(401);
    expect(tampered.body.error.code).toBe('webhook.signature_invalid');
    expect(await refundRow(caseId)).toMatchObject({ status: 'pending' });
    const [runsBefore] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from connection_runs where connection_id = ${connectionId}`);
    expect(runsBefore!.n).toBe(0);

    const first = await post(connectionId, good.body, good.signature);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ received: true, refundsSettled: 1 });
    const detail = (await api('GET', `/api/v1/returns/${caseId}`, { key: shop.keys.viewer })).body;
    expect(detail.status).toBe('completed');
    const again = await post(connectionId, good.body, good.signature);
    expect(again.body).toMatchObject({ received: true, refundsSettled: 0 });
    const after = (await api('GET', `/api/v1/returns/${caseId}`, { key: shop.keys.viewer })).body;
    expect(after.timeline).toEqual(detail.timeline);
    expect(after.refundedMinor).toBe(pending.amount_minor);
  });

  it('charge.refunded settles the refunds the charge lists; a failed refund fails its row', async () => {
    const ok = await refundThroughStripe(shop, 'pending');
    const bad = await refundThroughStripe(shop, 'pending');
    const [okRefund] = stripe.refundsOf(ok.payment.id);
    const [badRefund] = stripe.refundsOf(bad.payment.id);
    okRefund!.status = 'succeeded';
    const charge = stripe.signedEvent('charge.refunded', { id: ok.payment.charge, object: 'charge', refunds: { object: 'list', data: [okRefund], has_more: false } });
    expect((await post(connectionId, charge.body, charge.signature)).body).toMatchObject({ refundsSettled: 1 });
    expect(await refundRow(ok.caseId)).toMatchObject({ status: 'succeeded' });
    // Without the list embedded (newer API versions), the refunds are listed from Stripe.
    badRefund!.status = 'failed';
    badRefund!.failure_reason = 'expired_or_canceled_card';
    const listed = stripe.signedEvent('charge.refunded', { id: bad.payment.charge, object: 'charge' });
    expect((await post(connectionId, listed.body, listed.signature)).body).toMatchObject({ refundsSettled: 1 });
    expect(await refundRow(bad.caseId)).toMatchObject({ status: 'failed' });
    expect((await api('GET', `/api/v1/returns/${bad.caseId}`, { key: shop.keys.viewer })).body.refundFailure).toMatch(/expired_or_canceled_card/);
  });

  it('refuses unknown connections and events of another account', async () => {
    const event = stripe.signedEvent('refund.updated', { id: 're_x', object: 'refund', status: 'succeeded', metadata: {} });
    expect((await post('0190a000-0000-7000-8000-000000000009', event.body, event.signature)).status).toBe(404);
    expect((await post('not-a-uuid', event.body, event.signature)).status).toBe(400);
    // Signed right, but about a refund this connection never made: nothing to settle.
    expect((await post(connectionId, event.body, event.signature)).body).toMatchObject({ refundsSettled: 0 });
  });
});

describe('refund routes per channel', () => {
  it('keeps marketplace orders manual and accepts only the shop’s own payment connections', async () => {
    const other = await createTestShop(t.ctx, 'stripe-other');
    const patch = (body: unknown) => api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProviders: body } });
    expect((await patch({ taobao: connectionId })).body.error.code).toBe('shop.refund_route_marketplace');
    expect((await patch({ web: '0190a000-0000-7000-8000-000000000009' })).body.error.code).toBe('shop.refund_route_unknown');
    const theirs = await api('POST', '/api/v1/connections', { key: other.keys.owner, body: { kind: 'stripe', name: 'Theirs', credentials: { secretKey: 'sk_test_x', webhookSecret: 'whsec_x' } } });
    expect((await patch({ web: theirs.body.id })).status).toBe(422);
    expect((await patch({ nowhere: 'manual' })).status).toBe(400);
    const ok = await patch({ web: connectionId, taobao: 'manual' });
    expect(ok.status).toBe(200);
    expect(ok.body.refundProviders).toEqual({ web: { provider: 'stripe', connectionId }, taobao: { provider: 'manual', connectionId: null } });
    // A Taobao order of the same shop goes back by hand.
    const order = await placeOrder(api, shop.keys.manager, { shipped: false });
    const { caseId } = await approveRefund(shop, order.id, order.lines[1]!.id, 1);
    expect(await refundRow(caseId)).toMatchObject({ provider: 'manual', connection_id: null, status: 'pending' });
  });
});
