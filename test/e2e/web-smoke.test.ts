/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { launchBrowser } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
beforeAll(async () => {
  t = await startTestApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await t.close();
});

describe('web apps are served', () => {
  it('renders the console and the portal in Chromium, in the language asked for', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    // Every file the pages load is there (the API may answer 404: there is no shop "some").
    const failed: string[] = [];
    page.on('response', (res) => {
      if (res.status() >= 400 && !/\/(api|portal)\/v1\//.test(res.url())) failed.push(`${res.status()} ${res.url()}`);
    });
    await page.goto(`${t.baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/console/');
    await page.goto(`${t.baseUrl}/portal/some/deep/link?lang=zh-CN`);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const asset = await page.evaluate(() => [...document.scripts].map((s) => s.src).find((src) => src.includes('/assets/')));
    const res = await fetch(asset!);
    expect(res.headers.get('cache-control')).toContain('immutable');
    // The pages name their icon: without one, Chromium may ask for /favicon.ico, which answers 404.
    const icon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href);
    const iconRes = await fetch(icon!);
    expect(iconRes.status).toBe(200);
    expect(iconRes.headers.get('content-type')).toContain('image/svg+xml');
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
    await page.close();
  });
});
