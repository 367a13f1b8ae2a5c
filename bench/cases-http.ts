import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createPostgresDatabase, postgresUnavailable, tempDir } from './lib/databases.js';
import { runIfMain } from './lib/main.js';
import { log, printFigure, type Benchmark, type Figure } from './lib/report.js';
import { createShopAndKey, retourCli, startServer, type ServerEnv } from './lib/server.js';
import { now, percentile } from './lib/timing.js';

const NAME = 'cases-http';
const ORDERS = 6_000;
const UNITS_PER_ORDER = 8;
const SECONDS = Number(process.env.BENCH_HTTP_DURATION_S ?? 10);
const LIFECYCLE_SECONDS = Number(process.env.BENCH_LIFECYCLE_S ?? 15);

const SHOPS = Number(process.env.BENCH_SHOPS ?? 50);
const ORDERS_PER_SHOP = 150;

/** Orders delivered yesterday, one line of UNITS_PER_ORDER units each: every unit can become a case. */
function writeOrders(path: string, count = ORDERS) {
  const delivered = new Date(Date.now() - 86_400_000).toISOString();
  const rows = ['order_id,placed_at,paid_at,delivered_at,currency,customer_email,sku,title,quantity,unit_price'];
  for (let i = 0; i < count; i++) {
    const placed = new Date(Date.now() - 4 * 86_400_000 + i * 10).toISOString();
    rows.push(`B${i},${placed},${placed},${delivered},CNY,buyer${i % 2000}@example.com,SKU-${i % 300},Item ${i % 300},${UNITS_PER_ORDER},${(19.9 + (i % 50)).toFixed(2)}`);
  }
  writeFileSync(path, `${rows.join('\n')}\n`);
}

interface Line {
  orderId: string;
  lineId: string;
}

async function api<T>(base: string, key: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function orderLines(base: string, key: string): Promise<Line[]> {
  const lines: Line[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { data: { id: string }[]; nextCursor: string | null } } = await api(base, key, 'GET', `/api/v1/orders?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    for (const o of page.body.data) lines.push({ orderId: o.id, lineId: '' });
    cursor = page.body.nextCursor;
  } while (cursor);
  // Line ids: one GET per order, in parallel batches.
  for (let i = 0; i < lines.length; i += 64) {
    await Promise.all(
      lines.slice(i, i + 64).map(async (l) => {
        const o = await api<{ lines: { id: string }[] }>(base, key, 'GET', `/api/v1/orders/${l.orderId}`);
        l.lineId = o.body.lines[0]!.id;
      }),
    );
  }
  return lines;
}

/** POST /api/v1/returns at `connections`, each request claiming the next free unit (orders round-robin). */
async function createCases(base: string, key: string, lines: Line[], connections: number, seconds: number, cursor: { next: number }) {
  const result = await autocannon({
    url: `${base}/api/v1/returns`,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const line = lines[cursor.next++ % lines.length]!;
          return { ...request, body: JSON.stringify({ orderId: line.orderId, type: 'return_refund', items: [{ lineId: line.lineId, quantity: 1, reasonCode: 'no_reason' }] }) };
        },
      },
    ],
  });
  return result;
}

/** POST /api/v1/returns at `connections`, requests spread over many shops (each with its own key and orders). */
async function createCasesManyShops(base: string, shops: { key: string; lines: Line[] }[], connections: number, seconds: number) {
  let next = 0;
  return autocannon({
    url: `${base}/api/v1/returns`,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const n = next++;
          const shop = shops[n % shops.length]!;
          const line = shop.lines[Math.floor(n / shops.length) % shop.lines.length]!;
          return {
            ...request,
            headers: { ...request.headers, authorization: `Bearer ${shop.key}` },
            body: JSON.stringify({ orderId: line.orderId, type: 'return_refund', items: [{ lineId: line.lineId, quantity: 1, reasonCode: 'no_reason' }] }),
          };
        },
      },
    ],
  });
}

/** Whole cases, create → approve (unless automation did) → buyer_shipped → receive → inspect → refund, by `workers` clients in parallel. */
async function lifecycles(base: string, key: string, lines: Line[], workers: number, seconds: number, cursor: { next: number }) {
  const deadline = now() + seconds * 1000;
  const durations: number[] = [];
  let failures = 0;
  let firstFailure = '';
  const fail = (step: string, res: { status: number; body: unknown }) => {
    if (!firstFailure) firstFailure = `${step}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
    return false;
  };
  const act = (id: string, action: string, body: unknown = {}) => api<{ status: string; items: { id: string }[] }>(base, key, 'POST', `/api/v1/returns/${id}/actions/${action}`, body);
  const one = async () => {
    const started = now();
    const line = lines[cursor.next++ % lines.length]!;
    const created = await api<{ id: string; status: string }>(base, key, 'POST', '/api/v1/returns', { orderId: line.orderId, type: 'return_refund', items: [{ lineId: line.lineId, quantity: 1, reasonCode: 'no_reason' }] });
    if (created.status !== 201) return fail('create', created);
    const id = created.body.id;
    // The policy may approve a small no-reason return by itself at creation (automation): then a person does not.
    const steps: [string, unknown][] = [
      ...(created.body.status === 'requested' ? [['approve', {}] as [string, unknown]] : []),
      ['buyer_shipped', { carrier: 'SF', trackingNumber: `SF${id.slice(-12)}` }],
      ['receive', {}],
    ];
    let last: { status: number; body: { status: string; items: { id: string }[] } } | undefined;
    for (const [action, body] of steps) {
      last = await act(id, action, body);
      if (last.status !== 200) return fail(action, last);
    }
    const inspected = await act(id, 'inspect', { items: [{ itemId: last!.body.items[0]!.id, acceptedQuantity: 1, grade: 'A', disposition: 'restock' }] });
    if (inspected.status !== 200) return fail('inspect', inspected);
    const refunded = await act(id, 'refund');
    if (refunded.status !== 200 || refunded.body.status !== 'completed') return fail('refund', refunded);
    durations.push(now() - started);
    return true;
  };
  const started = now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (now() < deadline) if (!(await one())) failures++;
    }),
  );
  const elapsed = (now() - started) / 1000;
  if (firstFailure) log(`first failure: ${firstFailure}`);
  return { casesPerSecond: durations.length / elapsed, p50: percentile(durations, 50), p99: percentile(durations, 99), failures, completed: durations.length };
}

async function benchOn(kind: 'pglite' | 'postgres'): Promise<Figure[]> {
  const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const temp = tempDir(NAME);
  const database = kind === 'postgres' ? await createPostgresDatabase(NAME) : null;
  const env: ServerEnv = { dataDir: temp.dir, databaseUrl: database?.url };
  const figures: Figure[] = [];
  try {
    const key = await createShopAndKey(env, 'bench-cases');
    const owner = (await retourCli(['create-api-key', '--shop', 'bench-cases', '--role', 'owner'], env)).trim().split('\n').at(-1)!;
    const csv = join(temp.dir, 'orders.csv');
    writeOrders(csv);
    await retourCli(['import', 'orders', csv, '--shop', 'bench-cases'], env);
    const server = await startServer(env);
    try {
      await server.waitReady();
      // Refunds go through the simulated provider (no latency), so a lifecycle ends completed.
      const provider = await api(server.baseUrl, owner, 'PATCH', '/api/v1/shop', { refundProvider: 'simulated' });
      if (provider.status !== 200) throw new Error(`could not switch the refund provider: ${provider.status}`);
      const lines = await orderLines(server.baseUrl, key);
      log(`${label}: ${lines.length} delivered orders of ${UNITS_PER_ORDER} units ready`);
      const cursor = { next: 0 };
      const connectionCounts = kind === 'postgres' ? [1, 16, 64] : [1, 16];
      for (const connections of connectionCounts) {
        const r = await createCases(server.baseUrl, key, lines, connections, SECONDS, cursor);
        const rps = r['2xx'] / r.duration;
        log(`${label} create-case @${connections}: ${rps.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.non2xx} non-2xx, ${r.errors} errors`);
        const target = kind === 'postgres' && connections === 64;
        figures.push(
          { benchmark: NAME, name: `${label} create-case req/s @${connections}`, value: rps, unit: 'req/s', ...(target ? { target: { op: '>=', value: 1500 } } : {}), note: `${r.non2xx} non-2xx` },
          { benchmark: NAME, name: `${label} create-case p50 @${connections}`, value: r.latency.p50, unit: 'ms' },
          { benchmark: NAME, name: `${label} create-case p99 @${connections}`, value: r.latency.p99, unit: 'ms', ...(target ? { target: { op: '<=', value: 60 } } : {}) },
        );
      }
      if (kind === 'pglite') {
        const best = Math.max(...figures.filter((f) => f.name.includes('req/s')).map((f) => f.value ?? 0));
        figures.push({ benchmark: NAME, name: 'PGlite create-case best req/s', value: best, unit: 'req/s', target: { op: '>=', value: 300 } });
      }
      if (kind === 'postgres' && SHOPS > 1) {
        // The same load spread over many shops: with no per-shop hot row, one shop should reach the same rate.
        const shops: { key: string; lines: Line[] }[] = [];
        for (let s = 0; s < SHOPS; s++) {
          const slug = `bench-s${s}`;
          const shopKey = await createShopAndKey(env, slug);
          const shopCsv = join(temp.dir, `orders-${s}.csv`);
          writeOrders(shopCsv, ORDERS_PER_SHOP);
          await retourCli(['import', 'orders', shopCsv, '--shop', slug], env);
          shops.push({ key: shopKey, lines: await orderLines(server.baseUrl, shopKey) });
        }
        const r = await createCasesManyShops(server.baseUrl, shops, 64, SECONDS);
        const rps = r['2xx'] / r.duration;
        log(`${label} create-case @64 over ${SHOPS} shops: ${rps.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.non2xx} non-2xx, ${r.errors} errors`);
        figures.push(
          { benchmark: NAME, name: `${label} create-case req/s @64, ${SHOPS} shops`, value: rps, unit: 'req/s', note: `${r.non2xx} non-2xx` },
          { benchmark: NAME, name: `${label} create-case p99 @64, ${SHOPS} shops`, value: r.latency.p99, unit: 'ms' },
        );
      }
      for (const workers of kind === 'postgres' ? [16, 64] : [16]) {
        const l = await lifecycles(server.baseUrl, key, lines, workers, LIFECYCLE_SECONDS, cursor);
        log(`${label} full lifecycle @${workers}: ${l.casesPerSecond.toFixed(0)} cases/s (${l.completed} cases, 5–6 requests each), p50 ${l.p50.toFixed(0)} ms, p99 ${l.p99.toFixed(0)} ms, ${l.failures} failed`);
        figures.push({
          benchmark: NAME,
          name: `${label} lifecycle cases/s @${workers}`,
          value: l.casesPerSecond,
          unit: 'cases/s',
          ...(kind === 'postgres' ? { target: { op: '>=' as const, value: 250 } } : {}),
          note: `${l.failures} failed; p99 ${l.p99.toFixed(0)} ms`,
        });
      }
    } finally {
      await server.stop();
    }
  } finally {
    await database?.drop();
    temp.remove();
  }
  return figures;
}

export const casesHttp: Benchmark = {
  name: NAME,
  title: 'POST /api/v1/returns at 1, 16 and 64 connections, and whole case lifecycles (5–6 requests each: automation may approve), over HTTP',
  async run() {
    const figures: Figure[] = [];
    for (const kind of ['postgres', 'pglite'] as const) {
      const why = kind === 'postgres' ? await postgresUnavailable() : null;
      const results = why ? [{ benchmark: NAME, name: 'PostgreSQL create-case', value: null, unit: 'req/s', note: why } satisfies Figure] : await benchOn(kind);
      results.forEach(printFigure);
      figures.push(...results);
    }
    return figures;
  },
};

await runIfMain(import.meta.url, casesHttp);
