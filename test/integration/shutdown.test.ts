import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openPglite, queryRows, type DatabaseHandle } from '../../src/db/client.js';
import { client, startTestApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, onPostgres } from '../helpers/db.js';
import { orderBody } from '../helpers/orders.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/retour.js', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('SIGTERM on `retour serve` (a real child process)', () => {
  let dataDir: string;
  let pg: DatabaseHandle | null = null;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'retour-shutdown-'));
    // On PostgreSQL the child runs on a database of this file's own; else on PGlite under DATA_DIR.
    if (onPostgres()) pg = await createTestDatabase();
    env = { ...process.env, DATABASE_URL: pg ? pg.location : '', DATA_DIR: dataDir, LOG_LEVEL: 'info', DEMO: 'off', NODE_ENV: 'production', SHUTDOWN_GRACE_MS: '15000', MAX_EVENT_LOOP_DELAY_MS: '0' };
  });
  afterAll(async () => {
    await pg?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fails /readyz, finishes the in-flight request (its order is stored), and exits 0', async () => {
    await run(process.execPath, [BIN, 'create-shop', '--slug', 'stop', '--name', 'Stop', '--currency', 'CNY'], { env });
    const key = (await run(process.execPath, [BIN, 'create-api-key', '--shop', 'stop', '--role', 'manager'], { env })).stdout.trim().split('\n').pop()!;
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server: ChildProcess = spawn(process.execPath, [BIN, 'serve'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    try {
      let ready = false;
      for (let i = 0; i < 300 && !ready; i++) {
        await new Promise((r) => setTimeout(r, 100));
        ready = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
      }
      expect(ready).toBe(true);

      // A request is under way: its headers and half its body are in when SIGTERM comes.
      const body = JSON.stringify(orderBody({ number: 'STOP-1' }));
      const half = Math.floor(body.length / 2);
      const reply = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${base}/api/v1/orders`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode!, body: text }));
        });
        req.on('error', reject);
        req.write(body.slice(0, half));
        setTimeout(() => {
          server.kill('SIGTERM');
          // Shutting down: a new request is not served (refused, or 503 from /readyz).
          setTimeout(async () => {
            const probe = await fetch(`${base}/readyz`).then((r) => r.status, () => 'refused');
            expect([503, 'refused']).toContain(probe);
            req.end(body.slice(half));
          }, 500);
        }, 200);
      });
      const answered = await reply;
      expect(answered.status).toBe(201);
      expect(await exited).toBe(0);
      expect(output).toContain('shut down cleanly');
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }

    // The order the in-flight request wrote is there.
    const db = pg ?? (await openPglite({ dataDir: join(dataDir, 'pglite') }));
    try {
      const rows = await queryRows<{ number: string }>(db.db, sql`select number from orders where number = 'STOP-1'`);
      expect(rows).toEqual([{ number: 'STOP-1' }]);
    } finally {
      if (!pg) await db.close();
    }
  }, 240_000);
});

describe('readiness and overload (in process)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ MAX_EVENT_LOOP_DELAY_MS: '1000' });
  });
  afterAll(() => t.close());

  /** /readyz until it answers 200 (a loaded machine may lag past the low threshold this test sets). */
  async function settled(api: ReturnType<typeof client>) {
    let status = 0;
    for (let i = 0; i < 200 && status !== 200; i++) {
      status = (await api('GET', '/readyz')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    return status;
  }

  it('/readyz fails once shutdown begins', async () => {
    const api = client(t.baseUrl);
    expect(await settled(api)).toBe(200);
    t.app.lifecycle.draining = true;
    let res = await api('GET', '/readyz');
    // A machine loaded past the overload threshold answers server.busy first: ask again.
    for (let i = 0; i < 50 && res.body?.error?.code === 'server.busy'; i++) res = await api('GET', '/readyz');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'shutting_down' });
    t.app.lifecycle.draining = false;
  });

  it('answers 503 server.busy with Retry-After while the event loop is saturated; /healthz still answers', async () => {
    const api = client(t.baseUrl);
    expect(await settled(api)).toBe(200);
    // The event loop is kept busy: 1.5 s blocks with short gaps in which requests get through.
    const hog = setInterval(() => {
      const until = Date.now() + 1_500;
      while (Date.now() < until);
    }, 5);
    try {
      await new Promise((r) => setTimeout(r, 2_000));
      const [shed, alive] = await Promise.all([api('GET', '/readyz'), api('GET', '/healthz')]);
      expect(shed.status).toBe(503);
      expect(shed.headers.get('retry-after')).toBe('5');
      expect(shed.body.error.code).toBe('server.busy');
      expect(alive.status).toBe(200);
    } finally {
      clearInterval(hog);
    }
    // Once the loop is idle again, requests are served.
    expect(await settled(api)).toBe(200);
  });

  it('does not shed while the loop is busy in stretches of about 300 ms that never stall it a second (as on PGlite)', async () => {
    // Its own server, shedding past 2.5 s: a machine running test files side by side on two cores
    // can deschedule this process for most of a second between stretches (one CI run shed once at
    // 1 s). The old guard read such stretches as an infinite delay, so it fails this at any threshold.
    const patient = await startTestApp({ MAX_EVENT_LOOP_DELAY_MS: '2500' });
    onTestFinished(() => patient.close());
    const api = client(patient.baseUrl);
    expect(await settled(api)).toBe(200);
    // Sixteen 20 ms steps chained by promises, then a turn of the loop: perf_hooks' delay histogram
    // records no sample in such a stretch, which under-pressure used to read as an infinite delay.
    const until = Date.now() + 3_000;
    const busy = (async () => {
      while (Date.now() < until) {
        for (let i = 0; i < 16; i++) {
          await null;
          const stepEnd = Date.now() + 20;
          while (Date.now() < stepEnd);
        }
        await new Promise((r) => setImmediate(r));
      }
    })();
    const statuses: number[] = [];
    while (Date.now() < until) statuses.push((await api('GET', '/readyz')).status);
    await busy;
    // On PostgreSQL a request waits a stretch for each turn its query needs: a few get through.
    expect(statuses.length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });
});
