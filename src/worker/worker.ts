import type { Logger } from 'pino';
import type { ServiceContext } from '../services/context.js';
import { purgeExpired } from './housekeeping.js';
import { retryDueRefunds } from './refund-retries.js';
import { applyDueDeadlines } from '../services/automation/deadline-runner.js';
import { dispatchOutbox } from '../services/automation/dispatch-outbox.js';
import { sendDueMail } from '../services/mail/send-mail.js';
import { sendDueWebhooks } from '../services/webhooks/send-deliveries.js';
import { refreshPlannerStatistics } from '../db/planner-statistics.js';
import { runAnalyticsJobs } from '../services/analytics/jobs.js';
import { jobDuration, jobRuns } from '../observability/metrics.js';

export interface Worker {
  stop(): Promise<void>;
}

interface Job {
  name: string;
  everyMs: number;
  run: (ctx: ServiceContext) => Promise<unknown>;
}

/** Runs a batch job again while it finds full batches, so a backlog drains without waiting for the next tick. */
async function drain(batch: () => Promise<number>, full = 100) {
  let total = 0;
  for (let n = full; n >= full; total += n) n = await batch();
  return total;
}

const JOBS: Job[] = [
  { name: 'purge-expired', everyMs: 10 * 60_000, run: purgeExpired },
  { name: 'retry-refunds', everyMs: 5_000, run: (ctx) => retryDueRefunds(ctx) },
  { name: 'deadlines', everyMs: 1_000, run: (ctx) => drain(() => applyDueDeadlines(ctx, 20), 20) },
  // Events fan out and their webhooks go at once, in one job: a change reaches receivers within
  // a tick (250 ms) plus the call, and the same job sends the retries that have come due.
  {
    name: 'outbox-and-webhooks',
    everyMs: 250,
    run: async (ctx) => {
      await drain(() => dispatchOutbox(ctx), 200);
      return drain(() => sendDueWebhooks(ctx), 50);
    },
  },
  { name: 'mail', everyMs: 2_000, run: (ctx) => drain(() => sendDueMail(ctx), 50) },
  { name: 'planner-statistics', everyMs: 30_000, run: (ctx) => refreshPlannerStatistics(ctx.db) },
  // Folds pending rollup updates in, rebuilds shops marked for it, raises quality-rate alerts.
  { name: 'analytics', everyMs: 30_000, run: runAnalyticsJobs },
];

/**
 * Runs the background jobs on their intervals until stopped. Jobs are safe to run in several
 * processes at once (each is idempotent or claims its rows), so workers scale out.
 */
export function startWorker(ctx: ServiceContext, log: Logger): Worker {
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const busy = new Set<string>();
  const timers = JOBS.map((job) => {
    const tick = () => {
      // A job still running from the last tick is not started again beside itself.
      if (stopped || busy.has(job.name)) return;
      busy.add(job.name);
      const endTimer = jobDuration.startTimer({ job: job.name });
      const p = job
        .run(ctx)
        .then(() => jobRuns.inc({ job: job.name, outcome: 'ok' }))
        .catch((err: unknown) => {
          jobRuns.inc({ job: job.name, outcome: 'failed' });
          log.error({ err, job: job.name }, 'background job failed');
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
  log.info({ jobs: JOBS.map((j) => j.name) }, 'worker started');
  return {
    async stop() {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.allSettled(running);
    },
  };
}
