import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { FakeJd } from '../helpers/fake-jd.js';
import { act } from '../helpers/returns.js';

/**
 * Issue 17 (JD): a JD connection against a local routerjson answering JD-shaped payloads (JOS
 * `_responce` envelopes, refund applications and service orders of marketplace-rules.md §6.3):
 * pulled through a call limit and a 5xx, both objects into cases, re-pulled without a second case;
 * a pre-shipment refund agreed in Retour becomes JD's replyRefund; a service order's return agreed
 * with the address, received and refunded on JD; a refusal closes it; an expired token is shown.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;
let jd: FakeJd;
let connectionId: string;

const BEIJING = { name: '京东售后仓 李仓管', phone: '010-6000 0000', addressZh: '北京市大兴区亦庄经济开发区科创十一街18号', postalCode: '101111', isDefault: true };
const count = async (q: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.ctx.db, q))[0]!.n;
const cases = () => count(sql`select count(*)::int as n from return_cases where shop_id = ${shop.id}`);
const sync = () => api('POST', `/api/v1/connections/${connectionId}/sync`, { key: shop.keys.owner });
async function caseOf(externalId: string) {
  const [row] = await queryRows<{ case_id: string }>(t.ctx.db, sql`select case_id from marketplace_cases where shop_id = ${shop.id} and external_id = ${externalId}`);
  expect(row, `case of ${externalId}`).toBeTruthy();
  return (await api('GET', `/api/v1/returns/${row!.case_id}`, { key: shop.keys.agent })).body;
}
const link = async (caseId: string) => (await api('GET', `/api/v1/returns/${caseId}/marketplace`, { key: shop.keys.viewer })).body.link;
const platformEvents = (caseId: string) =>
  queryRows<{ from_status: string; to_status: string; payload: Record<string, unknown> }>(t.ctx.db, sql`select from_status, to_status, payload from case_events where case_id = ${caseId} and type = 'case.platform_status' order by created_at, id`);

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  jd = new FakeJd(() => t.clock.now());
  await jd.start();
  shop = await createTestShop(t.ctx, 'jd-store');
  expect((await api('POST', '/api/v1/return-addresses', { key: shop.keys.owner, body: BEIJING })).status).toBe(201);
  const created = await api('POST', '/api/v1/connections', {
    key: shop.keys.owner,
    body: { kind: 'jd', name: '京东自营旗舰店', credentials: { appKey: jd.appKey, appSecret: jd.appSecret, accessToken: jd.accessToken }, settings: { baseUrl: jd.url, buId: '10086', pageSize: 1, retryBaseMs: 1, backfillHours: 2 } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  connectionId = created.body.id;
  const routed = await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProviders: { jd: connectionId } } });
  expect(routed.status, JSON.stringify(routed.body)).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await jd?.close();
});

describe('JD connector', () => {
  it('pulls refund applications and service orders page by page through a call limit and a 5xx; the preset’s 24 h applies (JD gives no per-case deadline); a re-pull opens nothing', async () => {
    jd.seedRefunds([{}]);
    jd.seedServices([{}, {}]);
    jd.faults.push({ platform: 'rate_limited' }, { http: 502 });
    const first = await sync();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ itemsIn: 3, errors: 0, error: null, connection: { status: 'active' } });
    expect(await cases()).toBe(3);
    // Page 1: refunds by application time, by review time, service orders; page 2: only the service stream (2 at 1 a page) is still open; plus the 2 faults retried.
    expect(jd.calls.filter((c) => c.startsWith('jingdong.pop.afs') || c === 'jingdong.asc.query.list')).toHaveLength(6);

    const earbuds = await caseOf('refund:70000001');
    expect(earbuds).toMatchObject({ type: 'refund_only', refundOnlyKind: 'not_shipped', status: 'requested' });
    const l1 = await link(earbuds.id);
    expect(l1).toMatchObject({ platform: 'jd', connectionName: '京东自营旗舰店', platformStatus: 'refund:0', platformType: 'refund', confidence: 'H', platformDeadlineAt: null, deadlineRule: 'marketplace.jd.seller_response' });
    expect(Date.parse(l1.deadlineAt) - Date.parse(l1.platformModifiedAt)).toBe(24 * 3600_000);

    const kettle = await caseOf('service:910000001');
    expect(kettle).toMatchObject({ type: 'return_refund', status: 'requested' });
    expect(kettle.items[0]).toMatchObject({ reasonCode: 'quality_issue', quantity: 1 });
    expect(await link(kettle.id)).toMatchObject({ platformStatus: 'service:10001', platformType: 'service:10', confidence: 'M' });
    const messages = await queryRows<{ body: string }>(t.ctx.db, sql`select body from case_messages where case_id = ${kettle.id}`);
    expect(messages[0]!.body).toContain('https://img30.360buyimg.com/afs/kettle-2.jpg');

    const again = await sync();
    expect(again.body).toMatchObject({ itemsIn: 0, errors: 0, error: null });
    expect(await cases()).toBe(3);
  });

  it('refund before shipping: Retour’s approval is JD’s replyRefund (status 1); JD’s review and finance steps lag the completed case and do not reopen it', async () => {
    const c = await caseOf('refund:70000001');
    const approved = await act(api, shop.keys.agent, c.id, 'approve');
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe('completed');
    expect(jd.refunds.get('70000001')).toMatchObject({ status: 1, checkRemark: expect.stringContaining('同意退款') });
    t.clock.advance(60_000);
    expect((await sync()).body).toMatchObject({ itemsIn: 1, error: null });
    expect((await caseOf('refund:70000001')).status).toBe('completed');
    expect(await link(c.id)).toMatchObject({ platformStatus: 'refund:1' });
    t.clock.advance(3600_000);
    jd.moveRefund(jd.refunds.get('70000001')!, 3);
    t.clock.advance(60_000);
    expect((await sync()).body).toMatchObject({ itemsIn: 1, error: null });
    expect(await link(c.id)).toMatchObject({ platformStatus: 'refund:3' });
    expect((await caseOf('refund:70000001')).status).toBe('completed');
    expect(await platformEvents(c.id)).toEqual([]);
  });

  it('service order: approval pushes the return address (asc.audit.send); JD’s 待收货 moves the case; receipt and refund are registered on JD', async () => {
    const c = await caseOf('service:910000001');
    expect((await act(api, shop.keys.agent, c.id, 'approve')).body.status).toBe('approved');
    t.clock.advance(60_000);
    const pushed = await sync();
    expect(pushed.body).toMatchObject({ error: null, errors: 0 });
    expect(jd.services.get('910000001')).toMatchObject({ serviceStatus: 10005, returnAddress: { name: BEIJING.name, mobile: BEIJING.phone, address: BEIJING.addressZh, zipcode: '101111' } });
    // 10005 (待收货) maps to in_transit (M): JD's state wins, recorded as the platform's.
    const shipped = await caseOf('service:910000001');
    expect(shipped.status).toBe('in_transit');
    expect(await platformEvents(c.id)).toEqual([{ from_status: 'approved', to_status: 'in_transit', payload: expect.objectContaining({ platform: 'jd', code: 'service:10005', confidence: 'M' }) }]);

    expect((await act(api, shop.keys.warehouse, c.id, 'receive')).status).toBe(200);
    const inspected = await act(api, shop.keys.warehouse, c.id, 'inspect', { items: [{ itemId: shipped.items[0].id, acceptedQuantity: 1, grade: 'B', disposition: 'refurbish' }] });
    expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);
    const refunded = await act(api, shop.keys.manager, c.id, 'refund');
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(200);
    expect(refunded.body.status).toBe('completed');
    expect(jd.services.get('910000001')).toMatchObject({ serviceStatus: 10041, refundAmount: 15900 });
    t.clock.advance(60_000);
    expect((await sync()).body).toMatchObject({ error: null });
    expect((await caseOf('service:910000001')).status).toBe('completed');
  });

  it('a refusal is pushed with its reason; JD’s 审核关闭 closes the case, recorded as the platform’s', async () => {
    const c = await caseOf('service:910000002');
    const rejected = await act(api, shop.keys.agent, c.id, 'reject', { reasonCode: 'used_or_damaged', reason: '饭盒已使用，有明显划痕' });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    t.clock.advance(60_000);
    await sync();
    expect(jd.services.get('910000002')).toMatchObject({ serviceStatus: 10004, approveNotes: '饭盒已使用，有明显划痕' });
    expect((await caseOf('service:910000002')).status).toBe('closed');
    expect(await platformEvents(c.id)).toEqual([{ from_status: 'rejected', to_status: 'closed', payload: expect.objectContaining({ code: 'service:10004', confidence: 'M' }) }]);
  });

  it('an expired token is a clear error on the connection, not a crash', async () => {
    jd.tokenExpired = true;
    const failed = await sync();
    expect(failed.status).toBe(200);
    expect(failed.body.error).toMatch(/JD: the access token was refused \(19 access_token已过期/);
    expect(failed.body.connection).toMatchObject({ status: 'error', failures: 1 });
    jd.tokenExpired = false;
  });
});
