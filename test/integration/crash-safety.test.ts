import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { onPostgres } from '../helpers/db.js';
import { placeOrder } from '../helpers/returns.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';

/*
 * `retour worker` killed with SIGKILL at random moments while it applies deadlines, pays the
 * refunds they trigger and delivers webhooks, then started again, 20 times over. Several
 * processes share one database only on PostgreSQL (PGlite is in-process), so this runs there.
 */
const KILLS = 12;
const CASES = 24;

let t: TestApp;
let shop: TestShop;
let receiver: WebhookReceiver;
let dataDir: string;
const caseIds: string[] = [];

function startWorker(): ChildProcess {
  return spawn(process.execPath, ['bin/retour.js', 'worker'], {
    cwd: join(import.meta.dirname, '../..'),
    env: {
      ...process.env,
      DATABASE_URL: t.handle.location,
      DATA_DIR: dataDir,
      SECRET_KEY: t.config.secretKey,
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOK_TIMEOUT_MS: '1000',
      // A refund whose worker was killed mid-call is asked again after 2 s, not a minute.
      REFUND_CALL_LEASE_MS: '2000',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
    },
    stdio: 'ignore',
  });
}

const killed = (p: ChildProcess) => new Promise<void>((resolve) => (p.exitCode !== null || p.signalCode !== null ? resolve() : p.once('exit', () => resolve())));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function remaining() {
  const [row] = await queryRows<{ deadlines: number; outbox: number; deliveries: number; refunds: number }>(
    t.ctx.db,
    sql`select (select count(*)::int from deadlines where shop_id = ${shop.id} and status = 'pending' and due_at <= now()) as deadlines,
               (select count(*)::int from outbox where shop_id = ${shop.id} and dispatched_at is null) as outbox,
               (select count(*)::int from webhook_deliveries where shop_id = ${shop.id} and status <> 'delivered') as deliveries,
               (select count(*)::int from refunds where shop_id = ${shop.id} and status <> 'succeeded') as refunds`,
  );
  return row!;
}

beforeAll(async () => {
  if (!onPostgres()) return;
  t = await startTestApp({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
  shop = await createTestShop(t.ctx, 'crashes');
  dataDir = mkdtempSync(join(tmpdir(), 'retour-crash-'));
  receiver = new WebhookReceiver();
  const url = await receiver.start();
  const api = client(t.baseUrl);
  expect((await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProvider: 'simulated' } })).status).toBe(200);
  expect((await api('POST', '/api/v1/webhooks', { key: shop.keys.owner, body: { url, eventTypes: ['*'] } })).status).toBe(201);
  // Requests nobody answers, on orders not yet shipped: each deadline approves and pays a refund.
  for (let i = 0; i < CASES; i++) {
    const order = await placeOrder(api, shop.keys.manager, { shipped: false });
    const res = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'refund_only', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] },
    });
    expect(res.status).toBe(201);
    caseIds.push(res.body.id);
  }
  // The test clock stands in the past: to the worker (real time) every one of them is overdue.
  expect((await remaining()).deadlines).toBe(CASES);
}, 300_000);

afterAll(async () => {
  if (!onPostgres()) return;
  await receiver.close();
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!onPostgres())('a worker killed at random points', () => {
  it('applies every deadline once, pays no refund twice, and delivers every webhook at least once with a stable id', async () => {
    for (let i = 0; i < KILLS; i++) {
      const worker = startWorker();
      await sleep(800 + Math.random() * 1700);
      worker.kill('SIGKILL');
      await killed(worker);
    }
    const last = startWorker();
    try {
      const deadline = Date.now() + 120_000;
      let left = await remaining();
      while (Date.now() < deadline && (left.deadlines || left.outbox || left.deliveries || left.refunds)) {
        await sleep(500);
        left = await remaining();
      }
      expect(left).toEqual({ deadlines: 0, outbox: 0, deliveries: 0, refunds: 0 });
    } finally {
      last.kill('SIGKILL');
      await killed(last);
    }

    const approvals = await queryRows<{ case_id: string; n: number }>(
      t.ctx.db,
      sql`select case_id, count(*)::int as n from case_events where shop_id = ${shop.id} and action = 'approve' group by case_id`,
    );
    expect(approvals).toHaveLength(CASES);
    expect(approvals.every((a) => a.n === 1)).toBe(true);
    const applied = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from deadlines where shop_id = ${shop.id} and status = 'applied'`);
    expect(applied[0]!.n).toBe(CASES);
    // A worker killed after the provider paid but before its commit asks again with the same
    // idempotency key: the provider counts the repeated call (`calls`) and pays nothing more.
    const payouts = await queryRows<{ case_id: string; payouts: number; paid: number; calls: number; refunded: number; line: number }>(
      t.ctx.db,
      sql`select r.case_id, count(p.*)::int as payouts, sum(p.amount_minor)::int as paid, max(p.calls)::int as calls, c.refunded_minor::int as refunded, (c.breakdown->>'refundMinor')::int as line
          from refunds r join simulated_payouts p on p.shop_id = r.shop_id and p.idempotency_key = r.idempotency_key
          join return_cases c on c.id = r.case_id where r.shop_id = ${shop.id} group by r.case_id, c.refunded_minor, c.breakdown`,
    );
    expect(payouts).toHaveLength(CASES);
    for (const p of payouts) {
      expect(p.payouts).toBe(1);
      expect(p.calls).toBeGreaterThanOrEqual(1);
      expect(p.paid).toBe(p.line);
      expect(p.refunded).toBe(p.line);
    }
    const statuses = await queryRows<{ status: string; n: number }>(t.ctx.db, sql`select status, count(*)::int as n from return_cases where shop_id = ${shop.id} group by status`);
    expect(statuses).toEqual([{ status: 'completed', n: CASES }]);

    // Every event reached the receiver, under the id of its one delivery (retries reuse it).
    const deliveries = await queryRows<{ id: string; outbox_id: string }>(t.ctx.db, sql`select id, outbox_id from webhook_deliveries where shop_id = ${shop.id}`);
    const [events] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from outbox where shop_id = ${shop.id}`);
    expect(deliveries).toHaveLength(events!.n);
    const receivedIds = new Set(receiver.received.map((r) => r.headers['webhook-id'] as string));
    expect(deliveries.filter((d) => !receivedIds.has(d.id))).toEqual([]);
    expect([...receivedIds].every((id) => deliveries.some((d) => d.id === id))).toBe(true);
    for (const r of receiver.received) expect(JSON.parse(r.body).id).toBe(deliveries.find((d) => d.id === r.headers['webhook-id'])!.outbox_id);
  }, 400_000);
});
