import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { applyDueDeadlines } from '../../src/worker/jobs/deadlines.js';
import { dispatchOutbox } from '../../src/worker/jobs/outbox.js';
import { sendDueMail } from '../../src/worker/jobs/mail.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { act, placeOrder } from '../helpers/returns.js';

/**
 * Issue 13.6 and 13.19: goods that never come back after a fast refund (极速退款), and a fast
 * refund paid by hand to a buyer the policy refuses one. One buyer, two orders: what the first
 * case teaches the risk model is what makes the second buyer risky.
 */
let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'not-returned');
  api = client(t.baseUrl);
  t.clock.set('2026-11-01T08:00:00Z');
});
afterAll(() => t.close());

const getCase = async (id: string) => (await api('GET', `/api/v1/returns/${id}`, { key: shop.keys.agent })).body;
const customer = { externalId: 'buyer-keeps-goods', name: '李四', email: 'keeps@example.cn', phone: '+86 139-0000-0000' };

/** Orders delivered the day before the clock, so later tests stay inside the return window. */
const deliveredYesterday = () => ({
  shipments: [{ carrier: 'SF', trackingNumber: `SF${Math.floor(Math.random() * 1e12)}`, shippedAt: '2026-10-26T03:00:00Z', deliveredAt: new Date(t.clock.now().getTime() - DAY).toISOString() }],
});

async function shippedReturn() {
  const order = await placeOrder(api, shop.keys.manager, { overrides: { customer, ...deliveredYesterday() } });
  const created = await api('POST', '/api/v1/returns', {
    key: shop.keys.agent,
    body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] },
  });
  expect(created.status).toBe(201);
  expect((await act(api, shop.keys.agent, created.body.id, 'approve')).status).toBe(200);
  expect((await act(api, shop.keys.agent, created.body.id, 'buyer_shipped', { carrier: 'SF', trackingNumber: `SF${created.body.rmaNumber}` })).status).toBe(200);
  return created.body as { id: string; riskScore: number };
}

async function mailTemplates(caseId: string): Promise<string[]> {
  while ((await dispatchOutbox(t.ctx)) > 0);
  await sendDueMail(t.ctx);
  return (await api('GET', `/api/v1/dev-mailbox?caseId=${caseId}`, { key: shop.keys.owner })).body.data.map((m: any) => m.template);
}

describe('goods not returned after a fast refund (13.6)', () => {
  let first: { id: string };

  it('the receipt deadline moves the case to not_returned, flags it, sends no "received" mail, and the buyer is riskier next time', async () => {
    first = await shippedReturn();
    const paid = await act(api, shop.keys.manager, first.id, 'fast_refund');
    expect(paid.status).toBe(200);
    expect(paid.body.refundedEarly).toBe(true);
    const clocks = await queryRows<{ kind: string; status: string; rule: string; outcome: string }>(
      t.ctx.db,
      sql`select kind, status, rule, outcome from deadlines where case_id = ${first.id} and status = 'pending'`,
    );
    expect(clocks).toEqual([{ kind: 'merchant_receipt', status: 'pending', rule: 'deadline.goods_not_returned', outcome: 'goods_not_returned' }]);

    t.clock.advance(10 * DAY + 1000);
    await applyDueDeadlines(t.ctx);
    const after = await getCase(first.id);
    expect(after.status).toBe('not_returned');
    expect(after.needsReview).toBe(true);
    expect(after.timeline.at(-1)).toMatchObject({ type: 'case.goods_not_returned', actor: { kind: 'system' }, rule: 'deadline.goods_not_returned' });
    expect(after.timeline.map((e: any) => e.type)).not.toContain('deadline.overdue');
    // What staff can do now: write off (close) or hand it to the platform; the warehouse can still receive it late.
    expect(after.allowedActions).toEqual(expect.arrayContaining(['close', 'escalate']));
    expect((await api('GET', `/api/v1/returns/${first.id}`, { key: shop.keys.warehouse })).body.allowedActions).toContain('receive');
    expect((await api('GET', '/api/v1/returns?needsReview=true', { key: shop.keys.agent })).body.data.map((c: any) => c.id)).toContain(first.id);
    const mails = await mailTemplates(first.id);
    expect(mails).not.toContain('goods_received');
    expect(mails).not.toContain('nothing_received');

    // The same buyer's next request carries what happened, with its reason.
    const next = await shippedReturn();
    const detail = await getCase(next.id);
    expect(detail.riskReasons.map((r: any) => r.code)).toContain('goods_not_returned');
    expect(detail.riskScore).toBeGreaterThan(20);
  });

  it('a late parcel with nothing in it is received with 0 units and mails "nothing arrived", never "received"', async () => {
    const received = await act(api, shop.keys.warehouse, first.id, 'receive', { items: [{ itemId: (await getCase(first.id)).items[0].id, receivedQuantity: 0 }] });
    expect(received.status).toBe(200);
    expect(received.body.status).toBe('received');
    const mails = await mailTemplates(first.id);
    expect(mails).toContain('nothing_received');
    expect(mails).not.toContain('goods_received');
    const [mail] = (await api('GET', `/api/v1/dev-mailbox?caseId=${first.id}`, { key: shop.keys.owner })).body.data;
    expect(mail).toMatchObject({ template: 'nothing_received', locale: 'zh-CN', subject: expect.stringContaining('没有商品') });
  });
});

describe('a fast refund paid by hand against the policy (13.19)', () => {
  it('needs refunds:issue and a reason when the buyer is above the risk limit, and records both', async () => {
    // The buyer of 13.6 kept goods once: above the preset's fast-refund risk limit (20).
    const c = await shippedReturn();
    expect(c.riskScore).toBeGreaterThan(20);
    for (const role of ['agent', 'warehouse', 'viewer'] as const) {
      const res = await act(api, shop.keys[role], c.id, 'fast_refund', { reason: 'Trusted buyer' });
      expect(res.status, role).toBe(403);
      expect(res.body.error.code).toBe('case.action_forbidden');
    }
    const bare = await act(api, shop.keys.manager, c.id, 'fast_refund');
    expect(bare.status).toBe(422);
    expect(bare.body.error).toMatchObject({ code: 'fast_refund.reason_required', details: { rule: 'automation.fast_refund_risk', risk: c.riskScore, max: 20 } });
    expect((await act(api, shop.keys.manager, c.id, 'fast_refund', { reason: '   ' })).status).toBe(422);
    expect((await getCase(c.id)).refundedEarly).toBe(false);

    const paid = await act(api, shop.keys.owner, c.id, 'fast_refund', { reason: '老客户，客服电话确认已寄出' });
    expect(paid.status).toBe(200);
    expect(paid.body.refundedEarly).toBe(true);
    const event = paid.body.timeline.find((e: any) => e.type === 'case.fast_refund');
    expect(event).toMatchObject({ actor: { kind: 'staff', role: 'owner' }, payload: { reason: '老客户，客服电话确认已寄出', overridesPolicy: { rule: 'automation.fast_refund_risk', risk: c.riskScore, max: 20 } } });

    // Staff decide it did not come back either, and write it off: the case closes, the refund stands.
    expect((await act(api, shop.keys.warehouse, c.id, 'goods_not_returned')).status).toBe(403);
    const marked = await act(api, shop.keys.agent, c.id, 'goods_not_returned', { note: '快递显示退回途中丢失' });
    expect(marked.body).toMatchObject({ status: 'not_returned', needsReview: true });
    expect((await act(api, shop.keys.warehouse, c.id, 'close')).status).toBe(403);
    const closed = await act(api, shop.keys.agent, c.id, 'close', { reason: '核销' });
    expect(closed.body).toMatchObject({ status: 'closed', refundedEarly: true });
    expect(closed.body.timeline.find((e: any) => e.type === 'case.fast_refund').payload.refundMinor).toBeGreaterThan(0);
  });

  it('a buyer within the limit needs no reason (the first case above paid without one)', async () => {
    const fresh = await placeOrder(api, shop.keys.manager, { overrides: deliveredYesterday() });
    const c = (await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: fresh.id, type: 'return_refund', items: [{ lineId: fresh.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] } })).body;
    expect(c.riskScore).toBeLessThanOrEqual(20);
    await act(api, shop.keys.agent, c.id, 'approve');
    const paid = await act(api, shop.keys.manager, c.id, 'fast_refund');
    expect(paid.status).toBe(200);
    expect(paid.body.timeline.find((e: any) => e.type === 'case.fast_refund').payload.overridesPolicy).toBeUndefined();
  });
});

describe('outbound shipping on a refund without return (13.20)', () => {
  it('cancelling before shipment and intercepting the parcel give the same money back, shipping included', async () => {
    const lines = [{ sku: 'LAMP-1', title: '台灯', quantity: 1, unitPriceMinor: 12900 }];
    const refunds: number[] = [];
    for (const state of [{ shipped: false }, { delivered: false }]) {
      const order = await placeOrder(api, shop.keys.manager, { ...state, overrides: { lines, orderDiscountMinor: 0, shippingFeeMinor: 1000 } });
      const created = await api('POST', '/api/v1/returns', {
        key: shop.keys.agent,
        body: { orderId: order.id, type: 'refund_only', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] },
      });
      expect(created.status).toBe(201);
      expect(created.body.breakdown).toMatchObject({ outboundShippingMinor: 1000, shippingRefundMinor: 1000, refundMinor: 13900 });
      const approved = await act(api, shop.keys.agent, created.body.id, 'approve');
      // Not shipped: paid at approval. In transit: paid once the carrier confirms the interception.
      const paying = created.body.refundOnlyKind === 'in_transit' ? 'intercepted' : 'approve';
      const done = paying === 'intercepted' ? await act(api, shop.keys.agent, created.body.id, 'intercepted') : approved;
      expect(done.body.breakdown).toMatchObject({ shippingRefundMinor: 1000 });
      refunds.push(done.body.timeline.find((e: any) => e.type === `case.${paying}`).payload.refundMinor);
    }
    expect(refunds).toEqual([13900, 13900]);
  });
});

describe('inspection dispositions (13.7)', () => {
  async function receivedReturn(reasonCode: string) {
    const order = await placeOrder(api, shop.keys.manager, { overrides: deliveredYesterday() });
    const created = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode }] } });
    await act(api, shop.keys.agent, created.body.id, 'approve');
    await act(api, shop.keys.agent, created.body.id, 'buyer_shipped', { carrier: 'SF', trackingNumber: `SF${created.body.rmaNumber}` });
    const received = await act(api, shop.keys.warehouse, created.body.id, 'receive');
    expect(received.body.status).toBe('received');
    return { id: created.body.id as string, itemId: received.body.items[0].id as string, sku: order.lines[1]!.sku, defaults: received.body.items[0].defaultDispositions };
  }
  const stockOf = async (sku: string) =>
    (await queryRows<{ stock_on_hand: number }>(t.ctx.db, sql`select stock_on_hand from variants where shop_id = ${shop.id} and sku = ${sku}`))[0]!.stock_on_hand;

  it('a defect claim is not restocked by default, and restocking C or D needs a confirmation', async () => {
    const defect = await receivedReturn('quality_issue');
    expect(defect.defaults).toEqual({ A: 'refurbish', B: 'refurbish', C: 'refurbish', D: 'return_to_vendor' });
    const before = await stockOf(defect.sku);
    const inspected = await act(api, shop.keys.warehouse, defect.id, 'inspect', { items: [{ itemId: defect.itemId, acceptedQuantity: 1, grade: 'A' }] });
    expect(inspected.status).toBe(200);
    expect(inspected.body.items[0]).toMatchObject({ grade: 'A', disposition: 'refurbish' });
    expect(await stockOf(defect.sku)).toBe(before);

    const used = await receivedReturn('no_longer_needed');
    expect(used.defaults).toEqual({ A: 'restock', B: 'restock', C: 'refurbish', D: 'scrap' });
    const refused = await act(api, shop.keys.warehouse, used.id, 'inspect', { items: [{ itemId: used.itemId, acceptedQuantity: 1, grade: 'D', disposition: 'restock' }] });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'inspection.restock_below_b_unconfirmed', details: { items: [{ itemId: used.itemId, grade: 'D' }] } });
    expect((await getCase(used.id)).status).toBe('received');
    expect(await stockOf(used.sku)).toBe(before);
    const confirmed = await act(api, shop.keys.warehouse, used.id, 'inspect', { items: [{ itemId: used.itemId, acceptedQuantity: 1, grade: 'D', disposition: 'restock' }], confirmRestockBelowB: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.items[0]).toMatchObject({ grade: 'D', disposition: 'restock' });
    expect(confirmed.body.timeline.at(-1).payload).toMatchObject({ confirmRestockBelowB: true });
    expect(await stockOf(used.sku)).toBe(before + 1);
  });
});
