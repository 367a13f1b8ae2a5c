import autocannon, { type Result } from 'autocannon';
import { cpuMeter } from './lib/cpu.js';
import { createPostgresDatabase, hotIndexes, postgresUnavailable, tempDir } from './lib/databases.js';
import { runIfMain } from './lib/main.js';
import { log, printFigure, type Benchmark, type Figure } from './lib/report.js';
import { createShopAndKey, startServer, type ServerEnv } from './lib/server.js';
import { seededRandom } from './lib/timing.js';

const NAME = 'create-order-http';
const CONNECTIONS = 32;
const WARMUP_S = Number(process.env.BENCH_HTTP_WARMUP_S ?? 3);
const DURATION_S = Number(process.env.BENCH_HTTP_DURATION_S ?? 15);
const TARGET_RPS = 1_500;
const TARGET_P99_MS = 50;
const SKUS = 500;
const CUSTOMERS = 5_000;

/** Bodies of POST /api/v1/orders: a distinct externalId each, 2–3 lines, a returning-ish customer. */
function orderBodies(runId: string) {
  const random = seededRandom(7);
  const int = (n: number) => Math.floor(random() * n);
  let counter = 0;
  return () => {
    counter++;
    const lines = 2 + (counter % 2);
    const first = int(SKUS);
    const customer = int(CUSTOMERS);
    return JSON.stringify({
      channel: 'web',
      externalId: `${runId}-${counter}`,
      currency: 'CNY',
      placedAt: new Date(Date.UTC(2024, 5, 1) + counter * 1000).toISOString(),
      paidAt: new Date(Date.UTC(2024, 5, 1) + counter * 1000 + 60_000).toISOString(),
      customer: { email: `buyer${customer}@example.com`, name: `Buyer ${customer}` },
      shippingFeeMinor: 1000,
      lines: Array.from({ length: lines }, (_, i) => {
        const sku = (first + i * 7) % SKUS;
        return { sku: `HTTP-${sku}`, title: `Bench item ${sku}`, quantity: 1 + (i % 2), unitPriceMinor: 1990 + sku * 10 };
      }),
    });
  };
}

async function cannon(url: string, key: string, nextBody: () => string, seconds: number): Promise<Result> {
  return autocannon({
    url: `${url}/api/v1/orders`,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: nextBody() }) }],
  });
}

async function benchOn(kind: 'pglite' | 'postgres'): Promise<Figure[]> {
  const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const temp = tempDir(NAME);
  const database = kind === 'postgres' ? await createPostgresDatabase(NAME) : null;
  const env: ServerEnv = { dataDir: temp.dir, databaseUrl: database?.url };
  try {
    const key = await createShopAndKey(env, 'bench-http');
    const server = await startServer(env);
    try {
      await server.waitReady();
      const nextBody = orderBodies(`h${Date.now().toString(36)}`);
      const warm = await cannon(server.baseUrl, key, nextBody, WARMUP_S);
      log(`${label}: warm-up ${WARMUP_S} s: ${warm['2xx']} 2xx, ${warm.non2xx} non-2xx, ${warm.errors} errors`);
      const cpu = cpuMeter(server.child.pid);
      const r = await cannon(server.baseUrl, key, nextBody, DURATION_S);
      const used = cpu();
      const codes = Object.entries(r.statusCodeStats)
        .map(([code, { count }]) => `${code}×${count}`)
        .join(' ');
      log(
        `${label}: ${CONNECTIONS} connections, ${r.duration.toFixed(1)} s: ${r['2xx']} 2xx, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts ` +
          `(status codes: ${codes}); req/s avg ${r.requests.average.toFixed(0)}; latency ms p50 ${r.latency.p50} p90 ${r.latency.p90} p99 ${r.latency.p99} max ${r.latency.max}`,
      );
      const perRequest = (ms: number | null) => (ms === null ? '?' : (ms / Math.max(1, r['2xx'] + r.non2xx)).toFixed(2));
      log(
        `${label}: CPU per request: server ${perRequest(used.childMs)} ms` +
          (kind === 'postgres' ? `, PostgreSQL ${perRequest(used.postgresMs)} ms` : '') +
          `, autocannon ${perRequest(used.selfMs)} ms; machine busy ${used.machineBusyMs === null ? '?' : (used.machineBusyMs / 1000).toFixed(1)} of ` +
          `${used.machineMs === null ? '?' : (used.machineMs / 1000).toFixed(1)} CPU-s`,
      );
      const serverLog = server.output().trim();
      if (serverLog) log(`${label}: server printed (last lines):\n${serverLog.split('\n').slice(-5).join('\n')}`);
      const rps = r['2xx'] / r.duration;
      const note = `${r.non2xx} non-2xx, ${r.errors} errors`;
      const target = kind === 'postgres';
      return [
        { benchmark: NAME, name: `${label} req/s (2xx)`, value: rps, unit: 'req/s', ...(target ? { target: { op: '>=', value: TARGET_RPS } } : {}), note },
        { benchmark: NAME, name: `${label} p50`, value: r.latency.p50, unit: 'ms' },
        { benchmark: NAME, name: `${label} p99`, value: r.latency.p99, unit: 'ms', ...(target ? { target: { op: '<=', value: TARGET_P99_MS } } : {}) },
        { benchmark: NAME, name: `${label} non-2xx`, value: r.non2xx, unit: '' },
      ];
    } finally {
      await server.stop();
      if (database) log(`${label}: most-read indexes: ${await hotIndexes(database.url)}`);
    }
  } finally {
    await database?.drop();
    temp.remove();
  }
}

export const createOrderHttp: Benchmark = {
  name: NAME,
  title: `POST /api/v1/orders over HTTP, ${CONNECTIONS} connections, ${DURATION_S} s after a ${WARMUP_S} s warm-up (server in its own process)`,
  async run() {
    const figures: Figure[] = [];
    for (const kind of ['postgres', 'pglite'] as const) {
      const why = kind === 'postgres' ? await postgresUnavailable() : null;
      const results: Figure[] = why
        ? [{ benchmark: NAME, name: 'PostgreSQL req/s (2xx)', value: null, unit: 'req/s', target: { op: '>=', value: TARGET_RPS }, note: why }]
        : await benchOn(kind);
      results.forEach(printFigure);
      figures.push(...results);
    }
    return figures;
  },
};

await runIfMain(import.meta.url, createOrderHttp);
