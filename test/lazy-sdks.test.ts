import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openPglite, type DatabaseHandle } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { systemClock } from '../src/services/context.js';
import { client, createTestShop, type TestShop } from './helpers/app.js';
import { createTestDatabase, onPostgres } from './helpers/db.js';
import { exited } from './helpers/worker-process.js';
import { FakeStripe } from './helpers/fake-stripe.js';

/**
 * The SDKs and renderers load on first use (src/lazy-module.ts), each database driver with its
 * database: `retour serve` at rest has none of them in memory (docs/operations.md, Memory). A real
 * server process records every package it loads (test/helpers/record-packages.mjs).
 */
const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/retour.js');
const RECORDER = join(ROOT, 'test/helpers/record-packages.mjs');
const SECRET_KEY = 'lazy-sdks-secret-key-that-is-long-enough-01';

const SDKS = [
  'stripe',
  'twilio',
  'tencentcloud-sdk-nodejs-sms',
  'alipay-sdk',
  '@shopify/shopify-api',
  '@easypost/api',
  '@alicloud/dysmsapi20170525',
  '@alicloud/openapi-core',
  '@woocommerce/woocommerce-rest-api',
  'pdfkit',
  'qrcode',
  'bwip-js',
  'file-type',
  'ioredis',
  'nodemailer',
];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** A shop with API keys on `handle`, made in this process before the server opens the database. */
async function shopOn(handle: DatabaseHandle, dataDir: string): Promise<TestShop> {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SECRET_KEY, LOG_LEVEL: 'silent' });
  return createTestShop({ db: handle.db, clock: systemClock, config }, 'lazy');
}

/** `retour serve` on PGlite under its DATA_DIR or on a PostgreSQL database of its own, recording the packages it loads. */
async function startServer(database: 'pglite' | 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'retour-lazy-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  let databaseUrl = '';
  let shop: TestShop;
  if (database === 'postgres') {
    const handle = await createTestDatabase();
    cleanups.push(() => handle.close());
    databaseUrl = handle.location;
    shop = await shopOn(handle, dataDir);
  } else {
    const handle = await openPglite({ dataDir: join(dataDir, 'pglite') });
    try {
      await migrate(handle.db);
      shop = await shopOn(handle, dataDir);
    } finally {
      await handle.close();
    }
  }
  const log = join(dataDir, 'packages.log');
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ['--import', RECORDER, BIN, 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      SECRET_KEY,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO: 'off',
      NODE_ENV: 'production',
      MAX_EVENT_LOOP_DELAY_MS: '0',
      PACKAGES_LOG: log,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  cleanups.push(async () => {
    server.kill('SIGTERM');
    await exited(server);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let ready = false; !ready; ) {
    if (server.exitCode !== null) throw new Error(`retour serve exited (${server.exitCode}):\n${output}`);
    ready = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((r) => setTimeout(r, 200));
  }
  const loaded = () => new Set(existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []);
  return { api: client(baseUrl), shop, loaded };
}

/** A Stripe connection's webhook: the first request that needs the Stripe SDK. */
async function stripeWebhookLoadsStripeAlone(server: Awaited<ReturnType<typeof startServer>>) {
  const { api, shop, loaded } = server;
  const stripe = new FakeStripe();
  const created = await api('POST', '/api/v1/connections', {
    key: shop.keys.owner,
    body: { kind: 'stripe', name: 'Stripe', credentials: { secretKey: stripe.secretKey, webhookSecret: stripe.webhookSecret }, settings: {} },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(loaded()).not.toContain('stripe');

  const post = (event: { body: string; signature: string }) =>
    api('POST', `/hooks/stripe/${created.body.id}`, { rawBody: event.body, headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': event.signature } });
  const refund = { id: 're_lazy', object: 'refund', status: 'succeeded', metadata: {} };
  const forged = await post(stripe.signedEvent('refund.updated', refund, 'whsec_someone_else'));
  expect(forged.status).toBe(401);
  expect(forged.body.error.code).toBe('webhook.signature_invalid');
  const signed = await post(stripe.signedEvent('refund.updated', refund));
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);
  expect(signed.body).toMatchObject({ received: true, refundsSettled: 0 });

  const after = loaded();
  expect(after).toContain('stripe');
  expect(SDKS.filter((p) => p !== 'stripe' && after.has(p))).toEqual([]);
}

// Each case starts a server process (tsx compiling the sources, migrations on PGlite): minutes on a loaded machine.
describe('heavy packages load on first use', { timeout: 240_000 }, () => {
  const DRIVERS = [
    { database: 'pglite', label: 'PGlite', own: '@electric-sql/pglite', other: 'pg' },
    { database: 'postgres', label: 'PostgreSQL', own: 'pg', other: '@electric-sql/pglite' },
  ] as const;
  for (const d of DRIVERS) {
    it.skipIf(d.database === 'postgres' && !onPostgres())(`on ${d.label}: no SDK and not ${d.other} at rest; a Stripe webhook loads Stripe alone`, async () => {
      const server = await startServer(d.database);
      const atRest = server.loaded();
      // The recorder sees what the server loads: the web framework and its own database driver.
      expect(atRest).toContain('fastify');
      expect(atRest).toContain(d.own);
      expect(SDKS.filter((p) => atRest.has(p))).toEqual([]);
      expect(atRest).not.toContain(d.other);
      await stripeWebhookLoadsStripeAlone(server);
    });
  }
});
