/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { ARTIFACTS, launchBrowser } from '../helpers/browser.js';
import type { PortalOrder } from '../helpers/portal.js';

/** The buyer portal's screenshots: test-artifacts/portal/NAME.png (looked at by a person). */
export const PORTAL_SHOTS = join(ARTIFACTS, 'portal');

export type Lang = 'en' | 'zh-CN';

export interface PortalTest {
  t: TestApp;
  api: ReturnType<typeof client>;
  shop: TestShop;
  browser: Browser;
}

/**
 * Retour on its own database, one shop and Chromium. `realClock`: the server's clock at the real
 * now, for pages whose countdowns the browser computes from its own (real) clock.
 */
export async function openPortalTest(slug: string, options: { realClock?: boolean } = {}): Promise<PortalTest> {
  mkdirSync(PORTAL_SHOTS, { recursive: true });
  const t = await startTestApp();
  if (options.realClock) t.clock.set(new Date());
  const api = client(t.baseUrl);
  const shop = await createTestShop(t.ctx, slug);
  return { t, api, shop, browser: await launchBrowser() };
}

export async function closePortalTest(env: Partial<PortalTest> | undefined) {
  await env?.browser?.close();
  await env?.t?.close();
}

/** The page, full length, as test-artifacts/portal/NAME.png. */
export const shot = (page: Page, name: string) => page.screenshot({ path: join(PORTAL_SHOTS, `${name}.png`), fullPage: true });

/** The buyer's portal session for an order, as the lookup form gets it. */
export async function portalSession(env: PortalTest, order: Pick<PortalOrder, 'number' | 'email'>) {
  const res = await env.api('POST', '/portal/v1/sessions', { body: { shopSlug: env.shop.slug, orderNumber: order.number, email: order.email } });
  expect(res.status).toBe(201);
  return res.body as { token: string };
}

/** A fresh tab in the buyer's language and width that reports page errors. */
async function newTab(env: PortalTest, lang: Lang, width: number) {
  const context = await env.browser.newContext({ locale: lang === 'en' ? 'en-GB' : 'zh-CN', viewport: { width, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** The portal's start page (the lookup form); console errors other than 4xx replies count as page errors. */
export async function openPortal(env: PortalTest, lang: Lang, width: number) {
  const { context, page, errors } = await newTab(env, lang, width);
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 4') && errors.push(m.text()));
  await page.goto(`${env.t.baseUrl}/portal/${env.shop.slug}`);
  return { page, errors, close: () => context.close() };
}

/** A portal page opened at `path` with the buyer's session of `order` already in the tab (as after a lookup). */
export async function openAs(env: PortalTest, order: Pick<PortalOrder, 'number' | 'email'>, path: string, lang: Lang, width: number) {
  const { context, page, errors } = await newTab(env, lang, width);
  const stored = await portalSession(env, order);
  // Only on the tab's first page: a later lookup in the tab replaces it, as it would for the buyer.
  await context.addInitScript(({ key, value }) => window.sessionStorage.getItem(key) ?? window.sessionStorage.setItem(key, value), {
    key: `retour.portal.${env.shop.slug}`,
    value: JSON.stringify(stored),
  });
  await page.goto(`${env.t.baseUrl}/portal/${env.shop.slug}${path}`);
  return { page, errors, token: stored.token, close: () => context.close() };
}

/** The page does not scroll sideways (a phone's width holds it). */
export async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}
