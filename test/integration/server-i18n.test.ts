import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyDueDeadlines } from '../../src/worker/jobs/deadlines.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { portalToken } from '../helpers/portal.js';
import { act, placeOrder } from '../helpers/returns.js';

// Issue 13 point 14: what the server says to a person comes in their language — the merchant's
// Accept-Language (the console sends its UI language), the buyer's order locale on the portal.
let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;
const HOUR = 3600_000;
const ZH = { 'accept-language': 'zh-CN,zh;q=0.9' };
const EN = { 'accept-language': 'en-US,en;q=0.9' };

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'i18n-shop');
  api = client(t.baseUrl);
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-11-01T08:00:00Z'));

async function openReturn(overrides: Record<string, unknown> = {}) {
  const order = await placeOrder(api, shop.keys.manager, { overrides });
  const res = await api('POST', '/api/v1/returns', {
    key: shop.keys.agent,
    body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] },
  });
  expect(res.status).toBe(201);
  return { order, c: res.body as { id: string; rmaNumber: string } };
}

describe('merchant API errors in the caller’s language', () => {
  it('answers a 4xx in Chinese for zh-CN, in English for en and without the header; the code never changes', async () => {
    const missing = '/api/v1/returns/01900000-0000-7000-8000-000000000000';
    const zh = await api('GET', missing, { key: shop.keys.agent, headers: ZH });
    const en = await api('GET', missing, { key: shop.keys.agent, headers: EN });
    const none = await api('GET', missing, { key: shop.keys.agent });
    expect([zh.status, en.status, none.status]).toEqual([404, 404, 404]);
    expect(zh.body.error).toEqual({ code: 'case.not_found', message: '没有找到该售后单', details: {} });
    expect(en.body.error).toEqual({ code: 'case.not_found', message: 'No such case', details: {} });
    expect(none.body.error.message).toBe('No such case');
  });

  it('fills the Chinese message from the error’s details: a refused move names the state and the action in Chinese', async () => {
    const { c } = await openReturn();
    const zh = await act(api, shop.keys.warehouse, c.id, 'receive', {}, ZH);
    expect(zh.status).toBe(409);
    expect(zh.body.error.code).toBe('case.invalid_transition');
    expect(zh.body.error.message).toBe('退货退款售后单当前为“待审核”，不能执行“确认收货”');
    const en = await act(api, shop.keys.warehouse, c.id, 'receive', {}, EN);
    expect(en.body.error).toMatchObject({ code: 'case.invalid_transition', message: 'A return_refund case that is requested cannot be receive' });
  });

  it('answers validation errors, unknown routes and weighted headers in Chinese too', async () => {
    const bad = await api('POST', '/api/v1/returns', { key: shop.keys.agent, headers: { 'accept-language': 'fr;q=1, zh;q=0.8, en;q=0.5' }, body: { orderId: 'not-a-uuid' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('request.invalid');
    expect(bad.body.error.message).toMatch(/^请求内容有误：body/);
    const route = await api('GET', '/api/v1/no-such-thing', { key: shop.keys.agent, headers: ZH });
    expect(route.body.error).toMatchObject({ code: 'route.not_found', message: '没有这个接口' });
    const unauthenticated = await api('GET', '/api/v1/returns', { headers: ZH });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.body.error.message).toBe('请先登录或提供 API 密钥');
  });
});

describe('portal errors in the order’s language', () => {
  it('a Chinese order hears Chinese even from an English browser; an English order hears English even from a Chinese one', async () => {
    const zhOrder = await placeOrder(api, shop.keys.manager, { overrides: { locale: 'zh-CN', number: 'I18N-ZH-1', customer: { externalId: 'i18n-zh', name: '林静', email: 'lin@example.cn' } } });
    const enOrder = await placeOrder(api, shop.keys.manager, { overrides: { locale: 'en', number: 'I18N-EN-1', customer: { externalId: 'i18n-en', name: 'Ann Lee', email: 'ann@example.com' } } });
    expect(zhOrder.id && enOrder.id).toBeTruthy();
    const zhToken = await portalToken(api, shop.slug, { number: 'I18N-ZH-1', email: 'lin@example.cn' });
    const enToken = await portalToken(api, shop.slug, { number: 'I18N-EN-1', email: 'ann@example.com' });
    const missing = '/portal/v1/returns/01900000-0000-7000-8000-000000000000';
    const zh = await api('GET', missing, { headers: { ...EN, authorization: `Bearer ${zhToken}` } });
    expect(zh.status).toBe(404);
    expect(zh.body.error).toEqual({ code: 'portal.return_not_found', message: '该订单没有这条售后记录', details: {} });
    const en = await api('GET', missing, { headers: { ...ZH, authorization: `Bearer ${enToken}` } });
    expect(en.body.error).toEqual({ code: 'portal.return_not_found', message: 'No such return for this order', details: {} });
  });

  it('before an order is known (the lookup), Accept-Language decides', async () => {
    const body = { shopSlug: shop.slug, orderNumber: 'NO-SUCH-ORDER', email: 'nobody@example.cn' };
    const zh = await api('POST', '/portal/v1/sessions', { body, headers: ZH });
    expect(zh.status).toBe(404);
    expect(zh.body.error).toMatchObject({ code: 'portal.not_found', message: '没有找到符合这些信息的订单。请核对订单号以及下单时使用的邮箱或手机号。' });
    const en = await api('POST', '/portal/v1/sessions', { body: { ...body, orderNumber: 'NO-SUCH-ORDER-2' }, headers: EN });
    expect(en.body.error.message).toMatch(/^We could not find an order/);
  });
});

describe('deadline explanations in the reader’s language', () => {
  it('the system’s approval when the seller did not answer reads in Chinese, in English, and to the buyer in the order’s language', async () => {
    const { c } = await openReturn({ number: 'I18N-DL-1', customer: { externalId: 'i18n-dl', name: '王小明', email: 'dl@example.cn' } });
    t.clock.advance(7 * 24 * HOUR);
    expect(await applyDueDeadlines(t.ctx)).toBeGreaterThanOrEqual(1);
    const zh = await api('GET', `/api/v1/returns/${c.id}`, { key: shop.keys.agent, headers: ZH });
    const approval = zh.body.timeline.find((e: { type: string }) => e.type === 'case.approve');
    expect(approval).toMatchObject({ actor: { kind: 'system' }, rule: 'deadline.merchant_response', explanation: '商家未在期限内处理，系统已自动同意' });
    // The stored payload keeps its English note (webhooks, older readers) beside the key.
    expect(approval.payload).toMatchObject({ note: 'The seller did not answer in time', explanation: { key: 'deadline.approve' } });
    const en = await api('GET', `/api/v1/returns/${c.id}`, { key: shop.keys.agent, headers: EN });
    expect(en.body.timeline.find((e: { type: string }) => e.type === 'case.approve').explanation).toBe('The seller did not answer in time');
    // Without a header: the shop's language (zh-CN).
    const none = await api('GET', `/api/v1/returns/${c.id}`, { key: shop.keys.agent });
    expect(none.body.timeline.find((e: { type: string }) => e.type === 'case.approve').explanation).toBe('商家未在期限内处理，系统已自动同意');
    // The buyer (a zh-CN order) sees it in Chinese whatever their browser says.
    const token = await portalToken(api, shop.slug, { number: 'I18N-DL-1', email: 'dl@example.cn' });
    const portal = await api('GET', `/portal/v1/returns/${c.id}`, { headers: { ...EN, authorization: `Bearer ${token}` } });
    expect(portal.status).toBe(200);
    expect(portal.body.timeline.find((e: { type: string }) => e.type === 'case.approve').explanation).toBe('商家未在期限内处理，系统已自动同意');
  });

  it('old rows (stored English text, no key) still read in the reader’s language; a person’s own note stays as written', async () => {
    const { c } = await openReturn();
    t.clock.advance(7 * 24 * HOUR);
    await applyDueDeadlines(t.ctx);
    // A row written before explanations had keys: only the English note.
    await t.ctx.db.execute(sql`update case_events set payload = payload - 'explanation' where case_id = ${c.id} and type = 'case.approve'`);
    const zh = await api('GET', `/api/v1/returns/${c.id}`, { key: shop.keys.agent, headers: ZH });
    const approval = zh.body.timeline.find((e: { type: string }) => e.type === 'case.approve');
    expect(approval.payload.explanation).toBeUndefined();
    expect(approval.explanation).toBe('商家未在期限内处理，系统已自动同意');
    t.clock.set('2026-11-01T08:00:00Z'); // back inside the return window
    const { c: byHand } = await openReturn();
    await act(api, shop.keys.agent, byHand.id, 'approve', { note: 'The seller did not answer in time' });
    const staff = await api('GET', `/api/v1/returns/${byHand.id}`, { key: shop.keys.agent, headers: ZH });
    expect(staff.body.timeline.find((e: { type: string }) => e.type === 'case.approve')).toMatchObject({ actor: { kind: 'staff' }, explanation: null, payload: { note: 'The seller did not answer in time' } });
  });
});

describe('category names by language', () => {
  it('analytics groups name well-known categories in Chinese or English and keep the stored value as the key', async () => {
    await openReturn();
    const path = '/api/v1/analytics/return-rate?from=2026-10-01&to=2026-11-30&groupBy=category';
    const zh = await api('GET', path, { key: shop.keys.manager, headers: ZH });
    expect(zh.status).toBe(200);
    expect(zh.body.groups).toContainEqual(expect.objectContaining({ key: 'apparel', category: 'apparel', categoryName: '服装' }));
    const en = await api('GET', path, { key: shop.keys.manager, headers: EN });
    expect(en.body.groups).toContainEqual(expect.objectContaining({ key: 'apparel', categoryName: 'Apparel' }));
  });
});
