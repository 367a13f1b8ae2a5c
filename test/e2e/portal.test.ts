import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { client, TestApp, TestShop } from '../helpers/app.js';
import { portalOrder, type PortalOrder } from '../helpers/portal.js';
import { act, JPEG } from '../helpers/returns.js';
import { closePortalTest, expectNoHorizontalScroll, openPortal as openPortalPage, openPortalTest, shot, type Lang, type PortalTest } from './portal-helpers.js';

let env: PortalTest;
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;

beforeAll(async () => {
  env = await openPortalTest('xiaoman');
  ({ t, api, shop } = env);
});
afterAll(() => closePortalTest(env));

const TEXT = {
  en: {
    orderNumber: 'Order number',
    email: 'E-mail used for the order',
    find: 'Find my order',
    chooseTitle: 'What would you like to return?',
    reason: 'Reason',
    wrongSize: 'Wrong size',
    quality: 'Quality problem',
    refund: /Refund to original payment/,
    exchange: /^Exchange/,
    dropOff: /Drop-off with a QR code/,
    pickup: /Courier pickup/,
    replacement: 'Exchange for',
    review: 'Review refund',
    submit: 'Submit request',
    waiting: 'Waiting for the shop',
    notReturnable: 'Not returnable',
    photos: 'Photos or video',
  },
  'zh-CN': {
    orderNumber: '订单号',
    email: '下单邮箱',
    find: '查找订单',
    chooseTitle: '选择要退换的商品',
    reason: '原因',
    wrongSize: '尺码不合适',
    quality: '质量问题',
    refund: /原路退款/,
    exchange: /^换货/,
    dropOff: /驿站\/网点扫码寄件/,
    pickup: /快递上门取件/,
    replacement: '换成',
    review: '查看退款明细',
    submit: '提交申请',
    waiting: '等待商家处理',
    notReturnable: '不可退换',
    photos: '照片或视频',
  },
} as const;

const RETURN_ADDRESS = { name: '退货组 周', phone: '0571-8888 6666', addressZh: '浙江省杭州市余杭区五常大道1号 2号仓', addressLatin: 'Warehouse 2, 1 Wuchang Ave, Yuhang, Hangzhou, China', postalCode: '311121' };

const openPortal = (lang: Lang, width: number) => openPortalPage(env, lang, width);

async function lookUp(page: Page, lang: Lang, order: Pick<PortalOrder, 'number' | 'email'>) {
  const x = TEXT[lang];
  // Keyboard only: the order number, then Tab over the e-mail/phone choice to the contact field, Enter submits.
  await page.getByLabel(x.orderNumber, { exact: true }).focus();
  await page.keyboard.type(order.number);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('contact');
  await page.keyboard.type(order.email);
  await page.keyboard.press('Enter');
}

/** Every visible form control has a label (a screen reader names it). */
async function expectLabelled(page: Page) {
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')]
      .filter((el) => el.type !== 'hidden' && el.offsetParent !== null && !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(unlabelled).toEqual([]);
}

describe('buyer portal in Chromium', () => {
  it.each([
    ['zh-CN', 360],
    ['en', 1280],
  ] as const)('a refund from lookup to a submitted return (%s, %i px)', async (lang, width) => {
    const x = TEXT[lang];
    const order = await portalOrder(t, api, shop);
    const { page, errors, close } = await openPortal(lang, width);
    const name = `refund-${width}`;
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
    await expect.poll(() => page.locator('.shop-name').textContent()).toBe(`Shop ${shop.slug}`);
    await shot(page, `${name}-1-lookup`);
    await lookUp(page, lang, order);

    await page.getByRole('heading', { name: x.chooseTitle }).waitFor();
    await expectLabelled(page);
    // The custom-made necklace comes back only for a problem with it; it says so.
    const necklace = page.locator('li.line', { hasText: '刻字项链' });
    await expect.poll(() => necklace.locator('.why-limited').textContent()).toContain(lang === 'en' ? 'Returnable for a problem until' : '质量等问题可申请至');

    await page.getByRole('checkbox', { name: /有机棉T恤/ }).check();
    const quality = width === 1280;
    await page.getByLabel(x.reason, { exact: true }).selectOption({ label: quality ? `${x.quality} · ${lang === 'en' ? 'photos needed' : '需上传照片'}` : x.wrongSize });
    if (quality) {
      // Type and size are checked before upload: a text file is refused on the spot.
      await page.getByLabel(x.photos).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
      await page.locator('.field-error').first().waitFor();
      await page.getByLabel(x.photos).setInputFiles({ name: 'stain.jpg', mimeType: 'image/jpeg', buffer: JPEG });
      await page.locator('.files li', { hasText: 'stain.jpg' }).waitFor();
    }
    await page.getByRole('radio', { name: x.refund }).check();
    await page.getByRole('radio', { name: x.dropOff }).check();
    await expectNoHorizontalScroll(page);
    await shot(page, `${name}-2-choose`);
    await page.getByRole('button', { name: x.review }).click();

    const total = page.getByTestId('refund-total');
    await total.waitFor();
    // The page shows exactly what the policy computes.
    const expected = await api('POST', '/api/v1/returns/preview', {
      key: shop.keys.viewer,
      body: { orderId: order.id, type: 'return_refund', returnMethod: 'drop_off', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: quality ? 'quality_issue' : 'wrong_size' }] },
    });
    const shown = (await total.textContent())!.replace(/[^\d.]/g, '');
    expect(Number(shown)).toBe(expected.body.refund.payoutMinor / 100);
    await shot(page, `${name}-3-review`);
    await page.getByRole('button', { name: x.submit }).click();

    await page.locator('.status-card').waitFor({ timeout: 20_000 });
    const rma = (await page.locator('h1 .mono').textContent())!;
    expect(rma).toMatch(/^R\d{10}$/);
    await expect.poll(() => page.locator('.status-card .pill').textContent()).toBe(x.waiting);
    expect(await page.locator('.qr-img svg').count()).toBe(1);
    expect(await page.locator('.deadline').textContent()).toBeTruthy();
    await expectNoHorizontalScroll(page);
    await shot(page, `${name}-4-submitted`);

    const detail = await api('GET', `/api/v1/returns?q=${rma}`, { key: shop.keys.viewer });
    const c = detail.body.data[0];
    expect(c).toMatchObject({ rmaNumber: rma, type: 'return_refund', returnMethod: 'drop_off', status: 'requested' });
    if (quality) {
      const full = await api('GET', `/api/v1/returns/${c.id}`, { key: shop.keys.viewer });
      expect(full.body.evidence).toEqual([expect.objectContaining({ purpose: 'claim', uploadedBy: 'buyer', mime: 'image/jpeg' })]);
    }

    // The shop approves with a return address from its book; the buyer comes back, sees where to send the parcel,
    // downloads the label and enters the tracking number.
    const address = await api('POST', '/api/v1/return-addresses', { key: shop.keys.owner, body: { ...RETURN_ADDRESS, name: `${RETURN_ADDRESS.name} ${width}` } });
    expect(address.status, JSON.stringify(address.body)).toBe(201);
    expect((await act(api, shop.keys.manager, c.id, 'approve', { returnAddressId: address.body.id })).status).toBe(200);
    await page.reload();
    await page.locator('#tracking').waitFor();
    const addressShown = (await page.getByTestId('portal-return-address').innerText()).replace(/\s+/g, ' ');
    expect(addressShown).toContain(`${RETURN_ADDRESS.name} ${width} ${RETURN_ADDRESS.phone}`);
    expect(addressShown).toContain(`${lang === 'en' ? RETURN_ADDRESS.addressLatin : RETURN_ADDRESS.addressZh} ${RETURN_ADDRESS.postalCode}`);
    const download = page.waitForEvent('download');
    await page.locator('.card', { has: page.locator('#label-h') }).getByRole('button').click();
    expect((await download).suggestedFilename()).toBe(`return-${rma}.pdf`);
    await page.locator('#carrier').fill(lang === 'en' ? 'Royal Mail' : '顺丰速运');
    // A number in the carrier's own format: typed numbers are checked against it (issue 17.7).
    await page.locator('#tracking').fill(lang === 'en' ? 'AB123456789GB' : 'SF1234567890123');
    await page.locator('#tracking').press('Enter');
    await expect.poll(() => page.locator('.status-card .pill').textContent()).toBe(lang === 'en' ? 'On its way back' : '退货寄回中');
    await page.locator('#message').fill(lang === 'en' ? 'Sent today, thanks!' : '今天已寄出，谢谢！');
    await page.locator('#message').press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.msg-me').waitFor();
    await shot(page, `${name}-5-shipped`);
    expect((await api('GET', `/api/v1/returns/${c.id}`, { key: shop.keys.viewer })).body.status).toBe('in_transit');
    expect(errors).toEqual([]);
    await close();
  });

  it.each([
    ['en', 360],
    ['zh-CN', 1280],
  ] as const)('an exchange for another size (%s, %i px), found again later by looking the order up', async (lang, width) => {
    const x = TEXT[lang];
    const order = await portalOrder(t, api, shop);
    const { page, errors, close } = await openPortal(lang, width);
    const name = `exchange-${width}`;
    await lookUp(page, lang, order);
    await page.getByRole('heading', { name: x.chooseTitle }).waitFor();
    await page.getByRole('checkbox', { name: /有机棉T恤/ }).check();
    await page.getByLabel(x.reason, { exact: true }).selectOption({ label: x.wrongSize });
    await page.getByRole('radio', { name: x.exchange }).check();
    await page.getByLabel(x.replacement, { exact: true }).selectOption({ index: 1 });
    await page.getByRole('radio', { name: x.pickup }).check();
    await shot(page, `${name}-1-choose`);
    await page.getByRole('button', { name: x.review }).click();
    await page.getByTestId('refund-total').waitFor();
    await shot(page, `${name}-2-review`);
    await page.getByRole('button', { name: x.submit }).click();
    await page.locator('.status-card').waitFor({ timeout: 20_000 });
    const rma = (await page.locator('h1 .mono').textContent())!;
    await expectNoHorizontalScroll(page);
    await shot(page, `${name}-3-submitted`);
    const listed = await api('GET', `/api/v1/returns?q=${rma}`, { key: shop.keys.viewer });
    expect(listed.body.data[0]).toMatchObject({ type: 'exchange', returnMethod: 'pickup', status: 'requested' });
    const detail = await api('GET', `/api/v1/returns/${listed.body.data[0].id}`, { key: shop.keys.viewer });
    expect(detail.body.replacements).toEqual([expect.objectContaining({ sku: 'PT-TEE-L-BLACK', quantity: 1 })]);
    await close();

    // Another day, another browser: the order's returns are there after looking it up again.
    const again = await openPortal(lang, width);
    await lookUp(again.page, lang, order);
    await again.page.locator('.row-card', { hasText: rma }).getByRole('link').click();
    await expect.poll(() => again.page.locator('h1 .mono').textContent()).toBe(rma);
    if (width === 1280) {
      await again.page.getByRole('button', { name: '撤销申请' }).click();
      await again.page.getByRole('button', { name: '确定撤销' }).click();
      await expect.poll(() => again.page.locator('.status-card .pill').textContent()).toBe('已取消');
      await shot(again.page, `${name}-4-cancelled`);
    }
    expect([...errors, ...again.errors]).toEqual([]);
    await again.close();
  });

  it('a wrong e-mail gets the generic answer, in the language switched to', async () => {
    const order = await portalOrder(t, api, shop);
    const { page, close } = await openPortal('zh-CN', 360);
    await page.getByRole('button', { name: 'EN' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Order number', { exact: true }).fill(order.number);
    await page.getByLabel('E-mail used for the order').fill('someone.else@example.com');
    await page.getByRole('button', { name: 'Find my order' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('We could not find an order with these details. Check the order number and the e-mail or phone number you used when ordering.');
    await shot(page, 'lookup-wrong-email-360');
    // An order that does not exist reads exactly the same.
    await page.getByLabel('Order number', { exact: true }).fill('NO-SUCH-ORDER');
    await page.getByRole('button', { name: 'Find my order' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('We could not find an order with these details. Check the order number and the e-mail or phone number you used when ordering.');
    await close();
  });

  it('a non-returnable item shows why, in the buyer language', async () => {
    // Delivered in August: every window has closed.
    const order = await portalOrder(t, api, shop, { deliveredAt: '2026-08-20T06:00:00Z' });
    const { page, close } = await openPortal('en', 360);
    await lookUp(page, 'en', order);
    const tee = page.locator('li.line', { hasText: 'Organic cotton tee' });
    await tee.locator('.why-no').waitFor();
    const why = (await tee.locator('.why-no').textContent())!;
    const session = await api('POST', '/portal/v1/sessions', { body: { shopSlug: shop.slug, orderNumber: order.number, email: order.email } });
    const lines = (await api('GET', '/portal/v1/order', { headers: { authorization: `Bearer ${session.body.token}` } })).body.lines;
    const line = lines.find((l: any) => l.sku === 'PT-TEE-M-BLACK');
    expect(line.eligible).toBe(false);
    expect(why).toContain('Not returnable');
    expect(why).toContain(line.explanation.en);
    expect(await page.getByRole('checkbox').count()).toBe(0);
    await shot(page, 'not-returnable-360');
    await close();
  });
});
