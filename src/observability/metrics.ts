import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { opsMetricsRepo, type BacklogSnapshot } from '../db/repos/ops-metrics-repo.js';
import { processTraffic } from '../db/client.js';
import { writeReruns } from '../db/write-batch.js';
import type { ServiceContext } from '../services/context.js';

/**
 * What this process did (requests served, jobs run, webhook attempts): counters of the
 * process, summed over processes by Prometheus. What the database holds (backlogs, lag, cases
 * and refunds by status) is read at scrape time by `databaseMetrics`, so any one process
 * reports the whole deployment's state and a restart loses nothing.
 */
export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry, prefix: 'retour_' });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpRequests = new Counter({
  name: 'retour_http_requests_total',
  help: 'HTTP requests answered, by method, route template and status code',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [processRegistry],
});
export const httpDuration = new Histogram({
  name: 'retour_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method, route template and status code',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: SECONDS,
  registers: [processRegistry],
});
// What the request path costs the database, read by `npm run bench` as statements per request.
new Counter({
  name: 'retour_db_round_trips_total',
  help: 'Messages this process sent to the database: statements and transaction control (BEGIN, COMMIT, …)',
  registers: [processRegistry],
  collect() {
    this.reset();
    this.inc(processTraffic.roundTrips);
  },
});
new Counter({
  name: 'retour_db_statements_total',
  help: 'SQL statements this process sent to the database (round trips other than transaction control)',
  registers: [processRegistry],
  collect() {
    this.reset();
    this.inc(processTraffic.statements);
  },
});
new Counter({
  name: 'retour_db_write_reruns_total',
  help: 'Use cases run again: an optimistic run whose guard failed, or that was refused on reads in more than one statement, decided again with locks (optimistic); a transaction aborted by a deadlock (transaction)',
  labelNames: ['kind'] as const,
  registers: [processRegistry],
  collect() {
    this.reset();
    this.inc({ kind: 'optimistic' }, writeReruns.optimistic);
    this.inc({ kind: 'transaction' }, writeReruns.transaction);
  },
});
export const jobRuns = new Counter({
  name: 'retour_worker_job_runs_total',
  help: 'Background job runs, by job and outcome (ok or failed)',
  labelNames: ['job', 'outcome'] as const,
  registers: [processRegistry],
});
export const jobDuration = new Histogram({
  name: 'retour_worker_job_duration_seconds',
  help: 'Duration of a background job run, by job',
  labelNames: ['job'] as const,
  buckets: [...SECONDS, 30, 60],
  registers: [processRegistry],
});
export const webhookAttempts = new Counter({
  name: 'retour_webhook_attempts_total',
  help: 'Webhook delivery attempts made by this process, by outcome (delivered, failed, gone)',
  labelNames: ['outcome'] as const,
  registers: [processRegistry],
});

interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max?: number };
}

/** The node-postgres pool behind a Drizzle database, or null on PGlite (one in-process backend, no pool). */
export function poolOf(db: ServiceContext['db']): PoolLike | null {
  const client = (db as unknown as { $client?: Partial<PoolLike> }).$client;
  return client && typeof client.totalCount === 'number' ? (client as PoolLike) : null;
}

/** Gauges read from the database when Prometheus scrapes; one snapshot serves every gauge of a scrape. */
export function databaseMetrics(ctx: ServiceContext): Registry {
  const registry = new Registry();
  let pending: Promise<BacklogSnapshot> | null = null;
  const snapshot = () => {
    pending ??= opsMetricsRepo.snapshot(ctx.db, ctx.clock.now()).finally(() => setTimeout(() => (pending = null), 500).unref());
    return pending;
  };
  const gauge = (name: string, help: string, read: (s: BacklogSnapshot) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.set(read(await snapshot()));
      },
    });

  const pool = poolOf(ctx.db);
  new Gauge({
    name: 'retour_db_pool_connections',
    help: 'PostgreSQL pool connections of this process by state (total, idle, waiting clients, max); absent on PGlite',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      if (!pool) return;
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
      this.set({ state: 'max' }, pool.options.max ?? 10);
    },
  });
  gauge('retour_deadlines_due', 'Case deadlines past due and not yet applied', (s) => s.deadlinesDue);
  gauge('retour_deadline_lag_seconds', 'How late the oldest due, unapplied deadline is', (s) => s.deadlineLagSeconds);
  gauge('retour_outbox_backlog', 'Events not yet dispatched to webhooks and mail', (s) => s.outboxBacklog);
  gauge('retour_outbox_oldest_seconds', 'Age of the oldest undispatched event', (s) => s.outboxOldestSeconds);
  gauge('retour_webhook_deliveries_pending', 'Webhook deliveries waiting to be sent (first attempt or retry)', (s) => s.webhooksPending);
  gauge('retour_webhook_deliveries_failing', 'Pending webhook deliveries whose last attempt failed', (s) => s.webhooksFailing);
  gauge('retour_webhook_deliveries_dead', 'Webhook deliveries given up after their retries', (s) => s.webhooksDead);
  gauge('retour_mail_pending', 'E-mails waiting to be sent', (s) => s.mailPending);
  gauge('retour_refunds_pending_oldest_seconds', 'Age of the oldest refund not yet settled by its provider', (s) => s.refundsPendingOldestSeconds);
  new Gauge({
    name: 'retour_refunds',
    help: 'Refunds by payment provider and outcome (pending, succeeded, failed)',
    labelNames: ['provider', 'status'] as const,
    registers: [registry],
    async collect() {
      const s = await snapshot();
      this.reset();
      for (const r of s.refunds) this.set({ provider: r.provider, status: r.status }, r.n);
    },
  });
  new Gauge({
    name: 'retour_cases',
    help: 'Return cases by status',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const s = await snapshot();
      this.reset();
      for (const c of s.cases) this.set({ status: c.status }, c.n);
    },
  });
  return registry;
}

/** The Prometheus text of this process's counters and the database's gauges. */
export async function renderMetrics(database: Registry): Promise<{ contentType: string; body: string }> {
  const merged = Registry.merge([processRegistry, database]);
  return { contentType: merged.contentType, body: await merged.metrics() };
}
