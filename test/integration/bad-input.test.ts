import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { orderBody } from '../helpers/orders.js';

let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await startTestApp({ BODY_LIMIT: '65536' });
  shop = await createTestShop(t.ctx, 'bad-input');
  api = client(t.baseUrl);
});
afterAll(() => t.close());

async function orderCount() {
  return (await api('GET', '/api/v1/orders?limit=200', { key: shop.keys.viewer })).body.data.length as number;
}

function expectError(res: { status: number; body: any }, status: number, code: string) {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(typeof res.body.error.message).toBe('string');
  expect(res.body.error.details).toBeTypeOf('object');
  expect(JSON.stringify(res.body)).not.toMatch(/at .+\.(ts|js):\d+/); // no stack trace
}

describe('bad input gets a 4xx in the error shape and writes nothing', () => {
  it('covers malformed, mistyped, incomplete, unknown, oversized and out-of-range bodies', async () => {
    const before = await orderCount();
    const post = (body: unknown) => api('POST', '/api/v1/orders', { key: shop.keys.manager, body });
    const line = orderBody().lines[0]!;

    expectError(await api('POST', '/api/v1/orders', { key: shop.keys.manager, rawBody: '{"channel": "web",', headers: { 'content-type': 'application/json' } }), 400, 'request.malformed_json');
    expectError(await api('POST', '/api/v1/orders', { key: shop.keys.manager, rawBody: '', headers: { 'content-type': 'application/json' } }), 400, 'request.empty_body');
    expectError(await api('POST', '/api/v1/orders', { key: shop.keys.manager, rawBody: 'channel=web', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'request.unsupported_media_type');

    const wrongType = await post(orderBody({ lines: [{ ...line, quantity: '2' }] }));
    expectError(wrongType, 400, 'request.invalid');
    expect(wrongType.body.error.details.errors[0]).toMatchObject({ in: 'body', path: '/lines/0/quantity' });

    const missing = orderBody() as Record<string, unknown>;
    delete missing.placedAt;
    const missingRes = await post(missing);
    expectError(missingRes, 400, 'request.invalid');
    expect(missingRes.body.error.details.errors).toContainEqual({ in: 'body', path: '/placedAt', message: 'is required' });

    const unknown = await post(orderBody({ discountCode: 'SAVE10' }));
    expectError(unknown, 400, 'request.invalid');
    expect(unknown.body.error.details.errors).toContainEqual({ in: 'body', path: '/discountCode', message: 'is not a known field' });

    expectError(await post(orderBody({ lines: [{ ...line, quantity: -1 }] })), 400, 'request.invalid');
    expectError(await post(orderBody({ lines: [{ ...line, quantity: 1.5 }] })), 400, 'request.invalid');
    expectError(await post(orderBody({ lines: [{ ...line, quantity: 0 }] })), 400, 'request.invalid');
    expectError(await post(orderBody({ lines: [{ ...line, unitPriceMinor: -100 }] })), 400, 'request.invalid');
    expectError(await post(orderBody({ lines: [{ ...line, unitPriceMinor: 19.99 }] })), 400, 'request.invalid');
    expectError(await post(orderBody({ shippingFeeMinor: 1e16 })), 400, 'request.invalid');
    expectError(await post(orderBody({ lines: [] })), 400, 'request.invalid');
    expectError(await post(orderBody({ placedAt: 'yesterday' })), 400, 'request.invalid');
    expectError(await post(orderBody({ channel: 'ebay' })), 400, 'request.invalid');
    expectError(await post(orderBody({ currency: 'cny' })), 400, 'request.invalid');
    expectError(await post(orderBody({ note: 'nul \u0000 byte' })), 400, 'request.invalid');
    expectError(await post(orderBody({ lines: [{ ...line, lineDiscountMinor: 999999 }] })), 422, 'order.line_discount_exceeds_price');
    expectError(await post(orderBody({ orderDiscountMinor: 99999999 })), 422, 'order.discount_exceeds_subtotal');
    expectError(await post([orderBody()]), 400, 'request.invalid');

    const huge = orderBody({ note: 'x'.repeat(70_000) });
    expectError(await post(huge), 413, 'request.too_large');

    expect(await orderCount()).toBe(before);
  });

  it('validates path and query parameters', async () => {
    expectError(await api('GET', '/api/v1/orders/not-a-uuid', { key: shop.keys.viewer }), 400, 'request.invalid');
    expectError(await api('GET', '/api/v1/orders?limit=0', { key: shop.keys.viewer }), 400, 'request.invalid');
    expectError(await api('GET', '/api/v1/orders?limit=abc', { key: shop.keys.viewer }), 400, 'request.invalid');
    expectError(await api('GET', '/api/v1/orders?placedFrom=tomorrow', { key: shop.keys.viewer }), 400, 'request.invalid');
    expectError(await api('GET', '/api/v1/orders?status=lost', { key: shop.keys.viewer }), 400, 'request.invalid');
    expectError(await api('GET', '/api/v1/orders?color=red', { key: shop.keys.viewer }), 400, 'request.invalid');
  });

  it('treats SQL metacharacters in query strings as plain text', async () => {
    const res = await api('GET', `/api/v1/orders?number=${encodeURIComponent("1' OR '1'='1")}&email=${encodeURIComponent("a@b.c' --")}`, { key: shop.keys.viewer });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });
});
