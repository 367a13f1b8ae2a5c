/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { client, TestApp, TestShop } from '../helpers/app.js';
import { placeOrder } from '../helpers/returns.js';
import { closeConsoleTest, consolePage, openConsoleTest, pickOption, POLL, recentOrder, shot, signIn, staffMember } from './console-helpers.js';

/**
 * Issue 13, point 1 in Chromium: Settings → 退货地址 adds addresses (the first is the default),
 * and the approve dialog preselects the default, offers the others, and the case keeps the one chosen.
 */
let t: TestApp;
let shop: TestShop;
let browser: Browser;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  ({ t, shop, browser, api } = await openConsoleTest('addresses'));
}, 120_000);
afterAll(() => closeConsoleTest({ t, browser }));

describe('console: return addresses', () => {
  it('adds addresses in settings (zh-CN) and approves a case with the one chosen', async () => {
    const owner = await staffMember(t.ctx, shop.id, 'addresses', 'owner', 'zh-CN');
    const { page, errors, close } = await consolePage(browser, 'zh-CN');
    await signIn(page, t.baseUrl, owner);
    await page.goto(`${t.baseUrl}/console/settings/return-addresses`);
    const tab = page.getByTestId('return-addresses-tab');
    await tab.waitFor(POLL);
    expect(await page.getByRole('tab', { name: '退货地址' }).count()).toBe(1);

    const add = async (name: string, phone: string, zh: string, warehouse: string) => {
      await page.getByTestId('return-address-add').click();
      const modal = page.getByTestId('return-address-modal');
      await modal.getByTestId('ra-name').fill(name);
      await modal.getByTestId('ra-phone').fill(phone);
      await modal.getByTestId('ra-address-zh').fill(zh);
      await modal.getByTestId('ra-warehouse').fill(warehouse);
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await expect.poll(() => tab.innerText(), POLL).toContain(zh);
    };
    // Nothing typed in the address: refused in the form, in Chinese.
    await page.getByTestId('return-address-add').click();
    await page.getByTestId('ra-name').fill('王仓管');
    await page.getByTestId('ra-phone').fill('0571-88880000');
    await page.getByTestId('return-address-modal').getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('return-address-modal').innerText(), POLL).toContain('请填写中文地址或英文地址');
    await page.getByTestId('return-address-modal').getByRole('button', { name: /取\s*消/ }).click();

    await add('王仓管', '0571-88880000', '浙江省杭州市余杭区文一西路969号 3号仓', '杭州仓');
    await add('李收货', '021-55550000', '上海市浦东新区张江路88号', '上海仓');
    const rows = tab.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), POLL).toBe(2);
    expect(await rows.first().innerText()).toContain('默认');
    await shot(page, 'settings-return-addresses-zh-1440');
    await page.setViewportSize({ width: 360, height: 800 });
    await shot(page, 'settings-return-addresses-zh-360');
    await page.setViewportSize({ width: 1440, height: 900 });

    // A case to approve: the dialog preselects the default, the agent picks the Shanghai warehouse.
    const order = await placeOrder(api, shop.keys.manager, { overrides: recentOrder(t.clock.now()) });
    const created = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'wrong_size' }] } });
    expect(created.status).toBe(201);
    await page.goto(`${t.baseUrl}/console/cases/${created.body.id}`);
    await page.getByTestId('case-page').waitFor(POLL);
    await page.getByTestId('action-approve').click();
    const select = page.getByTestId('action-modal').getByTestId('approve-return-address');
    await expect.poll(() => select.innerText(), POLL).toContain('杭州仓');
    await shot(page, 'approve-return-address-zh-1440');
    await pickOption(page, select, '上海仓', '上海仓');
    await page.getByTestId('action-confirm').click();
    await expect.poll(async () => (await api('GET', `/api/v1/returns/${created.body.id}`, { key: shop.keys.viewer })).body.returnAddress?.warehouse ?? null, POLL).toBe('上海仓');
    await page.setViewportSize({ width: 360, height: 800 });
    await shot(page, 'approved-case-zh-360');
    expect(errors).toEqual([]);
    await close();
  }, 180_000);
});
