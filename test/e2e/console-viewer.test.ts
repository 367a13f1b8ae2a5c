/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { client, TestApp, TestShop } from '../helpers/app.js';
import { placeOrder } from '../helpers/returns.js';
import { callAsBrowser, consolePage, recentOrder, shot, signIn, staffMember, POLL, openConsoleTest, closeConsoleTest } from './console-helpers.js';

let t: TestApp;
let shop: TestShop;
let browser: Browser;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  ({ t, shop, browser, api } = await openConsoleTest('readonly'));
}, 120_000);
afterAll(() => closeConsoleTest({ t, browser }));

describe('console: a viewer', () => {
  it('sees no action buttons, and the API refuses the action when called anyway', async () => {
    const order = await placeOrder(api, shop.keys.manager, { overrides: recentOrder(t.clock.now()) });
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'wrong_size' }] },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const email = await staffMember(t.ctx, shop.id, shop.slug, 'viewer', 'zh-CN');
    const { page, errors, close } = await consolePage(browser, 'zh-CN');
    await signIn(page, t.baseUrl, email);
    const menu = await page.locator('.shell-menu').innerText();
    expect(menu).not.toContain('仓库收货');

    // The queue: no bulk approve or reject, no row selection.
    await page.goto(`${t.baseUrl}/console/queue`);
    await page.getByTestId('queue-table').waitFor();
    await expect.poll(() => page.locator('[data-testid=queue-table] tbody tr.ant-table-row').count(), POLL).toBe(1);
    expect(await page.getByTestId('bulk-bar').count()).toBe(0);
    expect(await page.locator('[data-testid=queue-table] .ant-checkbox').count()).toBe(0);

    // The case: everything to read, nothing to press.
    await page.goto(`${t.baseUrl}/console/cases/${id}`);
    await page.getByTestId('case-page').waitFor();
    await page.getByTestId('items-card').waitFor();
    await page.getByTestId('no-actions').waitFor();
    expect(await page.getByTestId('action-bar').count()).toBe(0);
    expect(await page.locator('[data-testid^=action-]').count()).toBe(0);
    expect(await page.locator('[data-testid^=composer-]').count()).toBe(0);
    await shot(page, 'case-viewer-zh-CN');

    // The policy: read only, no save.
    await page.goto(`${t.baseUrl}/console/policy`);
    await page.getByTestId('policy-page').waitFor();
    expect(await page.getByTestId('policy-save').count()).toBe(0);

    // Calling the API from the signed-in browser anyway: 403, and nothing changed.
    const approve = await callAsBrowser(page, 'POST', `/returns/${id}/actions/approve`, {});
    expect(approve.status).toBe(403);
    expect(approve.body.error.code).toBe('case.action_forbidden');
    const policy = await callAsBrowser(page, 'PUT', '/policy', { document: {} });
    expect(policy.status).toBe(403);
    const after = await api('GET', `/api/v1/returns/${id}`, { key: shop.keys.viewer });
    expect(after.body.status).toBe('requested');
    expect(errors).toEqual([]);
    await close();
  }, 180_000);
});
