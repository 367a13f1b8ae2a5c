import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { rebuildAnalytics } from '../../src/services/analytics/rebuild.js';
import { dispatchOutbox } from '../../src/worker/jobs/outbox.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { portalOrder, portalToken } from '../helpers/portal.js';
import { act, placeOrder } from '../helpers/returns.js';

/**
 * Issue 19 §1: compensation on a case (coupon from the pool or generated, store credit, points)
 * within the policy caps, recorded on the case and the buyer, mailed, shown in the portal,
 * counted in the cost of returns; policy rules grant by themselves on approval.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;
let other: TestShop;

async function setCare(s: TestShop, care: Record<string, unknown>) {
  const current = (await api('GET', '/api/v1/policy', { key: s.keys.owner })).body.document;
  const saved = await api('PUT', '/api/v1/policy', { key: s.keys.owner, body: { document: { ...current, care } } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}

async function openCase(s: TestShop, reasonCode = 'no_reason') {
  const order = await placeOrder(api, s.keys.manager);
  const created = await api('POST', '/api/v1/returns', { key: s.keys.agent, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode }] } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id as string, order };
}
const drain = async () => {
  while ((await dispatchOutbox(t.ctx)) > 0);
};

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  shop = await createTestShop(t.ctx, 'care-comp');
  other = await createTestShop(t.ctx, 'care-comp-b');
  await setCare(shop, { compensation: { maxPerCaseMinor: 5_000, maxPerMonthMinor: 100_000, maxPointsPerCase: 500, maxPointsPerMonth: 10_000 } });
});
afterAll(() => t?.close());

describe('the coupon pool', () => {
  it('takes codes as a list or CSV, normalised, reports duplicates, refuses bad codes and roles that may not write the policy', async () => {
    const list = await api('POST', '/api/v1/coupon-codes', { key: shop.keys.owner, body: { codes: ['save-20-a', 'SAVE-20-B', ' save-20-c '], valueMinor: 2_000, currency: 'CNY' } });
    expect(list.status, JSON.stringify(list.body)).toBe(201);
    expect(list.body).toEqual({ added: 3, duplicates: [] });
    const csv = await api('POST', '/api/v1/coupon-codes', { key: shop.keys.manager, body: { csv: 'code\nSAVE-20-C\nSAVE-20-D\n', valueMinor: 2_000, currency: 'CNY' } });
    expect(csv.body).toEqual({ added: 1, duplicates: ['SAVE-20-C'] });
    const bad = await api('POST', '/api/v1/coupon-codes', { key: shop.keys.owner, body: { codes: ['ok-code', 'no spaces!'], valueMinor: 2_000, currency: 'CNY' } });
    expect([bad.status, bad.body.error.code]).toEqual([422, 'coupon.invalid_codes']);
    expect((await api('POST', '/api/v1/coupon-codes', { key: shop.keys.owner, body: { codes: ['X-1-2'], valueMinor: 0, currency: 'CNY' } })).status).toBe(400);
    expect((await api('POST', '/api/v1/coupon-codes', { key: shop.keys.owner, body: { valueMinor: 100, currency: 'CNY' } })).status).toBe(400);
    expect((await api('POST', '/api/v1/coupon-codes', { key: shop.keys.agent, body: { codes: ['AGENT-1'], valueMinor: 2_000, currency: 'CNY' } })).status).toBe(403);
    const pool = await api('GET', '/api/v1/coupon-codes', { key: shop.keys.viewer });
    expect(pool.body.data).toEqual([{ currency: 'CNY', valueMinor: 2_000, free: 4, granted: 0, expired: 0 }]);
    expect((await api('GET', '/api/v1/coupon-codes', { key: other.keys.viewer })).body.data).toEqual([]);
  });

  it('hands each code out once, even to concurrent grants', async () => {
    const cases = await Promise.all(Array.from({ length: 6 }, () => openCase(shop)));
    const grants = await Promise.all(cases.map((c) => api('POST', `/api/v1/returns/${c.id}/compensations`, { key: shop.keys.agent, body: { kind: 'coupon', amountMinor: 2_000, note: 'sorry' } })));
    const ok = grants.filter((g) => g.status === 201);
    const empty = grants.filter((g) => g.status === 409);
    expect(ok).toHaveLength(4);
    expect(empty.map((g) => g.body.error.code)).toEqual(['compensation.pool_empty', 'compensation.pool_empty']);
    const codes = ok.map((g) => g.body.couponCode);
    expect(new Set(codes).size).toBe(4);
    expect(codes.every((c: string) => c.startsWith('SAVE-20-'))).toBe(true);
    const [row] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from coupon_codes where shop_id = ${shop.id} and compensation_id is not null`);
    expect(row!.n).toBe(4);
    expect((await api('GET', '/api/v1/coupon-codes', { key: shop.keys.viewer })).body.data[0]).toMatchObject({ free: 0, granted: 4 });
  });
});

describe('granting compensation', () => {
  it('generates a coupon, records it on the case and the buyer, mails it (zh-CN) and shows it in the portal', async () => {
    const { id, order } = await openCase(shop);
    const granted = await api('POST', `/api/v1/returns/${id}/compensations`, { key: shop.keys.agent, body: { kind: 'coupon', couponSource: 'generated', amountMinor: 1_500, note: 'late courier' } });
    expect(granted.status, JSON.stringify(granted.body)).toBe(201);
    expect(granted.body).toMatchObject({ kind: 'coupon', amountMinor: 1_500, currency: 'CNY', couponSource: 'generated', grantedBy: 'staff', rule: null, customerId: order.customer!.id });
    expect(granted.body.couponCode).toMatch(/^RT-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    // 90 days by default.
    expect(granted.body.expiresAt).toBe(new Date(t.clock.now().getTime() + 90 * 86_400_000).toISOString());

    const detail = (await api('GET', `/api/v1/returns/${id}`, { key: shop.keys.viewer })).body;
    expect(detail.timeline.map((e: any) => e.type)).toContain('compensation.granted');
    expect((await api('GET', `/api/v1/returns/${id}/compensations`, { key: shop.keys.viewer })).body.data).toHaveLength(1);
    const buyer = (await api('GET', `/api/v1/customers/${order.customer!.id}/compensations`, { key: shop.keys.viewer })).body;
    expect(buyer.data.map((c: any) => c.id)).toContain(granted.body.id);
    expect(buyer.data.every((c: any) => c.customerId === order.customer!.id)).toBe(true);
    expect(buyer.totals).toEqual([{ currency: 'CNY', amountMinor: buyer.data.reduce((s: number, c: any) => s + c.amountMinor, 0), points: 0, grants: buyer.data.length }]);
    expect((await api('GET', `/api/v1/returns/${id}/compensations`, { key: other.keys.viewer })).status).toBe(404);

    await drain();
    const mail = (await api('GET', `/api/v1/dev-mailbox?caseId=${id}`, { key: shop.keys.owner })).body.data.find((m: any) => m.template === 'compensation_granted');
    expect(mail.text).toContain(granted.body.couponCode);
    expect(mail.text).toContain('优惠券');
    expect(mail.text).toContain('¥15.00');
  });

  it('gives store credit into the ledger and points, within the caps per case and per month', async () => {
    const { id, order } = await openCase(shop);
    const credit = await api('POST', `/api/v1/returns/${id}/compensations`, { key: shop.keys.agent, body: { kind: 'store_credit', amountMinor: 3_000 } });
    expect(credit.status, JSON.stringify(credit.body)).toBe(201);
    const [ledger] = await queryRows<{ amount_minor: string; reason: string }>(t.ctx.db, sql`select amount_minor, reason from store_credit_ledger where shop_id = ${shop.id} and customer_id = ${order.customer!.id} and case_id = ${id}`);
    expect([Number(ledger!.amount_minor), ledger!.reason]).toEqual([3_000, 'compensation']);

    const over = await api('POST', `/api/v1/returns/${id}/compensations`, { key: shop.keys.agent, body: { kind: 'store_credit', amountMinor: 2_001 } });
    expect([over.status, over.body.error.code, over.body.error.details.left]).toEqual([422, 'compensation.case_cap', 2_000]);
    expect((await api('POST', `/api/v1/returns/${id}/compensations`, { key: shop.keys.agent, body: { kind: 'points', points: 500 } })).status).toBe(201);
    const morePoints = await api('POST', `/api/v1/returns/${id}/compensations`, { key: shop.keys.agent, body: { kind: 'points', points: 1 } });
    expect(morePoints.body.error.code).toBe('compensation.case_cap');

    // Bad input: 400 with a code, never 5xx.
    expect((await api('POST', `/api/v1/returns/${id}/compensations`, { key: shop.keys.agent, body: { kind: 'points', amountMinor: 100, points: 1 } })).body.error.code).toBe('compensation.amount_not_for_points');
    expect((await api('POST', `/api/v1/returns/${id}/compensations`, { key: shop.keys.agent, body: { kind: 'store_credit' } })).body.error.code).toBe('compensation.amount_required');
    expect((await api('POST', `/api/v1/returns/${id}/compensations`, { key: shop.keys.agent, body: { kind: 'cash', amountMinor: 1 } })).status).toBe(400);
    expect((await api('POST', `/api/v1/returns/${id}/compensations`, { key: shop.keys.viewer, body: { kind: 'points', points: 1 } })).status).toBe(403);
    expect((await api('POST', `/api/v1/returns/${id}/compensations`, { key: other.keys.agent, body: { kind: 'points', points: 1 } })).status).toBe(404);

    // The month: 4 pool coupons (8,000), a generated one (1,500) and this store credit (3,000) so far: a cap of 12,500 is reached.
    await setCare(shop, { compensation: { maxPerCaseMinor: 5_000, maxPerMonthMinor: 12_500 } });
    const second = await openCase(shop);
    const month = await api('POST', `/api/v1/returns/${second.id}/compensations`, { key: shop.keys.agent, body: { kind: 'store_credit', amountMinor: 100 } });
    expect([month.status, month.body.error.code]).toEqual([422, 'compensation.month_cap']);
    // The next month starts afresh.
    t.clock.advance(31 * 86_400_000);
    expect((await api('POST', `/api/v1/returns/${second.id}/compensations`, { key: shop.keys.agent, body: { kind: 'store_credit', amountMinor: 100 } })).status).toBe(201);
    t.clock.advance(-31 * 86_400_000);
    await setCare(shop, { compensation: { maxPerCaseMinor: 5_000, maxPerMonthMinor: 100_000 } });
  });

  it('a policy rule grants by itself when a seller-fault case is approved, once, and the caps are validated on save', async () => {
    const current = (await api('GET', '/api/v1/policy', { key: shop.keys.owner })).body.document;
    const badRule = await api('PUT', '/api/v1/policy', {
      key: shop.keys.owner,
      body: { document: { ...current, care: { compensation: { maxPerCaseMinor: 1_000, rules: [{ name: 'seller_sorry', faults: ['seller'], kind: 'coupon', amountMinor: 2_000 }] } } } },
    });
    expect([badRule.status, badRule.body.error.code]).toEqual([422, 'policy.invalid']);
    expect(JSON.stringify(badRule.body.error.details)).toContain('/care/compensation/rules/0');
    await setCare(shop, { compensation: { rules: [{ name: 'seller_sorry', faults: ['seller'], kind: 'coupon', amountMinor: 1_000 }] } });

    const buyerFault = await openCase(shop, 'no_reason');
    const sellerFault = await openCase(shop, 'wrong_item');
    expect((await act(api, shop.keys.agent, buyerFault.id, 'approve')).status).toBe(200);
    expect((await act(api, shop.keys.agent, sellerFault.id, 'approve')).status).toBe(200);
    await drain();
    // The outbox hands the same events over again (a crash before it marked them): nothing is granted twice.
    await t.ctx.db.execute(sql`update outbox set dispatched_at = null where shop_id = ${shop.id} and case_id = ${sellerFault.id}`);
    await drain();
    const granted = (await api('GET', `/api/v1/returns/${sellerFault.id}/compensations`, { key: shop.keys.viewer })).body.data;
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({ kind: 'coupon', amountMinor: 1_000, grantedBy: 'system', rule: 'care.compensation.rules.seller_sorry', couponSource: 'generated' });
    expect((await api('GET', `/api/v1/returns/${buyerFault.id}/compensations`, { key: shop.keys.viewer })).body.data).toEqual([]);
    const mails = (await api('GET', `/api/v1/dev-mailbox?caseId=${sellerFault.id}`, { key: shop.keys.owner })).body.data.filter((m: any) => m.template === 'compensation_granted');
    expect(mails).toHaveLength(1);
  });

  it('is counted in the cost of returns and the care analytics', async () => {
    const cost = (await api('GET', '/api/v1/analytics/cost?from=2026-10-01&to=2026-11-30', { key: shop.keys.viewer })).body;
    const [row] = await queryRows<{ total: string }>(t.ctx.db, sql`select sum(amount_minor) as total from compensations where shop_id = ${shop.id} and created_at < '2026-12-01T00:00:00+08:00'`);
    expect(cost.compensationMinor).toBe(Number(row!.total));
    expect(cost.compensationMinor).toBeGreaterThan(0);
    expect(cost.totalWithCompensationMinor).toBe(cost.totals.totalMinor + cost.compensationMinor);
    // Folded into the cube (as refunds are), not summed on read: the rollups and deltas hold it, and a rebuild from the raw rows agrees.
    const [cube] = await queryRows<{ total: string }>(
      t.ctx.db,
      sql`select (select coalesce(sum(care_compensation_minor), 0) from analytics_rollups where shop_id = ${shop.id} and grain = 'day' and level = 0 and channel = '' and reason = '' and bucket between '2026-10-01' and '2026-11-30')
               + (select coalesce(sum(care_compensation_minor), 0) from analytics_deltas where shop_id = ${shop.id} and grain = 'day' and level = 0 and channel = '' and reason = '' and seconds = -1
                  and bucket between '2026-10-01' and '2026-11-30') as total`,
    );
    expect(Number(cube!.total)).toBe(cost.compensationMinor);
    await rebuildAnalytics(t.ctx, shop.id);
    expect((await api('GET', '/api/v1/analytics/cost?from=2026-10-01&to=2026-11-30', { key: shop.keys.viewer })).body.compensationMinor).toBe(cost.compensationMinor);
    const care = (await api('GET', '/api/v1/analytics/care?from=2026-10-01&to=2026-11-30', { key: shop.keys.viewer })).body;
    const coupons = care.compensation.find((c: any) => c.kind === 'coupon');
    expect(coupons.grants).toBe(6);
    expect((await api('GET', '/api/v1/analytics/care?from=2026-11-30&to=2026-10-01', { key: shop.keys.viewer })).status).toBe(400);
  });
});

describe('the portal', () => {
  it("shows the buyer their case's compensation, without staff notes", async () => {
    const order = await portalOrder(t, api, shop);
    const created = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_reason' }] } });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await api('POST', `/api/v1/returns/${id}/compensations`, { key: shop.keys.agent, body: { kind: 'coupon', couponSource: 'generated', amountMinor: 800, note: 'internal only' } })).status).toBe(201);
    const token = await portalToken(api, shop.slug, order);
    const view = await api('GET', `/portal/v1/returns/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body.compensations).toHaveLength(1);
    expect(view.body.compensations[0]).toMatchObject({ kind: 'coupon', amountMinor: 800, currency: 'CNY' });
    expect(JSON.stringify(view.body.compensations)).not.toContain('internal only');
  });
});

describe('the monthly cap', () => {
  it("counts the shop's calendar month (Asia/Shanghai), not UTC's, and a grant takes few statements", async () => {
    const tz = await createTestShop(t.ctx, 'care-comp-tz');
    expect((await api('PATCH', '/api/v1/shop', { key: tz.keys.owner, body: { timezone: 'Asia/Shanghai' } })).status).toBe(200);
    await setCare(tz, { compensation: { maxPerCaseMinor: 5_000, maxPerMonthMinor: 5_000 } });
    const [a, b, c] = [await openCase(tz), await openCase(tz), await openCase(tz)];
    const saved = t.clock.now();
    try {
      // 30 November, 23:00 in Shanghai (15:00 UTC).
      t.clock.set('2026-11-30T15:00:00Z');
      const credit = (id: string, amountMinor: number) => api('POST', `/api/v1/returns/${id}/compensations`, { key: tz.keys.agent, body: { kind: 'store_credit', amountMinor } });
      // A first grant warms the per-process caches (shop, policy); the second is counted.
      expect((await credit(a.id, 1_000)).status).toBe(201);
      const before = t.handle.traffic.snapshot();
      const counted = await credit(a.id, 3_000);
      const after = t.handle.traffic.snapshot();
      expect(counted.status, JSON.stringify(counted.body)).toBe(201);
      const statements = after.statements - before.statements;
      if (process.env.BUDGET_LOG) console.log(`compensation grant: ${statements} statements, ${after.roundTrips - before.roundTrips} round trips`);
      // In one transaction: the case, the policy, the lock, the sums so far, the compensation, the ledger, the event, the analytics fact and the outbox: measured 9 statements, 11 round trips.
      expect(statements, `statements ${statements}`).toBeLessThanOrEqual(10);
      const full = await credit(b.id, 2_000);
      expect([full.status, full.body.error?.code]).toEqual([422, 'compensation.month_cap']);
      // 00:30 on 1 December in Shanghai, still 30 November in UTC: the shop's new month has begun.
      t.clock.set('2026-11-30T16:30:00Z');
      expect((await credit(b.id, 2_000)).status).toBe(201);
      // And its December cap counts from there: 2,000 granted, 3,000 left, then none.
      expect((await credit(c.id, 3_000)).status).toBe(201);
      const over = await credit(c.id, 1);
      expect([over.status, over.body.error?.code, over.body.error?.details?.left]).toEqual([422, 'compensation.month_cap', 0]);
      const [month] = await queryRows<{ total: string }>(t.ctx.db, sql`select sum(amount_minor) as total from compensations where shop_id = ${tz.id} and created_at >= '2026-12-01T00:00:00+08:00'`);
      expect(Number(month!.total)).toBe(5_000);
    } finally {
      t.clock.set(saved);
    }
  });
});
