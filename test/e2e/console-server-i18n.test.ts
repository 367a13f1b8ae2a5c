/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestShop } from '../helpers/app.js';
import { join } from 'node:path';
import { CONSOLE_ARTIFACTS, closeConsoleTest, consolePage, openConsoleTest, POLL, signIn, staffMember } from './console-helpers.js';

// Issue 13 point 14: a server error reaches a Chinese seller in Chinese. The console sends its UI
// language as Accept-Language; a code the console has no text of shows the server's sentence.
let t: TestApp;
let shop: TestShop;
let browser: Browser;

beforeAll(async () => {
  ({ t, shop, browser } = await openConsoleTest('i18n-console'));
}, 120_000);
afterAll(() => closeConsoleTest({ t, browser }));

/** Adds a webhook to a loopback address (refused: 422 webhook.url_not_allowed) and returns the error shown. */
async function refusedWebhook(page: Page) {
  await page.goto(`${t.baseUrl}/console/settings/webhooks`);
  await page.getByTestId('webhooks-tab').waitFor();
  await page.getByTestId('create-webhook').click();
  const url = page.getByTestId('webhook-url');
  await url.fill('http://127.0.0.1:9/hook');
  await expect.poll(() => url.inputValue(), POLL).toBe('http://127.0.0.1:9/hook');
  await page.getByRole('dialog').locator('.ant-btn-primary').last().click();
  const error = page.locator('.ant-message-error');
  await error.first().waitFor({ timeout: 30_000 });
  return error.first().innerText();
}

/** The window as it is, toast included (the shared `shot` hides toasts). */
const snap = (page: Page, name: string) => page.screenshot({ path: join(CONSOLE_ARTIFACTS, `${name}.png`) });

describe('console: server errors in the UI language', () => {
  it('a zh-CN console shows a server refusal in Chinese; an English one in English', async () => {
    const zhUser = await staffMember(t.ctx, shop.id, shop.slug, 'owner', 'zh-CN');
    const zh = await consolePage(browser, 'zh-CN');
    await signIn(zh.page, t.baseUrl, zhUser);
    const zhText = await refusedWebhook(zh.page);
    expect(zhText).toContain('不能使用该 URL：指向内网、本机或链路本地地址');
    expect(zhText).toContain('webhook.url_not_allowed');
    expect(zhText).not.toMatch(/private|loopback/);
    await snap(zh.page, 'server-error-zh-CN');
    expect(zh.errors).toEqual([]);
    await zh.close();

    const enUser = await staffMember(t.ctx, shop.id, shop.slug, 'owner', 'en');
    const en = await consolePage(browser, 'en-US');
    await signIn(en.page, t.baseUrl, enUser);
    const enText = await refusedWebhook(en.page);
    expect(enText).toContain('The URL points to a private, loopback or link-local address');
    await snap(en.page, 'server-error-en');
    expect(en.errors).toEqual([]);
    await en.close();
  }, 240_000);
});
