/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { client, TestApp, TestShop } from '../helpers/app.js';
import { placeOrder } from '../helpers/returns.js';
import { closeConsoleTest, consolePage, openConsoleTest, pickOption, POLL, recentOrder, shot, signIn, staffMember } from './console-helpers.js';

/**
 * Issue 19.4–19.7 in Chromium: the buyer page opened from a case and from a search (zh-CN and en),
 * notes added and edited, the buyer blocked and the entry in Settings → buyer lists, the review
 * threshold simulation, and staff asking for evidence from the case page.
 */
let t: TestApp;
let shop: TestShop;
let browser: Browser;
let api: ReturnType<typeof client>;
let caseId: string;
let customerId: string;

beforeAll(async () => {
  ({ t, shop, browser, api } = await openConsoleTest('buyers'));
  const order = await placeOrder(api, shop.keys.manager, { overrides: recentOrder(t.clock.now(), { number: 'BUY-7001', customer: { externalId: 'buyer-page', name: '陈十一', email: 'chen11@example.cn', phone: '+86 138 1234 5678' } }) });
  customerId = order.customer!.id;
  const created = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'wrong_size' }] } });
  expect(created.status).toBe(201);
  caseId = created.body.id;
}, 120_000);
afterAll(() => closeConsoleTest({ t, browser }));

describe('console: buyer records', () => {
  it('opens the buyer page from a case (zh-CN), adds and edits a note, and blocks the buyer', async () => {
    const owner = await staffMember(t.ctx, shop.id, 'buyers', 'owner', 'zh-CN');
    const { page, errors, close } = await consolePage(browser, 'zh-CN');
    await signIn(page, t.baseUrl, owner);
    await page.goto(`${t.baseUrl}/console/cases/${caseId}`);
    await page.getByTestId('buyer-page-link').click();
    const buyerPage = page.getByTestId('buyer-page');
    await buyerPage.waitFor(POLL);
    expect(page.url()).toContain(`/console/buyers/${customerId}`);
    await expect.poll(() => page.getByTestId('buyer-risk-history').innerText(), POLL).toContain('售后记录与风险变化');
    await expect.poll(() => page.getByTestId('buyer-orders').innerText(), POLL).toContain('BUY-7001');

    await page.getByTestId('note-input').fill('喜欢微信联系');
    await page.getByTestId('note-add').click();
    await expect.poll(() => page.getByTestId('buyer-notes').innerText(), POLL).toContain('喜欢微信联系');
    await page.getByTestId('note-edit').click();
    await page.getByTestId('note-edit-input').fill('只接受微信联系');
    await page.getByTestId('note-save').click();
    await expect.poll(() => page.getByTestId('note-body').first().innerText(), POLL).toBe('只接受微信联系');

    await page.getByTestId('list-reason').fill('多次恶意退货');
    await page.getByTestId('block-buyer').click();
    await expect.poll(() => page.getByTestId('buyer-lists').innerText(), POLL).toContain('黑名单');
    // The section's heading says 黑名单 before the entry is stored: wait for the entry itself.
    await expect.poll(async () => (await api('GET', '/api/v1/buyer-lists?list=block', { key: shop.keys.viewer })).body.data, POLL).toMatchObject([{ kind: 'customer', value: customerId, reason: '多次恶意退货' }]);
    await shot(page, 'buyer-page-zh-1440');
    await page.setViewportSize({ width: 360, height: 800 });
    await shot(page, 'buyer-page-zh-360');
    expect(errors).toEqual([]);
    await close();
  });

  it('finds the buyer by order number (en), shows the simulation, manages lists in settings and asks for evidence', async () => {
    const manager = await staffMember(t.ctx, shop.id, 'buyers', 'manager', 'en');
    const { page, errors, close } = await consolePage(browser, 'en-US');
    await signIn(page, t.baseUrl, manager);
    await page.goto(`${t.baseUrl}/console/buyers`);
    await page.getByTestId('buyers-page').waitFor(POLL);
    await page.getByTestId('buyer-search').locator('input').fill('BUY-7001');
    await page.getByTestId('buyer-search').locator('input').press('Enter');
    const results = page.getByTestId('buyer-results');
    await expect.poll(() => results.innerText(), POLL).toContain('陈十一');
    await expect.poll(() => page.getByTestId('risk-simulation').innerText(), POLL).toContain('Would go to review');
    await page.getByTestId('simulation-threshold').fill('0');
    await expect.poll(() => page.getByTestId('simulation-would-review').innerText(), POLL).toMatch(/1\s*\(100%\)/);
    await shot(page, 'buyers-search-en-1440');
    await results.getByRole('link', { name: '陈十一' }).click();
    await page.getByTestId('buyer-page').waitFor(POLL);
    await expect.poll(() => page.getByTestId('buyer-risk-history').innerText(), POLL).toContain('Cases and risk over time');
    await expect.poll(() => page.getByTestId('buyer-notes').innerText(), POLL).toContain('只接受微信联系');
    await expect.poll(() => page.getByTestId('buyer-lists').innerText(), POLL).toContain('Blocklist');

    await page.goto(`${t.baseUrl}/console/settings/buyer-lists`);
    const tab = page.getByTestId('buyer-lists-tab');
    await tab.waitFor(POLL);
    await page.getByTestId('list-value').fill('+86 139-8888-0000');
    await page.getByTestId('list-add').click();
    await expect.poll(() => tab.innerText(), POLL).toContain('+8613988880000');
    await shot(page, 'settings-buyer-lists-en-1440');

    await page.goto(`${t.baseUrl}/console/cases/${caseId}`);
    await page.getByTestId('action-request_evidence').click();
    const modal = page.getByTestId('action-modal');
    await pickOption(page, modal.getByTestId('evidence-kinds'), 'Unboxing video', 'Unboxing video');
    await modal.getByTestId('evidence-hours').fill('24');
    await page.getByTestId('action-confirm').click();
    await expect.poll(async () => (await api('GET', `/api/v1/returns/${caseId}`, { key: shop.keys.viewer })).body.status, POLL).toBe('awaiting_evidence');
    expect((await api('GET', `/api/v1/returns/${caseId}`, { key: shop.keys.viewer })).body.evidenceRequest).toMatchObject({ kinds: ['unboxing_video'], hours: 24 });
    await expect.poll(() => page.getByTestId('case-page').innerText(), POLL).toContain('Awaiting evidence');
    expect(errors).toEqual([]);
    await close();
  });
});
