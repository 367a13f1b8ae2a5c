import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { dispatchOutbox } from '../../src/worker/jobs/outbox.js';
import { sendDueWebhooks } from '../../src/worker/jobs/webhooks.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { act, placeOrder } from '../helpers/returns.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';

let t: TestApp;
let shop: TestShop;
let other: TestShop;
let api: ReturnType<typeof client>;
let receiver: WebhookReceiver;
let receiverUrl: string;

beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_TIMEOUT_MS: '300' });
  shop = await createTestShop(t.ctx, 'hooks');
  other = await createTestShop(t.ctx, 'hooks-other');
  api = client(t.baseUrl);
  receiver = new WebhookReceiver();
  receiverUrl = await receiver.start();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

/** Runs the worker's outbox and webhook jobs once, as `retour worker` would. */
async function work() {
  while ((await dispatchOutbox(t.ctx)) > 0);
  await sendDueWebhooks(t.ctx, 50, () => 0.5);
}

/** Standard Webhooks signature, computed here from the spec rather than with Retour's code. */
function expectedSignature(secret: string, id: string, timestamp: string, body: string) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

async function openCase() {
  const order = await placeOrder(api, shop.keys.manager);
  const created = await api('POST', '/api/v1/returns', {
    key: shop.keys.agent,
    body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] },
  });
  expect(created.status).toBe(201);
  return created.body as { id: string; rmaNumber: string };
}

const deliveries = async (endpointId: string, query = '') => (await api('GET', `/api/v1/webhooks/${endpointId}/deliveries${query}`, { key: shop.keys.owner })).body;

describe('webhook endpoints', () => {
  it('refuses bad URLs, private addresses, unknown events and other roles, with stable codes', async () => {
    const post = (body: unknown, key = shop.keys.owner) => api('POST', '/api/v1/webhooks', { key, body });
    expect((await post({ url: 'ftp://erp.example.com/x', eventTypes: ['*'] })).body.error.code).toBe('webhook.url_not_allowed');
    const metadata = await post({ url: 'http://169.254.169.254/latest', eventTypes: ['*'] });
    expect(metadata.status).toBe(422);
    expect(metadata.body.error).toMatchObject({ code: 'webhook.url_not_allowed', details: { problem: 'private_address' } });
    expect((await post({ url: 'http://10.0.0.8/hooks', eventTypes: ['*'] })).body.error.code).toBe('webhook.url_not_allowed');
    expect((await post({ url: 'https://u:p@erp.example.com/', eventTypes: ['*'] })).body.error.code).toBe('webhook.url_not_allowed');
    const unknown = await post({ url: 'https://erp.example.com/hooks', eventTypes: ['return.created', 'order.exploded'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'webhook.event_type_unknown', details: { unknown: ['order.exploded'] } });
    expect((await post({ url: 'https://erp.example.com/hooks', eventTypes: [] })).status).toBe(400);
    // Retour's own API, even on an allowed host.
    const self = await post({ url: `http://127.0.0.1:${t.config.port}/api/v1/orders`, eventTypes: ["*"] });
    expect(self.body.error).toMatchObject({ code: 'webhook.url_not_allowed', details: { problem: 'self' } });
    const short = await post({ url: 'https://erp.example.com/hooks', eventTypes: ['*'], secret: `whsec_${Buffer.alloc(23, 1).toString('base64')}` });
    expect(short.status).toBe(422);
    expect(short.body.error).toMatchObject({ code: 'webhook.secret_invalid', details: { bytes: 23 } });
    expect((await post({ url: 'https://erp.example.com/hooks', eventTypes: ['*'], secret: 'password123' })).body.error.code).toBe('webhook.secret_invalid');
    expect((await post({ url: 'https://erp.example.com/hooks', eventTypes: ['*'] }, shop.keys.agent)).status).toBe(403);
    expect((await api('GET', '/api/v1/webhooks', { key: shop.keys.viewer })).status).toBe(403);
    expect((await api('GET', '/api/v1/webhooks')).status).toBe(401);
    expect((await api('GET', '/api/v1/webhooks', { key: shop.keys.owner })).body.data).toEqual([]);
  });

  it('shows the secret once, keeps it encrypted, and keeps endpoints to their shop', async () => {
    const created = await api('POST', '/api/v1/webhooks', { key: shop.keys.owner, body: { url: 'https://erp.example.com/hooks', eventTypes: ['return.created'], description: 'ERP' } });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const [stored] = await queryRows<{ secret_encrypted: string }>(t.ctx.db, sql`select secret_encrypted from webhook_endpoints where id = ${created.body.id}`);
    expect(stored!.secret_encrypted).not.toContain(created.body.secret.slice(6));
    const read = await api('GET', `/api/v1/webhooks/${created.body.id}`, { key: shop.keys.owner });
    expect(read.body).not.toHaveProperty('secret');
    expect((await api('GET', `/api/v1/webhooks/${created.body.id}`, { key: other.keys.owner })).status).toBe(404);
    expect((await api('PATCH', `/api/v1/webhooks/${created.body.id}`, { key: other.keys.owner, body: { enabled: false } })).status).toBe(404);
    const rotated = await api('PATCH', `/api/v1/webhooks/${created.body.id}`, { key: shop.keys.owner, body: { rotateSecret: true, eventTypes: ['*'] } });
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    const own = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
    const brought = await api('PATCH', `/api/v1/webhooks/${created.body.id}`, { key: shop.keys.owner, body: { secret: own } });
    expect(brought.status).toBe(200);
    expect(brought.body).not.toHaveProperty('secret');
    expect((await api('DELETE', `/api/v1/webhooks/${created.body.id}`, { key: other.keys.owner })).status).toBe(404);
    expect((await api('DELETE', `/api/v1/webhooks/${created.body.id}`, { key: shop.keys.owner })).status).toBe(204);
    expect((await api('GET', `/api/v1/webhooks/${created.body.id}`, { key: shop.keys.owner })).status).toBe(404);
  });
});

describe('webhook delivery', () => {
  let endpoint: { id: string; secret: string };

  it('delivers each event once, signed per Standard Webhooks, with the documented payload', async () => {
    const created = await api('POST', '/api/v1/webhooks', { key: shop.keys.owner, body: { url: receiverUrl, eventTypes: ['return.created', 'return.status_changed'] } });
    endpoint = created.body;
    receiver.received.length = 0;
    const c = await openCase();
    await act(api, shop.keys.agent, c.id, 'approve');
    await work();
    await work();
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received.map((r) => ({ ...r, json: JSON.parse(r.body) }));
    expect(first!.json).toMatchObject({ type: 'return.created', shopId: shop.id, data: { case: { id: c.id, rmaNumber: c.rmaNumber, status: 'requested' } } });
    expect(second!.json).toMatchObject({ type: 'return.status_changed', data: { from: 'requested', to: 'approved', action: 'approve', actor: { kind: 'staff', role: 'agent' } } });
    for (const r of receiver.received) {
      const id = r.headers['webhook-id'] as string;
      const ts = r.headers['webhook-timestamp'] as string;
      expect(r.headers['webhook-signature']).toBe(expectedSignature(endpoint.secret, id, ts, r.body));
      expect(Number(ts)).toBe(Math.floor(t.clock.now().getTime() / 1000));
    }
    const log = await deliveries(endpoint.id);
    expect(log.data.map((d: any) => [d.eventType, d.status, d.attempts, d.lastStatusCode])).toEqual([
      ['return.status_changed', 'delivered', 1, 200],
      ['return.created', 'delivered', 1, 200],
    ]);
    expect(log.data.map((d: any) => d.id).sort()).toEqual(receiver.received.map((r) => r.headers['webhook-id']).sort());
  });

  it('retries a receiver that fails, hangs or hangs up, with growing waits and the same webhook-id', async () => {
    receiver.received.length = 0;
    receiver.behaviour = 500;
    await openCase();
    await work();
    const [pending] = (await deliveries(endpoint.id, '?status=pending')).data;
    expect(pending).toMatchObject({ attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500: receiver says no' });
    expect(new Date(pending.nextAttemptAt).getTime() - t.clock.now().getTime()).toBe(5_500);

    await work(); // not due yet: nothing is sent
    expect(receiver.received).toHaveLength(1);
    receiver.behaviour = 'hang';
    t.clock.advance(6_000);
    await work();
    receiver.behaviour = 'close';
    t.clock.advance(6 * 60_000);
    await work();
    let [d] = (await deliveries(endpoint.id, '?status=pending')).data;
    expect(d.attempts).toBe(3);
    expect(d.lastError).toMatch(/ECONNRESET|socket hang up/);
    expect(new Date(d.nextAttemptAt).getTime() - t.clock.now().getTime()).toBe(1_980_000);

    receiver.behaviour = 200;
    t.clock.advance(34 * 60_000);
    await work();
    [d] = (await deliveries(endpoint.id)).data;
    expect(d).toMatchObject({ status: 'delivered', attempts: 4, lastStatusCode: 200, lastError: null });
    expect(receiver.received.length).toBeGreaterThanOrEqual(4);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([d.id]));
  });

  it('gives up after more than 24 hours of failures, then replays one delivery or everything since a time', async () => {
    receiver.received.length = 0;
    receiver.behaviour = 503;
    await openCase();
    const start = t.clock.now().getTime();
    for (let i = 0; i < 10; i++) {
      await work();
      t.clock.advance(12 * 3600_000 + 60_000);
    }
    const [dead] = (await deliveries(endpoint.id, '?status=dead')).data;
    expect(dead).toMatchObject({ status: 'dead', attempts: 8, nextAttemptAt: null, lastStatusCode: 503 });
    expect(new Date(dead.lastAttemptAt).getTime() - start).toBeGreaterThan(24 * 3600_000);
    expect(receiver.received).toHaveLength(8);

    receiver.behaviour = 200;
    const replayed = await api('POST', `/api/v1/webhook-deliveries/${dead.id}/replay`, { key: shop.keys.owner });
    expect(replayed.status).toBe(202);
    expect(replayed.body).toMatchObject({ id: dead.id, status: 'pending', attempts: 0 });
    await work();
    expect(receiver.received.at(-1)!.headers['webhook-id']).toBe(dead.id);
    expect((await deliveries(endpoint.id)).data.find((x: any) => x.id === dead.id).status).toBe('delivered');

    receiver.received.length = 0;
    const all = await api('POST', `/api/v1/webhooks/${endpoint.id}/replay`, { key: shop.keys.owner, body: { since: '2026-01-01T00:00:00Z' } });
    expect(all.status).toBe(202);
    const [{ n }] = (await queryRows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from outbox where shop_id = ${shop.id} and event_type in ('return.created', 'return.status_changed')`,
    )) as [{ n: number }];
    expect(all.body.replayed).toBe(n);
    await work();
    expect(receiver.received).toHaveLength(n);
    expect((await api('POST', `/api/v1/webhook-deliveries/${dead.id}/replay`, { key: other.keys.owner })).status).toBe(404);
    expect((await api('POST', `/api/v1/webhooks/${endpoint.id}/replay`, { key: shop.keys.owner, body: { since: 'yesterday' } })).status).toBe(400);
  });

  it('a receiver that answers 410 Gone gets its endpoint disabled', async () => {
    receiver.behaviour = 410;
    await openCase();
    await work();
    const read = await api('GET', `/api/v1/webhooks/${endpoint.id}`, { key: shop.keys.owner });
    expect(read.body).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('410') });
    expect((await deliveries(endpoint.id, '?status=pending')).data).toEqual([]);
    const sent = receiver.received.length;
    await openCase();
    await work();
    expect(receiver.received).toHaveLength(sent);
    const [gone] = (await deliveries(endpoint.id, '?status=dead')).data;
    expect((await api('POST', `/api/v1/webhook-deliveries/${gone.id}/replay`, { key: shop.keys.owner })).body.error.code).toBe('webhook.endpoint_disabled');
    receiver.behaviour = 200;
    const enabled = await api('PATCH', `/api/v1/webhooks/${endpoint.id}`, { key: shop.keys.owner, body: { enabled: true } });
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null });
  });
});
