import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { buildApp } from '../../src/http/server.js';
import { loggerOptions, prettyLogs } from '../../src/observability/logger.js';
import type { ServiceContext } from '../../src/services/context.js';
import { startWorker } from '../../src/worker/worker.js';
import { client, createTestShop, type TestShop } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { createTestDatabase } from '../helpers/db.js';
import { portalOrder } from '../helpers/portal.js';

/** A log destination that keeps the JSON lines. */
function collector() {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe('log format', () => {
  it('is pino-pretty at a terminal outside production, JSON otherwise', () => {
    expect(prettyLogs({ nodeEnv: 'development' }, { isTTY: true })).toBe(true);
    expect(prettyLogs({ nodeEnv: 'production' }, { isTTY: true })).toBe(false);
    expect(prettyLogs({ nodeEnv: 'development' }, { isTTY: false })).toBe(false);
    expect(prettyLogs({ nodeEnv: 'development' }, {})).toBe(false);
    expect(loggerOptions({ nodeEnv: 'development', logLevel: 'info' }, { isTTY: true }).transport).toMatchObject({ target: 'pino-pretty' });
    expect(loggerOptions({ nodeEnv: 'production', logLevel: 'info' }, { isTTY: true }).transport).toBeUndefined();
  });
});

describe('log lines', () => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  let dataDir: string;
  const logs = collector();
  let base: string;
  let close: () => Promise<void>;
  let shop: TestShop;

  beforeAll(async () => {
    handle = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'retour-logs-'));
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SECRET_KEY: 'test-secret-key-that-is-long-enough-0123', LOG_LEVEL: 'info' });
    ctx = { db: handle.db, clock: new TestClock(), config };
    const app = await buildApp({ ctx, logger: { level: 'info', stream: logs.stream } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    close = () => app.close();
    shop = await createTestShop(ctx, 'logs');
  });
  afterAll(async () => {
    await close?.();
    await handle?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('of a request carry its request id, and its shop once the caller is known (API key or buyer token)', async () => {
    const api = client(base);
    const res = await api('GET', '/api/v1/shop', { key: shop.keys.viewer, headers: { 'x-request-id': 'req-logs-1' } });
    expect(res.status).toBe(200);
    const mine = logs.lines.filter((l) => l.reqId === 'req-logs-1');
    expect(mine.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
    expect(mine.at(-1)).toMatchObject({ shopId: shop.id, res: { statusCode: 200 } });

    const order = await portalOrder({ ctx } as never, api, shop);
    const session = await api('POST', '/portal/v1/sessions', { body: { shopSlug: shop.slug, orderNumber: order.number, email: order.email } });
    await api('GET', '/portal/v1/order', { headers: { authorization: `Bearer ${session.body.token}`, 'x-request-id': 'req-logs-2' } });
    expect(logs.lines.filter((l) => l.reqId === 'req-logs-2').at(-1)).toMatchObject({ msg: 'request completed', shopId: shop.id });
    // Credentials never reach the log.
    expect(JSON.stringify(logs.lines)).not.toContain(shop.keys.viewer);
  });

  it('of the worker: each run at debug with its job id; each failure at warn with its job id and cause', async () => {
    const ok = collector();
    const worker = startWorker(ctx, pino({ level: 'debug' }, ok.stream));
    for (let i = 0; i < 100 && !ok.lines.some((l) => l.msg === 'job run' && l.job === 'deadlines'); i++) await new Promise((r) => setTimeout(r, 50));
    await worker.stop();
    const run = ok.lines.find((l) => l.msg === 'job run' && l.job === 'deadlines');
    expect(run).toMatchObject({ level: 20, jobId: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    // A worker whose database is gone: every job fails, each says so once at warn, with why.
    const broken = await createTestDatabase();
    await broken.close();
    const failing = collector();
    const dead = startWorker({ ...ctx, db: broken.db }, pino({ level: 'info' }, failing.stream));
    for (let i = 0; i < 100 && !failing.lines.some((l) => l.job === 'deadlines' && l.level === 40); i++) await new Promise((r) => setTimeout(r, 50));
    await dead.stop(5_000);
    const failure = failing.lines.find((l) => l.job === 'deadlines' && l.level === 40)!;
    expect(failure).toMatchObject({ jobId: expect.stringMatching(/^[0-9a-f-]{36}$/), err: { message: expect.any(String) } });
    expect(failure.msg).toMatch(/^job deadlines failed: .+/);
    expect(failing.lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
