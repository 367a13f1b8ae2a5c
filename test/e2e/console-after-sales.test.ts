/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, placeOrder } from '../helpers/returns.js';
import { clickOk, closeConsoleTest, consolePage, expectNoPageErrors, openConsoleTest, POLL, recentOrder, shot, signIn, staffMember, type ConsoleTest } from './console-helpers.js';

/** A seller's after-sales day in the console (issue 13): payouts waiting, one quality rate, shop time, the handheld warehouse. */
let env: ConsoleTest;
const DAY = 86_400_000;

/** A return request for the first line of a fresh delivered order, made at the test clock's now. */
async function request(reasonCode = 'wrong_size') {
  const { api, shop, t } = env;
  const order = await placeOrder(api, shop.keys.manager, { overrides: recentOrder(t.clock.now()) });
  const res = await api('POST', '/api/v1/returns', {
    key: shop.keys.agent,
    body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode }] },
  });
  if (res.status !== 201) throw new Error(`case not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; rmaNumber: string };
}

/** Takes a case through the API as the shop's manager, failing loudly on a refusal. */
async function steps(id: string, actions: [string, Record<string, unknown>?][]) {
  for (const [action, given] of actions) {
    let body = given ?? {};
    if (action === 'inspect') {
      const items = (await env.api('GET', `/api/v1/returns/${id}`, { key: env.shop.keys.viewer })).body.items as { id: string; quantity: number }[];
      body = { items: items.map((i) => ({ itemId: i.id, acceptedQuantity: i.quantity, grade: 'A', disposition: 'restock' })) };
    }
    const res = await act(env.api, env.shop.keys.manager, id, action, body);
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

const TO_REFUND: [string, Record<string, unknown>?][] = [['approve'], ['buyer_shipped', { carrier: 'SF', trackingNumber: 'SF5556667778' }], ['receive'], ['inspect'], ['refund']];

let unpaid: { id: string; rmaNumber: string };

beforeAll(async () => {
  env = await openConsoleTest('aftersales');
  const now = env.t.clock.now();
  // Eleven days ago the shop recorded a manual refund (the default provider) and never confirmed paying it.
  env.t.clock.set(new Date(now.getTime() - 11 * DAY));
  unpaid = await request();
  await steps(unpaid.id, TO_REFUND);
  env.t.clock.set(now);
  // Another case waits for the shop to approve it: no payout pending.
  await request('no_reason');
}, 120_000);
afterAll(() => closeConsoleTest(env));

describe('console: a payout waiting to be confirmed (issue 13 point 11)', () => {
  it('is listed in the queue under "awaiting payout" with its age, and confirmed where the actions are', async () => {
    const { api, shop, t } = env;
    const listed = await api('GET', '/api/v1/queue?awaitingPayout=true', { key: shop.keys.viewer });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((c: { id: string }) => c.id)).toEqual([unpaid.id]);
    expect(Date.parse(listed.body.data[0].awaitingPayout.since)).toBeLessThan(Date.now() - 10 * DAY);

    const { page, errors, close } = await consolePage(env.browser, 'en-US');
    await signIn(page, t.baseUrl, shop.ownerEmail);
    await page.goto(`${t.baseUrl}/console/queue`);
    await page.getByTestId('queue-table').waitFor();
    await expect.poll(() => page.locator('[data-testid=queue-table] tbody tr.ant-table-row').count(), POLL).toBe(2);
    await page.getByTestId('filter-payout').click();
    await expect.poll(() => page.locator('[data-testid=queue-table] tbody tr.ant-table-row').count(), POLL).toBe(1);
    expect(page.url()).toContain('payout=1');
    expect(await page.locator('[data-testid=queue-table] tbody').innerText()).toContain(unpaid.rmaNumber);
    expect(await page.getByTestId('payout-age').innerText()).toMatch(/^Awaiting payout · 1[01]d/);
    await shot(page, 'payout-queue-1440');
    await page.setViewportSize({ width: 360, height: 800 });
    // On a phone the table scrolls inside its card (a swipe reaches the payout's age); the page itself does not.
    // Let the header's handheld layout settle after the resize.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), POLL).toBe(true);
    await expectFits(page);
    const swipeable = await page.getByTestId('payout-age').evaluate((el) => {
      for (let e = el.parentElement; e; e = e.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth) return true;
      }
      return false;
    });
    expect(swipeable).toBe(true);
    await page.getByTestId('payout-age').scrollIntoViewIfNeeded();
    await shot(page, 'payout-queue-360');
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByRole('link', { name: unpaid.rmaNumber }).click();
    await page.getByTestId('case-page').waitFor();
    const head = page.locator('.case-head');
    await head.getByTestId('confirm-refund').waitFor();
    // The case's next step is the payout: never "no action for your role".
    expect(await page.getByTestId('no-actions').count()).toBe(0);
    expect(await head.getByTestId('payout-age').innerText()).toMatch(/1[01]d/);
    await shot(page, 'payout-case-1440');
    await page.setViewportSize({ width: 360, height: 800 });
    // The case page on a phone: tables scroll inside their cards, labels stand above their values.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), POLL).toBe(true);
    await expectFits(page);
    await shot(page, 'payout-case-360');
    await page.setViewportSize({ width: 1440, height: 900 });
    await head.getByTestId('confirm-refund').click();
    await page.getByTestId('refund-reference').fill('ALIPAY-2026-0042');
    await page.getByTestId('confirm-refund-ok').click();
    await expect.poll(() => page.locator('.case-head .status-tag').first().innerText(), POLL).toBe('Completed');
    expect(await page.getByTestId('pending-payout').count()).toBe(0);
    expect((await api('GET', '/api/v1/queue?awaitingPayout=true', { key: shop.keys.viewer })).body.total).toBe(0);
    expectNoPageErrors(errors);
    await close();
  }, 180_000);
});

/** An instant as the console writes it in a zone ("Nov 23, 2026, 23:01 GMT+8"). */
const inZone = (iso: string, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short', timeZone }).format(new Date(iso));

describe('console: times are the shop\'s, the zone named (issue 13 point 13)', () => {
  it.each([
    ['en-US', 1440],
    ['zh-CN', 360],
  ] as const)('a browser in UTC sees a Shanghai shop\'s case at the shop\'s hour; its own zone only when chosen (%s, %i px)', async (locale, width) => {
    const { api, shop, t } = env;
    const kase = await request();
    const created = (await api('GET', `/api/v1/returns/${kase.id}`, { key: shop.keys.viewer })).body.createdAt as string;
    const { page, errors, close } = await consolePage(env.browser, locale, { width, timezoneId: 'UTC' });
    await signIn(page, t.baseUrl, shop.ownerEmail);
    await page.goto(`${t.baseUrl}/console/cases/${kase.id}`);
    await page.getByTestId('case-page').waitFor();
    const facts = page.locator('.case-facts');
    const shopTime = inZone(created, locale, 'Asia/Shanghai');
    await expect.poll(() => facts.innerText(), POLL).toContain(shopTime);
    expect(shopTime).toContain('GMT+8');
    // The timeline and the order card speak the same time.
    expect(await page.getByTestId('timeline').innerText()).toContain(shopTime);
    expect(await page.getByTestId('time-zone').textContent()).toContain('Asia/Shanghai');
    await shot(page, `shop-time-case-${width}`);

    // The browser's zone, only because the person chose it (and it stays chosen in this browser).
    const utc = inZone(created, locale, 'UTC');
    // The menu may still be opening on busy cores when the click lands: choose again until it takes.
    await expect
      .poll(async () => {
        if ((await facts.innerText()).includes(utc)) return true;
        const choice = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').getByText(locale === 'en-US' ? /My browser's time/ : /本机浏览器时间/);
        if (!(await choice.isVisible())) await page.getByTestId('time-zone').click();
        await choice.click({ timeout: 5_000 }).catch(() => undefined);
        return (await facts.innerText()).includes(utc);
      }, POLL)
      .toBe(true);
    await page.reload();
    await page.getByTestId('case-page').waitFor();
    await expect.poll(() => facts.innerText(), POLL).toContain(utc);
    expect(await page.getByTestId('time-zone').textContent()).toContain('UTC');
    expectNoPageErrors(errors);
    await close();
  }, 180_000);
});

/** No sideways scrolling; on failure, the elements sticking out (to fix them). */
async function expectFits(page: import('playwright-core').Page) {
  const overflow = await page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && el.offsetParent !== null)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`);
  });
  expect(overflow).toEqual([]);
}

describe('console: the warehouse on a handheld (issue 13 point 16)', () => {
  it.each([
    ['zh-CN', 360],
    ['en-US', 412],
  ] as const)('receives and inspects a parcel without sideways scrolling, the shop name on one line (%s, %i px)', async (locale, width) => {
    const { api, shop, t } = env;
    const kase = await request();
    await steps(kase.id, [['approve'], ['buyer_shipped', { carrier: 'YTO', trackingNumber: `YT${width}0001552039` }]]);
    const email = await staffMember(t.ctx, shop.id, shop.slug, 'warehouse', locale === 'zh-CN' ? 'zh-CN' : 'en');
    const { page, errors, close } = await consolePage(env.browser, locale, { width });
    await signIn(page, t.baseUrl, email);
    await page.goto(`${t.baseUrl}/console/warehouse`);
    await page.getByTestId('scan-input').waitFor();
    // The shop's name stays on one line (it was one letter per line at 412 px).
    const name = await page.getByTestId('shop-name').boundingBox();
    expect(name!.height).toBeLessThan(30);
    await expectFits(page);
    await shot(page, `warehouse-handheld-${width}-1-scan`);
    await page.getByTestId('scan-input').fill(`YT${width}0001552039`);
    await page.getByTestId('scan-input').press('Enter');
    await page.getByTestId('receive-submit').waitFor();
    await expectFits(page);
    await shot(page, `warehouse-handheld-${width}-2-receive`);
    // A button still loading from the step before ignores a click, and a closing confirmation's
    // button is still on the page: wait for both to be done, as a person would.
    const idle = (testId: string) => page.locator(`[data-testid="${testId}"]:not(.ant-btn-loading)`);
    const confirm = () => clickOk(page, page.getByTestId('confirm-ok'));
    await idle('receive-submit').click();
    await confirm();
    await idle('inspect-submit').waitFor();
    await expectFits(page);
    await shot(page, `warehouse-handheld-${width}-3-inspect`);
    await idle('inspect-submit').click();
    await confirm();
    await page.getByTestId('warehouse-done').waitFor();
    await expectFits(page);
    expect((await api('GET', `/api/v1/returns/${kase.id}`, { key: shop.keys.viewer })).body.status).toBe('inspected');
    expectNoPageErrors(errors);
    await close();
  }, 180_000);
});
