import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { client, TestApp, TestShop } from '../helpers/app.js';
import { portalOrder, type PortalOrder } from '../helpers/portal.js';
import { closePortalTest, openAs, openPortalTest, shot, type Lang, type PortalTest } from './portal-helpers.js';

/** One request, a resolution per item: the tee exchanged, the mug refunded (issue 13 points 8 and 9). */
let env: PortalTest;
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;

beforeAll(async () => {
  env = await openPortalTest('fenxiang');
  ({ t, api, shop } = env);
});
afterAll(() => closePortalTest(env));

const TEXT = {
  en: { lineExchange: 'Exchange', lineRefund: 'Refund', forItem: 'For this item', refund: /Refund to original payment/, pickup: /Courier pickup/, review: 'Review refund', submit: 'Submit request', mixed: '1 item is exchanged; refund the others to:' },
  'zh-CN': { lineExchange: '换货', lineRefund: '退款', forItem: '这件商品', refund: /原路退款/, pickup: /快递上门取件/, review: '查看退款明细', submit: '提交申请', mixed: '1 件商品换货；其余商品的退款方式：' },
} as const;

/** The order page with the buyer's session already in the tab (as right after a lookup). */
const openOrder = (order: Pick<PortalOrder, 'number' | 'email'>, lang: Lang, width: number) => openAs(env, order, '/order', lang, width);

describe('a resolution per line in the portal form (Chromium)', () => {
  it.each([
    ['zh-CN', 360],
    ['en', 1440],
  ] as const)('exchanges the tee for another size and refunds the mug in one request (%s, %i px)', async (lang, width) => {
    const x = TEXT[lang];
    const order = await portalOrder(t, api, shop);
    const tee = order.lines.find((l) => l.sku === 'PT-TEE-M-BLACK')!;
    const mug = order.lines.find((l) => l.sku === 'PT-MUG-WHITE')!;
    const { page, errors, token, close } = await openOrder(order, lang, width);
    const name = `line-resolutions-${lang}-${width}`;

    await page.locator(`#pick-${tee.id}`).check();
    await page.locator(`#pick-${mug.id}`).check();
    await page.locator(`#reason-${tee.id}`).selectOption('wrong_size');
    await page.locator(`#reason-${mug.id}`).selectOption('wrong_size');
    // Each item says what the buyer wants for it, in the page's language; refund is where it starts.
    const teeChoice = page.getByLabel(x.forItem).and(page.locator(`#line-resolution-${tee.id}`));
    expect(await teeChoice.locator('option').allTextContents()).toEqual([x.lineRefund, x.lineExchange]);
    expect(await teeChoice.inputValue()).toBe('refund');
    await teeChoice.selectOption('exchange');
    await page.locator(`#replacement-${tee.id}`).selectOption('PT-TEE-L-BLACK');
    // The mug stays a refund: no replacement asked for it, and the refund method is still chosen.
    expect(await page.locator(`#replacement-${mug.id}`).count()).toBe(0);
    expect(await page.getByText(x.mixed).count()).toBe(1);
    await page.getByRole('radio', { name: x.refund }).check();
    await page.getByRole('radio', { name: x.pickup }).check();
    await shot(page, `${name}-1-choose`);
    await page.getByRole('button', { name: x.review }).click();
    const total = page.getByTestId('refund-total');
    await total.waitFor();
    await shot(page, `${name}-2-review`);

    // The review shows the money the server computes for exactly this request.
    const request = {
      items: [
        { lineId: tee.id, quantity: 1, reasonCode: 'wrong_size', replacementSku: 'PT-TEE-L-BLACK', resolution: 'exchange' },
        { lineId: mug.id, quantity: 1, reasonCode: 'wrong_size', resolution: 'refund' },
      ],
      resolution: 'refund',
      returnMethod: 'pickup',
    };
    const preview = await api('POST', '/portal/v1/returns/preview', { headers: { authorization: `Bearer ${token}` }, body: request });
    expect(preview.status).toBe(200);
    expect(preview.body.refund.refundMinor).toBeGreaterThan(0);
    const shown = (await total.textContent())!.replace(/[^\d.]/g, '');
    expect(shown).toBe((preview.body.refund.payoutMinor / 100).toFixed(2));
    expect(await page.getByTestId(`review-line-${tee.id}`).textContent()).toContain(lang === 'en' ? 'exchange for L / Black' : '换成 L / Black');

    await page.getByRole('button', { name: x.submit }).click();
    await page.locator('.status-card').waitFor({ timeout: 20_000 });
    const rma = (await page.locator('h1 .mono').textContent())!;
    await shot(page, `${name}-3-submitted`);
    const listed = await api('GET', `/api/v1/returns?q=${rma}`, { key: shop.keys.viewer });
    const detail = (await api('GET', `/api/v1/returns/${listed.body.data[0].id}`, { key: shop.keys.viewer })).body;
    expect(detail.type).toBe('exchange');
    expect(detail.items.map((i: any) => [i.sku, i.resolution])).toEqual([
      ['PT-TEE-M-BLACK', 'exchange'],
      ['PT-MUG-WHITE', 'refund'],
    ]);
    expect(detail.replacements).toEqual([expect.objectContaining({ sku: 'PT-TEE-L-BLACK', itemId: detail.items[0].id })]);
    expect(detail.breakdown.refundMinor).toBe(preview.body.refund.refundMinor);
    expect(errors).toEqual([]);
    await close();
  });
});
