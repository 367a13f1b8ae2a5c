import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { onPostgres } from '../helpers/db.js';
import { placeOrder } from '../helpers/returns.js';

/*
 * `retour serve` killed with SIGKILL at random moments while clients send case creates and
 * actions with Idempotency-Keys, and retry each until it is answered. Every key must have made
 * its change exactly once and keep answering with the reply of that change. PostgreSQL only
 * (the server runs in its own process, as in production).
 */
const KILLS = 5;
const ORDERS = 24;

let t: TestApp;
let shop: TestShop;
let dataDir: string;
let port: number;
const orders: { id: string; lineId: string }[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

function startServer(): ChildProcess {
  return spawn(process.execPath, ['bin/retour.js', 'serve'], {
    cwd: join(import.meta.dirname, '../..'),
    env: {
      ...process.env,
      DATABASE_URL: t.handle.location,
      DATA_DIR: dataDir,
      SECRET_KEY: t.config.secretKey,
      HOST: '127.0.0.1',
      PORT: String(port),
      WORKER: 'off',
      DEMO: 'off',
      IDEMPOTENCY_LOCK_MS: '300',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
    },
    stdio: 'ignore',
  });
}
const exited = (p: ChildProcess) => new Promise<void>((resolve) => (p.exitCode !== null || p.signalCode !== null ? resolve() : p.once('exit', () => resolve())));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** POSTs until the server answers with something other than 5xx or "in progress"; the answers seen. */
async function untilAnswered(path: string, key: string, body: unknown): Promise<{ status: number; body: any; replays: number }> {
  let replays = 0;
  for (let attempt = 0; attempt < 400; attempt++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${shop.keys.owner}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });
      const parsed = await res.json().catch(() => null);
      if (res.status === 409 && parsed?.error?.code === 'idempotency.in_progress') {
        await sleep(100);
        continue;
      }
      if (res.status >= 500) {
        await sleep(100);
        continue;
      }
      if (res.headers.get('idempotent-replayed') === 'true') replays++;
      return { status: res.status, body: parsed, replays };
    } catch {
      await sleep(100); // the server is down: it comes back
    }
  }
  throw new Error(`${key} never answered`);
}

beforeAll(async () => {
  if (!onPostgres()) return;
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'crash-keys');
  dataDir = mkdtempSync(join(tmpdir(), 'retour-crash-keys-'));
  port = await freePort();
  const api = client(t.baseUrl);
  for (let i = 0; i < ORDERS; i++) {
    const order = await placeOrder(api, shop.keys.manager, { shipped: false });
    orders.push({ id: order.id, lineId: order.lines[1]!.id });
  }
}, 300_000);

afterAll(async () => {
  if (!onPostgres()) return;
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!onPostgres())('a server killed at random points during keyed writes', () => {
  it('makes each keyed create, approval (with its refund), message, webhook endpoint, API key, return address and staff account once, and replays its 2xx', async () => {
    let server = startServer();
    let stop = false;
    let kills = 0;
    const killer = (async () => {
      while (!stop && kills < KILLS) {
        await sleep(300 + Math.random() * 700);
        server.kill('SIGKILL');
        await exited(server);
        kills++;
        server = startServer();
      }
    })();
    const results = await Promise.all(
      orders.map(async (o, i) => {
        const created = await untilAnswered('/api/v1/returns', `create-${i}`, {
          orderId: o.id,
          type: 'refund_only',
          items: [{ lineId: o.lineId, quantity: 1, reasonCode: 'no_longer_needed' }],
        });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        const id = created.body.id as string;
        const approved = await untilAnswered(`/api/v1/returns/${id}/actions/approve`, `approve-${i}`, {});
        expect(approved.status, JSON.stringify(approved.body)).toBe(200);
        const messaged = await untilAnswered(`/api/v1/returns/${id}/actions/message`, `message-${i}`, { body: `您好 ${i}` });
        expect(messaged.status, JSON.stringify(messaged.body)).toBe(200);
        // Writes outside the case lifecycle record their reply in their change's transaction too.
        const endpoint = await untilAnswered('/api/v1/webhooks', `webhook-${i}`, { url: `http://127.0.0.1:9/hook-${i}`, eventTypes: ['*'] });
        expect(endpoint.status, JSON.stringify(endpoint.body)).toBe(201);
        const apiKey = await untilAnswered('/api/v1/api-keys', `api-key-${i}`, { name: `connector ${i}`, role: 'agent' });
        expect(apiKey.status, JSON.stringify(apiKey.body)).toBe(201);
        const apiKeyAgain = await untilAnswered('/api/v1/api-keys', `api-key-${i}`, { name: `connector ${i}`, role: 'agent' });
        expect(apiKeyAgain.body.apiKey.id).toBe(apiKey.body.apiKey.id);
        const address = await untilAnswered('/api/v1/return-addresses', `address-${i}`, { name: `退货组 ${i}`, phone: '0571-88880000', addressZh: `浙江省杭州市余杭区文一西路${i}号` });
        expect(address.status, JSON.stringify(address.body)).toBe(201);
        const staff = await untilAnswered('/api/v1/staff', `staff-${i}`, { email: `agent${i}@crash-keys.test`, name: `客服 ${i}`, role: 'agent', password: `agent password ${i}` });
        expect(staff.status, JSON.stringify(staff.body)).toBe(201);
        // Asked again after the fact, each key answers with its first reply.
        const again = await untilAnswered('/api/v1/returns', `create-${i}`, { orderId: o.id, type: 'refund_only', items: [{ lineId: o.lineId, quantity: 1, reasonCode: 'no_longer_needed' }] });
        expect(again.status).toBe(201);
        expect(again.body.id).toBe(id);
        return id;
      }),
    );
    stop = true;
    await killer;
    server.kill('SIGKILL');
    await exited(server);

    const [counts] = await queryRows<{ cases: number; approvals: number; refunds: number; messages: number; endpoints: number; api_keys: number; addresses: number; staff: number; keys_unanswered: number }>(
      t.ctx.db,
      sql`select (select count(*)::int from return_cases where shop_id = ${shop.id}) as cases,
                 (select count(*)::int from case_events where shop_id = ${shop.id} and action = 'approve') as approvals,
                 (select count(*)::int from refunds where shop_id = ${shop.id}) as refunds,
                 (select count(*)::int from case_messages where shop_id = ${shop.id}) as messages,
                 (select count(*)::int from webhook_endpoints where shop_id = ${shop.id}) as endpoints,
                 (select count(*)::int from api_keys where shop_id = ${shop.id} and name like 'connector %') as api_keys,
                 (select count(*)::int from return_addresses where shop_id = ${shop.id}) as addresses,
                 (select count(*)::int from staff_users where shop_id = ${shop.id} and email like 'agent%@crash-keys.test') as staff,
                 (select count(*)::int from idempotency_keys where shop_id = ${shop.id} and response_status is null) as keys_unanswered`,
    );
    console.log(JSON.stringify({ kills, keys: ORDERS * 7, ...counts }));
    expect(new Set(results).size).toBe(ORDERS);
    expect(counts).toEqual({ cases: ORDERS, approvals: ORDERS, refunds: ORDERS, messages: ORDERS, endpoints: ORDERS, api_keys: ORDERS, addresses: ORDERS, staff: ORDERS, keys_unanswered: 0 });
    expect(kills).toBeGreaterThan(0);
  }, 300_000);
});
