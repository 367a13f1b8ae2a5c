import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { act, placeOrder } from '../helpers/returns.js';

/**
 * Exchanges done right (issue 13, points 8 and 9): the same variant as a replacement, a top-up
 * that is due until staff confirm it paid, a cheaper replacement refunded exactly once, an offer
 * on an exchange worth more than nothing, and one case refunding one item while exchanging another.
 */
let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;

const PRICES = { S: 7_900, M: 9_900, L: 12_900 } as const;
const sku = (size: keyof typeof PRICES) => `XG-TEE-${size}`;
const teeLine = (size: keyof typeof PRICES, quantity = 1) => ({
  sku: sku(size),
  title: `T恤 ${size}`,
  quantity,
  unitPriceMinor: PRICES[size],
  product: { externalId: 'XG-TEE', category: 'apparel' },
  attributes: { size },
});
const mugLine = { sku: 'XG-MUG', title: '马克杯', quantity: 1, unitPriceMinor: 4_500, product: { externalId: 'XG-MUG', category: 'home' }, attributes: {} };

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'exchanges');
  api = client(t.baseUrl);
  expect((await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProvider: 'simulated' } })).status).toBe(200);
  // The catalogue: every size of the tee (and the mug) exists and is in stock.
  await placeOrder(api, shop.keys.manager, { overrides: { lines: [teeLine('S'), teeLine('M'), teeLine('L'), mugLine], orderDiscountMinor: 0, shippingFeeMinor: 0 } });
  for (const s of [sku('S'), sku('M'), sku('L'), 'XG-MUG']) {
    const variant = (await api('GET', `/api/v1/variants?sku=${s}`, { key: shop.keys.manager })).body.data[0];
    expect((await api('PATCH', `/api/v1/variants/${variant.id}`, { key: shop.keys.manager, body: { stockOnHand: 10 } })).status).toBe(200);
  }
});
afterAll(() => t?.close());

const order = (lines: unknown[]) => placeOrder(api, shop.keys.manager, { overrides: { lines, orderDiscountMinor: 0, shippingFeeMinor: 0 } });
const stockOf = async (s: string) => (await api('GET', `/api/v1/variants?sku=${s}`, { key: shop.keys.manager })).body.data[0].stockOnHand as number;
const payouts = async (caseId: string) =>
  queryRows<{ amount_minor: number; calls: number }>(
    t.ctx.db,
    sql`select p.amount_minor, p.calls from simulated_payouts p join refunds r on r.shop_id = p.shop_id and r.idempotency_key = p.idempotency_key where r.case_id = ${caseId}`,
  );
const refundLines = async (caseId: string) =>
  queryRows<{ order_line_id: string; quantity: number; amount_minor: number }>(
    t.ctx.db,
    sql`select rl.order_line_id, rl.quantity, rl.amount_minor from refund_lines rl join refunds r on r.shop_id = rl.shop_id and r.id = rl.refund_id where r.case_id = ${caseId} order by rl.amount_minor`,
  );

/** Approve, ship back, receive and inspect every item as accepted. */
async function throughInspection(id: string, grade = 'A', disposition = 'restock') {
  expect((await act(api, shop.keys.agent, id, 'approve')).status).toBe(200);
  expect((await act(api, shop.keys.agent, id, 'buyer_shipped', { carrier: 'SF', trackingNumber: `SF-${id.slice(-8)}` })).status).toBe(200);
  const received = await act(api, shop.keys.warehouse, id, 'receive');
  const inspected = await act(api, shop.keys.warehouse, id, 'inspect', {
    items: received.body.items.map((i: { id: string; quantity: number }) => ({ itemId: i.id, acceptedQuantity: i.quantity, grade, disposition })),
  });
  expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);
  return inspected.body;
}

describe('exchanges over HTTP', () => {
  it('replaces a defective item by the same variant (no replacementSku): nothing to pay either way, stock of that variant goes down', async () => {
    const o = await order([teeLine('M')]);
    const before = await stockOf(sku('M'));
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: o.id, type: 'exchange', items: [{ lineId: o.lines[0]!.id, quantity: 1, reasonCode: 'quality_issue' }] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.replacements).toMatchObject([{ sku: sku('M'), quantity: 1, unitPriceMinor: PRICES.M, priceDifferenceMinor: 0 }]);
    expect(created.body.items[0].resolution).toBe('exchange');
    expect(created.body.breakdown).toMatchObject({ refundMinor: 0, buyerOwesMinor: 0, exchangeDifferenceMinor: 0 });
    const id = created.body.id;
    await throughInspection(id, 'D', 'scrap');
    const exchanged = await act(api, shop.keys.agent, id, 'exchange');
    expect(exchanged.body).toMatchObject({ status: 'exchange_pending', buyerOwesMinor: 0, refunds: [] });
    const shipped = await act(api, shop.keys.warehouse, id, 'ship_replacement', { carrier: 'SF', trackingNumber: 'SF-SAME-1' });
    expect(shipped.body.status).toBe('completed');
    expect(await stockOf(sku('M'))).toBe(before - 1);
  });

  it('a dearer replacement: the top-up is due, the replacement waits for it, staff confirm it paid (never more than due)', async () => {
    const o = await order([teeLine('M')]);
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: o.id, type: 'exchange', items: [{ lineId: o.lines[0]!.id, quantity: 1, reasonCode: 'wrong_item', replacementSku: sku('L') }] },
    });
    expect(created.status).toBe(201);
    const topUp = PRICES.L - PRICES.M;
    expect(created.body.breakdown).toMatchObject({ buyerOwesMinor: topUp, refundMinor: 0, exchangeDifferenceMinor: topUp });
    const id = created.body.id;
    await throughInspection(id);
    const exchanged = await act(api, shop.keys.agent, id, 'exchange');
    expect(exchanged.body).toMatchObject({ status: 'exchange_pending', buyerOwesMinor: topUp, buyerPaidMinor: 0 });
    expect(exchanged.body.allowedActions).not.toContain('confirm_payment');
    expect((await api('GET', `/api/v1/returns/${id}`, { key: shop.keys.manager })).body.allowedActions).toContain('confirm_payment');

    const early = await act(api, shop.keys.warehouse, id, 'ship_replacement', { carrier: 'SF', trackingNumber: 'SF-TOPUP-1' });
    expect([early.status, early.body.error.code, early.body.error.details.dueMinor]).toEqual([409, 'exchange.payment_due', topUp]);
    // Confirming money is for roles that may issue refunds.
    expect((await act(api, shop.keys.agent, id, 'confirm_payment', { amountMinor: 1_000, reference: 'WX-1' })).status).toBe(403);
    const tooMuch = await act(api, shop.keys.manager, id, 'confirm_payment', { amountMinor: topUp + 1, reference: 'WX-1' });
    expect([tooMuch.status, tooMuch.body.error.code]).toEqual([422, 'payment.exceeds_due']);
    expect((await act(api, shop.keys.manager, id, 'confirm_payment', { amountMinor: 0, reference: 'WX-1' })).status).toBe(400);

    const part = await act(api, shop.keys.manager, id, 'confirm_payment', { amountMinor: 1_000, reference: 'WX-1' });
    expect(part.body).toMatchObject({ status: 'exchange_pending', buyerOwesMinor: topUp - 1_000, buyerPaidMinor: 1_000 });
    const rest = await act(api, shop.keys.manager, id, 'confirm_payment', { amountMinor: topUp - 1_000, reference: 'WX-2', note: '微信转账' });
    expect(rest.body).toMatchObject({ buyerOwesMinor: 0, buyerPaidMinor: topUp });
    expect(rest.body.timeline.at(-1)).toMatchObject({ type: 'case.confirm_payment', payload: { amountMinor: topUp - 1_000, reference: 'WX-2', dueMinor: 0 } });
    // A confirmation sent again finds nothing due: the money counts once.
    const again = await act(api, shop.keys.manager, id, 'confirm_payment', { amountMinor: topUp - 1_000, reference: 'WX-2' });
    expect([again.status, again.body.error.code]).toEqual([409, 'payment.nothing_due']);
    const shipped = await act(api, shop.keys.warehouse, id, 'ship_replacement', { carrier: 'SF', trackingNumber: 'SF-TOPUP-1' });
    expect(shipped.body.status).toBe('completed');
    expect(shipped.body.refunds).toEqual([]);
  });

  it('a cheaper replacement: the seller refunds the difference through the refund ledger, exactly once', async () => {
    const o = await order([teeLine('M')]);
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: o.id, type: 'exchange', items: [{ lineId: o.lines[0]!.id, quantity: 1, reasonCode: 'wrong_size', replacementSku: sku('S') }] },
    });
    const id = created.body.id;
    const difference = PRICES.M - PRICES.S;
    expect(created.body.breakdown).toMatchObject({ refundMinor: difference, buyerOwesMinor: 0 });
    await throughInspection(id);
    const headers = { 'idempotency-key': `exchange-${id}` };
    const [first, retried] = [await act(api, shop.keys.agent, id, 'exchange', {}, headers), await act(api, shop.keys.agent, id, 'exchange', {}, headers)];
    expect(first.body.refunds.map((r: any) => [r.kind, r.amountMinor, r.status])).toEqual([['exchange_difference', difference, 'succeeded']]);
    expect(retried.body.refunds).toHaveLength(1);
    const twice = await act(api, shop.keys.agent, id, 'exchange');
    expect([twice.status, twice.body.error.code]).toEqual([409, 'case.invalid_transition']);
    expect(await payouts(id)).toEqual([{ amount_minor: difference, calls: 1 }]);
    // The exchanged unit is not used up by the difference: only money goes back against the line.
    expect(await refundLines(id)).toEqual([{ order_line_id: o.lines[0]!.id, quantity: 0, amount_minor: difference }]);
    const shipped = await act(api, shop.keys.warehouse, id, 'ship_replacement', { carrier: 'SF', trackingNumber: 'SF-CHEAP-1' });
    expect(shipped.body).toMatchObject({ status: 'completed', refundedMinor: difference });
  });

  it('a partial-refund offer on an exchange: the buyer keeps the item and gets part of it back; no replacement is sent', async () => {
    const o = await order([teeLine('M')]);
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: o.id, type: 'exchange', items: [{ lineId: o.lines[0]!.id, quantity: 1, reasonCode: 'quality_issue' }] },
    });
    const id = created.body.id;
    const stock = await stockOf(sku('M'));
    const tooMuch = await act(api, shop.keys.agent, id, 'offer_partial', { amountMinor: PRICES.M + 1 });
    expect([tooMuch.status, tooMuch.body.error.code, tooMuch.body.error.details.maxMinor]).toEqual([422, 'refund.amount_out_of_bounds', PRICES.M]);
    const offered = await act(api, shop.keys.agent, id, 'offer_partial', { amountMinor: 3_000, message: '小瑕疵，补偿30元，无需退回' });
    expect(offered.status, JSON.stringify(offered.body)).toBe(200);
    expect(offered.body).toMatchObject({ status: 'offer_pending', offerAmountMinor: 3_000 });
    const accepted = await act(api, shop.keys.agent, id, 'accept_offer');
    expect(accepted.body).toMatchObject({ status: 'completed', refundedMinor: 3_000 });
    expect(await payouts(id)).toEqual([{ amount_minor: 3_000, calls: 1 }]);
    expect(await stockOf(sku('M'))).toBe(stock);
  });

  it('one case refunds one item and exchanges another: per-line money, the top-up netted against the refund, units used up only by the refunded line', async () => {
    const o = await order([mugLine, teeLine('M')]);
    const [mug, tee] = o.lines;
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: {
        orderId: o.id,
        type: 'exchange',
        items: [
          { lineId: mug!.id, quantity: 1, reasonCode: 'quality_issue', resolution: 'refund' },
          { lineId: tee!.id, quantity: 1, reasonCode: 'wrong_item', resolution: 'exchange', replacementSku: sku('L') },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const topUp = PRICES.L - PRICES.M;
    expect(created.body.items.map((i: any) => [i.lineId, i.resolution])).toEqual([
      [mug!.id, 'refund'],
      [tee!.id, 'exchange'],
    ]);
    expect(created.body.replacements).toMatchObject([{ itemId: created.body.items[1].id, sku: sku('L') }]);
    const expected = { refundMinor: mugLine.unitPriceMinor - topUp, nettedMinor: topUp, buyerOwesMinor: 0 };
    expect(created.body.breakdown).toMatchObject(expected);
    expect(created.body.breakdown.items.map((i: any) => [i.resolution, i.refundMinor, i.differenceMinor])).toEqual([
      ['refund', mugLine.unitPriceMinor - topUp, 0],
      ['exchange', 0, topUp],
    ]);
    const id = created.body.id;
    await throughInspection(id);
    const exchanged = await act(api, shop.keys.agent, id, 'exchange');
    expect(exchanged.body).toMatchObject({ status: 'exchange_pending', buyerOwesMinor: 0, refundedMinor: expected.refundMinor });
    expect(exchanged.body.refunds.map((r: any) => [r.kind, r.amountMinor, r.status])).toEqual([['exchange_difference', expected.refundMinor, 'succeeded']]);
    expect(await payouts(id)).toEqual([{ amount_minor: expected.refundMinor, calls: 1 }]);
    expect(await refundLines(id)).toEqual([{ order_line_id: mug!.id, quantity: 1, amount_minor: expected.refundMinor }]);
    const shipped = await act(api, shop.keys.warehouse, id, 'ship_replacement', { carrier: 'SF', trackingNumber: 'SF-MIX-1' });
    expect(shipped.body.status).toBe('completed');
  });

  it('a mixed case whose refund is smaller than the top-up collects the rest', async () => {
    const o = await order([teeLine('S'), teeLine('M')]);
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: {
        orderId: o.id,
        type: 'exchange',
        items: [
          { lineId: o.lines[0]!.id, quantity: 1, reasonCode: 'quality_issue', resolution: 'refund' },
          { lineId: o.lines[1]!.id, quantity: 1, reasonCode: 'wrong_item', replacementSku: sku('L') },
        ],
      },
    });
    // Refund 7 900 for the S, top-up 3 000 for M → L: 4 900 back, nothing owed. Then a dearer case is the mirror.
    expect(created.body.breakdown).toMatchObject({ refundMinor: PRICES.S - (PRICES.L - PRICES.M), buyerOwesMinor: 0 });
    const big = await order([teeLine('S'), teeLine('M', 4)]);
    const dear = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: {
        orderId: big.id,
        type: 'exchange',
        items: [
          { lineId: big.lines[0]!.id, quantity: 1, reasonCode: 'quality_issue', resolution: 'refund' },
          { lineId: big.lines[1]!.id, quantity: 4, reasonCode: 'wrong_item', replacementSku: sku('L') },
        ],
      },
    });
    const owed = 4 * (PRICES.L - PRICES.M) - PRICES.S;
    expect(dear.body.breakdown).toMatchObject({ refundMinor: 0, nettedMinor: PRICES.S, buyerOwesMinor: owed });
    expect(dear.body.buyerOwesMinor).toBe(owed);
  });

  it('refuses resolutions that do not fit the case type, with stable codes', async () => {
    const o = await order([mugLine, teeLine('M')]);
    const [mug, tee] = o.lines;
    const post = (body: Record<string, unknown>) => api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: o.id, ...body } });
    const cases: [Record<string, unknown>, number, string][] = [
      [{ type: 'return_refund', items: [{ lineId: tee!.id, quantity: 1, reasonCode: 'wrong_item', resolution: 'exchange' }] }, 422, 'case.resolution_needs_exchange'],
      [{ type: 'exchange', items: [{ lineId: mug!.id, quantity: 1, reasonCode: 'quality_issue', resolution: 'refund' }] }, 422, 'case.exchange_without_replacement'],
      [{ type: 'exchange', items: [{ lineId: tee!.id, quantity: 1, reasonCode: 'wrong_item', resolution: 'refund', replacementSku: sku('L') }] }, 422, 'case.replacement_not_exchange'],
      [{ type: 'exchange', items: [{ lineId: tee!.id, quantity: 1, reasonCode: 'wrong_item', replacementSku: 'XG-MUG' }] }, 422, 'exchange.not_same_product'],
      [{ type: 'exchange', items: [{ lineId: tee!.id, quantity: 1, reasonCode: 'wrong_item', resolution: 'swap' }] }, 400, 'request.invalid'],
    ];
    for (const [body, status, code] of cases) {
      const res = await post(body);
      expect({ body, status: res.status, code: res.body?.error?.code }).toEqual({ body, status, code });
    }
  });
});
