import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/client.js';
import { createConnection } from '../src/services/connections/connections.js';
import { syncConnection } from '../src/services/connections/run-connections.js';
import { createShop } from '../src/services/shops/shops.js';
import { FakeShopify } from '../test/helpers/fake-shopify.js';
import { openRuntime, postgresUnavailable } from './lib/databases.js';
import { runIfMain } from './lib/main.js';
import { log, printFigure, type Benchmark, type Figure } from './lib/report.js';
import { perSecond, timed } from './lib/timing.js';

/**
 * Issue 16: the back-fill rate of a Shopify connection. A local server speaking Shopify's REST
 * Admin API holds SHOPIFY_BACKFILL_ORDERS orders (default 10,000: two lines each, a discount,
 * tax, shipping and a delivered fulfilment); one sync reads them 250 a page through the official
 * SDK, maps them and writes them in bulk. Prints orders/s per database.
 */
const NAME = 'shopify-backfill';
const ORDERS = Number(process.env.SHOPIFY_BACKFILL_ORDERS ?? 10_000);

async function backfillOn(kind: 'pglite' | 'postgres', shopify: FakeShopify): Promise<Figure[]> {
  const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const rt = await openRuntime(kind, NAME);
  try {
    const shop = await createShop(rt.ctx, { slug: 'bench-shopify', name: 'Bench Shopify', currency: 'USD' });
    const connection = await createConnection(rt.ctx, shop.id, {
      kind: 'shopify',
      name: 'Bench',
      credentials: { accessToken: shopify.accessToken, apiSecretKey: shopify.apiSecretKey },
      settings: { shopDomain: 'bench.myshopify.com', baseUrl: shopify.url, pageSize: 250, maxPagesPerRun: 10_000 },
    });
    const { result, ms } = await timed(() => syncConnection(rt.ctx, shop.id, connection.id));
    const [count] = await queryRows<{ orders: number; lines: number }>(
      rt.ctx.db,
      sql`select (select count(*)::int from orders where shop_id = ${shop.id}) as orders, (select count(*)::int from order_lines where shop_id = ${shop.id}) as lines`,
    );
    log(`${label}: ${result.itemsIn} orders in, ${result.errors} failed, ${count?.orders} orders and ${count?.lines} lines in the database, ${Math.round(ms)} ms${result.error ? `; error: ${result.error}` : ''}`);
    return [
      { benchmark: NAME, name: `${label} orders/s`, value: result.error ? null : perSecond(result.itemsIn, ms), unit: 'orders/s', note: `${count?.orders} of ${ORDERS} orders written` },
      { benchmark: NAME, name: `${label} duration`, value: ms / 1000, unit: 's' },
    ];
  } finally {
    await rt.dispose();
  }
}

export const shopifyBackfill: Benchmark = {
  name: NAME,
  title: `Shopify back-fill of ${ORDERS.toLocaleString('en-US')} orders from a local fake (official SDK, 250 a page, bulk writes)`,
  async run() {
    const shopify = new FakeShopify({ sharedExamples: false });
    await shopify.start();
    const figures: Figure[] = [];
    try {
      const from = Date.now() - ORDERS * 60_000;
      for (let i = 0; i < ORDERS; i++) shopify.generate({ at: new Date(from + i * 60_000) });
      for (const kind of ['postgres', 'pglite'] as const) {
        const why = kind === 'postgres' ? await postgresUnavailable() : null;
        const results: Figure[] = why ? [{ benchmark: NAME, name: 'PostgreSQL orders/s', value: null, unit: 'orders/s', note: why }] : await backfillOn(kind, shopify);
        results.forEach(printFigure);
        figures.push(...results);
      }
      return figures;
    } finally {
      await shopify.close();
    }
  },
};

await runIfMain(import.meta.url, shopifyBackfill);
