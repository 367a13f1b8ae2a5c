import type { Logger } from 'pino';

export interface ShutdownPlan {
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  graceMs: number;
  /** Stop taking work and finish what is under way (server close, worker stop); true when all finished. */
  drain: (graceMs: number) => Promise<boolean>;
  /** Release what remains (database handle), after draining or once the grace period is over. */
  release: () => Promise<void>;
  exit?: (code: number) => void;
}

/**
 * On SIGTERM or SIGINT: drain within the grace period, release, exit 0 if everything under way
 * finished and 1 if the grace period cut something short (its leases expire and another worker
 * takes over). A second signal exits at once.
 */
export function shutdownOnSignals(plan: ShutdownPlan) {
  const exit = plan.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      plan.log.warn({ signal }, 'second signal: exiting now');
      return exit(1);
    }
    stopping = true;
    const started = Date.now();
    plan.log.info({ signal, graceMs: plan.graceMs }, 'shutting down: no new requests or jobs; finishing those under way');
    let timer: NodeJS.Timeout | undefined;
    const outOfTime = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), plan.graceMs)));
    const finished = await Promise.race([plan.drain(plan.graceMs).catch(() => false), outOfTime]);
    clearTimeout(timer);
    // The database handle is closed even after a cut-short drain: PGlite flushes on close.
    await Promise.race([plan.release().catch((err: unknown) => plan.log.error({ err }, 'closing the database failed')), new Promise((r) => setTimeout(r, 5_000).unref())]);
    if (finished) plan.log.info({ ms: Date.now() - started }, 'shut down cleanly');
    else plan.log.warn({ ms: Date.now() - started }, 'shut down: the grace period ran out with work under way');
    exit(finished ? 0 : 1);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
