import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { orderBody } from '../helpers/orders.js';
import { recordReply } from '../../src/services/idempotency/keyed-reply.js';
import { claimKey, forgetKey, storeReply } from '../../src/services/idempotency/keys.js';

let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'idem-shop');
  api = client(t.baseUrl);
});
afterAll(() => t.close());

describe('Idempotency-Key', () => {
  it('replays the same reply for the same key and body, even with keys reordered', async () => {
    const body = orderBody();
    const first = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body, headers: { 'idempotency-key': 'order-1' } });
    expect(first.status).toBe(201);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const second = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body: reordered, headers: { 'idempotency-key': 'order-1' } });
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    // Without the key, the same body is an upsert of the existing order (200), proving the replay did not run it again.
    const plain = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body });
    expect(plain.status).toBe(200);
    expect(plain.body.version).toBe(2);
  });

  it('refuses the same key with a different body (422), and scopes keys to the shop', async () => {
    await api('POST', '/api/v1/orders', { key: shop.keys.manager, body: orderBody(), headers: { 'idempotency-key': 'order-2' } });
    const reused = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body: orderBody(), headers: { 'idempotency-key': 'order-2' } });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency.key_reused');

    const other = await createTestShop(t.ctx, 'idem-other');
    const elsewhere = await api('POST', '/api/v1/orders', { key: other.keys.manager, body: orderBody(), headers: { 'idempotency-key': 'order-2' } });
    expect(elsewhere.status).toBe(201);
  });

  it('replays refusals too, so a retried bad request gets the same answer', async () => {
    const bad = orderBody({ totalMinor: 5 });
    const first = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body: bad, headers: { 'idempotency-key': 'bad-1' } });
    const again = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body: bad, headers: { 'idempotency-key': 'bad-1' } });
    expect(first.status).toBe(422);
    expect(again.status).toBe(422);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('lets concurrent duplicates through once: the others are replays or told to retry', async () => {
    const body = orderBody();
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => api('POST', '/api/v1/orders', { key: shop.keys.manager, body, headers: { 'idempotency-key': 'burst-1' } })),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(replies.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);
    const list = await api('GET', `/api/v1/orders?number=${body.externalId}`, { key: shop.keys.viewer });
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].version).toBe(1);
  });

  it('refuses a malformed key', async () => {
    const res = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body: orderBody(), headers: { 'idempotency-key': 'x'.repeat(300) } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('idempotency.key_invalid');
  });

  it('a slow first attempt whose lock a retry took over can no longer answer, free the key or commit its change', async () => {
    const claim = async () => {
      const c = await claimKey(t.ctx, shop.id, 'fenced-1', 'hash-1');
      if (c.kind !== 'claimed') throw new Error(`expected a claim, got ${c.kind}`);
      return c.fence;
    };
    const first = await claim();
    expect((await claimKey(t.ctx, shop.id, 'fenced-1', 'hash-1')).kind).toBe('in_progress');
    t.clock.advance(t.config.idempotencyLockMs + 1);
    const retry = await claim(); // the first attempt looks dead: the retry takes the key over
    // The first attempt was only slow: its change's transaction must fail when it records its reply.
    await expect(t.ctx.db.transaction((tx) => recordReply(tx, { shopId: shop.id, key: 'fenced-1', fence: first, status: 201 }, { from: 'first' }))).rejects.toMatchObject({
      code: 'idempotency.in_progress',
    });
    expect(await storeReply(t.ctx, shop.id, 'fenced-1', first, 201, { from: 'first' })).toBe(false);
    await forgetKey(t.ctx, shop.id, 'fenced-1', first); // a 5xx of the first attempt frees nothing
    expect((await claimKey(t.ctx, shop.id, 'fenced-1', 'hash-1')).kind).toBe('in_progress');
    await t.ctx.db.transaction((tx) => recordReply(tx, { shopId: shop.id, key: 'fenced-1', fence: retry, status: 201 }, { from: 'retry' }));
    expect(await claimKey(t.ctx, shop.id, 'fenced-1', 'hash-1')).toEqual({ kind: 'replay', status: 201, body: { from: 'retry' } });
    // Once answered, an expired lock is not taken over again.
    t.clock.advance(t.config.idempotencyLockMs + 1);
    expect((await claimKey(t.ctx, shop.id, 'fenced-1', 'hash-1')).kind).toBe('replay');
  });
});
