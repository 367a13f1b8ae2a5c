import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { client, TestApp, TestShop } from '../helpers/app.js';
import { portalOrder, type PortalOrder } from '../helpers/portal.js';
import { closePortalTest, openAs as openPortalAs, openPortalTest, shot, type Lang, type PortalTest } from './portal-helpers.js';

/**
 * Issue 19 §3 and §1 in Chromium: with exchange-first on, the portal offers an exchange or store
 * credit (with its bonus) before money back, which appears only when the buyer asks for it; a
 * compensation the shop granted shows on the return's page. Both languages.
 */
let env: PortalTest;
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;

beforeAll(async () => {
  env = await openPortalTest('care-portal');
  ({ t, api, shop } = env);
  const current = (await api('GET', '/api/v1/policy', { key: shop.keys.owner })).body.document;
  const document = { ...current, judgeBy: 'current', refunds: { methods: ['original', 'store_credit'], storeCreditBonusBp: 1000 }, care: { exchangeFirst: { enabled: true } } };
  expect((await api('PUT', '/api/v1/policy', { key: shop.keys.owner, body: { document } })).status).toBe(200);
}, 120_000);
afterAll(() => closePortalTest(env));

const openAs = (order: Pick<PortalOrder, 'number' | 'email'>, path: string, lang: Lang, width: number) => openPortalAs(env, order, path, lang, width);

const TEXT = {
  en: { offer: 'Before you ask for your money back', bonus: '10%', anyway: 'I still want my money back', refund: /^Refund/, credit: /^Store credit/, exchange: /^Exchange/, forTrouble: 'For the trouble' },
  'zh-CN': { offer: '申请退款前，您还可以选择', bonus: '10%', anyway: '我仍然要退款', refund: /^退款/, credit: /^店铺余额/, exchange: /^换货/, forTrouble: '售后补偿' },
} as const;

describe('exchange-first in the portal (Chromium)', () => {
  it.each([
    ['zh-CN', 360],
    ['en', 1440],
  ] as const)('offers an exchange or store credit before a refund, money back on request (%s, %i px)', async (lang, width) => {
    const x = TEXT[lang];
    const order = await portalOrder(t, api, shop);
    const { page, errors, close } = await openAs(order, '/order', lang, width);
    const tee = order.lines[0]!;
    await page.getByRole('checkbox', { name: /有机棉T恤/ }).check();
    await page.locator(`#reason-${tee.id}`).selectOption('wrong_size');
    const offer = page.getByTestId('exchange-first-offer');
    await offer.waitFor();
    expect(await offer.textContent()).toContain(x.offer);
    expect(await offer.textContent()).toContain(x.bonus);
    const radios = page.locator('input[name=resolution]');
    // Exchange and store credit first, no refund yet.
    expect(await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['exchange', 'store_credit']);
    await shot(page, `exchange-first-${lang}-${width}`);
    await page.getByTestId('exchange-first-refund').click();
    expect(await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['exchange', 'store_credit', 'refund']);
    expect(await page.getByTestId('exchange-first-refund').count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it.each([
    ['en', 1440],
    ['zh-CN', 360],
  ] as const)("shows the shop's compensation on the return's page (%s, %i px)", async (lang, width) => {
    const x = TEXT[lang];
    const order = await portalOrder(t, api, shop);
    const created = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_reason' }] } });
    expect(created.status).toBe(201);
    const granted = await api('POST', `/api/v1/returns/${created.body.id}/compensations`, { key: shop.keys.agent, body: { kind: 'coupon', couponSource: 'generated', amountMinor: 1_000 } });
    expect(granted.status).toBe(201);
    const { page, errors, close } = await openAs(order, `/returns/${created.body.id}`, lang, width);
    const card = page.getByTestId('portal-compensation');
    await card.waitFor();
    expect(await card.textContent()).toContain(x.forTrouble);
    expect(await page.getByTestId('portal-coupon-code').textContent()).toBe(granted.body.couponCode);
    expect((await card.textContent())!).toContain('10.00');
    await shot(page, `compensation-${lang}-${width}`);
    expect(errors).toEqual([]);
    await close();
  }, 180_000);
});
