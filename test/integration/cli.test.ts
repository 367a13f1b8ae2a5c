import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../helpers/db.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/retour.js', import.meta.url).pathname;
let dataDir: string;

// The CLI always runs on its own embedded database here, whatever the suite runs on.
const env = () => ({ ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO: 'off' });
const retour = (...args: string[]) => run(process.execPath, [BIN, ...args], { env: env() });

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'retour-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// The CLI runs on its own embedded database whatever the suite runs on, so the PGlite run covers
// it; the PostgreSQL run would repeat the same minute of process starts. Each test starts several
// processes, each opening PGlite: more than the default minute on a loaded machine.
describe.skipIf(onPostgres())('retour CLI', { timeout: 180_000 }, () => {
  it('creates a shop, staff and an API key (printed alone on the last line), imports orders and serves them', async () => {
    const shop = await retour('create-shop', '--slug', 'cli-shop', '--name', '命令行小店', '--currency', 'CNY');
    expect(shop.stdout).toContain('Created shop cli-shop');
    const staff = await retour('create-staff', '--shop', 'cli-shop', '--email', 'boss@cli.test', '--name', 'Boss', '--role', 'owner');
    expect(staff.stdout).toMatch(/Created owner boss@cli.test in cli-shop with password \S+/);
    const keyRun = await retour('create-api-key', '--shop', 'cli-shop', '--role', 'manager');
    const key = keyRun.stdout.trim().split('\n').pop()!;
    expect(key).toMatch(/^rtr_[A-Za-z0-9]{12}_[A-Za-z0-9_-]+$/);

    const csv = join(dataDir, 'orders.csv');
    writeFileSync(csv, 'order_id,placed_at,currency,sku,title,quantity,unit_price\nC-1,2026-10-01 10:00,CNY,S1,Thing,2,10.00\nC-2,2026-10-01 11:00,CNY,S2,Other,1,abc\n');
    const imported = await retour('import', 'orders', csv, '--shop', 'cli-shop').catch((e: { stdout: string; code: number }) => e);
    expect(imported.stdout).toContain('line 3: import.amount_invalid');
    expect(imported.stdout).toContain('2 rows: 1 orders created, 0 updated, 1 rejected');
    expect((imported as { code?: number }).code).toBe(1);

    const port = await freePort();
    const server = spawn(process.execPath, [BIN, 'serve'], { env: { ...env(), PORT: String(port), HOST: '127.0.0.1' }, stdio: 'pipe' });
    try {
      // A server opening PGlite on a busy two-core machine took more than 10 s (CI, 2026-12-05): wait
      // for it as long as the test's own limit allows, and stop at once if it exits instead.
      let ready = false;
      const deadline = Date.now() + 120_000;
      while (!ready && server.exitCode === null && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      }
      expect(ready, `retour serve exited with ${server.exitCode}`).toBe(true);
      const orders = (await fetch(`http://127.0.0.1:${port}/api/v1/orders`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.json())) as { data: { number: string }[] };
      expect(orders.data.map((o: { number: string }) => o.number)).toEqual(['C-1']);

      // The embedded database serves one process: a second one is refused with a clear message.
      const second = await retour('migrate').catch((e: { stderr: string; code: number }) => e);
      expect((second as { code?: number }).code).toBe(2);
      expect((second as { stderr: string }).stderr).toMatch(/in use by process \d+.*DATABASE_URL/s);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  });

  it('explains bad configuration and usage with exit code 2', async () => {
    const bad = await run(process.execPath, [BIN, 'migrate'], { env: { ...env(), PORT: 'eighty' } }).catch((e: { stderr: string; code: number }) => e);
    expect((bad as { code?: number }).code).toBe(2);
    expect((bad as { stderr: string }).stderr).toContain('PORT must be an integer');
    const usage = await retour('create-api-key', '--shop', 'nope', '--role', 'manager').catch((e: { stderr: string; code: number }) => e);
    expect((usage as { stderr: string }).stderr).toContain('No shop "nope"');
    const unknown = await retour('frobnicate').catch((e: { stderr: string; code: number }) => e);
    expect((unknown as { code?: number }).code).toBe(2);
  });

  it('seeds the demo shop deterministically', async () => {
    const out = await retour('seed', '--demo', '--orders', '30', '--seed', '7');
    expect(out.stdout).toMatch(/Seeded demo shop "demo": \d+ variants, 32 orders/);
    const again = await retour('seed', '--demo');
    expect(again.stdout).toContain('exists already');
  });
});
