import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { FakePinduoduo } from '../helpers/fake-pinduoduo.js';
import { act } from '../helpers/returns.js';

/**
 * Issue 17 (Pinduoduo): a PDD connection against a local router: 30-minute windows, paging,
 * a frequency limit and an expired token; refund-only agreed in Retour becomes PDD's refund; a
 * return agreed with the address, PDD's state (buyer ships, refund succeeds) followed.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;
let pdd: FakePinduoduo;
let connectionId: string;

const count = async (q: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.ctx.db, q))[0]!.n;
const sync = () => api('POST', `/api/v1/connections/${connectionId}/sync`, { key: shop.keys.owner });
async function caseOf(id: string) {
  const [row] = await queryRows<{ case_id: string }>(t.ctx.db, sql`select case_id from marketplace_cases where shop_id = ${shop.id} and external_id = ${id}`);
  expect(row, `case of ${id}`).toBeTruthy();
  return (await api('GET', `/api/v1/returns/${row!.case_id}`, { key: shop.keys.agent })).body;
}

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  pdd = new FakePinduoduo(() => t.clock.now());
  await pdd.start();
  shop = await createTestShop(t.ctx, 'pdd-store');
  expect((await api('POST', '/api/v1/return-addresses', { key: shop.keys.owner, body: { name: '售后仓', phone: '021-5555 0000', addressZh: '上海市浦东新区张江路88号', isDefault: true } })).status).toBe(201);
  const created = await api('POST', '/api/v1/connections', {
    key: shop.keys.owner,
    body: { kind: 'pinduoduo', name: '拼多多店', credentials: { clientId: pdd.clientId, clientSecret: pdd.clientSecret, accessToken: pdd.accessToken }, settings: { baseUrl: pdd.url, pageSize: 1, retryBaseMs: 1, backfillHours: 1 } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  connectionId = created.body.id;
  expect((await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProviders: { pdd: connectionId } } })).status).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await pdd?.close();
});

describe('Pinduoduo connector', () => {
  it('pulls in 30-minute windows, page by page through a frequency limit; the preset’s 48 h applies (PDD gives no per-case deadline); a re-pull opens nothing', async () => {
    pdd.seed([{}, {}], 10);
    pdd.faults.push({ platform: 'rate_limited' });
    const first = await sync();
    expect(first.body).toMatchObject({ itemsIn: 2, errors: 0, error: null });
    // One hour back-filled in two 30-minute windows; the second has 2 pages of 1; plus the retried limit.
    expect(pdd.calls.filter((c) => c === 'pdd.refund.list.increment.get')).toHaveLength(4);
    const socks = await caseOf('880000001');
    expect(socks).toMatchObject({ type: 'refund_only', refundOnlyKind: 'not_shipped', status: 'requested' });
    const link = (await api('GET', `/api/v1/returns/${socks.id}/marketplace`, { key: shop.keys.viewer })).body.link;
    expect(link).toMatchObject({ platform: 'pinduoduo', platformStatus: '2', confidence: 'H', platformDeadlineAt: null, deadlineRule: 'marketplace.pinduoduo.seller_response' });
    expect(Date.parse(link.deadlineAt) - Date.parse(link.platformModifiedAt)).toBe(48 * 3600_000);
    const cup = await caseOf('880000002');
    expect(cup).toMatchObject({ type: 'return_refund', status: 'requested' });
    const messages = await queryRows<{ body: string }>(t.ctx.db, sql`select body from case_messages where case_id = ${cup.id}`);
    expect(messages[0]!.body).toContain('https://img.pddpic.com/after-sales/leak-1.jpg');

    const again = await sync();
    expect(again.body).toMatchObject({ itemsIn: 0, error: null });
    expect(await count(sql`select count(*)::int as n from return_cases where shop_id = ${shop.id}`)).toBe(2);
  });

  it('refund-only: Retour’s approval is PDD’s agreement, the refund succeeds on PDD and the case agrees', async () => {
    const c = await caseOf('880000001');
    const approved = await act(api, shop.keys.agent, c.id, 'approve');
    expect(approved.body.status).toBe('completed');
    expect(pdd.records.get('880000001')).toMatchObject({ after_sales_status: 10, agreed_amount: 2590 });
    t.clock.advance(60_000);
    expect((await sync()).body).toMatchObject({ itemsIn: 1, error: null });
    expect((await caseOf('880000001')).status).toBe('completed');
  });

  it('return: the address is pushed; the buyer’s waybill brings PDD back to status 3, which maps to requested (the in_transit reading is only an inference, L): PDD wins, recorded as an event', async () => {
    const c = await caseOf('880000002');
    expect((await act(api, shop.keys.agent, c.id, 'approve')).body.status).toBe('approved');
    await sync();
    expect(pdd.records.get('880000002')).toMatchObject({ after_sales_status: 7, return_address: { name: '售后仓', address: '上海市浦东新区张江路88号' } });
    // PDD has no "buyer shipped" status: the record goes back to 3 with a waybill (marketplace-rules.md §6.2).
    t.clock.advance(3600_000);
    pdd.move(pdd.records.get('880000002')!, 3, { tracking_number: 'YT9876543210', shipping_name: '圆通速递' });
    t.clock.advance(60_000);
    await sync();
    // Status 3 maps to requested (H); the platform wins, recorded as an event.
    const after = await caseOf('880000002');
    expect(after.status).toBe('requested');
    const events = await queryRows<{ to_status: string }>(t.ctx.db, sql`select to_status from case_events where case_id = ${c.id} and type = 'case.platform_status'`);
    expect(events).toEqual([{ to_status: 'requested' }]);
  });

  it('an expired token is a clear connection error, and nothing crashes', async () => {
    pdd.tokenExpired = true;
    const failed = await sync();
    expect(failed.status).toBe(200);
    expect(failed.body.error).toMatch(/Pinduoduo: the access token was refused \(10019/);
    expect(failed.body.connection.status).toBe('error');
    pdd.tokenExpired = false;
  });
});
