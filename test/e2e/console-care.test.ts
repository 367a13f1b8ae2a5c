/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { client, TestApp, TestShop } from '../helpers/app.js';
import { dispatchOutbox } from '../../src/worker/jobs/outbox.js';
import { placeOrder } from '../helpers/returns.js';
import { closeConsoleTest, consolePage, openConsoleTest, POLL, recentOrder, shot, signIn, staffMember } from './console-helpers.js';

/**
 * Issue 19 §1–2 in Chromium: an agent grants compensation on the case page, and works the
 * follow-up tasks on the Today page (counts, done with a note), in both languages; a manager
 * fills the coupon pool and sets the caps and rules in Settings → After-sales care, and finds
 * the compensation_granted template among the notification templates.
 */
let t: TestApp;
let shop: TestShop;
let browser: Browser;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  ({ t, shop, browser, api } = await openConsoleTest('care'));
}, 120_000);
afterAll(() => closeConsoleTest({ t, browser }));

async function openCase(reasonCode: string, sku?: string) {
  const order = await placeOrder(api, shop.keys.manager, { overrides: recentOrder(t.clock.now(), sku ? { lines: [{ sku, title: 'Defective kettle 电水壶', quantity: 1, unitPriceMinor: 19_900, product: { externalId: sku, category: 'home' } }] } : {}) });
  const created = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode }] } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

describe('console: after-sales care', () => {
  it('grants a coupon on the case page (zh-CN)', async () => {
    const id = await openCase('wrong_size');
    const agent = await staffMember(t.ctx, shop.id, 'care', 'agent', 'zh-CN');
    const { page, errors, close } = await consolePage(browser, 'zh-CN');
    await signIn(page, t.baseUrl, agent);
    await page.goto(`${t.baseUrl}/console/cases/${id}`);
    const card = page.getByTestId('compensation-card');
    await card.waitFor(POLL);
    expect(await card.innerText()).toContain('售后补偿');
    expect(await card.innerText()).toContain('尚未发放');
    await page.getByTestId('grant-compensation').click();
    await page.locator('input[data-testid=grant-amount], [data-testid=grant-amount] input').first().fill('12.5');
    await page.getByTestId('grant-note').fill('快递延误');
    await page.getByTestId('grant-submit').click();
    await page.getByTestId('compensation-code').waitFor(POLL);
    const [granted] = (await api('GET', `/api/v1/returns/${id}/compensations`, { key: shop.keys.viewer })).body.data;
    expect(granted).toMatchObject({ kind: 'coupon', amountMinor: 1_250, couponSource: 'generated', note: '快递延误', grantedBy: 'staff' });
    expect(await card.innerText()).toContain(granted.couponCode);
    expect(await card.innerText()).toContain('优惠券');
    // Over the cap per case (¥100 by default): refused with the reason, in Chinese.
    await page.getByTestId('grant-compensation').click();
    await page.locator('input[data-testid=grant-amount], [data-testid=grant-amount] input').first().fill('100');
    await page.getByTestId('grant-submit').click();
    await expect.poll(() => page.locator('.ant-message').innerText(), POLL).toContain('超出政策规定的单个售后单补偿上限');
    await shot(page, 'case-compensation-zh-1440');
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it.each(['en', 'zh-CN'] as const)('shows the follow-up tasks with counts on the Today page and closes one with a note (%s)', async (lang) => {
    // Three quality cases about one SKU: the dispatcher creates a check for it.
    const sku = `KETTLE-${lang}`;
    for (let i = 0; i < 3; i++) await openCase('wrong_item', sku);
    while ((await dispatchOutbox(t.ctx)) > 0);
    const open = (await api('GET', '/api/v1/care/tasks?status=open&kind=sku_defect_check', { key: shop.keys.viewer })).body.data;
    const task = open.find((x: any) => x.sku === sku);
    expect(task).toBeTruthy();

    const manager = await staffMember(t.ctx, shop.id, 'care', 'manager', lang);
    const { page, errors, close } = await consolePage(browser, lang === 'en' ? 'en-US' : 'zh-CN');
    await signIn(page, t.baseUrl, manager);
    await page.goto(`${t.baseUrl}/console/`);
    const card = page.getByTestId('care-tasks');
    await card.waitFor(POLL);
    expect(await card.innerText()).toContain(lang === 'en' ? 'Follow-up tasks' : '回访任务');
    await expect.poll(() => card.innerText(), POLL).toContain(sku);
    expect(await page.getByTestId('care-count-today').innerText()).toMatch(lang === 'en' ? /\d+ due today/ : /\d+ 项今日到期/);
    const row = card.locator('tr', { hasText: sku });
    expect(await row.innerText()).toContain(lang === 'en' ? 'Check repeated defects of a SKU' : '检查 SKU 的重复质量问题');
    await shot(page, `today-care-tasks-${lang}-1440`);
    await row.getByTestId('care-task-done').click();
    await page.getByTestId('care-task-note').fill(lang === 'en' ? 'Supplier notified' : '已通知供应商');
    await page.getByTestId('care-task-save').click();
    await expect.poll(() => card.locator('tr', { hasText: sku }).count(), POLL).toBe(0);
    const done = (await api('GET', '/api/v1/care/tasks?status=done', { key: shop.keys.viewer })).body.data.find((x: any) => x.id === task.id);
    expect(done).toMatchObject({ status: 'done', note: lang === 'en' ? 'Supplier notified' : '已通知供应商' });
    await expect.poll(() => page.getByTestId('care-count-closed').innerText(), POLL).toMatch(lang === 'en' ? /[1-9]\d* done/ : /完成 [1-9]\d* 项/);
    await page.setViewportSize({ width: 360, height: 800 });
    await shot(page, `today-care-tasks-${lang}-360`);
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it('Settings → After-sales care: uploads coupon codes (count left per value), saves caps and a rule as a policy version (en)', async () => {
    const manager = await staffMember(t.ctx, shop.id, 'care', 'manager', 'en');
    const { page, errors, close } = await consolePage(browser, 'en-US');
    await signIn(page, t.baseUrl, manager);
    await page.goto(`${t.baseUrl}/console/settings/care`);
    await page.getByTestId('care-settings').waitFor(POLL);
    // The policy has no care block: the form shows the server's defaults (¥100 per case, ¥5,000 per month).
    await expect.poll(() => page.getByTestId('cap-case').inputValue(), POLL).toBe('100.00');
    expect(await page.getByTestId('cap-month').inputValue()).toBe('5000.00');

    const before = (await api('GET', '/api/v1/coupon-codes', { key: shop.keys.viewer })).body.data.find((r: any) => r.valueMinor === 3_000)?.free ?? 0;
    // A CSV file from the shop system: read into the field (normalised by the server: sorry30-aaa2 is SORRY30-AAA2).
    await page.getByTestId('coupon-pool').locator('input[type=file]').setInputFiles({ name: 'codes.csv', mimeType: 'text/csv', buffer: Buffer.from('code,note\nSORRY30-AAA1,x\nsorry30-aaa2,y\nSORRY30-AAA3,z\n') });
    await expect.poll(() => page.getByTestId('pool-codes').inputValue(), POLL).toContain('SORRY30-AAA3');
    await page.getByTestId('pool-value').fill('30');
    await page.getByTestId('pool-upload').click();
    await expect.poll(() => page.locator('.ant-message').innerText(), POLL).toContain('3 codes added');
    const row = page.getByTestId('pool-table').locator('tr', { hasText: '30.00' });
    await expect.poll(() => row.innerText(), POLL).toContain(String(before + 3));
    expect((await api('GET', '/api/v1/coupon-codes', { key: shop.keys.viewer })).body.data.find((r: any) => r.valueMinor === 3_000).free).toBe(before + 3);
    // The same codes again: nothing added twice.
    await page.getByTestId('pool-codes').fill('SORRY30-AAA1');
    await page.getByTestId('pool-upload').click();
    await expect.poll(() => page.locator('.ant-message').innerText(), POLL).toContain('1 already in the pool');

    await page.getByTestId('cap-case').fill('50');
    await page.getByTestId('rule-name').fill('seller_sorry');
    await page.getByTestId('rule-amount').fill('5');
    await page.getByTestId('rule-add').click();
    await expect.poll(() => page.getByTestId('care-rules').innerText(), POLL).toContain('seller_sorry');
    await page.getByTestId('care-save').click();
    await expect.poll(async () => (await api('GET', '/api/v1/policy', { key: shop.keys.viewer })).body.document.care?.compensation, POLL).toMatchObject({
      maxPerCaseMinor: 5_000,
      maxPerMonthMinor: 500_000,
      rules: [{ name: 'seller_sorry', faults: ['seller'], kind: 'coupon', amountMinor: 500 }],
    });
    await page.mouse.move(0, 0);
    await shot(page, 'settings-care-en-1440');
    await page.setViewportSize({ width: 360, height: 800 });
    await shot(page, 'settings-care-en-360');
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it('Settings → Notifications lists the compensation_granted template, editable like the others (zh-CN)', async () => {
    const { page, errors, close } = await consolePage(browser, 'zh-CN');
    await signIn(page, t.baseUrl, shop.ownerEmail);
    await page.goto(`${t.baseUrl}/console/settings/care`);
    await page.getByTestId('care-settings').waitFor(POLL);
    expect(await page.getByTestId('coupon-pool').innerText()).toContain('优惠券池');
    await expect.poll(() => page.getByTestId('care-caps').innerText(), POLL).toContain('按店铺时区的自然月计算');
    await shot(page, 'settings-care-zh-1440');
    await page.goto(`${t.baseUrl}/console/settings/notifications`);
    await page.getByTestId('template-editor').waitFor(POLL);
    // The last step of the list: from the first, the arrow up wraps round to it.
    await page.getByRole('combobox', { name: '环节' }).click();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('template-step').innerText(), POLL).toContain('发放补偿');
    await expect.poll(() => page.getByTestId('template-body').inputValue(), POLL).toContain('{compensation}');
    await page.getByTestId('template-body').fill('{customerName}，您好：为服务单 {rmaNumber} 向您发放了 {compensation}。');
    await page.getByTestId('template-save').click();
    await expect.poll(async () => {
      const all = (await api('GET', '/api/v1/notification-templates', { key: shop.keys.owner })).body.data;
      return all.find((x: any) => x.step === 'compensation_granted' && x.locale === 'zh-CN' && x.custom)?.body ?? null;
    }, POLL).toContain('向您发放了 {compensation}');
    await shot(page, 'settings-notifications-compensation-zh-1440');
    expect(errors).toEqual([]);
    await close();
  }, 180_000);
});
