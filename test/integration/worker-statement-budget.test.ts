import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { applyDueDeadlines } from '../../src/worker/jobs/deadlines.js';
import { dispatchOutbox } from '../../src/worker/jobs/outbox.js';
import { sendDueWebhooks } from '../../src/worker/jobs/webhooks.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { placeOrder } from '../helpers/returns.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';

/**
 * What the worker's batches send to the database (the request paths' budgets are in
 * statement-budget.test.ts): a batch of webhook deliveries is claimed, its endpoints read and its
 * outcomes written in one statement each, whatever its size; a batch of deadlines is claimed in
 * one statement, then each is applied within its own budget.
 */
let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;
let receiver: WebhookReceiver;

beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_TIMEOUT_MS: '2000' });
  shop = await createTestShop(t.ctx, 'worker-budget');
  api = client(t.baseUrl);
  receiver = new WebhookReceiver();
  const url = await receiver.start();
  const endpoint = await api('POST', '/api/v1/webhooks', { key: shop.keys.owner, body: { url, eventTypes: ['return.created'] } });
  expect(endpoint.status).toBe(201);
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

async function measure<T>(fn: () => Promise<T>) {
  const before = t.handle.traffic.snapshot();
  const result = await fn();
  const after = t.handle.traffic.snapshot();
  return { result, statements: after.statements - before.statements, roundTrips: after.roundTrips - before.roundTrips };
}

/** Opens `n` cases (each due for the seller's answer) and turns their events into pending deliveries. */
async function openCases(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const order = await placeOrder(api, shop.keys.manager);
    const opened = await api('POST', '/api/v1/returns', { key: shop.keys.owner, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'no_reason' }] } });
    expect(opened.status).toBe(201);
    ids.push(opened.body.id);
  }
  while ((await dispatchOutbox(t.ctx)) > 0);
  return ids;
}

const deliveryStates = () =>
  queryRows<{ status: string; attempts: number; n: number }>(t.ctx.db, sql`select status, attempts, count(*)::int as n from webhook_deliveries group by status, attempts order by status, attempts`);

/** Claim, endpoints, outcomes. */
const WEBHOOK_BATCH = { statements: 3, roundTrips: 3 };
/** The claim of a batch of deadlines; each applied one then costs what statement-budget.test.ts allows a deadline (2). */
const DEADLINE_CLAIM = 1;
const DEADLINE_APPLIED = 2;

describe('statement budget of the worker', () => {
  it('sends one delivery, and a batch of ten, in three statements each (claim, endpoints, outcomes)', async () => {
    await openCases(1);
    const one = await measure(() => sendDueWebhooks(t.ctx, 50, () => 0.5));
    expect(one.result).toBe(1);
    expect({ statements: one.statements, roundTrips: one.roundTrips }).toEqual(WEBHOOK_BATCH);

    await openCases(10);
    const ten = await measure(() => sendDueWebhooks(t.ctx, 50, () => 0.5));
    expect(ten.result).toBe(10);
    expect({ statements: ten.statements, roundTrips: ten.roundTrips }).toEqual(WEBHOOK_BATCH);
    expect(receiver.received).toHaveLength(11);
    expect(await deliveryStates()).toEqual([{ status: 'delivered', attempts: 1, n: 11 }]);
  });

  it('writes failed attempts with their retry in the same statement, and a batch of nothing costs the claim alone', async () => {
    receiver.behaviour = 500;
    try {
      await openCases(3);
      const failed = await measure(() => sendDueWebhooks(t.ctx, 50, () => 0.5));
      expect(failed.result).toBe(3);
      expect(failed.statements).toBe(WEBHOOK_BATCH.statements);
      const pending = await queryRows<{ attempts: number; last_status_code: number; retry_in_s: number }>(
        t.ctx.db,
        sql`select attempts, last_status_code, extract(epoch from next_attempt_at - last_attempt_at)::int as retry_in_s from webhook_deliveries where status = 'pending'`,
      );
      expect(pending).toHaveLength(3);
      for (const p of pending) expect(p).toMatchObject({ attempts: 1, last_status_code: 500 });
      expect(pending[0]!.retry_in_s).toBeGreaterThan(0);
    } finally {
      receiver.behaviour = 200;
    }
    // Not due yet: claimed nothing, read nothing more.
    const idle = await measure(() => sendDueWebhooks(t.ctx, 50, () => 0.5));
    expect(idle).toMatchObject({ result: 0, statements: 1, roundTrips: 1 });
  });

  it('claims a batch of due deadlines in one statement and applies each within its budget', async () => {
    await openCases(10);
    t.clock.advance(30 * 86_400_000); // every answer deadline has run out
    const dueCount = async () =>
      (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from deadlines where status = 'pending' and due_at <= ${t.clock.now().toISOString()}::timestamptz`))[0]!.n;
    const n = await dueCount();
    expect(n).toBeGreaterThanOrEqual(10);
    const m = await measure(() => applyDueDeadlines(t.ctx, n));
    expect(m.result).toBe(n);
    expect(m.statements).toBeLessThanOrEqual(DEADLINE_CLAIM + n * DEADLINE_APPLIED);
    expect(await dueCount()).toBe(0);
    const claimOnly = await measure(() => applyDueDeadlines(t.ctx));
    expect(claimOnly).toMatchObject({ result: 0, statements: DEADLINE_CLAIM, roundTrips: DEADLINE_CLAIM });
  });
});
