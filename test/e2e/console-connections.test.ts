/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { client, TestApp, TestShop } from '../helpers/app.js';
import { FakeShopify } from '../helpers/fake-shopify.js';
import { closeConsoleTest, consolePage, openConsoleTest, POLL, shot, signIn } from './console-helpers.js';

/** Issue 16.1: Settings → 连接 — the owner connects a Shopify store (a local fake), syncs it now and reads its log. */
let t: TestApp;
let shop: TestShop;
let browser: Browser;
let api: ReturnType<typeof client>;
let shopify: FakeShopify;

beforeAll(async () => {
  ({ t, shop, browser, api } = await openConsoleTest('connect'));
  shopify = new FakeShopify({ sharedExamples: false });
  await shopify.start();
  for (let i = 0; i < 3; i++) shopify.generate();
}, 120_000);
afterAll(async () => {
  await closeConsoleTest({ t, browser });
  await shopify.close();
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
});
