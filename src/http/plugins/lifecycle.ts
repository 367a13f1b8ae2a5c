import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import { poolOf } from '../../observability/metrics.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set when shutdown begins: /readyz fails so load balancers stop sending work here. */
    lifecycle: { draining: boolean };
  }
}

/** Liveness and scrapes must answer even under load, or an orchestrator kills a busy process. */
const NEVER_SHED = new Set(['/healthz', '/metrics']);

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
  await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    sampleInterval: 250,
    retryAfter: 5,
    healthCheckInterval: 250,
    healthCheck: async () => !pool || pool.waitingCount <= config.maxPoolWaiting,
    pressureHandler: (req, reply, type) => {
      if (NEVER_SHED.has(req.routeOptions.url ?? '')) return undefined;
      req.log.warn({ pressure: type }, 'shedding load: 503 server.busy');
      void reply.code(503).header('retry-after', 5).header('content-type', 'application/json; charset=utf-8');
      // under-pressure sends a returned value as the reply (its types say void). A string, so
      // the route's own response schema (e.g. /readyz's) does not try to serialise an error.
      return JSON.stringify({ error: { code: 'server.busy', message: 'The server is overloaded: retry in a few seconds', details: { pressure: type } } }) as unknown as void;
    },
  });
}
