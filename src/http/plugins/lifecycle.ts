import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import { poolOf } from '../../observability/metrics.js';
import { watchEventLoopLag } from '../event-loop-lag.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set when shutdown begins: /readyz fails so load balancers stop sending work here. */
    lifecycle: { draining: boolean };
  }
}

/** Liveness and scrapes must answer even under load, or an orchestrator kills a busy process. */
const NEVER_SHED = new Set(['/healthz', '/metrics']);

const SAMPLE_INTERVAL_MS = 250;

/**
 * Sheds load instead of queueing it without bound: while the event loop lags past
 * MAX_EVENT_LOOP_DELAY_MS, or more than MAX_POOL_WAITING queries wait for a PostgreSQL
 * connection, requests get 503 `server.busy` with Retry-After (clients and proxies retry
 * elsewhere or later). /readyz fails too, so a balancer routes around the process.
 */
export async function registerLifecycle(app: FastifyInstance) {
  app.decorate('lifecycle', { draining: false });
  const { config, db } = app.ctx;
  const pool = poolOf(db);
  const lag = watchEventLoopLag(SAMPLE_INTERVAL_MS);
  app.addHook('onClose', async () => lag.stop());
  /** Which limit the last check found exceeded, for the 503's details and the log. */
  let pressure: 'eventLoopDelay' | 'poolWaiting' = 'eventLoopDelay';
  // under-pressure's own event-loop check is off (see event-loop-lag.ts): both limits are read here.
  await app.register(underPressure, {
    healthCheckInterval: SAMPLE_INTERVAL_MS,
    healthCheck: async () => {
      if (config.maxEventLoopDelayMs > 0 && lag.ms() > config.maxEventLoopDelayMs) pressure = 'eventLoopDelay';
      else if (pool && pool.waitingCount > config.maxPoolWaiting) pressure = 'poolWaiting';
      else return true;
      return false;
    },
    retryAfter: 5,
    pressureHandler: (req, reply) => {
      if (NEVER_SHED.has(req.routeOptions.url ?? '')) return undefined;
      req.log.warn({ pressure }, 'shedding load: 503 server.busy');
      void reply.code(503).header('retry-after', 5).header('content-type', 'application/json; charset=utf-8');
      // under-pressure sends a returned value as the reply (its types say void). A string, so
      // the route's own response schema (e.g. /readyz's) does not try to serialise an error.
      return JSON.stringify({ error: { code: 'server.busy', message: 'The server is overloaded: retry in a few seconds', details: { pressure } } }) as unknown as void;
    },
  });
}
