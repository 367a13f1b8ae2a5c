/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { portalOrder, type PortalOrder } from '../helpers/portal.js';
import { clickOk, consolePage, POLL, signIn, staffMember } from './console-helpers.js';

/**
 * Issue 19 §9 in Chromium: a buyer who looked up one order returns items of two of their orders
 * in one parcel (one code, one label, one case per order), and the warehouse scans the label's QR
 * code and receives the whole parcel at once. Both languages; pictures at 360 and 1440 px.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;
let browser: Browser;

beforeAll(async () => {
  t = await startTestApp();
  // The console's session cookie follows the browser's clock.
  t.clock.set(new Date());
  api = client(t.baseUrl);
  shop = await createTestShop(t.ctx, 'multi-order');
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function openPortal(order: Pick<PortalOrder, 'number' | 'email'>, lang: 'en' | 'zh-CN') {
  const context = await browser.newContext({ locale: lang === 'en' ? 'en-GB' : 'zh-CN', viewport: { width: 360, height: 800 }, deviceScaleFactor: 1, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const res = await api('POST', '/portal/v1/sessions', { body: { shopSlug: shop.slug, orderNumber: order.number, email: order.email } });
  expect(res.status).toBe(201);
  await context.addInitScript(({ key, value }) => window.sessionStorage.getItem(key) ?? window.sessionStorage.setItem(key, value), { key: `retour.portal.${shop.slug}`, value: JSON.stringify(res.body) });
  await page.goto(`${t.baseUrl}/portal/${shop.slug}/order`);
  return { page, errors, close: () => context.close() };
}

/** The page at both widths: the phone a buyer uses and a desktop. */
async function bothWidths(page: Page, name: string) {
  // From the top, without the console's passing toasts covering the header.
  await page.evaluate(() => window.scrollTo(0, 0));
  const hide = await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
  for (const width of [360, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    await screenshot(page, `${name}-${width}`);
  }
  await hide.evaluate((el) => (el as HTMLElement).remove());
  await page.setViewportSize({ width: 360, height: 800 });
}

const TEXT = {
  en: { offer: 'Send items from several of them back in one parcel', twoOrders: 'Choose items from at least two orders', title: 'Your combined return', receive: 'Receive the whole parcel (2 returns)', received: 'Received' },
  'zh-CN': { offer: '要把多个订单的商品放进一个包裹一起退吗', twoOrders: '请至少从两个订单中选择商品', title: '您的合并退货', receive: '整包签收（2 个退货单）', received: '已签收' },
} as const;

describe('one return across several orders (Chromium)', () => {
  it.each(['zh-CN', 'en'] as const)('the buyer returns items of two orders in one parcel; the warehouse receives it by its QR code (%s)', async (lang) => {
    const x = TEXT[lang];
    const deliveredAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const email = `multi.${lang.toLowerCase()}@example.com`;
    const first = await portalOrder(t, api, shop, { email, deliveredAt });
    const second = await portalOrder(t, api, shop, { email, deliveredAt });
    const mug = (o: PortalOrder) => o.lines.find((l) => l.sku === 'PT-MUG-WHITE')!.id;
    const tee = (o: PortalOrder) => o.lines.find((l) => l.sku === 'PT-TEE-M-BLACK')!.id;

    // The order page offers the combined return; the buyer opens it.
    const { page, errors, close } = await openPortal(second, lang);
    const offer = page.getByTestId('combine-offer');
    await offer.waitFor(POLL);
    expect(await offer.innerText()).toContain(x.offer);
    await page.getByTestId('combine-start').click();
    await page.getByTestId('combine-page').waitFor();
    expect(await page.getByTestId('combine-order').count()).toBe(2);

    // Items of one order only: refused before anything is sent.
    await page.locator(`#cpick-${mug(first)}`).check();
    await page.locator(`#creason-${mug(first)}`).selectOption('no_reason');
    await page.getByTestId('combine-submit').click();
    await expect.poll(() => page.getByRole('alert').innerText(), POLL).toContain(x.twoOrders);

    // A mug from the first order, two tees from the second.
    await page.locator(`#cpick-${tee(second)}`).check();
    // The complaint goes once the choice changes.
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.locator(`#cqty-${tee(second)}`).selectOption('2');
    await page.locator(`#creason-${tee(second)}`).selectOption('no_reason');
    await expect.poll(() => page.getByTestId('combine-summary').innerText(), POLL).toMatch(/3/);
    await bothWidths(page, `portal-multi-order-choose-${lang}`);
    await page.getByTestId('combine-submit').click();

    // One code, one case per order, one label for the parcel.
    await page.getByTestId('group-page').waitFor(POLL);
    const code = (await page.getByTestId('group-code').innerText()).trim();
    expect(code).toMatch(/^GR/);
    expect(await page.locator('h1').innerText()).toBe(x.title);
    const cases = page.getByTestId('group-case');
    expect(await cases.count()).toBe(2);
    const listed = await cases.allInnerTexts();
    expect(listed.some((c) => c.includes(first.number) && c.includes('PT-MUG-WHITE × 1'))).toBe(true);
    expect(listed.some((c) => c.includes(second.number) && c.includes('PT-TEE-M-BLACK × 2'))).toBe(true);
    await bothWidths(page, `portal-multi-order-group-${lang}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('group-label').click()]);
    expect(download.suggestedFilename()).toBe(`return-${code}.pdf`);
    const pdf = readFileSync((await download.path())!).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    // The one label names the group; its packing slip lists each case with its order (also in the PDF's subject).
    const group = (await api('GET', `/api/v1/return-groups/${code}`, { key: shop.keys.viewer })).body;
    expect(pdf).toContain(`${group.cases.map((c: { rmaNumber: string; orderNumber: string }) => `${c.rmaNumber}: ${c.orderNumber}`).join('; ')}`);
    expect(group.cases.map((c: { orderNumber: string }) => c.orderNumber).sort()).toEqual([first.number, second.number].sort());
    expect(errors).toEqual([]);
    await close();

    // The shop approves the group; the warehouse scans the label's QR code.
    expect((await api('POST', `/api/v1/return-groups/${code}/actions/approve`, { key: shop.keys.manager, body: {} })).status).toBe(200);
    const staff = await staffMember(t.ctx, shop.id, shop.slug, 'warehouse', lang);
    const console_ = await consolePage(browser, lang === 'en' ? 'en-US' : 'zh-CN', { width: 1440 });
    const wp = console_.page;
    await signIn(wp, t.baseUrl, staff);
    await wp.goto(`${t.baseUrl}/console/warehouse`);
    const scan = wp.getByTestId('scan-input');
    await scan.waitFor(POLL);
    await scan.fill(`RETOUR:${shop.slug}:${code}`);
    await scan.press('Enter');
    const card = wp.getByTestId('warehouse-group');
    await card.waitFor(POLL);
    expect(await card.innerText()).toContain(code);
    for (const c of group.cases) expect(await card.innerText()).toContain(c.rmaNumber);
    await expect.poll(() => wp.getByTestId('group-receive').innerText(), POLL).toContain(x.receive);
    await bothWidths(wp, `console-warehouse-group-${lang}`);
    await wp.getByTestId('group-receive').click();
    await clickOk(wp, wp.getByTestId('confirm-ok'));
    await wp.getByTestId('group-status').waitFor(POLL);
    // Both cases received together, each now ready for its own inspection.
    const after = (await api('GET', `/api/v1/return-groups/${code}`, { key: shop.keys.viewer })).body;
    expect(after.cases.map((c: { status: string }) => c.status)).toEqual(['received', 'received']);
    await expect.poll(async () => (await card.innerText()).split(x.received).length - 1, POLL).toBeGreaterThanOrEqual(2);
    await wp.getByTestId(`group-inspect-${after.cases[0].rmaNumber}`).click();
    await wp.getByTestId('warehouse-case').waitFor(POLL);
    expect(await wp.getByTestId('warehouse-case').innerText()).toContain(after.cases[0].rmaNumber);
    await wp.mouse.move(0, 0);
    await bothWidths(wp, `console-warehouse-group-received-${lang}`);
    expect(console_.errors).toEqual([]);
    await console_.close();
  }, 240_000);
});
