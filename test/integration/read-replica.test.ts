import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { buildApp } from '../../src/http/server.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { onPostgres } from '../helpers/db.js';
import { act, placeOrder } from '../helpers/returns.js';

/*
 * Issue 18.8: DATABASE_READ_URL. The "replica" here is the test's own database opened a second time
 * through the read pool (read-only, as a replica is): every report must answer exactly as it does on
 * the primary while its queries go through the read pool, and nothing may write through it.
 */
const REPORTS = ['return-rate', 'return-rate?group=reason', 'quality-refund-rate', 'cost', 'time-to-refund', 'reasons', 'customers', 'predictions', 'models'];

describe.skipIf(!onPostgres())('analytics on a read replica (DATABASE_READ_URL)', () => {
  let t: TestApp;
  let shop: TestShop;
  let handle: DatabaseHandle;
  let replicaApp: FastifyInstance;
  let replicaUrl: string;
  let dataDir: string;

  beforeAll(async () => {
    t = await startTestApp();
    shop = await createTestShop(t.ctx, 'replica');
    const api = client(t.baseUrl);
    for (let i = 0; i < 3; i++) {
      const order = await placeOrder(api, shop.keys.manager);
      const res = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: i === 0 ? 'quality_issue' : 'no_reason', condition: 'opened' }] } });
      expect(res.status).toBe(201);
      await act(api, shop.keys.agent, res.body.id, 'approve');
    }
    // Production wiring: the config names both URLs and openDatabase opens the read pool.
    dataDir = mkdtempSync(join(tmpdir(), 'retour-replica-'));
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SECRET_KEY: t.config.secretKey, LOG_LEVEL: 'silent', DATABASE_URL: t.handle.location, DATABASE_READ_URL: t.handle.location, DB_POOL_SIZE: '2' });
    handle = await openDatabase(config);
    expect(handle.reader).toBeDefined();
    replicaApp = await buildApp({ ctx: { db: handle.db, readDb: handle.reader!.db, clock: t.clock, config }, logger: false });
    await replicaApp.listen({ host: '127.0.0.1', port: 0 });
    const address = replicaApp.server.address();
    replicaUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await replicaApp?.close();
    await handle?.close();
    await t?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('every report answers as on the primary, read through the read pool', async () => {
    const primary = client(t.baseUrl);
    const replica = client(replicaUrl);
    for (const report of REPORTS) {
      const before = handle.reader!.traffic.statements;
      const [onPrimary, onReplica] = [await primary('GET', `/api/v1/analytics/${report}`, { key: shop.keys.viewer }), await replica('GET', `/api/v1/analytics/${report}`, { key: shop.keys.viewer })];
      expect(onReplica.status, report).toBe(onPrimary.status);
      expect(onReplica.body, report).toEqual(onPrimary.body);
      if (onPrimary.status === 200) expect(handle.reader!.traffic.statements, report).toBeGreaterThan(before);
    }
    const rate = await replica('GET', '/api/v1/analytics/return-rate', { key: shop.keys.viewer });
    expect(rate.status).toBe(200);
    expect(rate.body.totals.soldUnits).toBeGreaterThan(0);
  });

  it('the read pool refuses writes, and a case written on the primary still works on the same process', async () => {
    await expect(handle.reader!.db.execute(sql`update shops set name = name where id = ${shop.id}`)).rejects.toMatchObject({ cause: { code: '25006' } }); // read_only_sql_transaction
    const api = client(replicaUrl);
    const order = await placeOrder(api, shop.keys.manager);
    const res = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'no_reason', condition: 'opened' }] } });
    expect(res.status).toBe(201);
    expect((await act(api, shop.keys.agent, res.body.id, 'approve')).status).toBe(200);
  });

  it('is refused without DATABASE_URL (the embedded database has no replicas)', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SECRET_KEY: t.config.secretKey, DATABASE_READ_URL: t.handle.location })).toThrow(/DATABASE_READ_URL needs DATABASE_URL/);
  });
});
