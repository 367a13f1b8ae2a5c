import { join } from 'node:path';
import autocannon from 'autocannon';
import { createPostgresDatabase, postgresUnavailable, tempDir } from './lib/databases.js';
import { runIfMain } from './lib/main.js';
import { log, printFigure, type Benchmark, type Figure } from './lib/report.js';
import { createShopAndKey, retourCli, startServer, type ServerEnv } from './lib/server.js';
import { api, lifecycles, orderLines, UNITS_PER_ORDER, writeOrders, type Line } from './lib/case-load.js';
import { BENCH_METRICS_TOKEN, describeCost, measurePhase, type PhaseCost } from './lib/server-probe.js';

/** The answers other than 2xx by status code, e.g. " (409: 12)": what went wrong, at a glance. */
function statusCounts(r: object): string {
  const stats = (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const other = Object.entries(stats).filter(([code]) => !code.startsWith('2'));
  return other.length ? ` (${other.map(([code, s]) => `${code}: ${s.count}`).join(', ')})` : '';
}

/** The per-request cost figures of a phase, beside its rate. */
function costFigures(label: string, cost: PhaseCost): Figure[] {
  return [
    { benchmark: NAME, name: `${label} statements/req`, value: cost.statementsPerRequest, unit: 'statements' },
    { benchmark: NAME, name: `${label} CPU/req (node + PostgreSQL)`, value: cost.serverCpuMs === null || cost.postgresCpuMs === null ? null : cost.serverCpuMs + cost.postgresCpuMs, unit: 'ms' },
    { benchmark: NAME, name: `${label} server RSS peak`, value: cost.peakRssMiB, unit: 'MiB', target: { op: '<=', value: 200 } },
  ];
}

const NAME = 'cases-http';
const ORDERS = 6_000;
const SECONDS = Number(process.env.BENCH_HTTP_DURATION_S ?? 10);
const LIFECYCLE_SECONDS = Number(process.env.BENCH_LIFECYCLE_S ?? 15);

const SHOPS = Number(process.env.BENCH_SHOPS ?? 50);
/** Set to a directory to have the server write a V8 CPU profile there (node --cpu-prof) when it stops. */
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROF_DIR;
const ORDERS_PER_SHOP = 150;

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

async function benchOn(kind: 'pglite' | 'postgres'): Promise<Figure[]> {
  const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const temp = tempDir(NAME);
  const database = kind === 'postgres' ? await createPostgresDatabase(NAME) : null;
  const env: ServerEnv = { dataDir: temp.dir, databaseUrl: database?.url, extra: { METRICS_TOKEN: BENCH_METRICS_TOKEN } };
  const figures: Figure[] = [];
  try {
    const key = await createShopAndKey(env, 'bench-cases');
    const owner = (await retourCli(['create-api-key', '--shop', 'bench-cases', '--role', 'owner'], env)).trim().split('\n').at(-1)!;
    const csv = join(temp.dir, 'orders.csv');
    writeOrders(csv, ORDERS);
    await retourCli(['import', 'orders', csv, '--shop', 'bench-cases'], env);
    const server = await startServer(env, CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : []);
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
        await database?.analyze();
        const phase = await measurePhase(server.baseUrl, server.child.pid);
        const r = await createCases(server.baseUrl, key, lines, connections, SECONDS, cursor);
        const cost = await phase(r['2xx'] + r.non2xx);
        const rps = r['2xx'] / r.duration;
        log(`${label} create-case @${connections}: ${rps.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.non2xx} non-2xx${statusCounts(r)}, ${r.errors} errors; ${describeCost(cost)}`);
        figures.push(...costFigures(`${label} create-case @${connections}`, cost));
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
        await database?.analyze();
        const phase = await measurePhase(server.baseUrl, server.child.pid);
        const r = await createCasesManyShops(server.baseUrl, shops, 64, SECONDS);
        const cost = await phase(r['2xx'] + r.non2xx);
        const rps = r['2xx'] / r.duration;
        log(`${label} create-case @64 over ${SHOPS} shops: ${rps.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.non2xx} non-2xx, ${r.errors} errors; ${describeCost(cost)}`);
        figures.push(
          { benchmark: NAME, name: `${label} create-case req/s @64, ${SHOPS} shops`, value: rps, unit: 'req/s', note: `${r.non2xx} non-2xx` },
          { benchmark: NAME, name: `${label} create-case p99 @64, ${SHOPS} shops`, value: r.latency.p99, unit: 'ms' },
        );
      }
      for (const workers of kind === 'postgres' ? [16, 64] : [16]) {
        await database?.analyze();
        const phase = await measurePhase(server.baseUrl, server.child.pid);
        const l = await lifecycles(server.baseUrl, key, lines, workers, LIFECYCLE_SECONDS, cursor);
        // Per case, not per request: a lifecycle is 5–6 requests.
        const cost = await phase(l.completed + l.failures);
        const approvedShare = l.completed + l.failures > 0 ? Math.round((100 * l.approvedAtCreation) / (l.completed + l.failures)) : 0;
        log(`${label} full lifecycle @${workers}: ${l.casesPerSecond.toFixed(0)} cases/s (${l.completed} cases, 5–6 requests each; ${approvedShare} % approved by the policy at creation, the rest by a person), p50 ${l.p50.toFixed(0)} ms, p99 ${l.p99.toFixed(0)} ms, ${l.failures} failed; per case: ${describeCost(cost).replaceAll('/req', '').replaceAll('per req', '')}`);
        figures.push({ benchmark: NAME, name: `${label} lifecycle statements/case @${workers}`, value: cost.statementsPerRequest, unit: 'statements' });
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
