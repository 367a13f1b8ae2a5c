/**
 * How late the event loop runs a timer: the lag a request waiting for its turn sees. A timer is
 * set every `intervalMs`; each time it fires, the lag is how much later than due it ran.
 *
 * Why not perf_hooks' `monitorEventLoopDelay` (what `@fastify/under-pressure` reads): after a
 * busy stretch longer than its sample interval, the histogram can hold no sample at all, and
 * under-pressure reads that as an infinite delay. PGlite resolves many queries in one microtask run
 * of 200–300 ms, so a server on the embedded database answered 503 to thousands of requests while
 * its loop never lagged 300 ms. A timer's lateness is always defined, and a true one-second stall
 * still reads as one second.
 */
export interface EventLoopLag {
  /** The lag the timer saw when it last fired, in milliseconds. */
  ms(): number;
  stop(): void;
}

export function watchEventLoopLag(intervalMs: number): EventLoopLag {
  let lagMs = 0;
  let due = performance.now() + intervalMs;
  const timer = setTimeout(function fired() {
    const now = performance.now();
    lagMs = Math.max(0, now - due);
    due = now + intervalMs;
    timer.refresh();
  }, intervalMs);
  timer.unref();
  return { ms: () => lagMs, stop: () => clearTimeout(timer) };
}
