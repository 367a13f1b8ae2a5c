import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { FakeDouyin } from '../helpers/fake-douyin.js';
import { act } from '../helpers/returns.js';

/**
 * Issue 17 (Douyin / 抖店): a connection against a local gateway answering `{code: 10000, data}`
 * envelopes with after-sales of marketplace-rules.md §6.4: pulled through a frequency limit and a
 * 5xx, each step's `status_deadline` used as the case's deadline; refund-only agreed (201); a
 * return agreed with the address (101), shipped by the buyer, received and refunded (111); a
 * refusal (102) and Douyin's 售后失败 followed; an expired token shown. Then the statements one
 * sync of N records sends.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;
let dy: FakeDouyin;
let connectionId: string;

const GUANGZHOU = { name: '抖店退货组 陈仓管', phone: '020-3800 0000', addressZh: '广东省广州市白云区太和镇物流园8号', postalCode: '510450', isDefault: true };
const count = async (q: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.ctx.db, q))[0]!.n;
const sync = (id = connectionId, key = shop.keys.owner) => api('POST', `/api/v1/connections/${id}/sync`, { key });
async function caseOf(externalId: string, s = shop) {
  const [row] = await queryRows<{ case_id: string }>(t.ctx.db, sql`select case_id from marketplace_cases where shop_id = ${s.id} and external_id = ${externalId}`);
  expect(row, `case of ${externalId}`).toBeTruthy();
  return (await api('GET', `/api/v1/returns/${row!.case_id}`, { key: s.keys.agent })).body;
}
const link = async (caseId: string) => (await api('GET', `/api/v1/returns/${caseId}/marketplace`, { key: shop.keys.viewer })).body.link;
const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();
const platformEvents = (caseId: string) =>
  queryRows<{ from_status: string; to_status: string; payload: Record<string, unknown> }>(t.ctx.db, sql`select from_status, to_status, payload from case_events where case_id = ${caseId} and type = 'case.platform_status' order by created_at, id`);

async function connect(s: TestShop, fake: FakeDouyin, settings: Record<string, unknown>) {
  const created = await api('POST', '/api/v1/connections', {
    key: s.keys.owner,
    body: { kind: 'douyin', name: '抖店旗舰店', credentials: { appKey: fake.appKey, appSecret: fake.appSecret, accessToken: fake.accessToken }, settings: { baseUrl: fake.url, retryBaseMs: 1, backfillHours: 1, ...settings } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const routed = await api('PATCH', '/api/v1/shop', { key: s.keys.owner, body: { refundProviders: { douyin: created.body.id } } });
  expect(routed.status, JSON.stringify(routed.body)).toBe(200);
  return created.body.id as string;
}

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  dy = new FakeDouyin(() => t.clock.now());
  await dy.start();
  shop = await createTestShop(t.ctx, 'douyin-store');
  expect((await api('POST', '/api/v1/return-addresses', { key: shop.keys.owner, body: GUANGZHOU })).status).toBe(201);
  connectionId = await connect(shop, dy, { pageSize: 1, returnAddressId: 'addr-88' });
});
afterAll(async () => {
  await t?.close();
  await dy?.close();
});

describe('Douyin connector', () => {
  it('pulls after-sales page by page through a frequency limit and a 5xx; each record’s status_deadline is the step’s deadline; a re-pull opens nothing', async () => {
    const [shoe] = dy.seed([{}, {}]);
    dy.faults.push({ platform: 'rate_limited' }, { http: 503 });
    const first = await sync();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ itemsIn: 2, errors: 0, error: null, connection: { status: 'active' } });
    // 2 items at 1 a page: 2 pages, plus the 2 faults answered by retries.
    expect(dy.calls.filter((c) => c === 'afterSale.List')).toHaveLength(4);

    const c = await caseOf('7311000000000000001');
    expect(c).toMatchObject({ type: 'return_refund', status: 'requested' });
    expect(c.items[0]).toMatchObject({ reasonCode: 'quality_issue' });
    const l = await link(c.id);
    const deadline = iso(shoe!.aftersale_info.status_deadline);
    expect(l).toMatchObject({ platform: 'douyin', platformStatus: '6', platformType: '0', confidence: 'H', platformDeadlineAt: deadline, deadlineAt: deadline, deadlineRule: 'marketplace.douyin.deadline' });
    const messages = await queryRows<{ body: string }>(t.ctx.db, sql`select body from case_messages where case_id = ${c.id}`);
    expect(messages[0]!.body).toContain('鞋底开胶');
    expect(messages[0]!.body).toContain('https://p3-aftersale.ecombdimg.com/obj/shoe-1.jpg');
    expect(await caseOf('7311000000000000002')).toMatchObject({ type: 'refund_only', refundOnlyKind: 'not_shipped', status: 'requested' });

    const again = await sync();
    expect(again.body).toMatchObject({ itemsIn: 0, errors: 0, error: null });
    expect(await count(sql`select count(*)::int as n from return_cases where shop_id = ${shop.id}`)).toBe(2);
  });

  it('refund-only before shipping: Retour’s approval is Douyin’s operate 201, and 售后成功 agrees with the completed case', async () => {
    const c = await caseOf('7311000000000000002');
    const approved = await act(api, shop.keys.agent, c.id, 'approve');
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe('completed');
    expect(dy.info('7311000000000000002')).toMatchObject({ aftersale_status: 12, agreed: true });
    t.clock.advance(60_000);
    expect((await sync()).body).toMatchObject({ itemsIn: 1, error: null });
    expect((await caseOf('7311000000000000002')).status).toBe('completed');
    expect(await platformEvents(c.id)).toEqual([]);
  });

  it('return: approval is operate 101 with the address; each new step’s status_deadline replaces the clock; the buyer’s shipment moves the case; receipt and refund are operate 111', async () => {
    const c = await caseOf('7311000000000000001');
    expect((await act(api, shop.keys.agent, c.id, 'approve')).body.status).toBe('approved');
    t.clock.advance(60_000);
    expect((await sync()).body).toMatchObject({ error: null, errors: 0 });
    const a = dy.info('7311000000000000001');
    expect(a).toMatchObject({ aftersale_status: 7, return_address: { receiver_address_id: 'addr-88', receiver_name: GUANGZHOU.name, receiver_address: GUANGZHOU.addressZh } });
    expect(await link(c.id)).toMatchObject({ platformStatus: '7', deadlineAt: iso(a.status_deadline), deadlineRule: 'marketplace.douyin.deadline' });

    t.clock.advance(3600_000);
    dy.move('7311000000000000001', 11, { return_logistics_code: 'SF1400000000001', return_logistics_company_name: '顺丰速运' });
    t.clock.advance(60_000);
    expect((await sync()).body).toMatchObject({ itemsIn: 1, error: null });
    const shipped = await caseOf('7311000000000000001');
    expect(shipped.status).toBe('in_transit');
    expect(await platformEvents(c.id)).toEqual([{ from_status: 'approved', to_status: 'in_transit', payload: expect.objectContaining({ platform: 'douyin', code: '11', confidence: 'M' }) }]);
    expect(await link(c.id)).toMatchObject({ deadlineAt: iso(dy.info('7311000000000000001').status_deadline) });

    expect((await act(api, shop.keys.warehouse, c.id, 'receive')).status).toBe(200);
    const inspected = await act(api, shop.keys.warehouse, c.id, 'inspect', { items: [{ itemId: shipped.items[0].id, acceptedQuantity: 1, grade: 'C', disposition: 'return_to_vendor' }] });
    expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);
    const refunded = await act(api, shop.keys.manager, c.id, 'refund');
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(200);
    expect(refunded.body.status).toBe('completed');
    expect(dy.info('7311000000000000001')).toMatchObject({ aftersale_status: 12, received: true });
    t.clock.advance(60_000);
    await sync();
    expect((await caseOf('7311000000000000001')).status).toBe('completed');
  });

  it('a refusal is operate 102 with its reason; Douyin’s 售后失败 closes the case, recorded as the platform’s', async () => {
    dy.seed([{ aftersale_id: '7311000000000000003' }], 1);
    await sync();
    const c = await caseOf('7311000000000000003');
    const rejected = await act(api, shop.keys.agent, c.id, 'reject', { reasonCode: 'used_or_damaged', reason: '鞋子已穿着外出，鞋底磨损' });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    t.clock.advance(60_000);
    await sync();
    expect(dy.info('7311000000000000003')).toMatchObject({ aftersale_status: 27, reject_reason: '鞋子已穿着外出，鞋底磨损' });
    t.clock.advance(7 * 24 * 3600_000);
    dy.move('7311000000000000003', 28);
    t.clock.advance(60_000);
    await sync();
    expect((await caseOf('7311000000000000003')).status).toBe('closed');
    expect(await platformEvents(c.id)).toEqual([{ from_status: 'rejected', to_status: 'closed', payload: expect.objectContaining({ code: '28', confidence: 'H' }) }]);
  });

  it('an expired token is a clear error on the connection, not a crash', async () => {
    dy.tokenExpired = true;
    const failed = await sync();
    expect(failed.status).toBe(200);
    expect(failed.body.error).toMatch(/Douyin: the access token was refused \(isv\.access-token-expired/);
    expect(failed.body.connection).toMatchObject({ status: 'error', failures: 1 });
    dy.tokenExpired = false;
  });
});

describe('statements of one marketplace sync', () => {
  it('one sync of N new records sends a fixed cost plus a constant per record (orders written in one batch)', async () => {
    const s = await createTestShop(t.ctx, 'douyin-budget');
    const fake = new FakeDouyin(() => t.clock.now());
    await fake.start();
    try {
      const id = await connect(s, fake, { pageSize: 50 });
      let next = 7400000000000000000n;
      const runWith = async (n: number) => {
        fake.seed(Array.from({ length: n }, () => ({ aftersale_id: String(next++) })), 1);
        const before = t.handle.traffic.snapshot().statements;
        const res = await sync(id, s.keys.owner);
        expect(res.body, JSON.stringify(res.body)).toMatchObject({ itemsIn: n, errors: 0, error: null });
        t.clock.advance(5 * 60_000);
        return t.handle.traffic.snapshot().statements - before;
      };
      await runWith(2); // warm-up: per-process caches filled, both fixture SKUs' products written
      const five = await runWith(5);
      const ten = await runWith(10);
      // Exact figures, with one statement of slack for a per-process cache a slow machine lets expire (as statement-budget.test.ts).
      expect(five, 'statements of a sync of 5').toBeGreaterThanOrEqual(FIXED + 5 * PER_RECORD);
      expect(five, 'statements of a sync of 5').toBeLessThanOrEqual(FIXED + 5 * PER_RECORD + 1);
      expect(ten, 'statements of a sync of 10').toBeGreaterThanOrEqual(FIXED + 10 * PER_RECORD);
      expect(ten, 'statements of a sync of 10').toBeLessThanOrEqual(FIXED + 10 * PER_RECORD + 1);
    } finally {
      await fake.close();
    }
  });
});

/**
 * Measured on PGlite and PostgreSQL alike: 34 statements for 5 new records, 44 for 10. A run costs
 * 24 whatever it pulls (connection, run log, push query, known links, the page's orders written in
 * one batch with their customers, products and analytics, cursor); each new record adds 2, the
 * statements of opening its case (the order with its facts, policy versions and the buyer's
 * history, then the one guarded insert), its link and the platform's deadline riding in that insert
 * (before: 3, the buyer's history read apart; 6 with the order locked and the policy read apart;
 * 9 with a second transaction per record).
 */
const FIXED = 24;
const PER_RECORD = 2;
