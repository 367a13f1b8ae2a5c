/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { launchBrowser } from '../helpers/browser.js';
import { act, placeOrder } from '../helpers/returns.js';
import { clickOk, consolePage, recentOrder, shot, signIn, POLL } from './console-helpers.js';

let t: TestApp;
let shop: TestShop;
let browser: Browser;
let api: ReturnType<typeof client>;

/** A return request for the first line of a fresh delivered order. */
async function request(reasonCode = 'wrong_size', overrides: Record<string, unknown> = {}) {
  const order = await placeOrder(api, shop.keys.manager, { overrides: recentOrder(t.clock.now(), overrides) });
  const res = await api('POST', '/api/v1/returns', {
    key: shop.keys.agent,
    body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode }], note: 'The size runs small, please take it back.' },
  });
  if (res.status !== 201) throw new Error(`case not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; rmaNumber: string; breakdown: { refundMinor: number } };
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date());
  api = client(t.baseUrl);
  shop = await createTestShop(t.ctx, 'flow');
  browser = await launchBrowser();
  // Some other work in the shop, so Today and the queue show more than one case.
  const approved = await request('no_reason');
  await act(api, shop.keys.agent, approved.id, 'approve');
  const shipped = await request('no_longer_needed');
  await act(api, shop.keys.agent, shipped.id, 'approve');
  await act(api, shop.keys.agent, shipped.id, 'buyer_shipped', { carrier: 'SF', trackingNumber: 'SF1234567890123' });
  await request('no_reason');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('console: a case from request to refund', () => {
  it('a staff member signs in, finds the request in the queue and takes it to a confirmed refund', async () => {
    const kase = await request();
    const amount = `${(kase.breakdown.refundMinor / 100).toFixed(2)}`;
    const { page, errors, close } = await consolePage(browser, 'en-US');
    await signIn(page, t.baseUrl, shop.ownerEmail);

    // Today: open cases by state, the quality refund rate.
    await page.getByTestId('today-page').waitFor();
    await page.getByTestId('status-bars').waitFor();
    await expect.poll(() => page.getByTestId('kpi-open').innerText(), POLL).toContain('4');
    await page.getByTestId('quality-rate').waitFor();
    await shot(page, 'today-en');

    // Queue: search by RMA number, open the case.
    await page.getByRole('link', { name: 'Queue', exact: true }).click();
    await page.getByTestId('queue-table').waitFor();
    await expect.poll(() => page.locator('[data-testid=queue-table] tbody tr.ant-table-row').count(), POLL).toBe(4);
    await expect(page.getByTestId('countdown').first()).toBeTruthy();
    await shot(page, 'queue-en');
    await page.getByTestId('queue-search').locator('input').fill(kase.rmaNumber);
    await page.getByTestId('queue-search').locator('input').press('Enter');
    await expect.poll(() => page.locator('[data-testid=queue-table] tbody tr.ant-table-row').count(), POLL).toBe(1);
    await page.getByRole('link', { name: kase.rmaNumber }).click();
    await page.getByTestId('case-page').waitFor();
    await page.getByTestId('policy-explain').first().waitFor();
    await expect.poll(() => page.getByTestId('refund-amount').innerText(), POLL).toContain(amount);

    const take = async (action: string, fill?: () => Promise<void>, expectEffect?: string) => {
      await page.getByTestId(`action-${action}`).click();
      const modal = page.getByRole('dialog');
      await modal.waitFor();
      if (fill) await fill();
      if (expectEffect) await expect.poll(() => modal.getByTestId('action-effects').innerText(), POLL).toContain(expectEffect);
      return modal;
    };
    const confirm = async (nextStatus: string) => {
      await clickOk(page, page.getByTestId('action-confirm'), 'action-error');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await expect.poll(() => page.locator('.case-head .status-tag').first().innerText(), POLL).toBe(nextStatus);
    };

    // Approve: the confirmation says what happens to the money and the stock.
    await take('approve', undefined, amount);
    await shot(page, 'case-approve-confirmation-en');
    await confirm('Approved');

    // The buyer's parcel (entered by staff from the buyer's message), then the goods arrive and are checked.
    await take('buyer_shipped', () => page.getByTestId('action-tracking').fill('SF9876543210'));
    await confirm('In transit');
    await take('receive');
    await confirm('Received');
    await take('inspect', undefined, 'back on sale');
    await confirm('Inspected');

    // Refund: amount and method stated before paying.
    const modal = await take('refund', undefined, amount);
    expect(await modal.getByTestId('action-effects').innerText()).toMatch(/original payment method/i);
    await confirm('Refund pending');
    // The shop pays by hand (manual provider): confirm the payout with its reference.
    await page.getByTestId('confirm-refund').click();
    await page.getByTestId('refund-reference').fill('ALIPAY-2026-0001');
    await clickOk(page, page.getByTestId('confirm-refund-ok'));
    await expect.poll(() => page.locator('.case-head .status-tag').first().innerText(), POLL).toBe('Completed');
    await expect.poll(() => page.getByTestId('refund-ledger').innerText(), POLL).toContain('Paid');
    await expect.poll(() => page.getByTestId('timeline').innerText(), POLL).toContain('Refund');
    await page.mouse.move(0, 0);
    await shot(page, 'case-completed-en');

    const after = await api('GET', `/api/v1/returns/${kase.id}`, { key: shop.keys.viewer });
    expect(after.body.status).toBe('completed');
    expect(after.body.refundedMinor).toBe(kase.breakdown.refundMinor);
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it('shows the console in Chinese, with the queue filtered to overdue cases and CSV export', async () => {
    const { page, errors, close } = await consolePage(browser, 'zh-CN');
    await signIn(page, t.baseUrl, shop.ownerEmail);
    await page.goto(`${t.baseUrl}/console/queue`);
    await page.getByTestId('queue-table').waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang'), POLL).toBe('zh-CN');
    await expect.poll(() => page.getByTestId('queue-page').innerText(), POLL).toContain('售后单号');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const csv = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of csv) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.split('\n').length).toBeGreaterThanOrEqual(4);
    await shot(page, 'queue-zh-CN');
    expect(errors).toEqual([]);
    await close();
  }, 180_000);
});
