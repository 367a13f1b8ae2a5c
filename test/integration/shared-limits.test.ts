import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/server.js';
import { LOOKUP_LIMITS } from '../../src/http/plugins/portal-lookup-limit.js';
import type { ServiceContext } from '../../src/services/context.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { portalOrder, type PortalOrder } from '../helpers/portal.js';

/**
 * Issue 18.2 / 14.6: two Retour processes on one database enforce one limit. Two Fastify apps
 * with their own plugin instances (as two processes have) share nothing but the database, or
 * Redis when REDIS_URL is set. Clients are told apart by X-Forwarded-For (TRUST_PROXY=true).
 */
const REDIS_URL = 'redis://127.0.0.1:6379/0';
const redisUp = await (async () => {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
})();

async function secondApp(t: TestApp, env: Record<string, string>): Promise<{ app: FastifyInstance; baseUrl: string }> {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: t.config.dataDir, SECRET_KEY: t.config.secretKey, LOG_LEVEL: 'silent', ...env });
  const ctx: ServiceContext = { db: t.ctx.db, clock: t.clock, config };
  const app = await buildApp({ ctx, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return { app, baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

for (const store of ['database', 'redis'] as const) {
  describe.skipIf(store === 'redis' && !redisUp)(`limits shared by two processes (${store})`, () => {
    let t: TestApp;
    let b: { app: FastifyInstance; baseUrl: string };
    let apis: ReturnType<typeof client>[];
    let shop: TestShop;
    let order: PortalOrder;
    // A prefix of this run's own, so runs never see each other's Redis counters.
    const env: Record<string, string> = { TRUST_PROXY: 'true', ...(store === 'redis' ? { REDIS_URL, REDIS_KEY_PREFIX: `retour-test-${randomBytes(6).toString('hex')}:` } : {}) };

    beforeAll(async () => {
      t = await startTestApp(env);
      b = await secondApp(t, env);
      apis = [client(t.baseUrl), client(b.baseUrl)];
      shop = await createTestShop(t.ctx, `limits-${store}`);
      order = await portalOrder(t, apis[0]!, shop);
    });
    afterAll(async () => {
      await b?.app.close();
      await t?.close();
    });

    const lookUp = (i: number, from: string, email: string) =>
      apis[i % 2]!('POST', '/portal/v1/sessions', { body: { shopSlug: shop.slug, orderNumber: order.number, email }, headers: { 'x-forwarded-for': from } });

    it('a guesser spread over both processes is blocked on the order after one limit of failures; the real buyer still gets in', async () => {
      const guesser = '203.0.113.7';
      const statuses: number[] = [];
      for (let i = 0; i <= LOOKUP_LIMITS.perClientOrder; i++) statuses.push((await lookUp(i, guesser, `guess${i}@example.com`)).status);
      // Each process saw about half the failures: only a shared counter blocks the 11th.
      expect(statuses.slice(0, LOOKUP_LIMITS.perClientOrder)).toEqual(Array(LOOKUP_LIMITS.perClientOrder).fill(404));
      expect(statuses.at(-1)).toBe(429);
      // Blocked on both processes, even with the right contact: the lock is this client's on this order.
      expect((await lookUp(0, guesser, order.email)).status).toBe(429);
      expect((await lookUp(1, guesser, order.email)).status).toBe(429);

      // The buyer, from their own address, opens the order on either process.
      const buyer = '198.51.100.20';
      const mine = [await lookUp(0, buyer, order.email), await lookUp(1, buyer, order.email)];
      expect(mine.map((r) => r.status)).toEqual([201, 201]);
      expect(mine[0]!.body.orderNumber).toBe(order.number);
    });

    it('sign-in attempts are limited once across both processes', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await apis[i % 2]!('POST', '/api/v1/auth/login', { body: { email: shop.ownerEmail, password: 'wrong password!' }, headers: { 'x-forwarded-for': '192.0.2.44' } });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses[10]).toBe(429);
    });

    it('a restarted process keeps the counts', async () => {
      await b.app.close();
      b = await secondApp(t, env);
      apis[1] = client(b.baseUrl);
      expect((await lookUp(1, '203.0.113.7', 'again@example.com')).status).toBe(429);
    });
  });
}
