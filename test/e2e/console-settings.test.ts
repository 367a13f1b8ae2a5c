/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { client, TestApp, TestShop } from '../helpers/app.js';
import { clickToCreate, consolePage, shot, signIn, POLL, openConsoleTest, closeConsoleTest } from './console-helpers.js';

let t: TestApp;
let shop: TestShop;
let browser: Browser;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  ({ t, shop, browser, api } = await openConsoleTest('setup'));
}, 120_000);
afterAll(() => closeConsoleTest({ t, browser }));

describe('console: settings', () => {
  it('the owner edits the shop profile, adds a staff member and creates an API key shown once', async () => {
    const { page, errors, close } = await consolePage(browser, 'zh-CN');
    await signIn(page, t.baseUrl, shop.ownerEmail);
    await page.goto(`${t.baseUrl}/console/settings`);
    const profile = page.getByTestId('shop-tab');
    await profile.waitFor();
    await profile.locator('#name').fill('小满生活馆');
    await page.getByTestId('shop-save').click();
    await expect.poll(() => page.getByTestId('shop-name').innerText(), POLL).toBe('小满生活馆');
    await shot(page, 'settings-shop-zh-CN');

    // Staff and roles.
    await page.getByRole('tab', { name: '员工与角色' }).click();
    const staff = page.getByTestId('staff-tab');
    await staff.waitFor();
    await staff.getByRole('button', { name: /添加员工/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#name').fill('仓库小王');
    await dialog.locator('#email').fill('wang@setup.test');
    await dialog.locator('#password').fill('a-long-enough-password');
    await dialog.locator('.ant-select').first().click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '仓库' }).first().click();
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.waitFor({ state: 'hidden' }).catch(async (err) => {
      await shot(page, 'debug-staff');
      throw err;
    });
    await expect.poll(() => staff.innerText(), POLL).toContain('wang@setup.test');
    await shot(page, 'settings-staff-zh-CN');
    const listed = await api('GET', '/api/v1/staff', { key: shop.keys.owner });
    expect(listed.body.data.find((s: any) => s.email === 'wang@setup.test')?.role).toBe('warehouse');

    // API keys: the secret is shown once.
    await page.getByRole('tab', { name: 'API 密钥' }).click();
    await page.getByTestId('create-key').click();
    await page.getByRole('dialog').locator('#name').fill('淘宝连接器');
    const keyNamed = async () => (await api('GET', '/api/v1/api-keys', { key: shop.keys.owner })).body.data.some((k: { name: string }) => k.name === '淘宝连接器');
    await clickToCreate(page, page.getByRole('dialog').getByRole('button', { name: /创\s*建/ }), page.getByTestId('api-key-secret'), keyNamed);
    const secret = await page.getByTestId('api-key-secret').inputValue();
    expect(secret).toMatch(/^rtr_/);
    await shot(page, 'settings-api-key-once-zh-CN');
    const who = await api('GET', '/api/v1/shop', { key: secret });
    expect(who.status).toBe(200);
    await page.getByRole('dialog').getByRole('button').last().click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('api-keys-tab').innerText()).not.toContain(secret);
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it('webhook endpoints with their secret shown once and their delivery log; the dev mailbox', async () => {
    const { page, errors, close } = await consolePage(browser, 'en-US');
    await signIn(page, t.baseUrl, shop.ownerEmail);
    await page.goto(`${t.baseUrl}/console/settings/webhooks`);
    const tab = page.getByTestId('webhooks-tab');
    await tab.waitFor();
    await page.getByTestId('create-webhook').click();
    const url = page.getByTestId('webhook-url');
    await url.fill('https://hooks.example.com/retour');
    await expect.poll(() => url.inputValue(), POLL).toBe('https://hooks.example.com/retour');
    const endpointSaved = async () => (await api('GET', '/api/v1/webhooks', { key: shop.keys.owner })).body.data.length > 0;
    await clickToCreate(page, page.getByRole('dialog').getByRole('button', { name: 'Create' }), page.getByTestId('webhook-secret'), endpointSaved).catch(() => undefined);
    // The secret, or the error the console showed instead (so a failure says why).
    await expect
      .poll(async () => ((await page.getByTestId('webhook-secret').count()) > 0 ? 'secret' : await page.locator('.ant-message-error, .ant-form-item-explain-error').allInnerTexts()), POLL)
      .toBe('secret');
    const secret = await page.getByTestId('webhook-secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    const listed = (await api('GET', '/api/v1/webhooks', { key: shop.keys.owner })).body.data;
    expect(listed.map((w: any) => w.url)).toEqual(['https://hooks.example.com/retour']);
    expect(JSON.stringify(listed)).not.toContain(secret);
    await page.getByRole('dialog').getByRole('button', { name: 'I have stored it' }).click();
    await expect.poll(() => tab.innerText(), POLL).toContain('https://hooks.example.com/retour');
    await shot(page, 'settings-webhooks-en');
    await page.getByTestId('webhook-deliveries').first().click();
    await page.getByTestId('delivery-log').waitFor();
    await shot(page, 'settings-webhook-deliveries-en');
    await page.keyboard.press('Escape');

    await page.goto(`${t.baseUrl}/console/settings/mailbox`);
    await page.getByTestId('mailbox-tab').waitFor();
    await shot(page, 'settings-mailbox-en');
    expect(errors).toEqual([]);
    await close();
  }, 180_000);
});
