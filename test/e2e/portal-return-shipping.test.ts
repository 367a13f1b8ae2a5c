/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { FakeEasyPost } from '../helpers/fake-easypost.js';
import { FakeKuaidi100 } from '../helpers/fake-kuaidi100.js';
import { portalOrder } from '../helpers/portal.js';
import { act, placeOrder } from '../helpers/returns.js';

/**
 * Issue 17 point 7 in Chromium: after approval the buyer chooses how the parcel goes back — a
 * courier pickup booked in a window at their address (Kuaidi100, whose pickup-order callbacks
 * then show the courier), a drop-off code the station scans (EasyPost), or their own courier
 * with the tracking number checked against the carrier's format — in Chinese and English, on a
 * phone (360 px) and a desktop (1440 px).
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let cn: TestShop;
let us: TestShop;
let browser: Browser;
let kd: FakeKuaidi100;
let ep: FakeEasyPost;
const WAIT = { timeout: 30_000 };

beforeAll(async () => {
  kd = await new FakeKuaidi100().start();
  ep = await new FakeEasyPost().start();
  t = await startTestApp();
  t.clock.set(new Date()); // the pickup window is chosen by the browser's clock
  kd.deliverTo = t.baseUrl;
  api = client(t.baseUrl);
  cn = await createTestShop(t.ctx, 'ship-cn');
  us = await createTestShop(t.ctx, 'ship-us', 'USD');
  expect((await api('POST', '/api/v1/return-addresses', { key: cn.keys.owner, body: { name: '退货组', phone: '0571-88880000', addressZh: '浙江省杭州市余杭区文一西路969号' } })).status).toBe(201);
  expect((await api('POST', '/api/v1/return-addresses', { key: us.keys.owner, body: { name: 'Returns desk', phone: '+1 213 555 0100', addressLatin: '100 Main St, Los Angeles, CA 90012, US', postalCode: '90012' } })).status).toBe(201);
  const k = await api('POST', '/api/v1/connections', {
    key: cn.keys.owner,
    body: { kind: 'kuaidi100', name: '快递100', credentials: { key: kd.key, customer: kd.customer, secret: kd.secret, salt: kd.salt }, settings: { baseUrl: kd.baseUrl, defaultCarrier: 'shunfeng' } },
  });
  expect(k.status).toBe(201);
  const e = await api('POST', '/api/v1/connections', { key: us.keys.owner, body: { kind: 'easypost', name: 'EasyPost', credentials: { apiKey: ep.apiKey, webhookSecret: ep.webhookSecret }, settings: { baseUrl: ep.baseUrl } } });
  expect(e.status).toBe(201);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await kd?.stop();
  await ep?.stop();
});

/** An approved return of a fresh order of the shop, and the buyer's portal page for it. */
async function approvedCase(shop: TestShop, reasonCode: string, us = false) {
  let order: { id: string; number: string; email: string; lineId: string };
  if (us) {
    const number = `US${Date.now()}`;
    const email = `jane.${Date.now()}@example.com`;
    const placed = await placeOrder(api, shop.keys.owner, {
      overrides: {
        number,
        placedAt: new Date(t.clock.now().getTime() - 5 * 86_400_000).toISOString(),
        paidAt: new Date(t.clock.now().getTime() - 5 * 86_400_000 + 60_000).toISOString(),
        shipments: [{ carrier: 'UPS', trackingNumber: '1Z999AA10123456784', shippedAt: new Date(t.clock.now().getTime() - 4 * 86_400_000).toISOString(), deliveredAt: new Date(t.clock.now().getTime() - 2 * 86_400_000).toISOString() }],
        channel: 'web',
        currency: 'USD',
        locale: 'en',
        customer: { externalId: `jane-${number}`, name: 'Jane Doe', email },
        shippingAddress: { name: 'Jane Doe', phone: '+1 310 555 0199', country: 'US', province: 'CA', city: 'Santa Monica', line1: '12 Ocean Ave', postalCode: '90401' },
        lines: [{ sku: 'TEE-M', title: 'Tee M', quantity: 1, unitPriceMinor: 2500 }],
        orderDiscountMinor: 0,
        shippingFeeMinor: 500,
        paymentMethod: 'card',
        shippingInsurance: false,
      },
    });
    order = { id: placed.id, number, email, lineId: placed.lines[0]!.id };
  } else {
    const placed = await portalOrder(t, api, shop, { deliveredAt: new Date(t.clock.now().getTime() - 2 * 86_400_000).toISOString() });
    order = { id: placed.id, number: placed.number, email: placed.email, lineId: placed.lines[0]!.id };
  }
  const created = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lineId, quantity: 1, reasonCode }] } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await act(api, shop.keys.agent, created.body.id, 'approve')).status).toBe(200);
  return { id: created.body.id as string, order };
}

async function open(shop: TestShop, order: { number: string; email: string }, caseId: string, lang: 'en' | 'zh-CN', width: 360 | 1440) {
  const context = await browser.newContext({ locale: lang === 'en' ? 'en-GB' : 'zh-CN', viewport: { width, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const res = await api('POST', '/portal/v1/sessions', { body: { shopSlug: shop.slug, orderNumber: order.number, email: order.email } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await context.addInitScript(({ key, value }) => window.sessionStorage.getItem(key) ?? window.sessionStorage.setItem(key, value), { key: `retour.portal.${shop.slug}`, value: JSON.stringify(res.body) });
  await page.goto(`${t.baseUrl}/portal/${shop.slug}/returns/${caseId}`);
  return { page, errors, close: () => context.close() };
}

const caseOf = async (shop: TestShop, id: string) => (await api('GET', `/api/v1/returns/${id}`, { key: shop.keys.viewer })).body;
const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('portal: how the buyer sends an approved return back', () => {
  it('books a courier pickup with a window and the address; the courier the carrier assigns shows (zh-CN, 360 px)', async () => {
    const { id, order } = await approvedCase(cn, 'wrong_size');
    const { page, errors, close } = await open(cn, order, id, 'zh-CN', 360);
    const card = page.getByTestId('return-shipping');
    await card.waitFor(WAIT);
    const text = await card.innerText();
    expect(text).toContain('您想怎样寄回包裹？');
    expect(text).toContain('预约上门取件');
    expect(text).toContain('我自己寄');
    // Kuaidi100 gives no drop-off code: not offered.
    expect(text).not.toContain('驿站寄件码');
    await page.getByTestId('shipping-pickup').check();
    // The order's address, filled in; the buyer may change it.
    expect(await page.locator('#pickup-name').inputValue()).toBe('王小明');
    expect(await page.locator('#pickup-line').inputValue()).toContain('文一西路969号');
    await page.locator('#pickup-slot').selectOption('13:00-15:00');
    await page.locator('#pickup-phone').fill('13800138001');
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'portal/return-shipping-choices-zh-CN-360');
    await page.getByTestId('pickup-submit').click();
    const booked = page.getByTestId('return-booked');
    await booked.waitFor(WAIT);
    expect(await booked.innerText()).toContain('已预约上门取件');
    expect(await booked.innerText()).toContain('等待快递公司确认');

    const sent = kd.pickups.at(-1)!;
    expect(sent).toMatchObject({ kuaidicom: 'shunfeng', sendManName: '王小明', sendManMobile: '13800138001', sendManPrintAddr: expect.stringContaining('文一西路969号') });
    // Two hours from 13:00 in the browser's time zone, as the buyer chose.
    const parcel = (await api('GET', `/api/v1/returns/${id}/carrier`, { key: cn.keys.viewer })).body.parcels[0];
    expect(new Date(parcel.pickup.windowEnd).getTime() - new Date(parcel.pickup.windowStart).getTime()).toBe(2 * 3_600_000);
    expect(await page.evaluate((iso) => new Date(iso).getHours(), parcel.pickup.windowStart)).toBe(13);
    expect((await caseOf(cn, id)).returnMethod).toBe('pickup');

    // Kuaidi100 assigns a courier: the buyer sees who comes.
    expect((await kd.pickupEvent(parcel.trackingNumber, '2', { courierName: '李师傅', courierMobile: '13900001111' })).status).toBe(200);
    await page.reload();
    await booked.waitFor(WAIT);
    await expect.poll(() => booked.innerText(), WAIT).toContain('快递员正在上门');
    expect(await booked.innerText()).toContain('李师傅 13900001111');
    await screenshot(page, 'portal/return-shipping-pickup-zh-CN-360');
    // The courier collects it: the return is on its way, by the carrier's word.
    expect((await kd.pickupEvent(parcel.trackingNumber, '10')).status).toBe(200);
    expect((await caseOf(cn, id)).status).toBe('in_transit');
    expect(errors).toEqual([]);
    await close();
  });

  it('checks a typed tracking number against the carrier’s format, with an example (en, 1440 px)', async () => {
    const { id, order } = await approvedCase(cn, 'wrong_size');
    const { page, errors, close } = await open(cn, order, id, 'en', 1440);
    const card = page.getByTestId('return-shipping');
    await card.waitFor(WAIT);
    expect(await card.innerText()).toContain('How will you send the parcel back?');
    await page.getByTestId('shipping-self').check();
    await page.locator('#carrier').fill('SF Express');
    await page.locator('#tracking').fill('SF12');
    await page.getByRole('button', { name: 'Save tracking number' }).click();
    await expect.poll(() => page.locator('#tracking-error').innerText(), WAIT).toBe('This is not a SF Express tracking number. They look like SF1234567890123.');
    expect(await page.locator('#tracking').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'portal/return-shipping-number-en-1440');
    // Nothing went to the shop.
    expect((await caseOf(cn, id)).status).toBe('approved');
    await page.locator('#tracking').fill('sf 1234 5678 90123');
    await page.getByRole('button', { name: 'Save tracking number' }).click();
    await expect.poll(async () => (await caseOf(cn, id)).status, WAIT).toBe('in_transit');
    const shipped = (await api('GET', `/api/v1/returns/${id}/carrier`, { key: cn.keys.viewer })).body.parcels[0];
    expect(shipped).toMatchObject({ trackingNumber: 'SF1234567890123', carrierCode: 'shunfeng' });
    // The shop has it before the page has its answer: wait for the page to say so.
    await expect.poll(() => page.getByText('Thanks! We have the tracking number.').count(), WAIT).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('gives a drop-off code where the carrier has one (en, 360 px; zh-CN, 1440 px)', async () => {
    const { id, order } = await approvedCase(us, 'changed_mind', true);
    const zh = await open(us, order, id, 'zh-CN', 1440);
    const zhCard = zh.page.getByTestId('return-shipping');
    await zhCard.waitFor(WAIT);
    const zhText = await zhCard.innerText();
    expect(zhText).toContain('预约上门取件');
    expect(zhText).toContain('驿站寄件码');
    expect(zhText).toContain('我自己寄');
    await screenshot(zh.page, 'portal/return-shipping-choices-zh-CN-1440');
    expect(zh.errors).toEqual([]);
    await zh.close();

    const { page, errors, close } = await open(us, order, id, 'en', 360);
    await page.getByTestId('return-shipping').waitFor(WAIT);
    await page.getByTestId('shipping-drop_off').check();
    await page.getByTestId('drop-off-submit').click();
    const booked = page.getByTestId('return-booked');
    await booked.waitFor(WAIT);
    expect(await booked.innerText()).toContain('Show this code at the drop-off point');
    const parcel = (await api('GET', `/api/v1/returns/${id}/carrier`, { key: us.keys.viewer })).body.parcels[0];
    expect(parcel.dropOffCode).toMatch(/-qr\.png$/);
    expect(await booked.locator('img').getAttribute('src')).toBe(parcel.dropOffCode);
    expect(await booked.innerText()).toContain(parcel.trackingNumber);
    expect((await caseOf(us, id)).returnMethod).toBe('drop_off');
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'portal/return-shipping-drop-off-en-360');
    expect(errors).toEqual([]);
    await close();
  });
});
