/**
 * Scale-out on one PostgreSQL: whole case lifecycles through 1, 2 and 4 `retour serve` processes
 * (WORKER=off; the clients send each lifecycle to the next process in turn, as a round-robin
 * balancer would), then the background work — due deadlines, the outbox and its webhooks —
 * drained by 1 and 2 `retour worker` processes. Afterwards it checks that nothing happened twice:
 * each deadline applied once, each refund paid once, each webhook delivered once.
 *
 *   npm run bench -- scale-out        (BENCH_SCALE_S, BENCH_SCALE_CLIENTS, BENCH_SCALE_DEADLINES)
 */
import { join } from 'node:path';
import pg from 'pg';
import { WebhookReceiver } from '../test/helpers/webhook-receiver.js';
import { api, lifecycles, orderLines, writeOrders, type Line } from './lib/case-load.js';
import { createPostgresDatabase, postgresUnavailable, tempDir } from './lib/databases.js';
import { runIfMain } from './lib/main.js';
import { log, printFigure, type Benchmark, type Figure } from './lib/report.js';
import { createShopAndKey, retourCli, startServer, startWorkerProcess, type RunningServer, type ServerEnv } from './lib/server.js';
import { now, sleep } from './lib/timing.js';

const NAME = 'scale-out';
const SECONDS = Number(process.env.BENCH_SCALE_S ?? 15);
const CLIENTS = Number(process.env.BENCH_SCALE_CLIENTS ?? 32);
const DEADLINE_CASES = Number(process.env.BENCH_SCALE_DEADLINES ?? 1_500);
const API_PROCESSES = [1, 2, 4];
const WORKER_PROCESSES = [1, 2];
const ORDERS = 8_000;

interface Backlog {
  deadlines: number;
  outbox: number;
  deliveries: number;
  refunds: number;
}

async function backlog(db: pg.Client): Promise<Backlog> {
  const { rows } = await db.query<Backlog>(
    `select (select count(*)::int from deadlines where status = 'pending' and due_at <= now()) as deadlines,
            (select count(*)::int from outbox where dispatched_at is null) as outbox,
            (select count(*)::int from webhook_deliveries where status <> 'delivered') as deliveries,
            (select count(*)::int from refunds where status <> 'succeeded') as refunds`,
  );
  return rows[0]!;
}

async function startServers(env: ServerEnv, count: number): Promise<RunningServer[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => startServer(env)));
  await Promise.all(servers.map((s) => s.waitReady()));
  return servers;
}

/** Opens `count` requests nobody answers (workers are off), then makes every pending deadline due now. */
async function dueDeadlines(base: string, key: string, lines: Line[], cursor: { next: number }, count: number, db: pg.Client): Promise<number> {
  let opened = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (opened < count) {
        opened++;
        const line = lines[cursor.next++ % lines.length]!;
        const res = await api<{ status: string }>(base, key, 'POST', '/api/v1/returns', { orderId: line.orderId, type: 'return_refund', items: [{ lineId: line.lineId, quantity: 1, reasonCode: 'no_reason' }] });
        if (res.status !== 201) throw new Error(`POST /api/v1/returns answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
      }
    }),
  );
  const { rowCount } = await db.query(`update deadlines set due_at = now() - interval '1 minute' where status = 'pending'`);
  return rowCount ?? 0;
}

async function duplicates(db: pg.Client, receiver: WebhookReceiver) {
  const applied = await db.query<{ n: number }>(`select count(*)::int as n from (select case_id, kind, for_status from deadlines where status = 'applied' group by 1, 2, 3 having count(*) > 1) d`);
  const paid = await db.query<{ n: number }>(
    `select count(*)::int as n from (select r.case_id from refunds r join simulated_payouts p on p.shop_id = r.shop_id and p.idempotency_key = r.idempotency_key
      group by r.case_id, r.idempotency_key having count(*) > 1) d`,
  );
  const overpaid = await db.query<{ n: number }>(`select count(*)::int as n from return_cases where refunded_minor > (breakdown->>'refundMinor')::int`);
  const ids = receiver.received.map((r) => r.headers['webhook-id'] as string);
  return { deadlinesTwice: applied.rows[0]!.n, refundsTwice: paid.rows[0]!.n, overpaid: overpaid.rows[0]!.n, webhooksTwice: ids.length - new Set(ids).size, webhooks: ids.length };
}

async function run(): Promise<Figure[]> {
  const why = await postgresUnavailable();
  if (why) return [{ benchmark: NAME, name: 'scale-out', value: null, unit: 'cases/s', note: why }];
  const temp = tempDir(NAME);
  const database = await createPostgresDatabase(NAME);
  const env: ServerEnv = { dataDir: temp.dir, databaseUrl: database.url, extra: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_TIMEOUT_MS: '2000' } };
  const db = new pg.Client({ connectionString: database.url });
  const receiver = new WebhookReceiver();
  const figures: Figure[] = [];
  try {
    await db.connect();
    const hookUrl = await receiver.start();
    const key = await createShopAndKey(env, 'bench-scale');
    const owner = (await retourCli(['create-api-key', '--shop', 'bench-scale', '--role', 'owner'], env)).trim().split('\n').at(-1)!;
    const csv = join(temp.dir, 'orders.csv');
    writeOrders(csv, ORDERS);
    await retourCli(['import', 'orders', csv, '--shop', 'bench-scale'], env);

    let lines: Line[] = [];
    const cursor = { next: 0 };
    for (const processes of API_PROCESSES) {
      const servers = await startServers(env, processes);
      try {
        if (lines.length === 0) {
          const base = servers[0]!.baseUrl;
          if ((await api(base, owner, 'PATCH', '/api/v1/shop', { refundProvider: 'simulated' })).status !== 200) throw new Error('could not switch the refund provider');
          if ((await api(base, owner, 'POST', '/api/v1/webhooks', { url: hookUrl, eventTypes: ['*'] })).status !== 201) throw new Error('could not add the webhook endpoint');
          lines = await orderLines(base, key);
        }
        const l = await lifecycles(
          servers.map((s) => s.baseUrl),
          key,
          lines,
          CLIENTS,
          SECONDS,
          cursor,
        );
        log(`${processes} API process(es): ${l.casesPerSecond.toFixed(1)} lifecycles/s (${l.completed} cases), p50 ${l.p50.toFixed(0)} ms, p99 ${l.p99.toFixed(0)} ms, ${l.failures} failed`);
        figures.push(
          { benchmark: NAME, name: `lifecycles/s, ${processes} API process(es)`, value: l.casesPerSecond, unit: 'cases/s', note: `${CLIENTS} clients; ${l.failures} failed` },
          { benchmark: NAME, name: `lifecycle p99, ${processes} API process(es)`, value: l.p99, unit: 'ms' },
        );
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    }

    for (const workers of WORKER_PROCESSES) {
      const [server] = await startServers(env, 1);
      let made: number;
      try {
        made = await dueDeadlines(server!.baseUrl, key, lines, cursor, DEADLINE_CASES, db);
      } finally {
        await server!.stop();
      }
      const before = await backlog(db);
      const started = now();
      const running = Array.from({ length: workers }, () => startWorkerProcess(env));
      let deadlinesDoneAt: number | null = null;
      let left = before;
      try {
        for (;;) {
          await sleep(100);
          left = await backlog(db);
          if (deadlinesDoneAt === null && left.deadlines === 0) deadlinesDoneAt = now();
          if ((left.deadlines === 0 && left.outbox === 0 && left.deliveries === 0 && left.refunds === 0) || now() - started > 600_000) break;
        }
      } finally {
        await Promise.all(running.map((w) => w.stop()));
      }
      const drained = now();
      const deadlineSeconds = ((deadlinesDoneAt ?? drained) - started) / 1000;
      const events = await db.query<{ n: number }>(`select count(*)::int as n from webhook_deliveries where status = 'delivered' and delivered_at >= now() - make_interval(secs => $1)`, [(drained - started) / 1000 + 1]);
      const eventsPerSecond = events.rows[0]!.n / ((drained - started) / 1000);
      log(
        `${workers} worker process(es): ${made} due deadlines in ${deadlineSeconds.toFixed(1)} s (${(made / deadlineSeconds).toFixed(0)}/s, start-up included); ` +
          `outbox ${before.outbox} events + ${before.deliveries} deliveries drained in ${((drained - started) / 1000).toFixed(1)} s (${eventsPerSecond.toFixed(0)} webhooks/s); left ${JSON.stringify(left)}`,
      );
      figures.push(
        { benchmark: NAME, name: `deadlines/s, ${workers} worker process(es)`, value: made / deadlineSeconds, unit: '/s', note: `${made} due at once; process start included` },
        { benchmark: NAME, name: `webhooks delivered/s, ${workers} worker process(es)`, value: eventsPerSecond, unit: '/s', note: `backlog ${before.outbox} events` },
      );
    }

    const twice = await duplicates(db, receiver);
    log(`side effects: ${JSON.stringify(twice)}`);
    figures.push(
      { benchmark: NAME, name: 'deadlines applied twice', value: twice.deadlinesTwice, unit: '', target: { op: '<=', value: 0 } },
      { benchmark: NAME, name: 'refunds paid twice or above the case', value: twice.refundsTwice + twice.overpaid, unit: '', target: { op: '<=', value: 0 } },
      { benchmark: NAME, name: 'webhooks delivered twice', value: twice.webhooksTwice, unit: '', target: { op: '<=', value: 0 }, note: `${twice.webhooks} received` },
    );
  } finally {
    await receiver.close();
    await db.end().catch(() => {});
    await database.drop();
    temp.remove();
  }
  return figures;
}

export const scaleOut: Benchmark = {
  name: NAME,
  title: 'Case lifecycles through 1, 2 and 4 API processes, deadlines and webhooks through 1 and 2 worker processes, on one PostgreSQL; checks nothing happened twice',
  async run() {
    const figures = await run();
    figures.forEach(printFigure);
    return figures;
  },
};

await runIfMain(import.meta.url, scaleOut);
