/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { client, TestApp, TestShop } from '../helpers/app.js';
import { FakeKuaidi100 } from '../helpers/fake-kuaidi100.js';
import { orderBody } from '../helpers/orders.js';
import { act } from '../helpers/returns.js';
import { closeConsoleTest, consolePage, openConsoleTest, POLL, recentOrder, shot, signIn } from './console-helpers.js';

/** Issue 17: a Kuaidi100 connection in Settings → Connections, and a case's carrier card with the scans the carrier pushed, in both languages. */
let t: TestApp;
let shop: TestShop;
let browser: Browser;
let api: ReturnType<typeof client>;
let kd: FakeKuaidi100;

beforeAll(async () => {
  ({ t, shop, browser, api } = await openConsoleTest('carriers'));
  kd = await new FakeKuaidi100().start();
  kd.deliverTo = t.baseUrl;
}, 120_000);
afterAll(async () => {
  await closeConsoleTest({ t, browser });
  await kd?.stop();
});

describe('console: carriers', () => {
  it('shows the carrier connection and a case’s pickup, scans and delivery', async () => {
    await api('POST', '/api/v1/return-addresses', { key: shop.keys.owner, body: { name: '退货组', phone: '0571-88880000', addressZh: '浙江省杭州市余杭区文一西路969号' } });
    const connection = await api('POST', '/api/v1/connections', {
      key: shop.keys.owner,
      body: { kind: 'kuaidi100', name: '快递100', credentials: { key: kd.key, customer: kd.customer, secret: kd.secret, salt: kd.salt }, settings: { baseUrl: kd.baseUrl, defaultCarrier: 'shunfeng' } },
    });
    expect(connection.status).toBe(201);
    const order = await api('POST', '/api/v1/orders', { key: shop.keys.owner, body: orderBody(recentOrder(t.clock.now())) });
    const created = await api('POST', '/api/v1/returns', { key: shop.keys.owner, body: { orderId: order.body.id, type: 'return_refund', items: [{ lineId: order.body.lines[0].id, quantity: 1, reasonCode: 'no_reason' }] } });
    expect((await act(api, shop.keys.owner, created.body.id, 'approve')).status).toBe(200);
    const start = new Date(Date.now() + 86_400_000);
    const booked = await api('POST', `/api/v1/returns/${created.body.id}/carrier/booking`, {
      key: shop.keys.owner,
      body: { method: 'pickup', windowStart: start.toISOString(), windowEnd: new Date(start.getTime() + 7_200_000).toISOString() },
    });
    expect(booked.status).toBe(201);
    await kd.scan(booked.body.trackingNumber, '1', '顺丰速运 已收取快件', '2026-12-01 10:00:00');
    await kd.scan(booked.body.trackingNumber, '3', '已签收，签收人：仓库', '2026-12-02 09:30:00');

    const { page, errors, close } = await consolePage(browser, 'zh-CN');
    await signIn(page, t.baseUrl, shop.ownerEmail);
    await page.goto(`${t.baseUrl}/console/cases/${created.body.id}`);
    const card = page.getByTestId('carrier-card');
    await card.waitFor();
    await expect.poll(() => card.innerText(), POLL).toContain(booked.body.trackingNumber);
    const zh = await card.innerText();
    expect(zh).toContain('已揽收');
    expect(zh).toContain('已签收：待入库');
    expect(zh).toContain('售后单转为退货在途');
    await expect.poll(() => page.getByTestId('timeline').innerText(), POLL).toContain('快递已签收');
    await shot(page, 'case-carrier-zh-CN');

    await page.goto(`${t.baseUrl}/console/settings/connections`);
    const tab = page.getByTestId('connections-tab');
    await expect.poll(() => tab.innerText(), POLL).toContain('快递100');
    expect(await tab.locator('input[readonly]').first().inputValue()).toBe(`${t.baseUrl}/hooks/kuaidi100/${connection.body.id}`);
    expect(errors).toEqual([]);
    await close();

    const en = await consolePage(browser, 'en-US');
    await signIn(en.page, t.baseUrl, shop.ownerEmail);
    await en.page.goto(`${t.baseUrl}/console/cases/${created.body.id}`);
    const enCard = en.page.getByTestId('carrier-card');
    await expect.poll(() => enCard.innerText(), POLL).toContain('Delivered: ready to receive');
    expect(await enCard.innerText()).toContain('Picked up');
    await shot(en.page, 'case-carrier-en');
    expect(en.errors).toEqual([]);
    await en.close();
  });

  it('books a pickup and asks for an interception by clicking in the case page; the carrier’s reports show on the case', async () => {
    const order = await api('POST', '/api/v1/orders', { key: shop.keys.owner, body: orderBody(recentOrder(t.clock.now())) });
    const created = await api('POST', '/api/v1/returns', { key: shop.keys.owner, body: { orderId: order.body.id, type: 'return_refund', items: [{ lineId: order.body.lines[0].id, quantity: 1, reasonCode: 'no_reason' }] } });
    expect((await act(api, shop.keys.owner, created.body.id, 'approve')).status).toBe(200);

    const { page, errors, close } = await consolePage(browser, 'en-US');
    await signIn(page, t.baseUrl, shop.ownerEmail);
    await page.goto(`${t.baseUrl}/console/cases/${created.body.id}`);
    const card = page.getByTestId('carrier-card');
    await expect.poll(() => card.innerText(), POLL).toContain('No parcel yet');
    await page.getByTestId('carrier-book-pickup').click();
    const modal = page.locator('.ant-modal').filter({ hasText: 'Pickup window' });
    await modal.waitFor(POLL);
    const day = new Date(Date.now() + 86_400_000);
    const at = (h: number) => `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')} ${String(h).padStart(2, '0')}:00`;
    const inputs = modal.locator('.ant-picker input');
    await inputs.nth(0).click();
    await inputs.nth(0).fill(at(10));
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill(at(12));
    await inputs.nth(1).press('Enter');
    await modal.getByRole('button', { name: 'Book' }).click();
    await expect.poll(() => card.getByTestId('carrier-parcel').count(), POLL).toBe(1);
    const sent = kd.pickups.at(-1)!;
    expect(sent).toMatchObject({ kuaidicom: 'shunfeng', sendManName: '王小明', pickupStartTime: expect.stringMatching(/^\d\d:00$/) });
    const booked = (await api('GET', `/api/v1/returns/${created.body.id}/carrier`, { key: shop.keys.viewer })).body.parcels[0];
    expect(new Date(booked.pickup.windowEnd).getTime() - new Date(booked.pickup.windowStart).getTime()).toBe(2 * 3_600_000);
    await expect.poll(() => card.innerText(), POLL).toContain(booked.trackingNumber);
    await expect.poll(() => page.getByTestId('timeline').innerText(), POLL).toContain('Carrier booked');

    // Kuaidi100's pickup order: a courier assigned, then the parcel collected.
    expect((await kd.pickupEvent(booked.trackingNumber, '2', { courierName: '李师傅', courierMobile: '13900001111' })).status).toBe(200);
    expect((await kd.pickupEvent(booked.trackingNumber, '10')).status).toBe(200);
    await page.reload();
    await expect.poll(() => card.getByTestId('pickup-status').innerText(), POLL).toBe('Picked up');
    expect(await card.getByTestId('pickup-courier').innerText()).toContain('李师傅 13900001111');
    const timeline = await page.getByTestId('timeline').innerText();
    expect(timeline).toContain('Courier assigned for the pickup');
    expect(timeline).toContain('Courier picked up the parcel');
    expect((await api('GET', `/api/v1/returns/${created.body.id}`, { key: shop.keys.viewer })).body.status).toBe('in_transit');
    await shot(page, 'case-carrier-pickup-en');

    // A refund-only case of a parcel still on its way: "Ask carrier to intercept".
    const shipped = await api('POST', '/api/v1/orders', {
      key: shop.keys.owner,
      body: orderBody({ ...recentOrder(t.clock.now()), shipments: [{ carrier: '顺丰速运', trackingNumber: 'SF1000000000789', shippedAt: new Date(Date.now() - 86_400_000).toISOString() }] }),
    });
    expect(shipped.status).toBe(201);
    const refundOnly = await api('POST', '/api/v1/returns', { key: shop.keys.owner, body: { orderId: shipped.body.id, type: 'refund_only', items: [{ lineId: shipped.body.lines[0].id, quantity: 1, reasonCode: 'no_longer_needed' }] } });
    expect(refundOnly.status, JSON.stringify(refundOnly.body)).toBe(201);
    expect(refundOnly.body.refundOnlyKind).toBe('in_transit');
    expect((await act(api, shop.keys.owner, refundOnly.body.id, 'approve')).status).toBe(200);
    await page.goto(`${t.baseUrl}/console/cases/${refundOnly.body.id}`);
    await card.waitFor(POLL);
    await page.getByTestId('carrier-intercept').click();
    await expect.poll(() => kd.interceptions.length, POLL).toBeGreaterThan(0);
    expect(kd.interceptions.at(-1)).toMatchObject({ kuaidicom: 'shunfeng', kuaidinum: 'SF1000000000789', interceptType: 'RETURN' });
    await expect.poll(() => card.innerText(), POLL).toContain('Interception requested');
    await expect.poll(() => page.getByTestId('carrier-intercept').count(), POLL).toBe(0);
    // The carrier stops it: the case refunds by policy, and the card says so.
    await kd.scan('SF1000000000789', '413', '快件已拦截，退回寄件人', '2026-12-02 12:00:00');
    await page.reload();
    await expect.poll(() => card.innerText(), POLL).toContain('Intercepted');
    expect(await card.innerText()).toContain('refund per policy');
    expect(['refund_pending', 'completed']).toContain((await api('GET', `/api/v1/returns/${refundOnly.body.id}`, { key: shop.keys.viewer })).body.status);
    await shot(page, 'case-carrier-interception-en');
    expect(errors).toEqual([]);
    await close();
  });
});
