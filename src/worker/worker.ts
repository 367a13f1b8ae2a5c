import type { Logger } from 'pino';
import type { ServiceContext } from '../services/context.js';
import { purgeExpired } from './housekeeping.js';
import { retryDueRefunds } from './refund-retries.js';
import { refreshPlannerStatistics } from '../db/planner-statistics.js';

export interface Worker {
  stop(): Promise<void>;
}

interface Job {
  name: string;
  everyMs: number;
  run: (ctx: ServiceContext) => Promise<unknown>;
}

const JOBS: Job[] = [
  { name: 'purge-expired', everyMs: 10 * 60_000, run: purgeExpired },
  { name: 'retry-refunds', everyMs: 5_000, run: (ctx) => retryDueRefunds(ctx) },
  { name: 'planner-statistics', everyMs: 30_000, run: (ctx) => refreshPlannerStatistics(ctx.db) },
];

/**
 * Runs the background jobs on their intervals until stopped. Jobs are safe to run in several
 * processes at once (each is idempotent or claims its rows), so workers scale out.
 */
export function startWorker(ctx: ServiceContext, log: Logger): Worker {
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const timers = JOBS.map((job) => {
    const tick = () => {
      if (stopped) return;
      const p = job
        .run(ctx)
        .catch((err: unknown) => log.error({ err, job: job.name }, 'background job failed'))
        .finally(() => running.delete(p));
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
