/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { client, TestApp, TestShop } from '../helpers/app.js';
import { act, placeOrder } from '../helpers/returns.js';
import { consolePage, recentOrder, shot, signIn, POLL, openConsoleTest, closeConsoleTest } from './console-helpers.js';

let t: TestApp;
let shop: TestShop;
let browser: Browser;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  ({ t, shop, browser, api } = await openConsoleTest('rules'));
  // Past cases for the simulation: some delivered long ago (a shorter window would refuse them).
  for (const deliveredDaysAgo of [2, 6, 9]) {
    const now = t.clock.now().getTime();
    const day = 86_400_000;
    const order = await placeOrder(api, shop.keys.manager, {
      overrides: recentOrder(t.clock.now(), {
        placedAt: new Date(now - (deliveredDaysAgo + 3) * day).toISOString(),
        paidAt: new Date(now - (deliveredDaysAgo + 3) * day).toISOString(),
        shipments: [{ carrier: 'SF', trackingNumber: `SF${deliveredDaysAgo}0001`, shippedAt: new Date(now - (deliveredDaysAgo + 2) * day).toISOString(), deliveredAt: new Date(now - deliveredDaysAgo * day).toISOString() }],
      }),
    });
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'wrong_size' }], overridePolicy: deliveredDaysAgo > 7 },
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    if (deliveredDaysAgo === 2) await act(api, shop.keys.agent, created.body.id, 'approve');
  }
}, 120_000);
afterAll(() => closeConsoleTest({ t, browser }));

describe('console: policy editor', () => {
  it('refuses an invalid window, simulates the draft over the last 90 days and saves a new version', async () => {
    const { page, errors, close } = await consolePage(browser, 'en-US');
    await signIn(page, t.baseUrl, shop.ownerEmail);
    await page.getByRole('link', { name: 'Policy', exact: true }).click();
    await page.getByTestId('policy-page').waitFor();
    const noReason = page.getByTestId('field-noReasonDays');
    const sellerFault = page.getByTestId('field-sellerFaultDays');
    await expect.poll(() => noReason.inputValue(), POLL).toBe('7');

    // A seller-fault window shorter than the no-reason one: refused, said on the field.
    await sellerFault.fill('3');
    await page.getByTestId('policy-save').click();
    await page.getByTestId('policy-issues').waitFor();
    const windows = page.getByTestId('policy-windows');
    await expect.poll(() => windows.innerText(), POLL).toContain('The seller-fault window (3 days) is shorter than the no-reason window (7 days)');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.mouse.move(0, 0);
    await shot(page, 'policy-invalid-en');

    // A valid draft: a 5-day no-reason window, simulated over the last 90 days.
    await sellerFault.fill('15');
    await noReason.fill('5');
    await page.getByTestId('policy-simulate').click();
    const sim = page.getByTestId('simulation');
    await sim.waitFor();
    await expect.poll(() => page.getByTestId('policy-issues').count(), POLL).toBe(0);
    await expect.poll(() => sim.innerText(), POLL).toMatch(/3 cases of the last 90 days judged again: [12] would come out differently/);
    await page.mouse.move(0, 0);
    await shot(page, 'policy-simulation-en');

    // Saving shows the simulation again, then writes version 2.
    await page.getByTestId('policy-save').click();
    await page.getByRole('dialog').getByTestId('simulation').waitFor();
    await page.getByTestId('policy-note').fill('Shorter no-reason window');
    await page.getByTestId('policy-save-confirm').click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    const current = await api('GET', '/api/v1/policy', { key: shop.keys.viewer });
    expect(current.body.version).toBe(2);
    expect(current.body.document.windows).toMatchObject({ noReasonDays: 5, sellerFaultDays: 15 });

    // Versions and their differences.
    await page.getByRole('tab', { name: /Versions/ }).click();
    await page.getByTestId('policy-versions').waitFor();
    await expect.poll(() => page.getByTestId('policy-diff').innerText(), POLL).toContain('noReasonDays');
    await shot(page, 'policy-versions-en');
    expect(errors).toEqual([]);
    await close();
  }, 180_000);
});
