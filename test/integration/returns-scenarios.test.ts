import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { act, JPEG, placeOrder, uploadEvidence } from '../helpers/returns.js';

let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'scenarios');
  api = client(t.baseUrl);
  expect((await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProvider: 'simulated' } })).status).toBe(200);
});
afterAll(() => t.close());

const payouts = async (caseId: string) =>
  queryRows<{ amount_minor: number; calls: number }>(
    t.ctx.db,
    sql`select p.amount_minor, p.calls from simulated_payouts p join refunds r on r.shop_id = p.shop_id and r.idempotency_key = p.idempotency_key where r.case_id = ${caseId}`,
  );

describe('after-sales scenarios over HTTP', () => {
  it('refund before shipment: approved, paid in full once, completed', async () => {
    const order = await placeOrder(api, shop.keys.manager, { shipped: false });
    const line = order.lines[1]!;
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'refund_only', items: [{ lineId: line.id, quantity: 1, reasonCode: 'no_longer_needed' }] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'requested', refundOnlyKind: 'not_shipped', returnMethod: 'none', rmaNumber: expect.stringMatching(/^R2611010\d{3}$/) });
    expect(created.body.breakdown.refundMinor).toBe(line.paidMinor);
    const approved = await act(api, shop.keys.agent, created.body.id, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('completed');
    expect(approved.body.refundedMinor).toBe(line.paidMinor);
    expect(await payouts(created.body.id)).toEqual([{ amount_minor: line.paidMinor, calls: 1 }]);
    expect(approved.body.timeline.map((e: any) => e.type)).toEqual(['case.created', 'case.approve', 'case.refund_succeeded']);
  });

  it('in-transit interception, then refund', async () => {
    const order = await placeOrder(api, shop.keys.manager, { delivered: false });
    const line = order.lines[0]!;
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'refund_only', items: [{ lineId: line.id, quantity: 2, reasonCode: 'no_longer_needed' }] },
    });
    expect(created.body.refundOnlyKind).toBe('in_transit');
    const approved = await act(api, shop.keys.agent, created.body.id, 'approve');
    expect(approved.body.status).toBe('approved');
    expect(approved.body.allowedActions).toContain('intercepted');
    const done = await act(api, shop.keys.agent, created.body.id, 'intercepted', { note: 'SF confirmed the recall' });
    expect(done.body.status).toBe('completed');
    expect(done.body.refundedMinor).toBe(line.paidMinor);
  });

  it('no-reason return where the buyer pays shipping; restocked goods go back into stock', async () => {
    const order = await placeOrder(api, shop.keys.manager, { overrides: { shippingInsurance: false } });
    const line = order.lines[1]!;
    const preview = await api('POST', '/api/v1/returns/preview', {
      key: shop.keys.viewer,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: line.id, quantity: 1, reasonCode: 'no_reason', condition: 'opened' }] },
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ eligible: true, returnShippingPaidBy: 'buyer' });
    expect(preview.body.refund.refundMinor).toBe(line.paidMinor);
    const before = await queryRows<{ stock_on_hand: number }>(t.ctx.db, sql`select stock_on_hand from variants where shop_id = ${shop.id} and sku = ${line.sku}`);

    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: line.id, quantity: 1, reasonCode: 'no_reason', condition: 'opened' }] },
    });
    expect(created.body.returnShippingPayer).toBe('buyer');
    const id = created.body.id;
    expect((await act(api, shop.keys.agent, id, 'approve')).body.status).toBe('approved');
    expect((await act(api, shop.keys.agent, id, 'buyer_shipped', { carrier: 'ZTO', trackingNumber: '73100000001' })).body.status).toBe('in_transit');
    const received = await act(api, shop.keys.warehouse, id, 'receive');
    expect(received.body.status).toBe('received');
    const item = received.body.items[0];
    const inspected = await act(api, shop.keys.warehouse, id, 'inspect', { items: [{ itemId: item.id, acceptedQuantity: 1, grade: 'B', disposition: 'restock' }] });
    expect(inspected.body.status).toBe('inspected');
    const refunded = await act(api, shop.keys.manager, id, 'refund');
    expect(refunded.body.status).toBe('completed');
    expect(refunded.body.refundedMinor).toBe(line.paidMinor);
    const after = await queryRows<{ stock_on_hand: number }>(t.ctx.db, sql`select stock_on_hand from variants where shop_id = ${shop.id} and sku = ${line.sku}`);
    expect(after[0]!.stock_on_hand).toBe(before[0]!.stock_on_hand + 1);
    const moves = await queryRows<{ quantity: number; reason: string }>(t.ctx.db, sql`select quantity, reason from inventory_movements where case_id = ${id}`);
    expect(moves).toEqual([{ quantity: 1, reason: 'return_restock' }]);
  });

  it('damaged item with photos: a partial refund, the buyer keeps the goods', async () => {
    const order = await placeOrder(api, shop.keys.manager);
    const line = order.lines[0]!;
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: line.id, quantity: 1, reasonCode: 'quality_issue', condition: 'damaged', note: '衣服有破洞' }] },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const photo = await uploadEvidence(api, shop.keys.agent, id, JPEG, 'hole.png');
    expect(photo.status).toBe(201);
    expect(photo.body.mime).toBe('image/jpeg');
    const again = await uploadEvidence(api, shop.keys.agent, id, JPEG, 'same.jpg');
    expect(again.body.id).toBe(photo.body.id);
    const bytes = await fetch(`${t.baseUrl}/api/v1/evidence/${photo.body.id}`, { headers: { authorization: `Bearer ${shop.keys.viewer}` } });
    expect(bytes.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await bytes.arrayBuffer()).equals(JPEG)).toBe(true);

    const unitValue = Math.floor(line.paidMinor / line.quantity);
    const offer = Math.floor(unitValue * 0.3);
    const tooMuch = await act(api, shop.keys.agent, id, 'offer_partial', { amountMinor: line.paidMinor + 1 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.code).toBe('refund.amount_out_of_bounds');
    const offered = await act(api, shop.keys.agent, id, 'offer_partial', { amountMinor: offer, message: '补偿30%，商品无需退回' });
    expect(offered.body.status).toBe('offer_pending');
    const accepted = await act(api, shop.keys.agent, id, 'accept_offer');
    expect(accepted.body.status).toBe('completed');
    expect(accepted.body.refundedMinor).toBe(offer);
    expect(accepted.body.messages.map((m: any) => m.body)).toContain('补偿30%，商品无需退回');
  });

  it('wrong colour sent: exchange with the seller paying shipping both ways', async () => {
    // The catalogue has the other colour of the same product in stock.
    const order = await placeOrder(api, shop.keys.manager, {
      overrides: {
        lines: [{ sku: 'EX-TEE-BLACK-M', title: 'T恤 黑色 M', quantity: 1, unitPriceMinor: 9900, product: { externalId: 'EX-TEE', category: 'apparel' }, attributes: { colour: 'black', size: 'M' } }],
        orderDiscountMinor: 0,
        shippingFeeMinor: 0,
      },
    });
    await api('POST', '/api/v1/orders', {
      key: shop.keys.manager,
      body: {
        channel: 'manual',
        externalId: `stock-${Date.now()}`,
        currency: 'CNY',
        placedAt: '2026-10-01T00:00:00Z',
        lines: [{ sku: 'EX-TEE-WHITE-M', title: 'T恤 白色 M', quantity: 1, unitPriceMinor: 9900, product: { externalId: 'EX-TEE', category: 'apparel' }, attributes: { colour: 'white', size: 'M' } }],
      },
    });
    await t.ctx.db.execute(sql`update variants set stock_on_hand = 5 where shop_id = ${shop.id} and sku = 'EX-TEE-WHITE-M'`);
    const line = order.lines[0]!;
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: {
        orderId: order.id,
        type: 'exchange',
        items: [{ lineId: line.id, quantity: 1, reasonCode: 'wrong_item', replacementSku: 'EX-TEE-WHITE-M' }],
        returnShippingClaimMinor: 1200,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.returnShippingPayer).toBe('seller');
    expect(created.body.breakdown.compensationMinor).toBe(1200);
    const id = created.body.id;
    await act(api, shop.keys.agent, id, 'approve');
    await act(api, shop.keys.agent, id, 'buyer_shipped', { carrier: 'SF', trackingNumber: 'SF-BACK-1' });
    const received = await act(api, shop.keys.warehouse, id, 'receive');
    await act(api, shop.keys.warehouse, id, 'inspect', { items: [{ itemId: received.body.items[0].id, acceptedQuantity: 1, grade: 'A', disposition: 'restock' }] });
    const exchanged = await act(api, shop.keys.agent, id, 'exchange');
    expect(exchanged.body.status).toBe('exchange_pending');
    // Same price: no difference; the return shipping the buyer paid is reimbursed.
    expect(exchanged.body.refunds.map((r: any) => [r.kind, r.amountMinor, r.compensationMinor, r.status])).toEqual([['exchange_difference', 0, 1200, 'succeeded']]);
    const shipped = await act(api, shop.keys.warehouse, id, 'ship_replacement', { carrier: 'SF', trackingNumber: 'SF-OUT-1' });
    expect(shipped.body.status).toBe('completed');
    const stock = await queryRows<{ sku: string; stock_on_hand: number }>(t.ctx.db, sql`select sku, stock_on_hand from variants where shop_id = ${shop.id} and sku like 'EX-TEE-%' order by sku`);
    expect(stock).toEqual([
      { sku: 'EX-TEE-BLACK-M', stock_on_hand: 1 },
      { sku: 'EX-TEE-WHITE-M', stock_on_hand: 4 },
    ]);
  });

  it('quality complaint rejected after inspection with evidence, escalated, resolved for the seller', async () => {
    const order = await placeOrder(api, shop.keys.manager);
    const line = order.lines[0]!;
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: line.id, quantity: 1, reasonCode: 'quality_issue' }] },
    });
    const id = created.body.id;
    await act(api, shop.keys.agent, id, 'approve');
    await act(api, shop.keys.agent, id, 'buyer_shipped', { carrier: 'SF', trackingNumber: 'SF-Q-1' });
    const received = await act(api, shop.keys.warehouse, id, 'receive');
    const photo = await uploadEvidence(api, shop.keys.warehouse, id, JPEG, 'stain.jpg', 'inspection');
    const inspected = await act(api, shop.keys.warehouse, id, 'inspect', {
      items: [{ itemId: received.body.items[0].id, acceptedQuantity: 0, grade: 'D', disposition: 'scrap', note: '人为污渍，非质量问题' }],
      evidenceIds: [photo.body.id],
    });
    expect(inspected.body.status).toBe('inspected');
    const rejected = await act(api, shop.keys.agent, id, 'reject', { reasonCode: 'not_as_declared', reason: '验货发现人为污渍，不属于质量问题' });
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.rejection.label['zh-CN']).toBe('退回商品与申请描述不符');
    expect((await act(api, shop.keys.agent, id, 'escalate', { reason: '买家申请平台介入' })).body.status).toBe('escalated');
    const resolved = await act(api, shop.platformKey, id, 'resolve', { outcome: 'reject', note: '平台判定卖家胜诉' }, { 'x-acting-as': 'platform' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('closed');
    expect(resolved.body.timeline.at(-1)).toMatchObject({ type: 'case.resolve', actor: { kind: 'platform' } });
    const profile = await api('GET', `/api/v1/customers/${order.customer!.id}`, { key: shop.keys.viewer });
    expect(profile.body.history.disputesLost).toBe(1);
    expect(profile.body.history.inspectionMismatches).toBe(1);
    expect(profile.body.risk.factors.map((f: any) => f.code)).toContain('inspection_mismatch');
  });

  it('a custom-made item is refused by the policy, with the reason in both languages', async () => {
    const order = await placeOrder(api, shop.keys.manager);
    const custom = order.lines.find((l) => l.sku === 'ENGR-SILVER')!;
    const eligibility = await api('GET', `/api/v1/orders/${order.id}/eligibility`, { key: shop.keys.viewer });
    const verdict = eligibility.body.lines.find((l: any) => l.lineId === custom.id);
    expect(verdict.noReason).toMatchObject({ eligible: false, rule: 'exclusion.custom_made' });
    const refused = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: custom.id, quantity: 1, reasonCode: 'no_reason' }] },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('case.not_eligible');
    expect(refused.body.error.details.items[0]).toMatchObject({ eligible: false, rule: 'exclusion.custom_made' });
    expect(refused.body.error.details.items[0].explanation['zh-CN']).toMatch(/定制/);
    expect((await api('GET', `/api/v1/returns?orderId=${order.id}`, { key: shop.keys.viewer })).body.data).toEqual([]);
  });

  it('a trusted buyer gets a fast refund before the goods arrive', async () => {
    const trusted = { externalId: 'trusted-buyer', name: '老顾客', email: 'loyal@example.cn', phone: '13911112222' };
    let last;
    for (let i = 0; i < 6; i++) last = await placeOrder(api, shop.keys.manager, { overrides: { customer: trusted, shippingAddress: { name: '老顾客', phone: '13911112222' } } });
    const order = last!;
    const line = order.lines[1]!;
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: line.id, quantity: 1, reasonCode: 'no_reason' }] },
    });
    expect(created.body.riskScore).toBeLessThanOrEqual(20);
    const id = created.body.id;
    await act(api, shop.keys.agent, id, 'approve');
    const fast = await act(api, shop.keys.manager, id, 'fast_refund');
    expect(fast.body.status).toBe('approved');
    expect(fast.body.refundedEarly).toBe(true);
    expect(fast.body.refundedMinor).toBe(line.paidMinor);
    await act(api, shop.keys.agent, id, 'buyer_shipped', { carrier: 'SF', trackingNumber: 'SF-FAST-1' });
    const received = await act(api, shop.keys.warehouse, id, 'receive');
    await act(api, shop.keys.warehouse, id, 'inspect', { items: [{ itemId: received.body.items[0].id, acceptedQuantity: 1, grade: 'A', disposition: 'restock' }] });
    const refundAgain = await act(api, shop.keys.manager, id, 'refund');
    expect(refundAgain.status).toBe(409);
    const done = await act(api, shop.keys.warehouse, id, 'complete');
    expect(done.body.status).toBe('completed');
    expect(done.body.refundedMinor).toBe(line.paidMinor);
    expect(await payouts(id)).toEqual([{ amount_minor: line.paidMinor, calls: 1 }]);
  });
});
