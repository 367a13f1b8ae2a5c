/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ServiceContext } from '../../src/services/context.js';
import { createStaff } from '../../src/services/staff/staff.js';
import type { Role } from '../../src/domain/auth/permissions.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { ARTIFACTS, launchBrowser } from '../helpers/browser.js';

export const CONSOLE_ARTIFACTS = join(ARTIFACTS, 'console');
export const PASSWORD = 'correct horse battery staple';
/** Polls wait long: CI runs the suite on two busy cores. */
export const POLL = { timeout: 30_000, interval: 200 };

/**
 * Clicks a modal's OK button and waits for the modal to close. On two busy cores a click can land
 * while React replaces the button (a query the previous step invalidated coming back): the browser
 * then delivers no click, the button never goes busy and no error shows, and the modal waits
 * forever. Only such a click is repeated; one that was taken (busy, closed, or an error shown) never is.
 */
export async function clickOk(page: Page, ok: Locator, errorTestId?: string): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    await ok.click();
    const until = Date.now() + 5_000;
    while (Date.now() < until) {
      // One look at the button that does not wait for it: it may be gone by the next call.
      const state = await ok.evaluateAll((buttons) => {
        const button = buttons[0] as HTMLElement | undefined;
        if (!button || !button.checkVisibility()) return 'gone';
        return button.classList.contains('ant-btn-loading') ? 'busy' : 'idle';
      });
      if (state === 'gone') return;
      if (state === 'busy') return ok.waitFor({ state: 'hidden', timeout: POLL.timeout });
      const error = errorTestId ? page.getByTestId(errorTestId) : null;
      if (error && (await error.count()) > 0) throw new Error(`The modal answered: ${await error.innerText()}`);
      await page.waitForTimeout(100);
    }
  }
  throw new Error('Three clicks on the OK button were not taken');
}

/**
 * Clicks a button that creates something and shows it in place (a secret shown once), until it
 * shows (`shown`). For the same lost click as clickOk's; the click is repeated only while the
 * server holds nothing from it (`created` is false), so nothing is ever created twice.
 */
export async function clickToCreate(page: Page, button: Locator, shown: Locator, created: () => Promise<boolean>): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    await button.click();
    const until = Date.now() + 5_000;
    while (Date.now() < until) {
      if ((await shown.count()) > 0) return;
      await page.waitForTimeout(100);
    }
    if (await created()) return shown.waitFor({ timeout: POLL.timeout });
  }
  throw new Error('Three clicks on the create button were not taken');
}

export interface ConsoleTest {
  t: TestApp;
  shop: TestShop;
  browser: Browser;
  api: ReturnType<typeof client>;
}

/** Retour on its own database, its clock at the real now (the browser's), one shop and Chromium. */
export async function openConsoleTest(slug: string): Promise<ConsoleTest> {
  const t = await startTestApp();
  t.clock.set(new Date());
  const shop = await createTestShop(t.ctx, slug);
  return { t, shop, browser: await launchBrowser(), api: client(t.baseUrl) };
}

export async function closeConsoleTest(env: Partial<ConsoleTest>) {
  await env.browser?.close();
  await env.t?.close();
}

/** A staff account of the given role in the shop (the password is PASSWORD). */
export async function staffMember(ctx: ServiceContext, shopId: string, slug: string, role: Role, locale: 'en' | 'zh-CN' = 'en') {
  const email = `${role}.${Math.random().toString(36).slice(2, 8)}@${slug}.test`;
  await createStaff(ctx, { shopId, email, name: `${role[0]!.toUpperCase()}${role.slice(1)} ${slug}`, role, password: PASSWORD, locale });
  return email;
}

/** A page (1440 px wide unless told) in the given language that reports page errors as test failures. */
export async function consolePage(browser: Browser, locale: 'en-US' | 'zh-CN' = 'en-US', options: { width?: number; timezoneId?: string } = {}) {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1440, height: 900 }, locale, deviceScaleFactor: 1, timezoneId: options.timezoneId });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors, close: () => context.close() };
}

/** Signs in through the sign-in form and waits for the console's frame. */
export async function signIn(page: Page, baseUrl: string, email: string, password = PASSWORD) {
  await page.goto(`${baseUrl}/console/`);
  // The first page of a fresh server (cold caches, busy CI cores) may take a while.
  await page.locator('#email').waitFor({ timeout: 90_000 });
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.locator('[data-testid=user-menu], [data-testid=signin-error]').first().waitFor({ timeout: 90_000 });
  const error = page.getByTestId('signin-error');
  if (await error.count()) throw new Error(`sign-in refused: ${await error.innerText()}`);
}

/**
 * The page, full length, as test-artifacts/console/NAME.png (looked at by a person). The window
 * is made as tall as the page for the picture, so the sticky menu and modal masks reach the bottom.
 */
export async function shot(page: Page, name: string) {
  mkdirSync(CONSOLE_ARTIFACTS, { recursive: true });
  // Let antd's motion (modals, messages, tabs) settle before the picture.
  await page.waitForTimeout(400);
  // Toasts ("saved", "approved") would cover the header: leave them out of the picture.
  const hide = await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.evaluate(() => Math.max(document.documentElement.scrollHeight, document.body.scrollHeight));
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.min(height, 6000)) });
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(CONSOLE_ARTIFACTS, `${name}.png`), animations: 'disabled' });
  await page.setViewportSize(viewport);
  await hide.evaluate((el) => (el as HTMLElement).remove());
}

/** The API as the signed-in browser calls it: the session cookie and its CSRF token. */
export async function callAsBrowser(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}

export function expectNoPageErrors(errors: string[]) {
  expect(errors).toEqual([]);
}

const DAY = 86_400_000;
const at = (now: Date, days: number) => new Date(now.getTime() - days * DAY).toISOString();

/**
 * Order dates relative to `now`: placed a week ago, delivered two days ago. Browser tests run the
 * server's clock at the real time, since the browser's clock (session cookie expiry, countdowns) is real.
 */
export function recentOrder(now: Date, extra: Record<string, unknown> = {}) {
  return {
    placedAt: at(now, 7),
    paidAt: at(now, 7),
    shipments: [{ carrier: 'SF', trackingNumber: `SF${Math.floor(Math.random() * 1e12)}`, shippedAt: at(now, 6), deliveredAt: at(now, 2) }],
    ...extra,
  };
}

/**
 * Picks an option of an antd select. A click on an option while the dropdown still animates open
 * can be lost on a busy machine: open and pick until the select shows it.
 */
export async function pickOption(page: Page, select: Locator, option: string | RegExp, shows: string) {
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option });
  await expect
    .poll(async () => {
      if (!(await item.first().isVisible())) await select.click();
      await item.first().waitFor(POLL);
      await item.first().click();
      return select.innerText();
    }, POLL)
    .toContain(shows);
}
