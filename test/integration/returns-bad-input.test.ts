import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { act, placeOrder, uploadEvidence } from '../helpers/returns.js';

let t: TestApp;
let shop: TestShop;
let other: TestShop;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await startTestApp({ UPLOAD_LIMIT: '2048' });
  shop = await createTestShop(t.ctx, 'bad-cases');
  other = await createTestShop(t.ctx, 'bad-cases-other');
  api = client(t.baseUrl);
});
afterAll(() => t.close());

const counts = async () =>
  (
    await queryRows<{ cases: number; events: number; refunds: number }>(
      t.ctx.db,
      sql`select (select count(*)::int from return_cases) as cases, (select count(*)::int from case_events) as events, (select count(*)::int from refunds) as refunds`,
    )
  )[0]!;

describe('bad input on cases changes nothing', () => {
  it('refuses bad requests with a clear 4xx', async () => {
    const order = await placeOrder(api, shop.keys.manager);
    const foreign = await placeOrder(api, other.keys.manager);
    const line = order.lines[0]!;
    const before = await counts();
    const create = (body: unknown) => api('POST', '/api/v1/returns', { key: shop.keys.agent, body });
    const base = { orderId: order.id, type: 'return_refund', items: [{ lineId: line.id, quantity: 1, reasonCode: 'no_reason' }] };

    const expectError = (res: { status: number; body: any }, status: number, code: string) => expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
    expectError(await create({ ...base, orderId: randomUUID() }), 404, 'order.not_found');
    expectError(await create({ ...base, orderId: foreign.id }), 404, 'order.not_found');
    expectError(await create({ ...base, items: [{ ...base.items[0], lineId: foreign.lines[0]!.id }] }), 422, 'case.line_not_in_order');
    expectError(await create({ ...base, items: [{ ...base.items[0], quantity: 0 }] }), 400, 'request.invalid');
    expectError(await create({ ...base, items: [{ ...base.items[0], quantity: 1.5 }] }), 400, 'request.invalid');
    expectError(await create({ ...base, items: [{ ...base.items[0], quantity: line.quantity + 1 }] }), 409, 'case.quantity_exceeds_returnable');
    expectError(await create({ ...base, items: [{ ...base.items[0], reasonCode: 'bored' }] }), 422, 'case.reason_unknown');
    expectError(await create({ ...base, type: 'teleport' }), 400, 'request.invalid');
    expectError(await create({ ...base, requestedAmountMinor: -5 }), 400, 'request.invalid');
    expectError(await create({ ...base, type: 'partial_refund', requestedAmountMinor: line.paidMinor * 10 }), 422, 'refund.amount_out_of_bounds');
    expectError(await create({ ...base, surprise: true }), 400, 'request.invalid');
    const agentOverride = await create({ ...base, items: [{ ...base.items[0], lineId: order.lines[2]!.id }], overridePolicy: true });
    expect(agentOverride.status).toBe(201); // agents decide cases: they may override (and it is recorded)
    expect(agentOverride.body.timeline[0].payload.overridePolicy).toBe(true);
    const viewerCreate = await api('POST', '/api/v1/returns', { key: shop.keys.viewer, body: base });
    expectError(viewerCreate, 403, 'auth.forbidden');
    const after = await counts();
    expect(after.cases).toBe(before.cases + 1);
  });

  it('refuses bad actions, amounts and roles', async () => {
    const order = await placeOrder(api, shop.keys.manager, { shipped: false });
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'refund_only', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] },
    });
    const id = created.body.id;
    const before = await counts();
    const expectError = (res: { status: number; body: any }, status: number, code: string) => expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });

    expectError(await act(api, shop.keys.agent, randomUUID(), 'approve'), 404, 'case.not_found');
    expectError(await act(api, other.keys.owner, id, 'approve'), 404, 'case.not_found');
    const wrongState = await act(api, shop.keys.warehouse, id, 'inspect', { items: [] });
    expectError(wrongState, 400, 'request.invalid');
    const invalid = await act(api, shop.keys.warehouse, id, 'receive');
    expectError(invalid, 409, 'case.invalid_transition');
    expect(invalid.body.error.details).toMatchObject({ status: 'requested', action: 'receive' });
    expectError(await act(api, shop.keys.warehouse, id, 'approve'), 403, 'case.action_forbidden');
    expectError(await act(api, shop.keys.viewer, id, 'approve'), 403, 'case.action_forbidden');
    expectError(await act(api, shop.keys.agent, id, 'approve', { amountMinor: -1 }), 400, 'request.invalid');
    expectError(await act(api, shop.keys.agent, id, 'approve', { amountMinor: order.lines[0]!.paidMinor + 1 }), 422, 'refund.amount_out_of_bounds');
    expectError(await act(api, shop.keys.agent, id, 'reject', { reasonCode: 'because', reason: 'x' }), 400, 'request.invalid');
    expectError(await act(api, shop.keys.agent, id, 'reject', { reasonCode: 'other' }), 400, 'request.invalid');
    expectError(await act(api, shop.keys.agent, id, 'refund_succeeded'), 404, 'route.not_found');
    expectError(await act(api, shop.keys.warehouse, id, 'resolve', { outcome: 'refund', note: 'x' }, { 'x-acting-as': 'platform' }), 403, 'auth.platform_forbidden');
    expect(await counts()).toEqual(before);
    expect((await api('GET', `/api/v1/returns/${id}`, { key: shop.keys.viewer })).body.status).toBe('requested');
  });

  it('refuses evidence that is not a photo or video, or too big, whatever its name', async () => {
    const order = await placeOrder(api, shop.keys.manager);
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'quality_issue' }] },
    });
    const script = await uploadEvidence(api, shop.keys.agent, created.body.id, Buffer.from('<script>alert(1)</script>'), 'photo.jpg');
    expect({ status: script.status, code: script.body.error.code }).toEqual({ status: 415, code: 'evidence.type_not_allowed' });
    const big = await uploadEvidence(api, shop.keys.agent, created.body.id, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000)]), 'big.jpg');
    expect({ status: big.status, code: big.body.error.code }).toEqual({ status: 413, code: 'request.too_large' });
    const detail = await api('GET', `/api/v1/returns/${created.body.id}`, { key: shop.keys.viewer });
    expect(detail.body.evidence).toEqual([]);
    expect((await api('GET', `/api/v1/evidence/${randomUUID()}`, { key: shop.keys.viewer })).status).toBe(404);
  });
});
