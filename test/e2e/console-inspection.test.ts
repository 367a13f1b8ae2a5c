/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { client, TestApp, TestShop } from '../helpers/app.js';
import { act, placeOrder } from '../helpers/returns.js';
import { closeConsoleTest, consolePage, openConsoleTest, pickOption, POLL, recentOrder, shot, signIn, staffMember } from './console-helpers.js';

let t: TestApp;
let shop: TestShop;
let browser: Browser;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  ({ t, shop, browser, api } = await openConsoleTest('inspect'));
}, 120_000);
afterAll(() => closeConsoleTest({ t, browser }));

describe('console: inspection dispositions (issue 13.7)', () => {
  it('a defect claim is not proposed for restock, and restocking grade D asks for a confirmation (zh-CN)', async () => {
    const order = await placeOrder(api, shop.keys.manager, { overrides: recentOrder(t.clock.now()) });
    const mug = order.lines[1]!;
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: mug.id, quantity: 1, reasonCode: 'quality_issue' }] },
    });
    const id = created.body.id as string;
    await act(api, shop.keys.agent, id, 'approve');
    await act(api, shop.keys.agent, id, 'buyer_shipped', { carrier: 'SF', trackingNumber: 'SF1300000007' });
    expect((await act(api, shop.keys.warehouse, id, 'receive')).body.status).toBe('received');

    const email = await staffMember(t.ctx, shop.id, shop.slug, 'warehouse', 'zh-CN');
    const { page, errors, close } = await consolePage(browser, 'zh-CN');
    await signIn(page, t.baseUrl, email);
    await page.goto(`${t.baseUrl}/console/cases/${id}`);
    await page.getByTestId('action-inspect').click();
    const dialog = page.getByTestId('action-modal');
    const disposition = page.getByTestId(`disposition-${mug.sku}`);
    await disposition.waitFor();
    // Grade A (the default) of a quality claim: refurbish, not restock.
    await expect.poll(() => disposition.innerText(), POLL).toContain('翻新');
    // Grade D: the proposal follows the grade (back to the vendor).
    await page.getByTestId(`grade-${mug.sku}`).getByText('D ·').click();
    await expect.poll(() => disposition.innerText(), POLL).toContain('退回供应商');
    expect(await page.getByTestId('confirm-restock-below-b').count()).toBe(0);

    // Choosing 重新入库 anyway: a warning and a confirmation the form will not go without.
    await pickOption(page, disposition, /^重新入库/, '重新入库');
    await page.getByTestId('confirm-restock-below-b').waitFor();
    expect(await dialog.innerText()).toContain('成色低于 B 级');
    await page.getByTestId('action-confirm').click();
    await expect.poll(() => dialog.innerText(), POLL).toContain('重新入库低于 B 级的商品须先确认');
    expect((await api('GET', `/api/v1/returns/${id}`, { key: shop.keys.viewer })).body.status).toBe('received');
    await page.mouse.move(0, 0);
    await shot(page, 'inspect-restock-below-b-zh-1440');
    await page.setViewportSize({ width: 360, height: 800 });
    await shot(page, 'inspect-restock-below-b-zh-360');
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByTestId('confirm-restock-below-b').click();
    await page.getByTestId('action-confirm').click();
    await expect.poll(async () => (await api('GET', `/api/v1/returns/${id}`, { key: shop.keys.viewer })).body.status, POLL).toBe('inspected');
    const after = (await api('GET', `/api/v1/returns/${id}`, { key: shop.keys.viewer })).body;
    expect(after.items[0]).toMatchObject({ grade: 'D', disposition: 'restock' });
    expect(after.timeline.at(-1).payload.confirmRestockBelowB).toBe(true);
    expect(errors).toEqual([]);
    await close();
  }, 180_000);
});
