/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOutbox } from '../../src/worker/jobs/outbox.js';
import { sendDueSms } from '../../src/worker/jobs/sms.js';
import type { client, TestApp, TestShop } from '../helpers/app.js';
import { placeOrder } from '../helpers/returns.js';
import { closeConsoleTest, consolePage, openConsoleTest, POLL, shot, signIn } from './console-helpers.js';

/**
 * Issue 20 in Chromium: the seller edits a step's SMS template (validated, previewed from a real
 * case, saved), reads the dev outbox, and the buyer, arriving from the text's link with the order
 * filled in, stops text messages with one click.
 */
let t: TestApp;
let shop: TestShop;
let browser: Browser;
let api: ReturnType<typeof client>;
let caseId: string;
let rma: string;
let orderNumber: string;

beforeAll(async () => {
  ({ t, shop, browser, api } = await openConsoleTest('notify'));
  orderNumber = `NT${Date.now()}`;
  // Delivered two days ago: inside the return window at the real now the browser runs in.
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
  const order = await placeOrder(api, shop.keys.manager, {
    overrides: {
      number: orderNumber,
      placedAt: day(6),
      paidAt: day(6),
      shipments: [{ carrier: 'SF', trackingNumber: `SF${Date.now()}`, shippedAt: day(5), deliveredAt: day(2) }],
      customer: { externalId: 'notify-1', name: '林静', phone: '13800138000' },
    },
  });
  const created = await api('POST', '/api/v1/returns', {
    key: shop.keys.agent,
    body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] },
  });
  if (created.status !== 201) throw new Error(`case not created: ${JSON.stringify(created.body)}`);
  caseId = created.body.id;
  rma = created.body.rmaNumber;
  while ((await dispatchOutbox(t.ctx)) > 0);
  await sendDueSms(t.ctx);
}, 120_000);
afterAll(() => closeConsoleTest({ t, browser }));

describe('console: buyer notifications', () => {
  it('the owner edits an SMS template: an unknown variable is named, the preview is filled from a real case, the saved wording and code are kept', async () => {
    const { page, errors, close } = await consolePage(browser, 'zh-CN');
    await signIn(page, t.baseUrl, shop.ownerEmail);
    await page.goto(`${t.baseUrl}/console/settings/notifications`);
    const editor = page.getByTestId('template-editor');
    await editor.waitFor();
    await expect.poll(() => page.getByTestId('template-body').inputValue(), POLL).toContain('{rmaNumber}');
    expect(await editor.innerText()).toContain('Retour 默认');

    await page.getByTestId('template-body').fill('售后 {rmaNumber} 退款 {refundAmount}');
    await page.getByTestId('template-save').click();
    await expect.poll(() => page.getByTestId('template-issues').innerText().catch(() => ''), POLL).toContain('使用了该环节没有的变量');

    await page.getByTestId('template-body').fill('【{shopName}】售后 {rmaNumber} 已收到，进度：{caseUrl}');
    await page.getByTestId('template-code').fill('SMS_100001');
    await page.getByTestId('template-preview-button').click();
    const preview = page.getByTestId('template-preview');
    await expect.poll(() => preview.innerText().catch(() => ''), POLL).toContain(`售后 ${rma} 已收到`);
    expect(await preview.innerText()).toContain(`/portal/notify/returns/${caseId}?order=${orderNumber}`);
    await page.getByTestId('template-save').click();
    await expect.poll(() => editor.innerText(), POLL).toContain('自定义');
    await shot(page, 'settings-notifications-zh-CN');
    const saved = (await api('GET', '/api/v1/notification-templates', { key: shop.keys.owner })).body.data.find((x: any) => x.step === 'request_received' && x.locale === 'zh-CN' && x.channel === 'sms');
    expect(saved).toMatchObject({ custom: true, body: '【{shopName}】售后 {rmaNumber} 已收到，进度：{caseUrl}', templateCode: 'SMS_100001' });

    await page.setViewportSize({ width: 360, height: 800 });
    await shot(page, 'settings-notifications-zh-CN-360');
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it('the dev outbox lists the text messages Retour kept without an SMS connection', async () => {
    const { page, errors, close } = await consolePage(browser, 'en-US');
    await signIn(page, t.baseUrl, shop.ownerEmail);
    await page.goto(`${t.baseUrl}/console/settings/sms-outbox`);
    const outbox = page.getByTestId('sms-outbox-tab');
    await outbox.waitFor();
    await expect.poll(() => outbox.innerText(), POLL).toContain('+8613800138000');
    const text = await outbox.innerText();
    expect(text).toContain(rma);
    expect(text).toContain('Request received');
    expect(text).toContain('dev (not sent)');
    await shot(page, 'settings-sms-outbox-en');
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it('the buyer follows the text’s link: the order number is filled in, the return opens, and SMS updates stop with one click', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${t.baseUrl}/portal/notify/returns/${caseId}?order=${orderNumber}`);
    await page.locator('#order-number').waitFor({ timeout: 90_000 });
    expect(await page.locator('#order-number').inputValue()).toBe(orderNumber);
    await page.locator('input[name=by][value=phone]').check();
    await page.locator('#contact').fill('138 0013 8000');
    await page.locator('form button[type=submit]').click();
    const prefs = page.getByTestId('notification-prefs');
    await prefs.waitFor({ timeout: 30_000 });
    expect(page.url()).toContain(`/portal/notify/returns/${caseId}`);
    expect(await prefs.innerText()).toContain('短信发送至 +86138****8000');
    await page.getByTestId('updates-sms').click();
    await expect.poll(() => prefs.innerText(), POLL).toContain('已退订');
    const stored = await t.ctx.db.execute(`select channel, address from notification_opt_outs`);
    expect((stored as unknown as { rows: unknown[] }).rows).toEqual([{ channel: 'sms', address: '+8613800138000' }]);
    await shot(page, 'portal-notifications-opt-out-zh-CN-360');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
