import type { Logger } from 'pino';
import { uuidv7 } from 'uuidv7';
import type { ServiceContext } from '../services/context.js';
import { purgeExpired } from './jobs/housekeeping.js';
import { retryDueRefunds } from './jobs/refund-retries.js';
import { applyDueDeadlines } from './jobs/deadlines.js';
import { dispatchOutbox } from './jobs/outbox.js';
import { sendDueMail } from './jobs/mail.js';
import { sendDueSms } from './jobs/sms.js';
import { queueShipReminders } from './jobs/ship-reminders.js';
import { sendDueWebhooks } from './jobs/webhooks.js';
import { refreshPlannerStatistics } from '../db/planner-statistics.js';
import { runAnalyticsJobs } from './jobs/analytics.js';
import { syncDueConnections } from './jobs/connections.js';
import { pollDueParcels } from './jobs/carrier-tracking.js';
import { jobDuration, jobRuns } from '../observability/metrics.js';

export interface Worker {
  /**
   * Starts no new job or batch, lets the batches under way finish (a refund retry hands back the
   * leases of refunds it has not called yet) and resolves true; false if `graceMs` ran out first
   * (what was still running keeps its leases until they expire, and another worker takes over).
   */
  stop(graceMs?: number): Promise<boolean>;
}

/** What a job run gets besides the context: whether to stop after the batch under way. */
export interface JobRun {
  stopping: () => boolean;
}

export interface Job {
  name: string;
  everyMs: number;
  run: (ctx: ServiceContext, run: JobRun) => Promise<unknown>;
}

/**
 * Runs a batch job again while it finds full batches, so a backlog drains without waiting for
 * the next tick; on shutdown it stops after the batch under way.
 */
async function drain(run: JobRun, batch: () => Promise<number>, full = 100) {
  let total = 0;
  for (let n = full; n >= full && !run.stopping(); total += n) n = await batch();
  return total;
}

/**
 * Analyses the tables that grew or changed by a fifth since their last analysis (one catalogue
 * query when none did, so it runs often): hot statements keep their plans until statistics change,
 * and plans made on small tables stay slow as they grow (docs/operations.md, Processes).
 */
export const PLANNER_STATISTICS_JOB: Job = { name: 'planner-statistics', everyMs: 5_000, run: (ctx) => refreshPlannerStatistics(ctx.db) };

export const JOBS: Job[] = [
  { name: 'purge-expired', everyMs: 10 * 60_000, run: purgeExpired },
  { name: 'retry-refunds', everyMs: 5_000, run: (ctx, run) => retryDueRefunds(ctx, 50, run.stopping) },
  { name: 'deadlines', everyMs: 1_000, run: (ctx, run) => drain(run, () => applyDueDeadlines(ctx, 20), 20) },
  // Events fan out and their webhooks go at once, in one job: a change reaches receivers within
  // a tick (250 ms) plus the call, and the same job sends the retries that have come due.
  {
    name: 'outbox-and-webhooks',
    everyMs: 250,
    run: async (ctx, run) => {
      await drain(run, () => dispatchOutbox(ctx), 200);
      return drain(run, () => sendDueWebhooks(ctx), 50);
    },
  },
  { name: 'mail', everyMs: 2_000, run: (ctx, run) => drain(run, () => sendDueMail(ctx), 50) },
  { name: 'sms', everyMs: 2_000, run: (ctx, run) => drain(run, () => sendDueSms(ctx), 50) },
  // Buyers whose ship-back deadline is a day away are reminded once (by e-mail or SMS).
  { name: 'ship-reminders', everyMs: 60_000, run: (ctx, run) => drain(run, () => queueShipReminders(ctx), 100) },
  PLANNER_STATISTICS_JOB,
  // Folds pending rollup updates in, rebuilds shops marked for it, raises quality-rate alerts.
  { name: 'analytics', everyMs: 30_000, run: runAnalyticsJobs },
  // Storefronts, marketplaces and carriers pull what changed; failures back off per connection.
  { name: 'connections', everyMs: 5_000, run: (ctx, run) => drain(run, () => syncDueConnections(ctx, 10), 10) },
  // Parcels whose carrier callbacks never came (not configured, or missed) are asked about in real time.
  { name: 'carrier-tracking', everyMs: 60_000, run: (ctx, run) => drain(run, () => pollDueParcels(ctx, 20, run.stopping), 20) },
];

/**
 * The jobs `retour serve` runs beside its requests: all of them with the worker in the process;
 * otherwise none on PostgreSQL (a `retour worker` runs them), but on PGlite still the planner
 * statistics, as PGlite has no autovacuum and no other process can open its database.
 */
export function jobsBesideRequests(workerInProcess: boolean, database: 'pglite' | 'postgres'): readonly Job[] {
  if (workerInProcess) return JOBS;
  return database === 'pglite' ? [PLANNER_STATISTICS_JOB] : [];
}

/**
 * Runs the background jobs on their intervals until stopped. Jobs are safe to run in several
 * processes at once (each is idempotent or claims its rows), so workers scale out. Each run has
 * an id of its own: its log lines carry `job` and `jobId`; a run is logged at debug, a failure
 * at warn with its cause.
 */
export function startWorker(ctx: ServiceContext, log: Logger, jobs: readonly Job[] = JOBS): Worker {
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const busy = new Set<string>();
  const run: JobRun = { stopping: () => stopped };
  const timers = jobs.map((job) => {
    const tick = () => {
      // A job still running from the last tick is not started again beside itself.
      if (stopped || busy.has(job.name)) return;
      busy.add(job.name);
      const jobLog = log.child({ job: job.name, jobId: uuidv7() });
      const started = performance.now();
      const endTimer = jobDuration.startTimer({ job: job.name });
      const p = job
        .run(ctx, run)
        .then((result) => {
          jobRuns.inc({ job: job.name, outcome: 'ok' });
          jobLog.debug({ result: typeof result === 'number' ? result : undefined, ms: Math.round(performance.now() - started) }, 'job run');
        })
        .catch((err: unknown) => {
          jobRuns.inc({ job: job.name, outcome: 'failed' });
          jobLog.warn({ err, ms: Math.round(performance.now() - started) }, `job ${job.name} failed: ${(err as Error)?.message ?? String(err)}`);
        })
        .finally(() => {
          endTimer();
          running.delete(p);
          busy.delete(job.name);
        });
      running.add(p);
    };
    tick();
    return setInterval(tick, job.everyMs);
  });
  log.info({ jobs: jobs.map((j) => j.name) }, 'worker started');
  return {
    async stop(graceMs = Number.POSITIVE_INFINITY) {
      stopped = true;
      timers.forEach(clearInterval);
      let timer: NodeJS.Timeout | undefined;
      const finished = Promise.allSettled([...running]).then(() => true);
      const outOfTime = Number.isFinite(graceMs) ? new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))) : new Promise<boolean>(() => {});
      const done = await Promise.race([finished, outOfTime]);
      clearTimeout(timer);
      log.info({ finished: done }, done ? 'worker stopped: every batch under way finished' : 'worker stopped: the grace period ran out with a batch under way');
      return done;
    },
  };
}
