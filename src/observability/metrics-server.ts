import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import { renderMetrics } from './metrics.js';

/**
 * /metrics on a port of its own (METRICS_PORT), for `retour worker` and for deployments that
 * keep the scrape off the public port: no token, so bind it where only Prometheus reaches.
 */
export async function startMetricsServer(host: string, port: number, database: Registry): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    renderMetrics(database).then(
      ({ contentType, body }) => res.writeHead(200, { 'content-type': contentType }).end(body),
      (err: Error) => res.writeHead(503, { 'content-type': 'text/plain' }).end(`metrics unavailable: ${err.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  return server;
}
