import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { placeOrder } from '../helpers/returns.js';
import { portalOrder, portalToken } from '../helpers/portal.js';

/**
 * A create answers with a reply built from the rows its write stores and what it read of the order,
 * not read back (docs/architecture.md, The write path). It must be the reply a read of the case gives,
 * field for field, whatever the request wrote: approved at once or waiting, with a replacement, with
 * the system's request for photos, for staff and for the buyer, in either language.
 */
/** A fragment of the statement that reads a case's reply (case-detail-repo). */
const CASE_DETAIL_READ = 'from return_items x where x.shop_id';

let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'create-reply');
  api = client(t.baseUrl);
});
afterAll(() => t?.close());

async function createdAndRead(body: Record<string, unknown>, language: string) {
  const headers = { 'accept-language': language };
  t.handle.traffic.log = [];
  const created = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body, headers });
  const sent = t.handle.traffic.log;
  t.handle.traffic.log = null;
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const read = await api('GET', `/api/v1/returns/${created.body.id}`, { key: shop.keys.agent, headers });
  expect(read.status).toBe(200);
  return { created: created.body, read: read.body, sent };
}

describe('the reply of a create', () => {
  it.each([
    ['a return approved as it is opened', 'en', (o: Order) => ({ orderId: o.id, type: 'return_refund', items: [{ lineId: o.lines[0]!.id, quantity: 1, reasonCode: 'no_reason' }] })],
    ['a return of several lines, with a note', 'zh-CN', (o: Order) => ({ orderId: o.id, type: 'return_refund', note: '买家备注', items: o.lines.slice(0, 2).map((l) => ({ lineId: l.id, quantity: 1, reasonCode: 'no_longer_needed', note: 'n' })) })],
    ['a quality claim opened by staff: the system asks for photos in the thread', 'zh-CN', (o: Order) => ({ orderId: o.id, type: 'return_refund', items: [{ lineId: o.lines[0]!.id, quantity: 1, reasonCode: 'quality_issue' }] })],
    ['an exchange for the same item', 'en', (o: Order) => ({ orderId: o.id, type: 'exchange', items: [{ lineId: o.lines[0]!.id, quantity: 1, reasonCode: 'quality_issue' }] })],
    ['a negotiated partial refund', 'en', (o: Order) => ({ orderId: o.id, type: 'partial_refund', requestedAmountMinor: 100, items: [{ lineId: o.lines[0]!.id, quantity: 1, reasonCode: 'quality_issue' }] })],
  ])('%s is the reply a read of the case gives (%s)', async (_name, language, request) => {
    const order = await placeOrder(api, shop.keys.manager);
    // The replacement is taken from stock.
    await t.ctx.db.execute(sql`update variants set stock_on_hand = 5 where shop_id = ${shop.id} and sku = ${order.lines[0]!.sku}`);
    const { created, read, sent } = await createdAndRead(request(order), language);
    expect(created).toEqual(read);
    // The case was not read back after its write.
    expect(sent.filter((q) => q.includes(CASE_DETAIL_READ))).toEqual([]);
  });

  it("is, for the buyer in the portal, what the buyer's read of the case gives", async () => {
    const order = await portalOrder(t, api, shop);
    const headers = { authorization: `Bearer ${await portalToken(api, shop.slug, order)}` };
    t.handle.traffic.log = [];
    const created = await api('POST', '/portal/v1/returns', {
      headers,
      body: { items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'wrong_size' }], resolution: 'refund', returnMethod: 'drop_off' },
    });
    expect(t.handle.traffic.log.filter((q) => q.includes(CASE_DETAIL_READ))).toEqual([]);
    t.handle.traffic.log = null;
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const read = await api('GET', `/portal/v1/returns/${created.body.id}`, { headers });
    expect(read.status).toBe(200);
    expect(created.body).toEqual(read.body);
  });
});

type Order = Awaited<ReturnType<typeof placeOrder>>;
