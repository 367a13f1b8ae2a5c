import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { stripeIdempotencyKey } from '../../src/integrations/stripe/refund-provider.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { onPostgres } from '../helpers/db.js';
import { exited, startWorkerProcess } from '../helpers/worker-process.js';
import { FakeAlipay } from '../helpers/fake-alipay.js';
import { FakeStripe } from '../helpers/fake-stripe.js';
import { placeOrder } from '../helpers/returns.js';

/*
 * Issue 16, point 7: `retour worker` killed with SIGKILL right after a payment rail made a
 * refund and before its answer arrived (the fakes kill it from inside the request), then started
 * again. The refund's ledger row is still pending: the next worker asks again with the same key
 * (Stripe replays its answer; Alipay's query finds the refund), so each is paid exactly once.
 * PostgreSQL only: the worker runs in its own process, as in production.
 */
const CASES = 5;
const KILLS_PER_RAIL = 2;

let t: TestApp;
let stripeShop: TestShop;
let alipayShop: TestShop;
let stripe: FakeStripe;
let alipay: FakeAlipay;
let dataDir: string;
let worker: ChildProcess | null = null;
let kills = 0;

const startWorker = () => startWorkerProcess(t, dataDir);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Kills the worker while the rail holds its answer; counted per rail. */
function killer(limit: number) {
  let left = limit;
  return () => {
    if (left > 0 && worker) {
      left--;
      kills++;
      worker.kill('SIGKILL');
    }
  };
}

async function openCase(api: ReturnType<typeof client>, shop: TestShop, paymentRef: string, number?: string) {
  const order = await placeOrder(api, shop.keys.manager, { shipped: false, overrides: { channel: 'web', paymentRef, ...(number ? { number } : {}) } });
  const res = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type: 'refund_only', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] } });
  expect(res.status).toBe(201);
  return order;
}

beforeAll(async () => {
  if (!onPostgres()) return;
  t = await startTestApp();
  dataDir = mkdtempSync(join(tmpdir(), 'retour-crash-pay-'));
  const api = client(t.baseUrl);
  stripe = new FakeStripe();
  alipay = new FakeAlipay();
  await Promise.all([stripe.start(), alipay.start()]);
  stripeShop = await createTestShop(t.ctx, 'crash-stripe');
  alipayShop = await createTestShop(t.ctx, 'crash-alipay');
  const connect = async (shop: TestShop, body: unknown) => {
    const created = await api('POST', '/api/v1/connections', { key: shop.keys.owner, body });
    expect(created.status).toBe(201);
    expect((await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProviders: { web: created.body.id } } })).status).toBe(200);
  };
  await connect(stripeShop, { kind: 'stripe', name: 'Stripe', credentials: { secretKey: stripe.secretKey, webhookSecret: stripe.webhookSecret }, settings: { baseUrl: stripe.url } });
  await connect(alipayShop, { kind: 'alipay', name: 'Alipay', credentials: { appId: alipay.appId, privateKey: alipay.app.privateKey, alipayPublicKey: alipay.alipay.publicKey }, settings: { baseUrl: alipay.url } });
  // Requests nobody answers, on orders not yet shipped: each one's deadline approves it and pays its refund.
  for (let i = 0; i < CASES; i++) {
    const payment = stripe.payment(10_000_000, 'CNY');
    await openCase(api, stripeShop, payment.id);
    const trade = alipay.trade(10_000_000);
    await openCase(api, alipayShop, trade.tradeNo);
  }
}, 300_000);

afterAll(async () => {
  if (!onPostgres()) return;
  if (worker) {
    worker.kill('SIGKILL');
    await exited(worker);
  }
  await Promise.all([stripe.close(), alipay.close()]);
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!onPostgres())('a worker killed between a payment rail’s refund and its settle', () => {
  it('pays every Stripe and Alipay refund exactly once and settles it', async () => {
    stripe.answerDelayMs = 300;
    alipay.answerDelayMs = 300;
    stripe.onRefund = killer(KILLS_PER_RAIL);
    alipay.onRefund = killer(KILLS_PER_RAIL);

    const unsettled = async () =>
      (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from refunds where shop_id in (${stripeShop.id}, ${alipayShop.id}) and status <> 'succeeded'`))[0]!.n;
    const [created] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from return_cases where shop_id in (${stripeShop.id}, ${alipayShop.id})`);
    expect(created!.n).toBe(2 * CASES);

    const deadline = Date.now() + 240_000;
    let refunds = 0;
    while (Date.now() < deadline) {
      worker = startWorker();
      const current = worker;
      // Until this worker is killed or every refund is written and settled.
      while (current.exitCode === null && current.signalCode === null && Date.now() < deadline) {
        await sleep(250);
        refunds = (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from refunds where shop_id in (${stripeShop.id}, ${alipayShop.id})`))[0]!.n;
        if (refunds === 2 * CASES && (await unsettled()) === 0) break;
      }
      if (refunds === 2 * CASES && (await unsettled()) === 0) break;
      if (Date.now() >= deadline) current.kill('SIGKILL');
      await exited(current);
    }
    const left = await queryRows(t.ctx.db, sql`select shop_id, status, attempts, last_error, next_attempt_at from refunds where shop_id in (${stripeShop.id}, ${alipayShop.id}) and status <> 'succeeded'`);
    expect(left, JSON.stringify({ now: new Date(), kills, refunds, left })).toEqual([]);
    expect(kills).toBe(2 * KILLS_PER_RAIL);
    expect(await unsettled()).toBe(0);

    const rows = await queryRows<{ shop_id: string; idempotency_key: string; amount_minor: number; provider_ref: string; payment_ref: string }>(
      t.ctx.db,
      sql`select r.shop_id, r.idempotency_key, r.amount_minor::int as amount_minor, r.provider_ref, o.payment_ref from refunds r join orders o on o.shop_id = r.shop_id and o.id = r.order_id
          where r.shop_id in (${stripeShop.id}, ${alipayShop.id})`,
    );
    expect(rows).toHaveLength(2 * CASES);
    for (const r of rows) {
      if (r.shop_id === stripeShop.id) {
        expect(stripe.refundsByKey.get(stripeIdempotencyKey(r.shop_id, r.idempotency_key))).toBe(1);
        expect(stripe.refunds.get(r.provider_ref)!.amount).toBe(r.amount_minor);
      } else {
        const key = `${r.payment_ref}/${r.idempotency_key}`;
        expect(alipay.refundsByKey.get(key)).toBe(1);
        expect(alipay.refunds.get(key)!.fen).toBe(r.amount_minor);
      }
    }
    // Every payment was refunded exactly the ledger's amount, nothing more.
    expect([...stripe.payments.values()].reduce((s, p) => s + p.refunded, 0)).toBe(rows.filter((r) => r.shop_id === stripeShop.id).reduce((s, r) => s + r.amount_minor, 0));
    expect([...alipay.trades.values()].reduce((s, p) => s + p.refundedFen, 0)).toBe(rows.filter((r) => r.shop_id === alipayShop.id).reduce((s, r) => s + r.amount_minor, 0));
    const statuses = await queryRows<{ status: string; n: number }>(t.ctx.db, sql`select status, count(*)::int as n from return_cases where shop_id in (${stripeShop.id}, ${alipayShop.id}) group by status`);
    expect(statuses).toEqual([{ status: 'completed', n: 2 * CASES }]);
  }, 330_000);
});
