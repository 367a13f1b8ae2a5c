import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { FakeTaobao } from '../helpers/fake-taobao.js';
import { act } from '../helpers/returns.js';

/**
 * Issue 17 (Taobao/Tmall): a TOP connection against a local router answering with refunds built
 * from the reference's field lists: pulled through a rate limit and a 5xx into cases, re-pulled
 * without a second case, Retour's decisions pushed back as Taobao's actions (agree refund, agree
 * return with the address, refuse, confirm receipt and refund), Taobao's state followed, its
 * per-case deadline and the preset's 24 h used, an expired session shown on the connection.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;
let taobao: FakeTaobao;
let connectionId: string;

const HANGZHOU = { name: '退货组 王仓管', phone: '0571-88880000', addressZh: '浙江省杭州市余杭区文一西路969号 3号仓', postalCode: '311121', isDefault: true };
const count = async (q: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.ctx.db, q))[0]!.n;
const cases = () => count(sql`select count(*)::int as n from return_cases where shop_id = ${shop.id}`);
const sync = () => api('POST', `/api/v1/connections/${connectionId}/sync`, { key: shop.keys.owner });
async function caseOf(refundId: string) {
  const [row] = await queryRows<{ case_id: string }>(t.ctx.db, sql`select case_id from marketplace_cases where shop_id = ${shop.id} and external_id = ${refundId}`);
  expect(row, `case of refund ${refundId}`).toBeTruthy();
  return (await api('GET', `/api/v1/returns/${row!.case_id}`, { key: shop.keys.agent })).body;
}
const link = async (caseId: string) => (await api('GET', `/api/v1/returns/${caseId}/marketplace`, { key: shop.keys.viewer })).body.link;
const platformEvents = (caseId: string) =>
  queryRows<{ from_status: string; to_status: string; payload: Record<string, unknown> }>(t.ctx.db, sql`select from_status, to_status, payload from case_events where case_id = ${caseId} and type = 'case.platform_status' order by created_at, id`);

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  taobao = new FakeTaobao(() => t.clock.now());
  await taobao.start();
  shop = await createTestShop(t.ctx, 'taobao-store');
  const address = await api('POST', '/api/v1/return-addresses', { key: shop.keys.owner, body: HANGZHOU });
  expect(address.status, JSON.stringify(address.body)).toBe(201);
  const created = await api('POST', '/api/v1/connections', {
    key: shop.keys.owner,
    body: { kind: 'taobao', name: '淘宝旗舰店', credentials: { appKey: taobao.appKey, appSecret: taobao.appSecret, sessionKey: taobao.sessionKey }, settings: { baseUrl: taobao.url, pageSize: 2, retryBaseMs: 1, backfillHours: 24 } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  connectionId = created.body.id;
  const routed = await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProviders: { taobao: connectionId } } });
  expect(routed.status, JSON.stringify(routed.body)).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await taobao?.close();
});

describe('Taobao/Tmall connector', () => {
  it('pulls refunds page by page through a rate limit and a 5xx into cases, with Taobao’s deadline or the preset’s; a re-pull opens nothing and writes nothing', async () => {
    taobao.seed([{}, {}, {}]);
    taobao.faults.push({ platform: 'rate_limited' }, { http: 502 });
    const first = await sync();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ itemsIn: 3, errors: 0, error: null, connection: { status: 'active' } });
    expect(await cases()).toBe(3);
    // 3 records at 2 a page: 2 pages, plus the 2 faults answered by retries.
    expect(taobao.calls.filter((c) => c === 'taobao.refunds.receive.get')).toHaveLength(4);

    const unshipped = await caseOf('210000001001');
    expect(unshipped).toMatchObject({ type: 'refund_only', refundOnlyKind: 'not_shipped', status: 'requested' });
    const l1 = await link(unshipped.id);
    expect(l1).toMatchObject({ platform: 'taobao', connectionName: '淘宝旗舰店', platformStatus: 'WAIT_SELLER_AGREE', confidence: 'H', platformDeadlineAt: null, deadlineRule: 'marketplace.taobao.unshipped_refund' });
    // No per-case timeout on the record: the preset's 24 h from the request.
    expect(Date.parse(l1.deadlineAt) - Date.parse(l1.platformModifiedAt)).toBe(24 * 3600_000);

    const scarf = await caseOf('210000002001');
    expect(scarf).toMatchObject({ type: 'return_refund', status: 'requested' });
    const l2 = await link(scarf.id);
    // Taobao's refund_remind_timeout wins over any default.
    expect(l2).toMatchObject({ platformDeadlineAt: '2026-11-03T04:00:00.000Z', deadlineAt: '2026-11-03T04:00:00.000Z', deadlineRule: 'marketplace.taobao.deadline' });
    expect(scarf.items[0]).toMatchObject({ reasonCode: 'quality_issue' });

    const before = taobao.calls.length;
    const again = await sync();
    expect(again.body).toMatchObject({ itemsIn: 0, errors: 0, error: null });
    expect(await cases()).toBe(3);
    // One window, one page: one call.
    expect(taobao.calls.length - before).toBe(1);
  });

  it('refund-only before shipping: Retour’s approval is Taobao’s rp.refunds.agree, and Taobao’s SUCCESS agrees with the completed case', async () => {
    const c = await caseOf('210000001001');
    const approved = await act(api, shop.keys.agent, c.id, 'approve');
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe('completed');
    expect(taobao.refunds.get('210000001001')).toMatchObject({ status: 'SUCCESS', agreed_fee: 8900 });
    t.clock.advance(60_000);
    expect((await sync()).body).toMatchObject({ itemsIn: 1, error: null });
    expect((await caseOf('210000001001')).status).toBe('completed');
    expect(await platformEvents(c.id)).toEqual([]);
  });

  it('return and refund: approval pushes the return address, the buyer’s waybill on Taobao moves the case, receipt and refund are confirmed on Taobao', async () => {
    const c = await caseOf('210000002001');
    expect((await act(api, shop.keys.agent, c.id, 'approve')).body.status).toBe('approved');
    const pushed = await sync();
    expect(pushed.body).toMatchObject({ error: null, errors: 0 });
    expect(taobao.refunds.get('210000002001')).toMatchObject({ status: 'WAIT_BUYER_RETURN_GOODS', return_address: { name: HANGZHOU.name, address: HANGZHOU.addressZh, mobile: HANGZHOU.phone, post: '311121' } });

    t.clock.advance(3600_000);
    taobao.buyerShips('210000002001');
    t.clock.advance(60_000);
    expect((await sync()).body).toMatchObject({ itemsIn: 1, error: null });
    const shipped = await caseOf('210000002001');
    expect(shipped.status).toBe('in_transit');
    expect(await platformEvents(c.id)).toEqual([{ from_status: 'approved', to_status: 'in_transit', payload: expect.objectContaining({ platform: 'taobao', code: 'WAIT_SELLER_CONFIRM_GOODS', confidence: 'H' }) }]);

    expect((await act(api, shop.keys.warehouse, c.id, 'receive')).status).toBe(200);
    const inspected = await act(api, shop.keys.warehouse, c.id, 'inspect', { items: [{ itemId: shipped.items[0].id, acceptedQuantity: 1, grade: 'B', disposition: 'refurbish' }] });
    expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);
    const refunded = await act(api, shop.keys.manager, c.id, 'refund');
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(200);
    expect(refunded.body.status).toBe('completed');
    expect(taobao.refunds.get('210000002001')).toMatchObject({ status: 'SUCCESS', agreed_fee: 23900 });
    t.clock.advance(60_000);
    await sync();
    expect((await caseOf('210000002001')).status).toBe('completed');
  });

  it('a refusal is pushed with its reason; Taobao closing the refund closes the case, recorded as the platform’s', async () => {
    const c = await caseOf('210000003001');
    const rejected = await act(api, shop.keys.agent, c.id, 'reject', { reasonCode: 'used_or_damaged', reason: '杯子已使用，有明显污渍' });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    await sync();
    expect(taobao.refunds.get('210000003001')).toMatchObject({ status: 'SELLER_REFUSE_BUYER', refuse_message: '杯子已使用，有明显污渍' });
    t.clock.advance(5 * 24 * 3600_000);
    taobao.move(taobao.refunds.get('210000003001')!, 'CLOSED');
    t.clock.advance(60_000);
    expect((await sync()).body).toMatchObject({ itemsIn: 1, error: null });
    expect((await caseOf('210000003001')).status).toBe('closed');
    expect(await platformEvents(c.id)).toEqual([{ from_status: 'rejected', to_status: 'closed', payload: expect.objectContaining({ code: 'CLOSED' }) }]);
  });

  it('Taobao’s state wins where it differs: a refund Taobao paid itself completes a requested case', async () => {
    const [r] = taobao.seed([{ refund_id: '210000004001', tid: '3900000000004001', oid: '3900000000004002' }], 1);
    await sync();
    const c = await caseOf('210000004001');
    expect(c.status).toBe('requested');
    t.clock.advance(25 * 3600_000);
    taobao.move(r!, 'SUCCESS');
    t.clock.advance(60_000);
    await sync();
    const after = await caseOf('210000004001');
    expect(after).toMatchObject({ status: 'completed' });
    expect(await platformEvents(c.id)).toEqual([{ from_status: 'requested', to_status: 'completed', payload: expect.objectContaining({ code: 'SUCCESS', refundMinor: 8900 }) }]);
  });

  it('an expired session is a clear error on the connection, not a crash; new credentials bring it back', async () => {
    taobao.tokenExpired = true;
    const failed = await sync();
    expect(failed.status).toBe(200);
    expect(failed.body.error).toMatch(/access token was refused.*invalid-sessionkey/);
    expect(failed.body.connection).toMatchObject({ status: 'error', failures: 1 });
    const log = await api('GET', `/api/v1/connections/${connectionId}/runs`, { key: shop.keys.manager });
    expect(log.body.data[0]).toMatchObject({ status: 'failed', errors: [{ message: expect.stringMatching(/renew it/) }] });

    taobao.tokenExpired = false;
    const renewed = await api('PATCH', `/api/v1/connections/${connectionId}`, { key: shop.keys.owner, body: { credentials: { appKey: taobao.appKey, appSecret: taobao.appSecret, sessionKey: taobao.sessionKey } } });
    expect(renewed.status).toBe(200);
    expect((await sync()).body).toMatchObject({ error: null, connection: { status: 'active', failures: 0 } });
  });
});
