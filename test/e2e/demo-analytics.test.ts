import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { createApiKey } from '../../src/services/api-keys/api-keys.js';
import { DEMO_ORDERS, DEMO_SEED, DEMO_SLUG, DEMO_STAFF, seedDemo } from '../../src/seed/demo.js';
import { client, startTestApp, type TestApp } from '../helpers/app.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';

/**
 * What `npm start` promises (issue 7): the demo shop, as first seeded, has figures for every
 * analytics view the console opens — including a trained return-risk model and its scores —
 * over the API and on the console's analytics page in Chromium.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let key: string;
let browser: Browser | undefined;
let result: NonNullable<Awaited<ReturnType<typeof seedDemo>>>;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date()); // the browser's default period and the session cookie follow the real clock
  api = client(t.baseUrl);
  result = (await seedDemo(t.ctx, { orders: DEMO_ORDERS, seed: DEMO_SEED }))!;
  key = (await createApiKey(t.ctx, { shopId: result.shop.id, name: 'analytics', role: 'viewer' })).key;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const get = async (path: string) => {
  const res = await api('GET', `/api/v1/analytics/${path}`, { key });
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return res.body;
};

describe('the demo shop right after seeding', () => {
  it('has past returns and a return-risk model better than chance', () => {
    expect(result.orders).toBe(DEMO_ORDERS + 2);
    expect(result.pastReturns).toBeGreaterThan(100);
    expect(result.modelAuc).toBeGreaterThan(0.6);
  });

  it('shows every metric with figures', async () => {
    const year = new Date(t.clock.now().getTime() - 300 * 86_400_000).toISOString().slice(0, 10);
    const rate = await get(`return-rate?from=${year}&groupBy=month`);
    const months = rate.groups.filter((m: any) => m.soldUnits > 0);
    expect(months.length).toBeGreaterThanOrEqual(6);
    expect(months.filter((m: any) => m.returnedUnits > 0).length).toBeGreaterThanOrEqual(5);
    for (const m of months) expect(m.returnedUnits).toBeLessThanOrEqual(m.soldUnits);
    expect(rate.totals.unitRate).toBeGreaterThan(0.05);
    expect(rate.totals.unitRate).toBeLessThan(0.35);

    const categories = new Map((await get(`return-rate?from=${year}&groupBy=category`)).groups.map((c: any) => [c.key, c.unitRate]));
    expect(categories.get('apparel')).toBeGreaterThan(categories.get('electronics') as number);

    const quality = await get('quality-refund-rate');
    expect(quality.current.qualityRefundedCases).toBeGreaterThan(0);
    expect(quality.series.length).toBeGreaterThan(30);

    const cost = await get(`cost?from=${year}&groupBy=month`);
    expect(cost.totals.refundedMinor).toBeGreaterThan(0);
    expect(cost.groups.filter((m: any) => m.refundedMinor > 0).length).toBeGreaterThanOrEqual(5);

    const timeToRefund = await get(`time-to-refund?from=${year}&groupBy=month`);
    expect(timeToRefund.totals.refundedCases).toBeGreaterThan(100);
    expect(timeToRefund.totals.p50Hours).toBeGreaterThan(24);
    expect(timeToRefund.totals.decisions.automatic + timeToRefund.totals.decisions.manual).toBeGreaterThan(0);

    const reasons = (await get(`reasons?from=${year}`)).groups.map((r: any) => r.key);
    expect(reasons.slice(0, 2)).toContain('wrong_size');
    expect(reasons).toContain('quality_issue');

    const customers = (await get('customers?limit=10')).customers;
    expect(customers).toHaveLength(10);
    expect(customers[0].returnedUnits).toBeGreaterThan(1);

    const predictions = await get('predictions?limit=20');
    expect(predictions.model.auc).toBeGreaterThan(0.6);
    expect(predictions.skus).toHaveLength(20);
    for (const sku of predictions.skus) expect(sku.predictedRate).toBeGreaterThan(0);
  });

  it('ranks buyers over a period as a plain sum of their months does, page after page', async () => {
    const from = new Date(t.clock.now().getTime() - 120 * 86_400_000).toISOString().slice(0, 10);
    const first = await get(`customers?from=${from}&limit=10`);
    const second = await get(`customers?from=${from}&limit=10&cursor=${first.nextCursor}`);
    const expected = await queryRows<{ customer_id: string; returned: number; sold: number }>(
      t.ctx.db,
      sql`select customer_id, sum(returned_units)::int as returned, sum(sold_units)::int as sold from analytics_customer_months
          where shop_id = ${result.shop.id} and month between ${first.period.fromMonth} and ${first.period.toMonth}
          group by customer_id having sum(returned_units) > 0 or sum(cases_requested) > 0 or sum(refunded_minor) > 0
          order by sum(returned_units) desc, customer_id limit 20`,
    );
    expect(expected).toHaveLength(20);
    expect([...first.customers, ...second.customers].map((c: any) => [c.customerId, c.returnedUnits, c.soldUnits])).toEqual(expected.map((e) => [e.customer_id, e.returned, e.sold]));
  });

  it('scores an order with the features behind each line', async () => {
    const order = (await api('GET', '/api/v1/orders?limit=1', { key })).body.data[0];
    const scored = await get(`predictions?orderId=${order.id}`);
    expect(scored.lines.length).toBeGreaterThan(0);
    for (const line of scored.lines) {
      expect(line.probability).toBeGreaterThan(0);
      expect(line.probability).toBeLessThan(1);
      expect(line.topFeatures.length).toBeGreaterThan(0);
    }
  });

  it('draws every panel of the console analytics page, the predictions included', async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const login = await page.request.post(`${t.baseUrl}/api/v1/auth/login`, { data: { email: DEMO_STAFF[0].email, password: result.password, shop: DEMO_SLUG } });
    expect(login.status()).toBe(200);
    await page.goto(`${t.baseUrl}/console/analytics`);
    await page.getByTestId('analytics-page').waitFor();
    for (const id of ['return-trend-chart', 'quality-chart', 'quality-gauge', 'return-breakdown-chart', 'top-skus-chart', 'reasons-chart', 'sku-reasons-chart', 'cost-chart', 'refund-time-chart', 'refund-distribution-chart', 'predictions-chart', 'order-score-chart', 'customers-chart']) {
      await page.getByTestId(id).locator('canvas').first().waitFor({ timeout: 30_000 });
    }
    await expect.poll(() => page.getByTestId('model-auc').textContent(), { timeout: 30_000 }).toMatch(/^AUC 0\.\d{3}$/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'console/analytics-demo-zh-CN');
    await page.setViewportSize({ width: 360, height: 800 });
    // The charts redraw for the new width before the picture.
    await page.waitForTimeout(500);
    await screenshot(page, 'console/analytics-demo-zh-CN-360');
    await page.setViewportSize({ width: 1440, height: 900 });

    // 品质退款率 (issue 13 point 12): one definition and one query, so Today shows the figure 数据分析 shows, the definition on hover.
    const analyticsFigure = await page.getByTestId('quality-current').textContent();
    const quality = await get('quality-refund-rate');
    const dashboard = (await api('GET', '/api/v1/dashboard', { key })).body.qualityRefundRate;
    expect(dashboard).toMatchObject({ rateBp: quality.current.rateBp, qualityCases: quality.current.qualityRefundedCases, paidOrders: quality.current.paidOrders, windowTo: quality.current.windowTo });
    await page.getByRole('link', { name: '今日' }).click();
    const todayFigure = page.getByTestId('quality-rate-value');
    await todayFigure.waitFor();
    expect(await todayFigure.textContent()).toBe(analyticsFigure);
    await todayFigure.hover();
    await expect.poll(() => page.locator('.ant-tooltip:visible').textContent(), { timeout: 10_000 }).toBe(quality.definition['zh-CN']);
    await screenshot(page, 'console/today-quality-demo-1440');
    await page.setViewportSize({ width: 360, height: 800 });
    await page.mouse.move(0, 0);
    await screenshot(page, 'console/today-quality-demo-360');
    await context.close();
  }, 120_000);
});
