/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { client, TestApp, TestShop } from '../helpers/app.js';
import { dropOffCode } from '../../src/domain/labels/codes.js';
import { act, JPEG, placeOrder } from '../helpers/returns.js';
import { clickOk, consolePage, recentOrder, shot, signIn, staffMember, POLL, openConsoleTest, closeConsoleTest } from './console-helpers.js';

let t: TestApp;
let shop: TestShop;
let browser: Browser;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  ({ t, shop, browser, api } = await openConsoleTest('depot'));
}, 120_000);
afterAll(() => closeConsoleTest({ t, browser }));

describe('console: warehouse', () => {
  it('a warehouse user types a tracking number, receives the parcel and inspects it with a photo', async () => {
    const order = await placeOrder(api, shop.keys.manager, { overrides: recentOrder(t.clock.now()) });
    const [shirt, mug] = order.lines;
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: {
        orderId: order.id,
        type: 'return_refund',
        items: [
          { lineId: shirt!.id, quantity: 2, reasonCode: 'wrong_size' },
          { lineId: mug!.id, quantity: 1, reasonCode: 'no_reason' },
        ],
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await act(api, shop.keys.agent, id, 'approve')).status).toBe(200);
    const tracking = 'YT7261552039918';
    expect((await act(api, shop.keys.agent, id, 'buyer_shipped', { carrier: 'YTO', trackingNumber: tracking })).status).toBe(200);

    const email = await staffMember(t.ctx, shop.id, shop.slug, 'warehouse');
    const { page, errors, close } = await consolePage(browser, 'en-US');
    await signIn(page, t.baseUrl, email);
    // The warehouse role sees its pages, not the policy.
    const menu = await page.locator('.shell-menu').innerText();
    expect(menu).toContain('Warehouse');
    expect(menu).not.toContain('Policy');
    await page.getByRole('link', { name: 'Warehouse', exact: true }).click();
    const scan = page.getByTestId('scan-input');
    await scan.waitFor();
    // The field has the focus: a barcode scanner types the code and presses Enter.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), POLL).toBe('scan-input');
    await page.keyboard.type(tracking, { delay: 5 });
    await page.keyboard.press('Enter');
    const card = page.getByTestId('warehouse-case');
    await card.waitFor();
    expect(await card.innerText()).toContain(created.body.rmaNumber);

    // Receive: only one shirt came back.
    await page.getByTestId(`received-${shirt!.sku}`).fill('1');
    await page.getByTestId('receive-submit').click();
    await clickOk(page, page.getByTestId('confirm-ok'));
    // The receive's confirmation is gone and its loading button idle before the next step.
    await page.getByTestId('confirm-ok').waitFor({ state: 'detached' });
    await page.locator('[data-testid="inspect-submit"]:not(.ant-btn-loading)').waitFor();

    // Inspect: the shirt is fine, the mug is chipped (grade C, scrapped); a photo of the mug.
    const mugRow = page.getByTestId(`inspect-${mug!.sku}`);
    await mugRow.getByText('C ·').click();
    await page.getByTestId(`disposition-${mug!.sku}`).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^Scrap/ }).click();
    await page.getByTestId('warehouse-case').locator('input[type=file]').setInputFiles({ name: 'mug.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await expect.poll(() => page.getByTestId('warehouse-case').innerText(), POLL).toContain('1 photo');
    await page.mouse.move(0, 0);
    await shot(page, 'warehouse-inspect-en');
    await page.getByTestId('inspect-submit').click();
    await expect.poll(() => page.getByRole('dialog').innerText(), POLL).toContain(`+1 ${shirt!.sku}`);
    await clickOk(page, page.getByTestId('confirm-ok'));
    await page.getByTestId('warehouse-done').waitFor();
    await expect.poll(() => page.getByTestId('scan-log').innerText(), POLL).toContain('inspected');
    // The focus is back in the scan field for the next parcel.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), POLL).toBe('scan-input');
    await shot(page, 'warehouse-done-en');

    const after = await api('GET', `/api/v1/returns/${id}`, { key: shop.keys.viewer });
    expect(after.body.status).toBe('inspected');
    const bySku = Object.fromEntries(after.body.items.map((i: any) => [i.sku, i]));
    expect(bySku[shirt!.sku]).toMatchObject({ receivedQuantity: 1, acceptedQuantity: 1, grade: 'A', disposition: 'restock' });
    expect(bySku[mug!.sku]).toMatchObject({ receivedQuantity: 1, grade: 'C', disposition: 'scrap' });
    expect(after.body.evidence.filter((e: any) => e.purpose === 'inspection')).toHaveLength(1);
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it.each([360, 1440])('a handheld scanner reads every code Retour prints: the label QR payload RETOUR:<shop>:<RMA>, the bare RMA, a tracking number (zh-CN, %i px)', async (width) => {
    const order = await placeOrder(api, shop.keys.manager, { overrides: recentOrder(t.clock.now()) });
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'wrong_size' }] },
    });
    expect(created.status).toBe(201);
    const rma = created.body.rmaNumber as string;
    expect((await act(api, shop.keys.agent, created.body.id, 'approve')).status).toBe(200);
    const tracking = `SF${width}${Date.now() % 1e9}`;
    expect((await act(api, shop.keys.agent, created.body.id, 'buyer_shipped', { carrier: 'SF', trackingNumber: tracking })).status).toBe(200);

    const email = await staffMember(t.ctx, shop.id, shop.slug, 'warehouse', 'zh-CN');
    const { page, errors, close } = await consolePage(browser, 'zh-CN', { width });
    await signIn(page, t.baseUrl, email);
    await page.goto(`${t.baseUrl}/console/warehouse`);
    await page.getByTestId('scan-input').waitFor();
    const card = page.getByTestId('warehouse-case');
    for (const [i, code] of [dropOffCode(shop.slug, rma), rma, tracking].entries()) {
      // A scanner types into whatever has the focus: the field must hold it again before each parcel, with no click.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), POLL).toBe('scan-input');
      await page.keyboard.type(code, { delay: 2 });
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('scan-log').innerText(), POLL).toContain(code);
      expect(await page.getByTestId('scan-none').count(), code).toBe(0);
      await expect.poll(() => card.innerText(), POLL).toContain(rma);
      if (i === 0) await shot(page, `warehouse-scan-qr-zh-CN-${width}`);
    }
    // The page fits the handheld's width: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(errors).toEqual([]);
    await close();
  }, 180_000);
});
