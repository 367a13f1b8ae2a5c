import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { createPostgresDatabase, postgresUnavailable, tempDir } from './lib/databases.js';
import { runIfMain } from './lib/main.js';
import { log, printFigure, type Benchmark, type Figure } from './lib/report.js';
import { createShopAndKey, REPO_ROOT, retourCli, startServer, type ServerEnv } from './lib/server.js';
import { now, percentile } from './lib/timing.js';

const NAME = 'console';
const CASES = Number(process.env.BENCH_CONSOLE_CASES ?? 10_000);
const UNITS_PER_ORDER = 4;
const ORDERS = Math.ceil(CASES / UNITS_PER_ORDER);
const RENDERS = 7;
const SLUG = 'bench-console';
const PASSWORD = 'bench-console-password';
const DIST = join(REPO_ROOT, 'web', 'dist');

/** Orders delivered yesterday, one line of UNITS_PER_ORDER units each: every unit becomes an open case. */
function writeOrders(path: string) {
  const delivered = new Date(Date.now() - 86_400_000).toISOString();
  const rows = ['order_id,placed_at,paid_at,delivered_at,currency,customer_email,sku,title,quantity,unit_price'];
  for (let i = 0; i < ORDERS; i++) {
    const placed = new Date(Date.now() - 4 * 86_400_000 + i * 10).toISOString();
    rows.push(`Q${i},${placed},${placed},${delivered},CNY,buyer${i % 3000}@example.com,SKU-${i % 200},Item ${i % 200},${UNITS_PER_ORDER},${(29.9 + (i % 40)).toFixed(2)}`);
  }
  writeFileSync(path, `${rows.join('\n')}\n`);
}

async function api<T>(base: string, key: string, method: string, path: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${key}` } });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** One (order, line) per unit, each order's line repeated UNITS_PER_ORDER times. */
async function units(base: string, key: string): Promise<{ orderId: string; lineId: string }[]> {
  const orders: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: { id: string }[]; nextCursor: string | null } = await api(base, key, 'GET', `/api/v1/orders?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    orders.push(...page.data.map((o) => o.id));
    cursor = page.nextCursor;
  } while (cursor);
  const out: { orderId: string; lineId: string }[] = [];
  for (let i = 0; i < orders.length; i += 64) {
    const batch = await Promise.all(orders.slice(i, i + 64).map((id) => api<{ id: string; lines: { id: string }[] }>(base, key, 'GET', `/api/v1/orders/${id}`)));
    for (const o of batch) for (let u = 0; u < UNITS_PER_ORDER; u++) out.push({ orderId: o.id, lineId: o.lines[0]!.id });
  }
  return out;
}

/** CASES open return requests, created over HTTP at 16 connections. */
async function createCases(base: string, key: string, list: { orderId: string; lineId: string }[]) {
  let next = 0;
  const started = now();
  const result = await autocannon({
    url: `${base}/api/v1/returns`,
    connections: 16,
    amount: Math.min(CASES, list.length),
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const unit = list[next++ % list.length]!;
          return { ...request, body: JSON.stringify({ orderId: unit.orderId, type: 'return_refund', items: [{ lineId: unit.lineId, quantity: 1, reasonCode: 'no_reason' }] }) };
        },
      },
    ],
  });
  return { created: result['2xx'], failed: result.non2xx + result.errors, seconds: (now() - started) / 1000 };
}

/**
 * Time from navigation to the first page of the queue on screen (rows in the table), in Chromium
 * at 1440 px, signed in as the owner: once to warm the server and the browser cache, then RENDERS times.
 */
async function queueRender(base: string): Promise<{ p50: number; max: number; apiP50: number }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    await page.goto(`${base}/console/`);
    await page.locator('#email').fill(`owner@${SLUG}.bench`);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.getByTestId('user-menu').waitFor({ timeout: 60_000 });
    const times: number[] = [];
    const apiTimes: number[] = [];
    page.on('requestfinished', (req) => {
      if (req.url().includes('/api/v1/queue')) apiTimes.push(req.timing().responseEnd);
    });
    for (let i = 0; i <= RENDERS; i++) {
      const started = now();
      await page.goto(`${base}/console/queue`);
      await page.locator('[data-testid=queue-table] tbody tr.ant-table-row').first().waitFor({ timeout: 60_000 });
      if (i > 0) times.push(now() - started);
    }
    return { p50: percentile(times, 50), max: Math.max(...times), apiP50: percentile(apiTimes.slice(1), 50) };
  } finally {
    await browser.close();
  }
}

/** The console's JavaScript and CSS, gzipped: what the first visit downloads, and every chunk it may load later. */
function bundleSizes(): { initial: number; all: number; files: number } {
  const html = readFileSync(join(DIST, 'console', 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!));
  const all = new Set<string>();
  const visit = (file: string) => {
    if (all.has(file)) return;
    all.add(file);
    if (!file.endsWith('.js')) return;
    const code = readFileSync(join(DIST, 'assets', file), 'utf8');
    for (const m of code.matchAll(/["'`]\.\/([\w.-]+\.(?:js|css))["'`]/g)) visit(m[1]!);
  };
  // Static imports of the entry count as initial too (Vite lists them as modulepreload, but be sure).
  const known = new Set(readdirSync(join(DIST, 'assets')));
  for (const f of initial) if (known.has(f)) visit(f);
  const gz = (files: Iterable<string>) => [...files].filter((f) => known.has(f)).reduce((a, f) => a + gzipSync(readFileSync(join(DIST, 'assets', f)), { level: 9 }).length, 0);
  return { initial: gz(initial), all: gz(all), files: all.size };
}

async function benchOn(kind: 'pglite' | 'postgres'): Promise<Figure[]> {
  const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const temp = tempDir(NAME);
  const database = kind === 'postgres' ? await createPostgresDatabase(NAME) : null;
  const env: ServerEnv = { dataDir: temp.dir, databaseUrl: database?.url };
  try {
    const key = await createShopAndKey(env, SLUG);
    await retourCli(['create-staff', '--shop', SLUG, '--email', `owner@${SLUG}.bench`, '--name', 'Bench owner', '--role', 'owner', '--password', PASSWORD], env);
    const csv = join(temp.dir, 'orders.csv');
    writeOrders(csv);
    await retourCli(['import', 'orders', csv, '--shop', SLUG], env);
    const server = await startServer(env);
    try {
      await server.waitReady();
      const list = await units(server.baseUrl, key);
      const made = await createCases(server.baseUrl, key, list);
      log(`${label}: ${made.created} open cases created in ${made.seconds.toFixed(0)} s (${made.failed} failed)`);
      const open = await api<{ total: number }>(server.baseUrl, key, 'GET', '/api/v1/queue?pageSize=1');
      const r = await queueRender(server.baseUrl);
      log(`${label} queue with ${open.total} open cases: first page on screen p50 ${r.p50.toFixed(0)} ms (max ${r.max.toFixed(0)} ms of ${RENDERS}); GET /api/v1/queue p50 ${r.apiP50.toFixed(0)} ms`);
      return [
        { benchmark: NAME, name: `${label} queue first page rendered (${open.total} open cases)`, value: r.p50, unit: 'ms', note: `p50 of ${RENDERS} loads, max ${r.max.toFixed(0)} ms; Chromium, 1440 px` },
        { benchmark: NAME, name: `${label} GET /api/v1/queue (${open.total} open cases)`, value: r.apiP50, unit: 'ms', note: 'p50, as the page requests it' },
      ];
    } finally {
      await server.stop();
    }
  } finally {
    await database?.drop();
    temp.remove();
  }
}

export const consoleBench: Benchmark = {
  name: NAME,
  title: `Console: the queue page with ${CASES.toLocaleString('en-US')} open cases (time to the first page on screen, in Chromium) and the console bundle, gzipped`,
  async run() {
    const figures: Figure[] = [];
    const size = bundleSizes();
    figures.push(
      { benchmark: NAME, name: 'console bundle gzipped, first visit (JS + CSS)', value: size.initial / 1024, unit: 'KiB' },
      { benchmark: NAME, name: 'console bundle gzipped, all chunks', value: size.all / 1024, unit: 'KiB', note: `${size.files} files, lazy pages included` },
    );
    figures.forEach(printFigure);
    for (const kind of ['postgres', 'pglite'] as const) {
      const why = kind === 'postgres' ? await postgresUnavailable() : null;
      const results = why ? [{ benchmark: NAME, name: 'PostgreSQL queue first page rendered', value: null, unit: 'ms', note: why } satisfies Figure] : await benchOn(kind);
      results.forEach(printFigure);
      figures.push(...results);
    }
    return figures;
  },
};

await runIfMain(import.meta.url, consoleBench);
