import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { retryDueRefunds } from '../../src/worker/jobs/refund-retries.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { FakeAlipay, type FakeTrade } from '../helpers/fake-alipay.js';
import { act, placeOrder } from '../helpers/returns.js';

/**
 * Issue 16, points 6 and 7: web orders refunded through an Alipay connection (alipay-sdk,
 * RSA2-signed both ways) against a local gateway; a lost answer is settled by the refund query.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;
let alipay: FakeAlipay;

async function connectAlipay(s: TestShop, settings: Record<string, unknown> = {}) {
  const created = await api('POST', '/api/v1/connections', {
    key: s.keys.owner,
    body: { kind: 'alipay', name: 'Alipay', credentials: { appId: alipay.appId, privateKey: alipay.app.privateKey, alipayPublicKey: alipay.alipay.publicKey }, settings: { baseUrl: alipay.url, ...settings } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await api('PATCH', '/api/v1/shop', { key: s.keys.owner, body: { refundProviders: { web: created.body.id } } })).status).toBe(200);
  return created.body.id as string;
}

/** A web order paid with Alipay (trade_no as paymentRef unless `byOrderNumber`), and an approved refund_only case for line 1. */
async function refundThroughAlipay(s: TestShop, behaviour: FakeTrade['behaviour'] = 'succeed', byOrderNumber = false) {
  const trade = alipay.trade(0, behaviour);
  const order = await placeOrder(api, s.keys.manager, { shipped: false, overrides: { channel: 'web', number: trade.outTradeNo, ...(byOrderNumber ? {} : { paymentRef: trade.tradeNo }) } });
  trade.totalFen = order.amounts.totalMinor;
  const created = await api('POST', '/api/v1/returns', { key: s.keys.agent, body: { orderId: order.id, type: 'refund_only', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const approved = await act(api, s.keys.agent, created.body.id, 'approve');
  expect(approved.status).toBe(200);
  return { order, trade, caseId: created.body.id as string, approved: approved.body };
}

const refundRow = async (caseId: string) =>
  (await queryRows<{ status: string; provider: string; provider_ref: string | null; idempotency_key: string; amount_minor: number; attempts: number }>(
    t.ctx.db,
    sql`select status, provider, provider_ref, idempotency_key, amount_minor::int as amount_minor, attempts from refunds where case_id = ${caseId}`,
  ))[0]!;

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  alipay = new FakeAlipay();
  await alipay.start();
  shop = await createTestShop(t.ctx, 'alipay-pay');
  await connectAlipay(shop);
});
afterAll(async () => {
  await t.close();
  await alipay.close();
});

describe('Alipay refunds', () => {
  it('refunds the trade once with out_request_no = the ledger’s key, the amount in yuan exactly', async () => {
    const { order, trade, caseId, approved } = await refundThroughAlipay(shop);
    expect(approved.status).toBe('completed');
    const row = await refundRow(caseId);
    expect(row).toMatchObject({ status: 'succeeded', provider: 'alipay', provider_ref: trade.tradeNo, amount_minor: order.lines[1]!.paidMinor });
    expect(alipay.refundsByKey.get(`${trade.tradeNo}/${row.idempotency_key}`)).toBe(1);
    expect(alipay.refunds.get(`${trade.tradeNo}/${row.idempotency_key}`)!.fen).toBe(order.lines[1]!.paidMinor);
  });

  it('finds the trade by the order number (out_trade_no) when no trade_no was recorded; partial refunds add up', async () => {
    const { order, trade, approved } = await refundThroughAlipay(shop, 'succeed', true);
    expect(approved.status).toBe('completed');
    const second = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type: 'refund_only', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] } });
    expect((await act(api, shop.keys.agent, second.body.id, 'approve')).body.status).toBe('completed');
    const [sum] = await queryRows<{ n: number }>(t.ctx.db, sql`select sum(amount_minor)::int as n from refunds where order_id = ${order.id} and status = 'succeeded'`);
    expect(trade.refundedFen).toBe(sum!.n);
  });

  it('a refused refund fails for good; a system error is retried', async () => {
    const refused = await refundThroughAlipay(shop, 'decline');
    expect(await refundRow(refused.caseId)).toMatchObject({ status: 'failed' });
    expect(refused.approved.refundFailure).toMatch(/ACQ.TRADE_STATUS_ERROR/);
    const busy = await refundThroughAlipay(shop, 'system_error');
    expect(await refundRow(busy.caseId)).toMatchObject({ status: 'pending', attempts: 1 });
    busy.trade.behaviour = 'succeed';
    t.clock.advance(5 * 60_000);
    await retryDueRefunds(t.ctx);
    expect(await refundRow(busy.caseId)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('an answer lost to a timeout is settled by the refund query, without asking to refund again', async () => {
    const slow = await createTestShop(t.ctx, 'alipay-slow');
    await connectAlipay(slow, { timeoutMs: 1000 });
    // The refund is made, its answer withheld until the client gives up: lost, however slow the machine.
    alipay.withholdAnswers = true;
    try {
      const { caseId, approved, trade } = await refundThroughAlipay(slow);
      expect(approved.status).toBe('refund_pending');
      const row = await refundRow(caseId);
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      const key = `${trade.tradeNo}/${row.idempotency_key}`;
      expect(alipay.refundsByKey.get(key)).toBe(1);
      alipay.withholdAnswers = false;
      t.clock.advance(5 * 60_000);
      await retryDueRefunds(t.ctx);
      expect(await refundRow(caseId)).toMatchObject({ status: 'succeeded', attempts: 2 });
      expect(alipay.calls.filter((c) => c.key === key).map((c) => c.method)).toEqual(['alipay.trade.refund', 'alipay.trade.fastpay.refund.query']);
      expect(alipay.refundsByKey.get(key)).toBe(1);
    } finally {
      alipay.withholdAnswers = false;
    }
  });

  it('an answer not signed by Alipay is not believed (the refund stays pending)', async () => {
    const wrongKey = await createTestShop(t.ctx, 'alipay-forged');
    const created = await api('POST', '/api/v1/connections', {
      key: wrongKey.keys.owner,
      body: { kind: 'alipay', name: 'Alipay', credentials: { appId: alipay.appId, privateKey: alipay.app.privateKey, alipayPublicKey: alipay.app.publicKey }, settings: { baseUrl: alipay.url } },
    });
    await api('PATCH', '/api/v1/shop', { key: wrongKey.keys.owner, body: { refundProviders: { web: created.body.id } } });
    const { caseId, approved } = await refundThroughAlipay(wrongKey);
    expect(approved.refundFailure).toMatch(/验签失败|sign/i);
    expect(await refundRow(caseId)).toMatchObject({ status: 'pending' });
  });
});
