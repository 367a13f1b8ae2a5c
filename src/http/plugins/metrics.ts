import type { FastifyInstance } from 'fastify';
import { unauthenticated } from '../../domain/errors.js';
import { databaseMetrics, httpDuration, httpRequests, renderMetrics } from '../../observability/metrics.js';
import { safeEqual } from '../../services/auth/tokens.js';

/**
 * Counts every answered request by its route template (never the raw URL, so ids do not
 * explode the label set), and serves GET /metrics on the main port when METRICS_TOKEN is set:
 * the scrape sends it as a bearer token. With METRICS_PORT alone, `retour serve` serves the
 * metrics on that port instead (src/observability/metrics-server.ts).
 */
export function registerMetrics(app: FastifyInstance) {
  app.addHook('onResponse', async (req, reply) => {
    const labels = { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    httpRequests.inc(labels);
    httpDuration.observe(labels, reply.elapsedTime / 1000);
  });

  const token = app.ctx.config.metricsToken;
  if (token === undefined) return;
  const database = databaseMetrics(app.ctx);
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const [scheme, given] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !given || !safeEqual(given, token)) {
      throw unauthenticated('metrics.token_invalid', 'Send the METRICS_TOKEN as "Authorization: Bearer <token>"');
    }
    const { contentType, body } = await renderMetrics(database);
    return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
  });
}
