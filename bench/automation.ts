/**
 * The automation pipeline: deadlines applied per second when 10,000 fall due at once (1 and 2 workers),
 * webhook deliveries per second (fan-out, signing, HTTP to a local receiver), and the latency
 * from a committed change to its webhook arriving while the worker runs on its timers.
 *
 *   npx tsx bench/automation.ts
 */
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { queryRows } from '../src/db/client.js';
import { policiesRepo } from '../src/db/repos/policies-repo.js';
import { chinaMarketplacePreset } from '../src/domain/policy/presets.js';
import { applyDueDeadlines } from '../src/worker/jobs/deadlines.js';
import { refreshPlannerStatistics } from '../src/db/planner-statistics.js';
import { dispatchOutbox } from '../src/worker/jobs/outbox.js';
import type { ServiceContext } from '../src/services/context.js';
import { importOrdersCsv } from '../src/services/imports/orders-csv.js';
import { createCase } from '../src/services/cases/create-case.js';
import { createShop } from '../src/services/shops/shops.js';
import { createEndpoint } from '../src/services/webhooks/endpoints.js';
import { sendDueWebhooks } from '../src/worker/jobs/webhooks.js';
import { startWorker } from '../src/worker/worker.js';
import { WebhookReceiver } from '../test/helpers/webhook-receiver.js';
import { openRuntime, postgresUnavailable } from './lib/databases.js';
import { runIfMain } from './lib/main.js';
import { log, printFigure, type Benchmark, type Figure } from './lib/report.js';
import { now, percentile, sleep } from './lib/timing.js';

const NAME = 'automation';
const LATENCY_CASES = 200;
const CASES_POSTGRES = Number(process.env.BENCH_AUTOMATION_CASES ?? 10_000);
const CASES_PGLITE = Math.min(CASES_POSTGRES, 2_000);

function ordersCsv(count: number): string {
  const delivered = new Date(Date.now() - 86_400_000).toISOString();
  const rows = ['order_id,placed_at,paid_at,delivered_at,currency,customer_email,sku,title,quantity,unit_price'];
  for (let i = 0; i < count; i++) {
    const placed = new Date(Date.now() - 4 * 86_400_000 + i * 10).toISOString();
    rows.push(`A${i},${placed},${placed},${delivered},CNY,buyer${i % 500}@example.com,SKU-${i % 100},Item ${i % 100},2,${(19.9 + (i % 50)).toFixed(2)}`);
  }
  return `${rows.join('\n')}\n`;
}

async function benchOn(kind: 'pglite' | 'postgres', cases: number): Promise<Figure[]> {
  const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const rt = await openRuntime(kind, NAME, 20);
  const receiver = new WebhookReceiver();
  const url = await receiver.start();
  let offset = 0;
  const ctx: ServiceContext = { ...rt.ctx, clock: { now: () => new Date(Date.now() + offset) }, config: { ...rt.ctx.config, webhookAllowedHosts: ['127.0.0.1'] } };
  const figures: Figure[] = [];
  try {
    const shop = await createShop(ctx, { slug: 'bench-automation', name: 'Bench', currency: 'CNY', currencies: ['CNY'] });
    const manual = structuredClone(chinaMarketplacePreset);
    manual.automation.autoApprove.enabled = false;
    manual.automation.fastRefund.enabled = false;
    await policiesRepo.insertVersion(ctx.db, { shopId: shop.id, version: 1, document: manual, note: 'bench', createdAt: new Date(0) });
    await createEndpoint(ctx, shop.id, { url, eventTypes: ['*'] });
    await importOrdersCsv(ctx, shop.id, Readable.from([ordersCsv(cases + LATENCY_CASES)]));
    const lines = await queryRows<{ order_id: string; id: string }>(ctx.db, sql`select order_id, id from order_lines where shop_id = ${shop.id} order by order_id`);
    const open = (i: number) =>
      createCase(ctx, shop.id, { orderId: lines[i]!.order_id, type: 'return_refund', items: [{ lineId: lines[i]!.id, quantity: 1, reasonCode: 'no_reason' }] }, { kind: 'buyer' });
    const creating = now();
    for (let i = 0; i < cases; i += 16) {
      await Promise.all(Array.from({ length: Math.min(16, cases - i) }, (_, k) => open(i + k)));
      if (i % 2000 === 0 && i > 0) log(`${label}: ${i} cases opened`);
    }
    log(`${label}: ${cases} requested cases, each with a merchant-response deadline (opened in ${((now() - creating) / 1000).toFixed(0)} s)`);
    // What the worker's planner-statistics job (every 30 s) would have done while they were opened:
    // the plans prepared on the empty case tables are replaced (docs/operations.md, Processes).
    await refreshPlannerStatistics(ctx.db, { minChanges: 0 });

    // Deliveries: the creation events, fanned out and sent.
    const started = now();
    while ((await dispatchOutbox(ctx)) > 0);
    let sent = 0;
    for (let n; (n = await sendDueWebhooks(ctx, 50)) > 0; ) sent += n;
    const ms = now() - started;
    log(`${label}: ${sent} webhook deliveries in ${(ms / 1000).toFixed(1)} s`);
    figures.push({ benchmark: NAME, name: `${label} webhook deliveries/s`, value: (sent * 1000) / ms, unit: 'deliveries/s', target: { op: '>=', value: 500 }, note: `${sent} signed POSTs to a local receiver, 50 in flight` });

    // Deadlines: the whole backlog falls due at once. One worker: the sellers never answered, every
    // request is approved by the system. Two workers (PostgreSQL): then the buyers never ship, every
    // approved return is closed (another clock of the same cases, as many, as heavy a move).
    const drainWith = async (workers: number) => {
      const t0 = now();
      const counts = await Promise.all(
        Array.from({ length: workers }, async () => {
          let applied = 0;
          for (let n; (n = await applyDueDeadlines(ctx, 20)) > 0; ) applied += n;
          return applied;
        }),
      );
      return { applied: counts.reduce((a, b) => a + b, 0), ms: now() - t0 };
    };
    offset = 5 * 86_400_000 + 60_000;
    const one = await drainWith(1);
    log(`${label}: ${one.applied} merchant-response deadlines applied by 1 worker in ${(one.ms / 1000).toFixed(1)} s`);
    figures.push({
      benchmark: NAME,
      name: `${label} deadlines applied/s, 1 worker`,
      value: (one.applied * 1000) / one.ms,
      unit: 'deadlines/s',
      ...(kind === 'postgres' ? { target: { op: '>=' as const, value: 1000 } } : {}),
      note: `${one.applied} due at once; auto-approve: case move, next clock, outbox, rollups`,
    });
    if (kind === 'postgres') {
      offset = 13 * 86_400_000;
      const two = await drainWith(2);
      log(`${label}: ${two.applied} buyer-ship deadlines applied by 2 workers in ${(two.ms / 1000).toFixed(1)} s`);
      figures.push({ benchmark: NAME, name: `${label} deadlines applied/s, 2 workers`, value: (two.applied * 1000) / two.ms, unit: 'deadlines/s', note: `${two.applied} due at once; close after the buyer did not ship` });
    }
    offset = 0;

    // Latency: changes committed while the worker runs on its timers, until the receiver has them.
    while ((await dispatchOutbox(ctx)) > 0);
    while ((await sendDueWebhooks(ctx, 50)) > 0);
    receiver.received.length = 0;
    const committed = new Map<string, number>();
    const worker = startWorker(ctx, pino({ level: 'silent' }));
    try {
      for (let i = cases; i < cases + LATENCY_CASES; i++) {
        const c = await open(i);
        committed.set(c.id, now());
        await sleep(10);
      }
      const arrivals = new Map<string, number>();
      const until = now() + 60_000;
      while (arrivals.size < LATENCY_CASES && now() < until) {
        for (const r of receiver.received.splice(0)) {
          const body = JSON.parse(r.body) as { type: string; data: { case: { id: string } } };
          if (body.type === 'return.created') arrivals.set(body.data.case.id, r.at);
        }
        await sleep(5);
      }
      const latencies = [...arrivals].map(([id, at]) => at - committed.get(id)!);
      log(`${label}: ${latencies.length}/${LATENCY_CASES} webhooks arrived; p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`);
      figures.push(
        { benchmark: NAME, name: `${label} commit → webhook p50`, value: percentile(latencies, 50), unit: 'ms', note: 'the worker polls the outbox every 250 ms' },
        { benchmark: NAME, name: `${label} commit → webhook p99`, value: percentile(latencies, 99), unit: 'ms', target: { op: '<=', value: 1000 }, note: `${latencies.length}/${LATENCY_CASES} arrived` },
      );
    } finally {
      await worker.stop();
    }
  } finally {
    await receiver.close();
    await rt.dispose();
  }
  return figures;
}

export const automationBench: Benchmark = {
  name: NAME,
  title: 'Deadlines applied per second, webhook deliveries per second, and commit-to-webhook latency with the worker running',
  async run() {
    const figures: Figure[] = [];
    for (const kind of ['postgres', 'pglite'] as const) {
      const why = kind === 'postgres' ? await postgresUnavailable() : null;
      const results = why ? [{ benchmark: NAME, name: 'PostgreSQL deadlines applied/s', value: null, unit: 'deadlines/s', note: why } satisfies Figure] : await benchOn(kind, kind === 'postgres' ? CASES_POSTGRES : CASES_PGLITE);
      results.forEach(printFigure);
      figures.push(...results);
    }
    return figures;
  },
};

await runIfMain(import.meta.url, automationBench);
