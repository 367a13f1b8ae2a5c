/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { client, TestApp, TestShop } from '../helpers/app.js';
import { FakeJd } from '../helpers/fake-jd.js';
import { FakeShopify } from '../helpers/fake-shopify.js';
import { closeConsoleTest, consolePage, openConsoleTest, POLL, shot, signIn } from './console-helpers.js';

/**
 * Issue 16.1: Settings → 连接 — the owner connects a Shopify store (a local fake), syncs it now and
 * reads its log. Issue 17: the same for a marketplace (JD, against its local fake), in English.
 */
let t: TestApp;
let shop: TestShop;
let browser: Browser;
let api: ReturnType<typeof client>;
let shopify: FakeShopify;
let jd: FakeJd;

beforeAll(async () => {
  ({ t, shop, browser, api } = await openConsoleTest('connect'));
  shopify = new FakeShopify({ sharedExamples: false });
  await shopify.start();
  for (let i = 0; i < 3; i++) shopify.generate();
  jd = new FakeJd(() => t.clock.now());
  await jd.start();
}, 120_000);
afterAll(async () => {
  await closeConsoleTest({ t, browser });
  await shopify.close();
  await jd?.close();
});

describe('console: connections', () => {
  it('adds a Shopify connection with its credentials, syncs it now, shows status, last sync and the log', async () => {
    const { page, errors, close } = await consolePage(browser, 'zh-CN');
    await signIn(page, t.baseUrl, shop.ownerEmail);
    await page.goto(`${t.baseUrl}/console/settings/connections`);
    const tab = page.getByTestId('connections-tab');
    await tab.waitFor();
    await expect.poll(() => tab.innerText(), POLL).toContain('还没有连接');

    await page.getByTestId('connection-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#name').fill('我的 Shopify');
    await dialog.locator('#shopDomain').fill('retour-test.myshopify.com');
    await dialog.locator('#accessToken').fill(shopify.accessToken);
    await dialog.locator('#apiSecretKey').fill(shopify.apiSecretKey);
    await dialog.locator('#baseUrl').fill(shopify.url);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => tab.innerText(), POLL).toContain('我的 Shopify');

    const [connection] = (await api('GET', '/api/v1/connections', { key: shop.keys.owner })).body.data;
    expect(connection).toMatchObject({ kind: 'shopify', name: '我的 Shopify', settings: { shopDomain: 'retour-test.myshopify.com', baseUrl: shopify.url } });
    expect(JSON.stringify(connection)).not.toContain(shopify.accessToken);
    await expect.poll(() => page.getByTestId(`connection-status-${connection.id}`).innerText(), POLL).toBe('正常');
    expect(await tab.locator('input[readonly]').first().inputValue()).toBe(`${t.baseUrl}/hooks/shopify/${connection.id}`);

    await page.getByTestId(`connection-sync-${connection.id}`).click();
    await expect.poll(() => page.getByTestId(`connection-last-sync-${connection.id}`).innerText(), POLL).not.toBe('—');
    await expect.poll(() => page.getByTestId(`connection-status-${connection.id}`).innerText(), POLL).toBe('正常');
    const orders = await api('GET', '/api/v1/orders?channel=shopify', { key: shop.keys.owner });
    expect(orders.body.data).toHaveLength(3);
    await shot(page, 'settings-connections-zh-CN');

    await page.getByTestId(`connection-log-${connection.id}`).click();
    const runs = page.getByTestId('connection-runs');
    await runs.waitFor();
    await expect.poll(() => runs.innerText(), POLL).toMatch(/同步[\s\S]*成功[\s\S]*3/);
    await shot(page, 'settings-connections-log-zh-CN');
    expect(errors).toEqual([]);
    await close();
  });

  it('adds a JD marketplace connection, syncs it now: its after-sales become cases and the log shows the run', async () => {
    jd.seedRefunds([{}]);
    jd.seedServices([{}]);
    const { page, errors, close } = await consolePage(browser, 'en-US');
    await signIn(page, t.baseUrl, shop.ownerEmail);
    await page.goto(`${t.baseUrl}/console/settings/connections`);
    const tab = page.getByTestId('connections-tab');
    await tab.waitFor();

    await page.getByTestId('connection-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('connection-kind').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^JD$/ }).click();
    await expect.poll(() => dialog.innerText(), POLL).toContain('Merchant ID (venderId)');
    await dialog.locator('#name').fill('My JD shop');
    await dialog.locator('#appKey').fill(jd.appKey);
    await dialog.locator('#appSecret').fill(jd.appSecret);
    await dialog.locator('#accessToken').fill(jd.accessToken);
    await dialog.locator('#buId').fill('10086');
    await dialog.locator('#baseUrl').fill(jd.url);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => tab.innerText(), POLL).toContain('My JD shop');

    const connection = (await api('GET', '/api/v1/connections', { key: shop.keys.owner })).body.data.find((c: { kind: string }) => c.kind === 'jd');
    expect(connection).toMatchObject({ name: 'My JD shop', settings: { buId: '10086', baseUrl: jd.url } });
    expect(JSON.stringify(connection)).not.toContain(jd.accessToken);

    await page.getByTestId(`connection-sync-${connection.id}`).click();
    await expect.poll(() => page.getByTestId(`connection-last-sync-${connection.id}`).innerText(), POLL).not.toBe('—');
    await expect.poll(() => page.getByTestId(`connection-status-${connection.id}`).innerText(), POLL).toBe('Active');
    const cases = await api('GET', '/api/v1/returns', { key: shop.keys.owner });
    expect(cases.body.data.map((c: { type: string }) => c.type).sort()).toEqual(['refund_only', 'return_refund']);

    await page.getByTestId(`connection-log-${connection.id}`).click();
    const runs = page.getByTestId('connection-runs');
    await runs.waitFor();
    await expect.poll(() => runs.innerText(), POLL).toMatch(/Sync\s+Succeeded\s+2\s+0\s+0/); // in 2, out 0, failed 0
    await shot(page, 'settings-connections-marketplace-log-en');
    expect(errors).toEqual([]);
    await close();
  });
});
