import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { act, placeOrder } from '../helpers/returns.js';

/**
 * Issue 13, point 17: a shop sets stock on hand over the API and by import, so an exchange to a
 * SKU created through the API is not refused as out of stock; each change is an inventory
 * movement `adjustment`, listed per variant with the movements of returns and replacements.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;
let other: TestShop;

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  shop = await createTestShop(t.ctx, 'stock-a');
  other = await createTestShop(t.ctx, 'stock-b');
});
afterAll(() => t.close());

const variantBySku = async (sku: string, key = shop.keys.viewer) => {
  const res = await api('GET', `/api/v1/variants?sku=${encodeURIComponent(sku)}`, { key });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data[0];
};

function upload(csv: string) {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'orders.csv');
  return api('POST', '/api/v1/imports', { key: shop.keys.manager, rawBody: form });
}

describe('stock over the API', () => {
  it('finds a variant by SKU, sets its stock and lists the adjustment', async () => {
    await placeOrder(api, shop.keys.manager);
    const tee = await variantBySku('TS-M-BLACK');
    expect(tee).toMatchObject({ sku: 'TS-M-BLACK', stockOnHand: 0, attributes: { size: 'M', colour: 'black' } });
    expect((await api('GET', '/api/v1/variants?sku=NOPE', { key: shop.keys.viewer })).body.data).toEqual([]);

    const set = await api('PATCH', `/api/v1/variants/${tee.id}`, { key: shop.keys.manager, body: { stockOnHand: 12, note: '盘点 stock count' } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ id: tee.id, stockOnHand: 12 });
    t.clock.advance(60_000);
    expect((await api('PATCH', `/api/v1/variants/${tee.id}`, { key: shop.keys.manager, body: { stockOnHand: 9 } })).body.stockOnHand).toBe(9);
    // The same count again changes nothing and records nothing.
    expect((await api('PATCH', `/api/v1/variants/${tee.id}`, { key: shop.keys.manager, body: { stockOnHand: 9 } })).status).toBe(200);

    const moves = await api('GET', `/api/v1/variants/${tee.id}/movements`, { key: shop.keys.viewer });
    expect(moves.status).toBe(200);
    expect(moves.body.stockOnHand).toBe(9);
    expect(moves.body.data).toMatchObject([
      { reason: 'adjustment', quantity: -3, stockAfter: 9, source: 'api', note: null, actor: { kind: 'api_key' } },
      { reason: 'adjustment', quantity: 12, stockAfter: 12, source: 'api', note: '盘点 stock count', actor: { kind: 'api_key' } },
    ]);
    const firstPage = await api('GET', `/api/v1/variants/${tee.id}/movements?limit=1`, { key: shop.keys.viewer });
    expect(firstPage.body.data).toHaveLength(1);
    const second = await api('GET', `/api/v1/variants/${tee.id}/movements?limit=1&cursor=${firstPage.body.nextCursor}`, { key: shop.keys.viewer });
    expect(second.body.data[0].quantity).toBe(12);
    expect(second.body.nextCursor).toBeNull();
  });

  it('refuses bad counts, other shops and roles that may not write', async () => {
    const tee = await variantBySku('TS-M-BLACK');
    for (const body of [{ stockOnHand: -1 }, { stockOnHand: 1.5 }, { stockOnHand: '3' }, {}, { stockOnHand: 1, extra: true }]) {
      const res = await api('PATCH', `/api/v1/variants/${tee.id}`, { key: shop.keys.manager, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('request.invalid');
    }
    expect((await api('PATCH', `/api/v1/variants/${tee.id}`, { key: shop.keys.agent, body: { stockOnHand: 1 } })).status).toBe(403);
    expect((await api('PATCH', `/api/v1/variants/${tee.id}`, { key: other.keys.manager, body: { stockOnHand: 1 } })).body.error.code).toBe('variant.not_found');
    expect((await api('GET', `/api/v1/variants/${tee.id}/movements`, { key: other.keys.viewer })).status).toBe(404);
    expect((await api('GET', '/api/v1/variants?sku=TS-M-BLACK', { key: other.keys.viewer })).body.data).toEqual([]);
  });

  it('lets an exchange ship a replacement created over the API once its stock is set', async () => {
    const order = await placeOrder(api, shop.keys.manager, {
      overrides: { lines: [{ sku: 'HOODIE-M', title: 'Hoodie M', quantity: 1, unitPriceMinor: 19900, product: { externalId: 'HOODIE', category: 'apparel' }, attributes: { size: 'M' } }] },
    });
    // The L size exists only because an order of another buyer named it: no stock.
    await placeOrder(api, shop.keys.manager, {
      overrides: { lines: [{ sku: 'HOODIE-L', title: 'Hoodie L', quantity: 1, unitPriceMinor: 19900, product: { externalId: 'HOODIE', category: 'apparel' }, attributes: { size: 'L' } }] },
    });
    const body = { orderId: order.id, type: 'exchange', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'wrong_size', replacementSku: 'HOODIE-L' }] };
    const refused = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body });
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.code).toMatch(/stock/);

    const large = await variantBySku('HOODIE-L');
    expect((await api('PATCH', `/api/v1/variants/${large.id}`, { key: shop.keys.manager, body: { stockOnHand: 2 } })).status).toBe(200);
    const created = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await act(api, shop.keys.agent, created.body.id, 'approve')).status).toBe(200);
  });
});

describe('stock by import', () => {
  it('sets stock on hand from the stock_on_hand column, for new and known SKUs', async () => {
    const csv = [
      'order_id,placed_at,currency,sku,title,quantity,unit_price,stock_on_hand',
      'IMP-1,2026-10-01 10:00,CNY,SOCK-BLUE,袜子 蓝色,1,19.00,40',
      'IMP-1,,,TS-M-BLACK,纯棉T恤 黑色 M,1,79.00,25',
      'IMP-2,2026-10-02 10:00,CNY,CAP-RED,帽子,1,59.00,',
      'IMP-3,2026-10-02 11:00,CNY,CAP-RED,帽子,1,59.00,-4',
    ].join('\n');
    const res = await upload(csv);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.orders).toMatchObject({ created: 2, rejected: 1 });
    expect(res.body.errors).toEqual([expect.objectContaining({ line: 5, code: 'import.stock_invalid' })]);
    expect(res.body.stock).toEqual({ updated: 2 });
    expect((await variantBySku('SOCK-BLUE')).stockOnHand).toBe(40);
    expect((await variantBySku('CAP-RED')).stockOnHand).toBe(0);
    const tee = await variantBySku('TS-M-BLACK');
    expect(tee.stockOnHand).toBe(25);
    const moves = (await api('GET', `/api/v1/variants/${tee.id}/movements`, { key: shop.keys.viewer })).body.data;
    expect(moves[0]).toMatchObject({ reason: 'adjustment', quantity: 25 - 9, stockAfter: 25, source: 'import', actor: { kind: 'api_key' } });
  });
});
