import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { queryRows } from '../../src/db/client.js';
import { ensureRmaSequence, takeRmaCounters } from '../../src/db/repos/rma-repo.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { act, placeOrder } from '../helpers/returns.js';

let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'races');
  api = client(t.baseUrl);
  await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProvider: 'simulated' } });
});
afterAll(() => t.close());

const bigOrder = () =>
  placeOrder(api, shop.keys.manager, {
    overrides: {
      lines: [
        { sku: 'RACE-A', title: 'Socks', quantity: 30, unitPriceMinor: 1999 },
        { sku: 'RACE-B', title: 'Scarf', quantity: 7, unitPriceMinor: 4567 },
      ],
      orderDiscountMinor: 1234,
      shippingFeeMinor: 800,
    },
  });

describe('concurrency', () => {
  it("a new shop's first requests, all at once, are all opened with distinct RMA numbers", async () => {
    // The shop's RMA sequence is created by its first request: concurrent first requests race
    // to create it ("create sequence if not exists" is not atomic between sessions).
    const fresh = await createTestShop(t.ctx, 'races-first');
    const orders = [];
    for (let i = 0; i < 8; i++) orders.push(await placeOrder(api, fresh.keys.manager, {}));
    const replies = await Promise.all(
      orders.map((o) =>
        api('POST', '/api/v1/returns', {
          key: fresh.keys.agent,
          body: { orderId: o.id, type: 'return_refund', items: [{ lineId: o.lines[0]!.id, quantity: 1, reasonCode: 'no_reason' }] },
        }),
      ),
    );
    for (const r of replies) expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(new Set(replies.map((r) => r.body.rmaNumber)).size).toBe(8);
    // The race itself, at its narrowest: sessions creating one shop's sequence at the same moment.
    for (let round = 0; round < 5; round++) {
      const shopId = uuidv7();
      await Promise.all(Array.from({ length: 10 }, () => ensureRmaSequence(t.ctx.db, shopId)));
      expect(await takeRmaCounters(t.ctx.db, shopId, 2)).toEqual([1, 2]);
    }
  });

  it('50 concurrent identical approvals: one applies, the others are refused or replayed', async () => {
    const order = await bigOrder();
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 2, reasonCode: 'no_reason' }] },
    });
    const id = created.body.id;
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => act(api, shop.keys.agent, id, 'approve', {}, i % 2 ? { 'idempotency-key': `approve-${id}` } : {})),
    );
    const fresh = replies.filter((r) => r.status === 200 && r.headers.get('idempotent-replayed') !== 'true');
    expect(fresh).toHaveLength(1);
    for (const r of replies) expect([200, 409]).toContain(r.status);
    for (const r of replies.filter((x) => x.status === 409)) expect(['case.invalid_transition', 'idempotency.in_progress']).toContain(r.body.error.code);
    const detail = await api('GET', `/api/v1/returns/${id}`, { key: shop.keys.viewer });
    expect(detail.body.timeline.filter((e: any) => e.type === 'case.approve')).toHaveLength(1);
  });

  it('100 concurrent refund calls across the cases of one order never pay more than was paid, nor twice', async () => {
    const order = await bigOrder();
    const [socks, scarf] = order.lines;
    // 30 + 7 units in 37 refund-only cases of one unit each (goods kept, delivered).
    const cases: string[] = [];
    for (const [line, n] of [[socks!, 30], [scarf!, 7]] as const) {
      for (let i = 0; i < n; i++) {
        const c = await api('POST', '/api/v1/returns', {
          key: shop.keys.agent,
          body: { orderId: order.id, type: 'refund_only', refundOnlyKind: 'delivered_keep', items: [{ lineId: line.id, quantity: 1, reasonCode: 'quality_issue' }] },
        });
        expect(c.status).toBe(201);
        cases.push(c.body.id);
      }
    }
    const calls = Array.from({ length: 100 }, (_, i) => cases[i % cases.length]!);
    const replies = await Promise.all(calls.map((id) => act(api, shop.keys.manager, id, 'approve')));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(cases.length);
    expect(replies.every((r) => r.status === 200 || r.status === 409), JSON.stringify(replies.filter((r) => r.status !== 200 && r.status !== 409).map((r) => [r.status, r.body]).slice(0, 3))).toBe(true);

    const [ledger] = await queryRows<{ refunded: number; refunds: number; payouts: number; paid_out: number; max_calls: number }>(
      t.ctx.db,
      sql`select (select coalesce(sum(amount_minor), 0)::bigint from refunds where order_id = ${order.id} and status = 'succeeded') as refunded,
                 (select count(*)::int from refunds where order_id = ${order.id}) as refunds,
                 (select count(*)::int from simulated_payouts p join refunds r on r.shop_id = p.shop_id and r.idempotency_key = p.idempotency_key where r.order_id = ${order.id}) as payouts,
                 (select coalesce(sum(p.amount_minor), 0)::bigint from simulated_payouts p join refunds r on r.shop_id = p.shop_id and r.idempotency_key = p.idempotency_key where r.order_id = ${order.id}) as paid_out,
                 (select coalesce(max(p.calls), 0)::int from simulated_payouts p join refunds r on r.shop_id = p.shop_id and r.idempotency_key = p.idempotency_key where r.order_id = ${order.id}) as max_calls`,
    );
    // Every unit refunded exactly once, and (all of it having come back for a seller fault) the
    // outbound shipping with the last one: the order's total to the unit, never more.
    const goods = socks!.paidMinor + scarf!.paidMinor;
    expect(goods + order.amounts.shippingFeeMinor).toBe(order.amounts.totalMinor);
    expect(Number(ledger!.refunded)).toBe(order.amounts.totalMinor);
    expect(ledger!.refunds).toBe(cases.length);
    expect(ledger!.payouts).toBe(cases.length);
    expect(Number(ledger!.paid_out)).toBe(order.amounts.totalMinor);
    expect(ledger!.max_calls).toBe(1);
    const perLine = await queryRows<{ order_line_id: string; amount: number; units: number }>(
      t.ctx.db,
      sql`select rl.order_line_id, sum(rl.amount_minor)::bigint as amount, sum(rl.quantity)::int as units from refund_lines rl join refunds r on r.shop_id = rl.shop_id and r.id = rl.refund_id
          where r.order_id = ${order.id} group by rl.order_line_id`,
    );
    for (const line of [socks!, scarf!]) {
      const row = perLine.find((r) => r.order_line_id === line.id)!;
      expect({ amount: Number(row.amount), units: row.units }).toEqual({ amount: line.paidMinor, units: line.quantity });
    }
    // Nothing is left to claim: one more request is refused.
    const more = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'refund_only', items: [{ lineId: socks!.id, quantity: 1, reasonCode: 'quality_issue' }] },
    });
    expect(more.status).toBe(409);
  });

  it('two cases racing for the last returnable unit: one wins', async () => {
    for (let round = 0; round < 5; round++) {
      const order = await placeOrder(api, shop.keys.manager, { overrides: { lines: [{ sku: 'LAST-1', title: 'Lamp', quantity: 1, unitPriceMinor: 19900 }], orderDiscountMinor: 0 } });
      const body = { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'no_reason' }] };
      const [a, b] = await Promise.all([api('POST', '/api/v1/returns', { key: shop.keys.agent, body }), api('POST', '/api/v1/returns', { key: shop.keys.agent, body })]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.error.code).toBe('case.quantity_exceeds_returnable');
    }
  });
});
