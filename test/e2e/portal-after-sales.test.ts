import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { dispatchOutbox } from '../../src/worker/jobs/outbox.js';
import { sendDueMail } from '../../src/worker/jobs/mail.js';
import { queueShipReminders } from '../../src/worker/jobs/ship-reminders.js';
import type { client, TestApp, TestShop } from '../helpers/app.js';
import { portalOrder, type PortalOrder } from '../helpers/portal.js';
import { act, placeOrder } from '../helpers/returns.js';
import { closePortalTest, openAs as openPortalAs, openPortal, openPortalTest, portalSession, shot, type Lang, type PortalTest } from './portal-helpers.js';

/** What a buyer meets after asking: the shop's offer, refusals worded as the form, the way back. Issue 13 points 4, 10, 15. */
let env: PortalTest;
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;

beforeAll(async () => {
  env = await openPortalTest('houhou');
  ({ t, api, shop } = env);
});
afterAll(() => closePortalTest(env));

const session = (order: Pick<PortalOrder, 'number' | 'email'>) => portalSession(env, order);
const openAs = (order: Pick<PortalOrder, 'number' | 'email'>, path: string, lang: Lang, width: number) => openPortalAs(env, order, path, lang, width);

/** A return of one tee asked for through the portal API, as the buyer does. */
async function portalCase(order: PortalOrder, body: Record<string, unknown> = {}) {
  const { token } = await session(order);
  const res = await api('POST', '/portal/v1/returns', {
    headers: { authorization: `Bearer ${token}` },
    body: { items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'wrong_size' }], resolution: 'refund', returnMethod: 'drop_off', ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; rmaNumber: string };
}

const detail = async (id: string) => (await api('GET', `/api/v1/returns/${id}`, { key: shop.keys.viewer })).body;

describe('the buyer answers the shop in the portal (Chromium)', () => {
  it.each([
    ['zh-CN', 360, 'accept'],
    ['en', 1440, 'decline'],
  ] as const)('a partial-refund offer shows its amount, is not shown as agreed, and is answered by the buyer (%s, %i px, %s)', async (lang, width, answer) => {
    const order = await portalOrder(t, api, shop);
    const c = await portalCase(order);
    const offered = await act(api, shop.keys.manager, c.id, 'offer_partial', { amountMinor: 3000, message: lang === 'en' ? 'Keep it, with 30 back?' : '保留商品，退您30元可以吗？' });
    expect(offered.status, JSON.stringify(offered.body)).toBe(200);

    const { page, errors, close } = await openAs(order, `/returns/${c.id}`, lang, width);
    const amount = page.getByTestId('offer-amount');
    await amount.waitFor();
    expect((await amount.textContent())!.replace(/[^\d.]/g, '')).toBe('30.00');
    // The summary says nothing is agreed yet; the offered 30.00 is not presented as the refund.
    expect(await page.getByTestId('summary-offer').textContent()).toBe(lang === 'en' ? "Refund: not agreed yet. Answer the shop's offer above." : '退款金额尚未达成一致，请先答复上方商家的方案。');
    expect(await page.locator('section[aria-labelledby=summary-h]').textContent()).not.toContain('30.00');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(page, `offer-${width}-1-open`);

    if (answer === 'accept') {
      await page.getByRole('button', { name: '接受方案' }).click();
      await expect.poll(() => page.locator('.status-card .pill').textContent()).not.toBe('商家提出方案');
      expect(await page.getByTestId('offer-amount').count()).toBe(0);
    } else {
      await page.getByRole('button', { name: 'Decline', exact: true }).click();
      await page.getByLabel('Why not? (optional, sent to the shop)').fill('I would rather send it back.');
      await page.getByRole('button', { name: 'Decline the offer' }).click();
      await expect.poll(() => page.locator('.status-card .pill').textContent()).toBe('Waiting for the shop');
    }
    await shot(page, `offer-${width}-2-answered`);

    const after = await detail(c.id);
    const event = after.timeline.find((e: { action: string | null }) => e.action === `${answer}_offer`);
    expect(event, JSON.stringify(after.timeline)).toBeTruthy();
    expect(event.actor.kind ?? event.actor).toBe('buyer');
    if (answer === 'accept') {
      expect(['refund_pending', 'completed']).toContain(after.status);
      expect(after.refunds.reduce((s: number, r: { amountMinor: number }) => s + r.amountMinor, 0)).toBe(3000);
    } else {
      expect(after.status).toBe('requested');
      expect(after.messages.map((m: { body: string }) => m.body)).toContain('I would rather send it back.');
    }
    expect(errors).toEqual([]);
    await close();
  });
});

describe('the portal offers only what applies (Chromium)', () => {
  it.each([
    ['zh-CN', 360],
    ['en', 1440],
  ] as const)('an order not shipped yet asks for no return method and becomes a refund only (%s, %i px)', async (lang, width) => {
    const number = `UNSHIPPED-${width}`;
    const email = `unshipped.${width}@example.com`;
    await placeOrder(api, shop.keys.manager, { shipped: false, overrides: { number, customer: { externalId: `unshipped-${width}`, name: 'Lin Jing 林静', email } } });
    const { page, errors, close } = await openAs({ number, email }, '/order', lang, width);
    await page.getByRole('checkbox').first().check();
    await page.getByLabel(lang === 'en' ? 'Reason' : '原因', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('radio', { name: lang === 'en' ? /Refund to original payment/ : /原路退款/ }).check();
    // Nothing to send back before shipment: no pickup, no drop-off, and the form says why.
    await page.getByTestId('no-return-needed').waitFor();
    expect(await page.getByRole('radio', { name: lang === 'en' ? /Courier pickup/ : /快递上门取件/ }).count()).toBe(0);
    expect(await page.getByRole('radio', { name: lang === 'en' ? /Drop-off/ : /驿站/ }).count()).toBe(0);
    expect(await page.getByTestId('no-return-needed').textContent()).toContain(lang === 'en' ? 'The order has not shipped yet' : '订单尚未发货');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(page, `unshipped-${width}-1-choose`);
    await page.getByRole('button', { name: lang === 'en' ? 'Review refund' : '查看退款明细' }).click();
    await page.getByTestId('refund-total').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await shot(page, `unshipped-${width}-2-review`);
    await page.getByRole('button', { name: lang === 'en' ? 'Submit request' : '提交申请' }).click();
    await page.locator('.status-card').waitFor({ timeout: 20_000 });
    const rma = (await page.locator('h1 .mono').textContent())!;
    const listed = await api('GET', `/api/v1/returns?q=${rma}`, { key: shop.keys.viewer });
    expect(listed.body.data[0]).toMatchObject({ type: 'refund_only', returnMethod: 'none' });
    expect(errors).toEqual([]);
    await close();
  });
});

describe('the status page (Chromium)', () => {
  it.each([
    ['en', 1440],
    ['zh-CN', 360],
  ] as const)('says only the deduction there is, and leads back after another order was looked up (%s, %i px)', async (lang, width) => {
    // No shipping insurance and a change of mind: the buyer pays return shipping; this policy deducts no label cost.
    const number = `NOINS-${width}`;
    const email = `noins.${width}@example.com`;
    await placeOrder(api, shop.keys.manager, { overrides: { number, shippingInsurance: false, customer: { externalId: `noins-${width}`, name: 'Lin Jing 林静', email } } });
    const { page, errors, close } = await openAs({ number, email }, '/order', lang, width);
    await page.getByRole('checkbox').first().check();
    await page.getByLabel(lang === 'en' ? 'Reason' : '原因', { exact: true }).selectOption('no_reason');
    await page.getByRole('radio', { name: lang === 'en' ? /Refund to original payment/ : /原路退款/ }).check();
    await page.getByRole('radio', { name: lang === 'en' ? /Drop-off/ : /驿站/ }).check();
    await page.getByRole('button', { name: lang === 'en' ? 'Review refund' : '查看退款明细' }).click();
    await page.getByTestId('refund-total').waitFor();
    const paidByYou = lang === 'en' ? 'Return shipping: paid by you.' : '退货运费： 由您承担。';
    const review = await page.locator('main').innerText();
    expect(review.replace(/\s+/g, ' ')).toContain(paidByYou.replace(/\s+/g, ' '));
    expect(review).not.toMatch(/deducted|扣除/);
    await page.getByRole('button', { name: lang === 'en' ? 'Submit request' : '提交申请' }).click();
    await page.locator('.status-card').waitFor({ timeout: 20_000 });
    const summary = await page.locator('section[aria-labelledby=summary-h]').innerText();
    expect(summary.replace(/\s+/g, ' ')).toContain(paidByYou.replace(/\s+/g, ' '));
    expect(summary).not.toMatch(/deducted|扣除/);
    const caseUrl = page.url();
    await shot(page, `status-no-deduction-${width}`);

    // Then the buyer looks up another order in this tab and comes back to the first return: a way back, not a dead end.
    const other = await portalOrder(t, api, shop);
    await page.goto(`${t.baseUrl}/portal/${shop.slug}`);
    await page.getByLabel(lang === 'en' ? 'Order number' : '订单号', { exact: true }).fill(other.number);
    await page.locator('#contact').fill(other.email);
    await page.locator('#contact').press('Enter');
    await page.getByRole('heading', { name: lang === 'en' ? 'What would you like to return?' : '选择要退换的商品' }).waitFor();
    await page.goto(caseUrl);
    await page.getByTestId('return-load-error').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe(lang === 'en' ? 'This return does not belong to your order.' : '找不到该退货申请。');
    await shot(page, `status-other-order-${width}`);
    await page.getByRole('link', { name: lang === 'en' ? `Back to order ${other.number}` : `返回订单 ${other.number}` }).click();
    await page.getByRole('heading', { name: lang === 'en' ? 'What would you like to return?' : '选择要退换的商品' }).waitFor();
    await page.goBack();
    await page.getByRole('link', { name: lang === 'en' ? 'Look up another order' : '查询其他订单' }).click();
    await page.locator('#contact').waitFor();
    expect(errors).toEqual([]);
    await close();
  });
});

describe('the buyer is told, and the mail leads to the case (Chromium)', () => {
  const MAIL = {
    'zh-CN': { rejectedSubject: '未通过', reason: '原因：商品已使用或人为损坏，影响二次销售', note: '吊牌已剪，无法二次销售', remindSubject: '请尽快寄回售后商品', shipBy: '请在', rejectedPill: '商家已拒绝', contact: '下单邮箱' },
    en: { rejectedSubject: 'not approved', reason: 'Reason: The item is used or damaged and cannot be resold', note: 'The tag was cut off.', remindSubject: 'please send return', shipBy: 'Please send them by', rejectedPill: 'Declined', contact: 'E-mail used for the order' },
  } as const;

  /** The buyer's mails about a case, once the worker has sent what is due. */
  async function mailsOf(caseId: string) {
    while ((await dispatchOutbox(t.ctx)) > 0);
    await sendDueMail(t.ctx);
    return (await api('GET', `/api/v1/dev-mailbox?caseId=${caseId}`, { key: shop.keys.owner })).body.data as { template: string; subject: string; text: string; html: string }[];
  }

  /** The mail's link, followed in a fresh browser: the order number is filled in, the buyer gives the e-mail and lands on the case. */
  async function follow(text: string, caseId: string, order: { number: string; email: string }, lang: Lang, width: number, name: string) {
    const link = /https?:\/\/\S+\/portal\/\S+/.exec(text)?.[0];
    expect(link, text).toBeTruthy();
    const url = new URL(link!);
    expect(url.pathname).toBe(`/portal/${shop.slug}/returns/${caseId}`);
    expect(url.searchParams.get('order')).toBe(order.number);
    const { page, errors, close } = await openPortal(env, lang, width);
    await page.goto(`${t.baseUrl}${url.pathname}${url.search}`);
    await page.locator('#order-number').waitFor({ timeout: 60_000 });
    expect(await page.locator('#order-number').inputValue()).toBe(order.number);
    await page.getByLabel(MAIL[lang].contact).fill(order.email);
    await page.locator('#contact').press('Enter');
    await page.locator('.status-card').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe(`/portal/${shop.slug}/returns/${caseId}`);
    await shot(page, name);
    return { page, errors, close };
  }

  it.each([
    ['zh-CN', 360],
    ['en', 1440],
  ] as const)('a rejection with its reason, and the ship-back reminder before the deadline, are mailed in the order’s language with a link to the case (%s, %i px)', async (lang, width) => {
    const x = MAIL[lang];
    const email = `told.${width}@example.com`;
    const rejected = await placeOrder(api, shop.keys.manager, { overrides: { number: `TOLD-R-${width}`, locale: lang, customer: { externalId: `told-r-${width}`, name: 'Lin Jing', email } } });
    const reminded = await placeOrder(api, shop.keys.manager, { overrides: { number: `TOLD-S-${width}`, locale: lang, customer: { externalId: `told-s-${width}`, name: 'Lin Jing', email } } });
    const open = async (order: { id: string; lines: { id: string }[] }) => {
      const res = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_reason' }] } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };

    // Rejected with a coded reason and the seller's note: the reason reads in the buyer's language, the note as written.
    const r = await open(rejected);
    expect((await act(api, shop.keys.agent, r, 'reject', { reasonCode: 'used_or_damaged', reason: x.note })).status).toBeLessThan(300);
    const rejection = (await mailsOf(r)).find((m) => m.template === 'rejected');
    expect(rejection, 'rejection mail').toBeTruthy();
    expect(rejection!.subject).toContain(x.rejectedSubject);
    expect(rejection!.text).toContain(x.reason);
    expect(rejection!.text).toContain(x.note);
    const rejectedTab = await follow(rejection!.text, r, { number: `TOLD-R-${width}`, email }, lang, width, `mail-rejected-${lang}-${width}`);
    await expect.poll(() => rejectedTab.page.locator('.status-card .pill').textContent()).toBe(x.rejectedPill);
    expect(rejectedTab.errors).toEqual([]);
    await rejectedTab.close();

    // Approved: a day before the ship-back deadline the buyer is reminded, by mail, with the date.
    const s = await open(reminded);
    expect((await act(api, shop.keys.agent, s, 'approve')).status).toBe(200);
    const [deadline] = await queryRows<{ dueAt: string | Date }>(t.ctx.db, sql`select due_at as "dueAt" from deadlines where case_id = ${s} and kind = 'buyer_ship' and status = 'pending'`);
    const before = t.clock.now();
    try {
      t.clock.set(new Date(new Date(deadline!.dueAt).getTime() - 12 * 3600_000));
      expect(await queueShipReminders(t.ctx)).toBeGreaterThanOrEqual(1);
      const reminder = (await mailsOf(s)).find((m) => m.template === 'ship_reminder');
      expect(reminder, 'reminder mail').toBeTruthy();
      expect(reminder!.subject).toContain(x.remindSubject);
      expect(reminder!.text).toContain(x.shipBy);
      const remindedTab = await follow(reminder!.text, s, { number: `TOLD-S-${width}`, email }, lang, width, `mail-ship-reminder-${lang}-${width}`);
      await remindedTab.page.locator('#tracking').waitFor();
      expect(remindedTab.errors).toEqual([]);
      await remindedTab.close();
    } finally {
      t.clock.set(before);
    }
  }, 180_000);
});
