import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { orderBody } from '../helpers/orders.js';

let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'orders-shop');
  api = client(t.baseUrl);
});
afterAll(() => t.close());

describe('POST /api/v1/orders', () => {
  it('creates an order whose lines sum exactly to the total, with the discount allocated by largest remainder', async () => {
    const body = orderBody();
    const res = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/orders/${res.body.id}`);
    const o = res.body;
    // Lines after their own discounts: 15800, 4900, 36900 (sum 57600); 2000 shared by largest remainder.
    expect(o.lines.map((l: any) => l.orderDiscountShareMinor)).toEqual([549, 170, 1281]);
    expect(o.lines.map((l: any) => l.paidMinor)).toEqual([15251, 4730, 35619]);
    expect(o.amounts).toEqual({ subtotalMinor: 57600, discountMinor: 2000, orderDiscountMinor: 2000, taxMinor: 0, shippingFeeMinor: 1000, totalMinor: 56600 });
    expect(o.lines.reduce((a: number, l: any) => a + l.paidMinor, 0) + o.amounts.shippingFeeMinor).toBe(o.amounts.totalMinor);
    expect(o.status).toBe('paid');
    expect(o.phone).toBe('13800138000');
    expect(o.customer.name).toBe('王小明');
    expect(o.shippingInsurance).toBe(true);
  });

  it('computes tax-exclusive orders with tax added to what is paid', async () => {
    const res = await api('POST', '/api/v1/orders', {
      key: shop.keys.manager,
      body: orderBody({
        channel: 'shopify',
        currency: 'USD',
        pricesIncludeTax: false,
        lines: [
          { sku: 'US-1', title: 'Mug', quantity: 3, unitPriceMinor: 999, taxMinor: 240 },
          { sku: 'US-2', title: 'Cap', quantity: 1, unitPriceMinor: 1500, taxMinor: 120 },
        ],
        orderDiscountMinor: 0,
        shippingFeeMinor: 500,
        totalMinor: 2997 + 240 + 1500 + 120 + 500,
      }),
    });
    expect(res.status).toBe(201);
    expect(res.body.lines.map((l: any) => l.paidMinor)).toEqual([3237, 1620]);
    expect(res.body.amounts.taxMinor).toBe(360);
  });

  it('updates an existing order by (channel, externalId): progress changes, purchase may not', async () => {
    const body = orderBody();
    const created = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body });
    const shipped = await api('POST', '/api/v1/orders', {
      key: shop.keys.manager,
      body: { ...body, shipments: [{ carrier: 'SF', trackingNumber: 'SF100200300', shippedAt: '2026-10-21T08:00:00Z' }] },
    });
    expect(shipped.status).toBe(200);
    expect(shipped.body.id).toBe(created.body.id);
    expect(shipped.body.status).toBe('shipped');
    expect(shipped.body.version).toBe(2);
    expect(shipped.body.shipments).toHaveLength(1);

    const changed = await api('POST', '/api/v1/orders', {
      key: shop.keys.manager,
      body: { ...body, lines: [{ ...body.lines[0], quantity: 3 }, body.lines[1], body.lines[2]] },
    });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('order.purchase_changed');
    const after = await api('GET', `/api/v1/orders/${created.body.id}`, { key: shop.keys.viewer });
    expect(after.body.lines[0].quantity).toBe(2);
  });

  it('refuses a total that does not match, a currency the shop does not take, and a line in another currency', async () => {
    const mismatch = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body: orderBody({ totalMinor: 1 }) });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error.code).toBe('order.total_mismatch');
    expect(mismatch.body.error.details).toEqual({ claimedTotalMinor: 1, computedTotalMinor: 56600 });

    const notAccepted = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body: orderBody({ currency: 'EUR' }) });
    expect(notAccepted.status).toBe(422);
    expect(notAccepted.body.error.code).toBe('order.currency_not_accepted');

    const body = orderBody();
    const lines: Record<string, unknown>[] = body.lines.map((l) => ({ ...l }));
    lines[0]!.currency = 'USD';
    const lineCurrency = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body: { ...body, lines } });
    expect(lineCurrency.status).toBe(422);
    expect(lineCurrency.body.error.code).toBe('order.currency_mismatch');

    const unknown = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body: orderBody({ currency: 'XYZ' }) });
    expect(unknown.status).toBe(422);
    const list = await api('GET', `/api/v1/orders?number=${encodeURIComponent(body.externalId)}`, { key: shop.keys.viewer });
    expect(list.body.data).toHaveLength(0);
  });

  it('refuses a number another order already has', async () => {
    const first = orderBody({ number: 'SHARED-1' });
    expect((await api('POST', '/api/v1/orders', { key: shop.keys.manager, body: first })).status).toBe(201);
    const second = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body: orderBody({ channel: 'pdd', number: 'SHARED-1' }) });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('order.number_taken');
  });

  it('keeps Chinese, emoji and SQL metacharacters exactly as sent', async () => {
    const weird = `'); drop table orders; -- 😀 "引号" \\ % _ \u2028`;
    const body = orderBody({
      note: weird,
      customer: { externalId: `x'--${Date.now()}`, name: `林 ${weird}`, email: `quote${Date.now()}@example.cn` },
      shippingAddress: { name: `林 ${weird}`, phone: '+86 186 5555 0101', line1: weird },
      lines: [{ sku: `SKU-'";--${Date.now()}`, title: `标题 🍜 ${weird}`, quantity: 1, unitPriceMinor: 100 }],
      orderDiscountMinor: 0,
      shippingFeeMinor: 0,
    });
    const res = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body });
    expect(res.status).toBe(201);
    const got = await api('GET', `/api/v1/orders/${res.body.id}`, { key: shop.keys.viewer });
    expect(got.body.note).toBe(weird);
    expect(got.body.lines[0].title).toBe(`标题 🍜 ${weird}`);
    expect(got.body.lines[0].sku).toBe(body.lines[0]!.sku);
    expect(got.body.customer.name).toBe(`林 ${weird}`);
    const search = await api('GET', `/api/v1/orders?number=${encodeURIComponent(body.externalId)}`, { key: shop.keys.viewer });
    expect(search.body.data).toHaveLength(1);
  });
});

describe('shipments', () => {
  it('records shipped and delivered events; repeats change nothing; wrong events are refused', async () => {
    const created = await api('POST', '/api/v1/orders', { key: shop.keys.manager, body: orderBody() });
    const id = created.body.id;
    const parcel = await api('POST', `/api/v1/orders/${id}/shipments`, { key: shop.keys.manager, body: { carrier: 'ZTO', trackingNumber: '7312345678901' } });
    expect(parcel.status).toBe(201);
    expect(parcel.body.status).toBe('pending');
    const dup = await api('POST', `/api/v1/orders/${id}/shipments`, { key: shop.keys.manager, body: { carrier: 'ZTO', trackingNumber: '7312345678901' } });
    expect(dup.status).toBe(409);

    const events = `/api/v1/orders/${id}/shipments/${parcel.body.id}/events`;
    const shipped = await api('POST', events, { key: shop.keys.manager, body: { type: 'shipped', at: '2026-10-21T09:00:00Z' } });
    expect(shipped.body.status).toBe('shipped');
    const delivered = await api('POST', events, { key: shop.keys.manager, body: { type: 'delivered', at: '2026-10-23T15:00:00Z' } });
    expect(delivered.body.deliveredAt).toBe('2026-10-23T15:00:00.000Z');
    const again = await api('POST', events, { key: shop.keys.manager, body: { type: 'delivered', at: '2026-10-24T15:00:00Z' } });
    expect(again.status).toBe(200);
    expect(again.body.deliveredAt).toBe('2026-10-23T15:00:00.000Z');
    const order = await api('GET', `/api/v1/orders/${id}`, { key: shop.keys.viewer });
    expect(order.body.status).toBe('delivered');
    expect(order.body.deliveredAt).toBe('2026-10-23T15:00:00.000Z');

    const lost = await api('POST', events, { key: shop.keys.manager, body: { type: 'lost' } });
    expect(lost.status).toBe(409);
    expect(lost.body.error.code).toBe('shipment.invalid_event');
  });
});

describe('GET /api/v1/orders', () => {
  it('filters by number, e-mail, phone, channel, status and placed range, and pages with a cursor', async () => {
    const listShop = await createTestShop(t.ctx, 'list-shop');
    const made = [];
    for (let i = 0; i < 7; i++) {
      const res = await api('POST', '/api/v1/orders', {
        key: listShop.keys.manager,
        body: orderBody({
          channel: i % 2 ? 'pdd' : 'web',
          placedAt: `2026-09-0${i + 1}T10:00:00Z`,
          customer: { email: i === 3 ? 'Special@Example.com' : `p${i}@example.com`, phone: i === 4 ? '+86 139 0000 1111' : undefined },
          cancelledAt: i === 5 ? '2026-09-06T11:00:00Z' : undefined,
        }),
      });
      expect(res.status).toBe(201);
      made.push(res.body);
    }
    const key = listShop.keys.viewer;
    const all = await api('GET', '/api/v1/orders?limit=3', { key });
    expect(all.body.data.map((o: any) => o.placedAt.slice(0, 10))).toEqual(['2026-09-07', '2026-09-06', '2026-09-05']);
    const page2 = await api('GET', `/api/v1/orders?limit=3&cursor=${all.body.nextCursor}`, { key });
    expect(page2.body.data.map((o: any) => o.placedAt.slice(0, 10))).toEqual(['2026-09-04', '2026-09-03', '2026-09-02']);
    const page3 = await api('GET', `/api/v1/orders?limit=3&cursor=${page2.body.nextCursor}`, { key });
    expect(page3.body.data).toHaveLength(1);
    expect(page3.body.nextCursor).toBeNull();

    expect((await api('GET', `/api/v1/orders?number=${made[2].number}`, { key })).body.data[0].id).toBe(made[2].id);
    expect((await api('GET', '/api/v1/orders?email=special@example.COM', { key })).body.data.map((o: any) => o.id)).toEqual([made[3].id]);
    expect((await api('GET', '/api/v1/orders?phone=13900001111', { key })).body.data.map((o: any) => o.id)).toEqual([made[4].id]);
    expect((await api('GET', '/api/v1/orders?channel=pdd', { key })).body.data).toHaveLength(3);
    expect((await api('GET', '/api/v1/orders?status=cancelled', { key })).body.data.map((o: any) => o.id)).toEqual([made[5].id]);
    const range = await api('GET', '/api/v1/orders?placedFrom=2026-09-02T00:00:00Z&placedTo=2026-09-04T00:00:00Z', { key });
    expect(range.body.data.map((o: any) => o.placedAt.slice(0, 10))).toEqual(['2026-09-03', '2026-09-02']);

    const badCursor = await api('GET', '/api/v1/orders?cursor=not-a-cursor', { key });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.code).toBe('request.cursor_invalid');
  });
});
