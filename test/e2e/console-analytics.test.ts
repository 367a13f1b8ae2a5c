/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateShop } from '../../bench/analytics-data.js';
import { createApiKey } from '../../src/services/api-keys/api-keys.js';
import { trainModel } from '../../src/services/analytics/predictions.js';
import { rebuildAnalytics } from '../../src/services/analytics/rebuild.js';
import { currentPolicy } from '../../src/services/policy/policies.js';
import { createShop } from '../../src/services/shops/shops.js';
import { createStaff } from '../../src/services/staff/staff.js';
import { client, startTestApp, type TestApp } from '../helpers/app.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';

/**
 * The analytics page in Chromium over a shop with every kind of figure: the benchmark's
 * set-based generator at a small scale (10,000 order lines over 400 days on four channels, 40
 * categories, returns, exchanges and refused deliveries with reasons, refunds, decisions and
 * deadlines), its rollups rebuilt and a return-risk model trained. Every figure checked on the
 * page is compared with the metrics API's reply.
 */
let t: TestApp;
let browser: Browser;
let page: Page;
let key: string;
let api: ReturnType<typeof client>;
const PASSWORD = 'correct horse battery staple';
const WAIT = { timeout: 30_000 }; // generous: the page makes a dozen API calls at once
let FROM: string;
let TO: string;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date()); // the session cookie expires by this clock: the browser's
  api = client(t.baseUrl);
  const now = t.clock.now();
  const shop = await createShop(t.ctx, { slug: 'analytics-console', name: 'Analytics console', currency: 'CNY', timezone: 'Asia/Shanghai' });
  const policy = await currentPolicy(t.ctx.db, shop.id, now);
  // One transaction: one connection for the generator's temporary tables (PostgreSQL pools).
  await t.ctx.db.transaction((tx) => generateShop(tx, shop.id, policy.id, now, { lines: 10_000, returned: 2_000, days: 400, products: 40, customers: 1_000 }, () => {}));
  await rebuildAnalytics(t.ctx, shop.id);
  await trainModel(t.ctx, shop.id);
  await createStaff(t.ctx, { shopId: shop.id, email: 'owner@analytics.test', name: 'Owner', role: 'owner', password: PASSWORD });
  key = (await createApiKey(t.ctx, { shopId: shop.id, name: 'e2e', role: 'viewer' })).key;
  // The last 12 full weeks (Monday to Sunday, shop time zone), so every weekly bucket is whole.
  const today = new Date(now.getTime() + 8 * 3600_000);
  const lastSunday = new Date(today.getTime() - ((today.getUTCDay() + 7) % 7 || 7) * 86_400_000);
  TO = lastSunday.toISOString().slice(0, 10);
  FROM = new Date(lastSunday.getTime() - (12 * 7 - 1) * 86_400_000).toISOString().slice(0, 10);
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', acceptDownloads: true });
  page = await context.newPage();
  const login = await page.request.post(`${t.baseUrl}/api/v1/auth/login`, { data: { email: 'owner@analytics.test', password: PASSWORD, shop: 'analytics-console' } });
  expect(login.status()).toBe(200);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const get = async (path: string) => {
  const res = await api('GET', `/api/v1/analytics/${path}`, { key });
  expect(res.status).toBe(200);
  return res.body;
};
const pct = (rate: number | null) => (rate === null ? '—' : new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(rate));
const cellTexts = (selector: string) => page.locator(selector).evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));

describe('console analytics page', () => {
  it('draws every chart with figures equal to the API, has table views, exports CSV', async () => {
    await page.goto(`${t.baseUrl}/console/analytics?from=${FROM}&to=${TO}&trend=week`);
    await page.getByTestId('analytics-page').waitFor();
    const [rate, quality, cost, reasons] = await Promise.all([
      get(`return-rate?from=${FROM}&to=${TO}&groupBy=week`),
      get(`quality-refund-rate?from=${FROM}&to=${TO}&groupBy=none`),
      get(`cost?from=${FROM}&to=${TO}&groupBy=week`),
      get(`reasons?from=${FROM}&to=${TO}&groupBy=reason`),
    ]);
    expect(rate.totals.returnedUnits).toBeGreaterThan(100);
    expect(rate.groups).toHaveLength(12);

    // Headline figures.
    await expect.poll(() => page.getByTestId('kpi-unit-rate').locator('.ant-statistic-content').textContent(), WAIT).toBe(pct(rate.totals.unitRate));
    await expect.poll(() => page.getByTestId('kpi-unit-rate').textContent(), WAIT).toContain(`${rate.totals.returnedUnits.toLocaleString('en-US')} of ${rate.totals.soldUnits.toLocaleString('en-US')} units`);
    await expect.poll(() => page.getByTestId('quality-current').textContent(), WAIT).toBe(pct(quality.current.rateBp / 10_000));
    expect(await page.getByTestId('quality-thresholds').textContent()).toBe(`${pct(quality.thresholds.warnAtBp / 10_000)} / ${pct(quality.thresholds.limitBp / 10_000)}`);
    const costText = await page.getByTestId('kpi-cost').locator('.ant-statistic-content').textContent();
    expect(costText).toBe(new Intl.NumberFormat('en-US', { style: 'currency', currency: cost.currency }).format(cost.totals.totalMinor / 100));
    // 运费险: the share of refunds whose return shipping the insurer paid, as the API counts it.
    expect(cost.totals.insuredRefunds).toBeGreaterThan(0);
    expect(cost.totals.insuredRefunds).toBeLessThan(cost.totals.refunds);
    expect(cost.totals.insuredShare).toBeCloseTo(cost.totals.insuredRefunds / cost.totals.refunds, 4);
    const insuredText = await page.getByTestId('cost-insured').textContent();
    expect(insuredText).toContain(pct(cost.totals.insuredShare));
    expect(insuredText).toContain(`${new Intl.NumberFormat('en-US').format(cost.totals.insuredRefunds)} of ${new Intl.NumberFormat('en-US').format(cost.totals.refunds)}`);

    // Every chart is drawn (ECharts canvases), the gauge and the predictions included.
    for (const id of ['return-trend-chart', 'quality-chart', 'quality-gauge', 'return-breakdown-chart', 'top-skus-chart', 'reasons-chart', 'sku-reasons-chart', 'cost-chart', 'refund-time-chart', 'refund-distribution-chart', 'predictions-chart', 'order-score-chart', 'customers-chart']) {
      await page.getByTestId(id).locator('canvas').first().waitFor({ timeout: 10_000 });
    }
    await expect.poll(() => page.getByTestId('model-auc').textContent(), WAIT).toMatch(/^AUC 0\.\d{3}$/);
    expect(await page.getByTestId('analytics-page').textContent()).not.toContain('rebuilt by the worker');
    // The picture, at 1440 px, from the top (the menu is sticky).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(500);
    await screenshot(page, 'console/analytics');

    // The return-rate trend as a table: each week's units and rate, as the API has them.
    await page.getByTestId('return-trend-view-table').click();
    const trendRows = await cellTexts('[data-testid=return-trend-table] tbody tr.ant-table-row');
    expect(trendRows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual(
      rate.groups.map((g: any) => [g.key, g.soldUnits.toLocaleString('en-US'), g.returnedUnits.toLocaleString('en-US'), pct(g.unitRate)]),
    );

    // Reasons as a table.
    await page.getByTestId('reasons-view-table').click();
    const reasonRows = await cellTexts('[data-testid=reasons-table] tbody tr.ant-table-row');
    expect(reasonRows.map((r) => Number(r[1]!.replace(/,/g, '')))).toEqual(reasons.groups.map((g: any) => g.casesRequested));

    // CSV export of the cost table: the file has the API's figures.
    const download = page.waitForEvent('download');
    await page.getByTestId('card-cost').getByTestId('export-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^retour-cost-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv).toHaveLength(cost.groups.length + 1);
    const totalColumn = csv[0]!.split(',').indexOf('Total cost');
    expect(csv.slice(1).map((l) => Number(l.split(',')[totalColumn]))).toEqual(cost.groups.map((g: any) => g.totalMinor / 100));
  }, 60_000);

  it('filters by SKU: the headline follows, the trend is by month', async () => {
    const top = await get(`return-rate?from=${FROM}&to=${TO}&groupBy=sku&sort=returnedUnits&limit=1`);
    const sku = top.groups[0].sku as string;
    const one = await get(`return-rate?from=${FROM}&to=${TO}&sku=${encodeURIComponent(sku)}&groupBy=month`);
    await page.goto(`${t.baseUrl}/console/analytics?from=${FROM}&to=${TO}&sku=${encodeURIComponent(sku)}`);
    await page.getByTestId('return-trend-chart').locator('canvas').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('kpi-unit-rate').locator('.ant-statistic-content').textContent(), WAIT).toBe(pct(one.totals.unitRate));
    // SKU figures are kept by month: the trend shows months.
    expect(await page.getByTestId('filter-trend').textContent()).toContain('Month');
  }, 60_000);
});
