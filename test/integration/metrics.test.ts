import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseMetrics } from '../../src/observability/metrics.js';
import { startMetricsServer } from '../../src/observability/metrics-server.js';
import { startWorker } from '../../src/worker/worker.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { onPostgres } from '../helpers/db.js';
import { act, placeOrder } from '../helpers/returns.js';

const TOKEN = 'metrics-token-0123456789';
const DAY = 86_400_000;
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;

beforeAll(async () => {
  t = await startTestApp({ METRICS_TOKEN: TOKEN });
  api = client(t.baseUrl);
  shop = await createTestShop(t.ctx, 'metrics');
  t.clock.set('2026-11-01T08:00:00Z');
});
afterAll(() => t.close());

/** The samples of a Prometheus text page: `name{labels}` → value. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

async function scrape() {
  const res = await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return samples(await res.text());
}

describe('GET /metrics', () => {
  it('answers only to the METRICS_TOKEN', async () => {
    expect((await fetch(`${t.baseUrl}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: 'Bearer metrics-token-9999999999' } });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as any).error.code).toBe('metrics.token_invalid');
  });

  it('counts requests by route template and status, with latency histograms', async () => {
    // The counters are the process's (Prometheus sums processes): what these requests added is the difference.
    const before = await scrape();
    await api('GET', '/healthz');
    await api('GET', '/healthz');
    await api('GET', '/api/v1/returns/0190a0a0-0000-7000-8000-000000000000', { key: shop.keys.viewer });
    const m = await scrape();
    const added = (sample: string) => m.get(sample)! - (before.get(sample) ?? 0);
    expect(added('retour_http_requests_total{method="GET",route="/healthz",status="200"}')).toBe(2);
    // The route template, never the id: the label set stays bounded.
    expect(added('retour_http_requests_total{method="GET",route="/api/v1/returns/:id",status="404"}')).toBe(1);
    expect(added('retour_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"}')).toBe(2);
    expect(added('retour_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/healthz",status="200"}')).toBe(2);
    expect(m.has('retour_process_resident_memory_bytes')).toBe(true);
    // The database traffic the requests cost: a case read is statements, and they only grow.
    const statements = m.get('retour_db_statements_total')!;
    expect(statements).toBeGreaterThan(0);
    expect(m.get('retour_db_round_trips_total')).toBeGreaterThanOrEqual(statements);
    // Reruns of use cases another writer beat, by kind (test/integration/optimistic-writes.test.ts counts them).
    expect(m.get('retour_db_write_reruns_total{kind="optimistic"}')).toBeGreaterThanOrEqual(0);
    expect(m.get('retour_db_write_reruns_total{kind="transaction"}')).toBeGreaterThanOrEqual(0);
    await api('GET', '/api/v1/returns/0190a0a0-0000-7000-8000-000000000000', { key: shop.keys.viewer });
    expect((await scrape()).get('retour_db_statements_total')).toBeGreaterThan(statements);
    // Pool use on PostgreSQL; PGlite has no pool.
    if (onPostgres()) expect(m.get('retour_db_pool_connections{state="max"}')).toBe(20);
    else expect([...m.keys()].some((k) => k.startsWith('retour_db_pool_connections'))).toBe(false);
  });

  it('reports cases by status, deadline lag, outbox backlog and refunds by provider and outcome from the database', async () => {
    const order = await placeOrder(api, shop.keys.manager);
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] },
    });
    expect(created.status).toBe(201);
    // An earlier scrape's snapshot is reused for half a second after it is read (and while it runs): wait for a fresh one.
    let m = await scrape();
    for (let i = 0; i < 100 && m.get('retour_cases{status="requested"}') === undefined; i++) {
      await new Promise((r) => setTimeout(r, 200));
      m = await scrape();
    }
    expect(m.get('retour_cases{status="requested"}')).toBe(1);
    expect(m.get('retour_deadline_lag_seconds')).toBe(0);
    expect(m.get('retour_outbox_backlog')).toBeGreaterThanOrEqual(1);

    // The merchant-response deadline falls due after 5 days; a day later it is a day late.
    t.clock.advance(6 * DAY);
    await new Promise((r) => setTimeout(r, 600)); // past the snapshot's half-second reuse
    m = await scrape();
    expect(m.get('retour_deadlines_due')).toBe(1);
    expect(m.get('retour_deadline_lag_seconds')).toBeCloseTo(DAY / 1000, -1);

    // A worker applies it (and dispatches the outbox): the lag is gone, its runs are counted.
    const worker = startWorker(t.ctx, pino({ level: 'silent' }));
    // Up to a minute: on a busy machine (CI runs PGlite in this process) a worker cycle can take seconds.
    for (let i = 0; i < 600 && ((m = await scrape()).get('retour_deadline_lag_seconds') !== 0 || m.get('retour_outbox_backlog') !== 0); i++) await new Promise((r) => setTimeout(r, 100));
    await worker.stop();
    m = await scrape();
    expect(m.get('retour_deadline_lag_seconds')).toBe(0);
    expect(m.get('retour_outbox_backlog')).toBe(0);
    expect(m.get('retour_worker_job_runs_total{job="deadlines",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(m.get('retour_worker_job_duration_seconds_count{job="deadlines"}')).toBeGreaterThanOrEqual(1);
    expect(m.get('retour_cases{status="approved"}')).toBe(1);

    const refunded = await act(api, shop.keys.manager, created.body.id, 'fast_refund');
    expect(refunded.status).toBe(200);
    // This shop refunds by hand ("manual" provider): the refund waits for staff to pay it,
    // and its age is what the "refunds pending > 10 min" alert watches.
    t.clock.advance(11 * 60_000);
    await new Promise((r) => setTimeout(r, 600));
    m = await scrape();
    expect(m.get('retour_refunds{provider="manual",status="pending"}')).toBe(1);
    expect(m.get('retour_refunds_pending_oldest_seconds')).toBeCloseTo(11 * 60, -1);
  });

  it('can be served on a port of its own (METRICS_PORT), without a token', async () => {
    const server = await startMetricsServer('127.0.0.1', 0, databaseMetrics(t.ctx));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const res = await fetch(`${base}/metrics`);
      expect(res.status).toBe(200);
      expect(samples(await res.text()).has('retour_outbox_backlog')).toBe(true);
      expect((await fetch(`${base}/other`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
