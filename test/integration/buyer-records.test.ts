import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedAddressCustomersSql } from '../../src/db/repos/customers-profile-repo.js';
import { queryRows } from '../../src/db/client.js';
import { policiesRepo } from '../../src/db/repos/policies-repo.js';
import { POLICY_PRESETS } from '../../src/domain/policy/presets.js';
import { applyDueDeadlines } from '../../src/worker/jobs/deadlines.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { portalOrder, portalToken } from '../helpers/portal.js';
import { act, JPEG, placeOrder } from '../helpers/returns.js';

/**
 * Issue 19.4–19.7 over HTTP: the buyer page and its search, notes, block- and allowlists and what
 * they do to a request, the extra risk signals, the review-threshold simulation, and evidence
 * demands (awaiting_evidence, the portal's answer, the policy's deadline outcome).
 */
let t: TestApp;
let shop: TestShop;
let other: TestShop;
let api: ReturnType<typeof client>;
const DAY = 86_400_000;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'buyer-records');
  other = await createTestShop(t.ctx, 'buyer-records-other');
  api = client(t.baseUrl);
  t.clock.set('2026-11-01T08:00:00Z');
});
afterAll(() => t.close());

const returnOf = async (order: { id: string; lines: { id: string }[] }, body: Record<string, unknown> = {}) => {
  const res = await api('POST', '/api/v1/returns', {
    key: shop.keys.agent,
    body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }], ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const codes = (c: { riskReasons: { code: string }[] }) => c.riskReasons.map((f) => f.code);

describe('buyer page and search (19.4)', () => {
  it('finds a buyer by name, e-mail, phone and order number, and shows orders, cases, risk over time, messages and notes', async () => {
    const order = await placeOrder(api, shop.keys.manager, { overrides: { number: 'BR-1001', customer: { externalId: 'br-find', name: '赵六 Zhao Liu', email: 'Zhao.Liu@Example.com', phone: '+86 137-1111-2222' } } });
    const customerId = order.customer!.id;
    const created = await returnOf(order);
    expect((await act(api, shop.keys.agent, created.id, 'message', { body: '请寄回' })).status).toBe(200);

    for (const q of ['zhao liu', 'zhao.liu@example', '13711112222', '137-1111', 'BR-1001']) {
      const found = await api('GET', `/api/v1/customers?q=${encodeURIComponent(q)}`, { key: shop.keys.viewer });
      expect(found.status, q).toBe(200);
      expect(found.body.data.map((c: any) => c.id), q).toEqual([customerId]);
    }
    expect((await api('GET', '/api/v1/customers?q=BR-1001', { key: shop.keys.viewer })).body.data[0]).toMatchObject({ matchedOrder: 'BR-1001', orders: 1, cases: 1 });
    expect((await api('GET', '/api/v1/customers?q=x', { key: shop.keys.viewer })).body.error.code).toBe('customer.search_too_short');
    // Another shop finds nothing of it, and cannot open it.
    expect((await api('GET', '/api/v1/customers?q=BR-1001', { key: other.keys.owner })).body.data).toEqual([]);
    expect((await api('GET', `/api/v1/customers/${customerId}/record`, { key: other.keys.owner })).status).toBe(404);

    const record = await api('GET', `/api/v1/customers/${customerId}/record`, { key: shop.keys.viewer });
    expect(record.status).toBe(200);
    expect(record.body.orders.map((o: any) => o.number)).toEqual(['BR-1001']);
    expect(record.body.cases).toHaveLength(1);
    expect(record.body.cases[0]).toMatchObject({ id: created.id, riskScore: created.riskScore, status: 'requested' });
    expect(record.body.cases[0].riskReasons).toEqual(created.riskReasons);
    expect(record.body.messages.map((m: any) => m.body)).toContain('请寄回');
    expect(record.body.compensation).toEqual([]);

    const note = await api('POST', `/api/v1/customers/${customerId}/notes`, { key: shop.keys.agent, body: { body: 'Calls often; prefers WeChat' } });
    expect(note.status).toBe(201);
    expect((await api('POST', `/api/v1/customers/${customerId}/notes`, { key: shop.keys.viewer, body: { body: 'x' } })).status).toBe(403);
    expect((await api('POST', `/api/v1/customers/${customerId}/notes`, { key: shop.keys.agent, body: { body: '' } })).status).toBe(400);
    const edited = await api('PATCH', `/api/v1/customers/${customerId}/notes/${note.body.id}`, { key: shop.keys.agent, body: { body: 'Prefers WeChat' } });
    expect(edited.status).toBe(200);
    expect(edited.body.body).toBe('Prefers WeChat');
    expect((await api('PATCH', `/api/v1/customers/${customerId}/notes/${created.id}`, { key: shop.keys.agent, body: { body: 'x' } })).status).toBe(404);
    const again = await api('GET', `/api/v1/customers/${customerId}/record`, { key: shop.keys.viewer });
    expect(again.body.notes.map((n: any) => n.body)).toEqual(['Prefers WeChat']);
  });
});

describe('block- and allowlists (19.5)', () => {
  it('stores entries in their normal form, refuses bad and duplicate ones, and sends a blocked buyer to review with the reason', async () => {
    const phone = await api('POST', '/api/v1/buyer-lists', { key: shop.keys.manager, body: { list: 'block', kind: 'phone', value: '１３８ ００１３ ９９９９', reason: 'Serial returner' } });
    expect(phone.status, JSON.stringify(phone.body)).toBe(201);
    expect(phone.body).toMatchObject({ list: 'block', kind: 'phone', value: '+8613800139999', reason: 'Serial returner' });
    const dup = await api('POST', '/api/v1/buyer-lists', { key: shop.keys.manager, body: { list: 'block', kind: 'phone', value: '+86 138-0013-9999' } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('buyer_list.duplicate');
    expect((await api('POST', '/api/v1/buyer-lists', { key: shop.keys.manager, body: { list: 'block', kind: 'email', value: 'not an address' } })).body.error.code).toBe('buyer_list.invalid_value');
    expect((await api('POST', '/api/v1/buyer-lists', { key: shop.keys.manager, body: { list: 'block', kind: 'phone', value: '12' } })).status).toBe(422);
    expect((await api('POST', '/api/v1/buyer-lists', { key: shop.keys.agent, body: { list: 'block', kind: 'email', value: 'a@b.cn' } })).status).toBe(403);
    const email = await api('POST', '/api/v1/buyer-lists', { key: shop.keys.manager, body: { list: 'block', kind: 'email', value: '  Fraud@Example.CN ' } });
    expect(email.body.value).toBe('fraud@example.cn');

    const blocked = await placeOrder(api, shop.keys.manager, { overrides: { customer: { externalId: 'br-blocked', name: '钱七', email: 'q7@example.cn', phone: '+86 138 0013 9999' } } });
    const c = await returnOf(blocked);
    expect(c.needsReview).toBe(true);
    expect(codes(c)).toContain('blocklisted');
    const events = await queryRows<{ payload: any }>(t.ctx.db, sql`select payload from case_events where case_id = ${c.id} and action = 'create'`);
    expect(events[0]!.payload.automation.decisionRuling).toMatchObject({ rule: 'automation.review_blocklist', explanation: { en: expect.stringContaining('Serial returner') } });

    // An address entry matches an order whose shipping address contains it, however it is spaced or written in full width.
    const addr = await api('POST', '/api/v1/buyer-lists', { key: shop.keys.manager, body: { list: 'block', kind: 'address', value: '文一西路 ９６９号' } });
    expect(addr.status).toBe(201);
    const elsewhere = await placeOrder(api, shop.keys.manager, { overrides: { customer: { externalId: 'br-addr', name: '孙八', email: 's8@example.cn', phone: '+86 139 5555 0001' } } });
    expect(codes(await returnOf(elsewhere))).toContain('blocklisted');

    // Lists show on the buyer page; removing the entries lets the buyer through again.
    const record = await api('GET', `/api/v1/customers/${blocked.customer!.id}/record`, { key: shop.keys.viewer });
    expect(record.body.lists.map((l: any) => l.value)).toEqual(['+8613800139999']);
    for (const id of [phone.body.id, addr.body.id]) expect((await api('DELETE', `/api/v1/buyer-lists/${id}`, { key: shop.keys.manager })).status).toBe(204);
    expect((await api('DELETE', `/api/v1/buyer-lists/${phone.body.id}`, { key: shop.keys.manager })).status).toBe(404);
    const again = await placeOrder(api, shop.keys.manager, { overrides: { customer: { externalId: 'br-blocked', name: '钱七', email: 'q7@example.cn', phone: '+86 138 0013 9999' } } });
    const next = await returnOf(again);
    expect(codes(next)).not.toContain('blocklisted');
    expect((await api('GET', '/api/v1/buyer-lists?list=block', { key: shop.keys.viewer })).body.data.map((e: any) => e.value)).toEqual(['fraud@example.cn']);
  });

  it('lets an allowlisted buyer have a fast refund whatever their score', async () => {
    const strict = await createTestShop(t.ctx, 'buyer-allowlist');
    const policy = structuredClone(POLICY_PRESETS.china_marketplace);
    // Everyone is too risky for this policy (every score is above 0) …
    policy.automation.manualReviewAboveRisk = 0;
    policy.automation.autoApprove = { enabled: true, maxRefundMinor: 100_000, maxRiskScore: 0 };
    policy.automation.fastRefund = { enabled: true, maxRefundMinor: 100_000, maxRiskScore: 0, minCompletedOrders: 0, trigger: 'approval' };
    await policiesRepo.insertVersion(t.ctx.db, { shopId: strict.id, version: 2, document: policy, note: 'strict', createdAt: new Date(1000) });
    const body = (o: { id: string; lines: { id: string }[] }) => ({ orderId: o.id, type: 'return_refund', items: [{ lineId: o.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] });
    const plain = await placeOrder(api, strict.keys.manager, { overrides: { customer: { externalId: 'plain', name: 'A', email: 'plain@example.cn', phone: '+86 138 0000 1111' } } });
    const held = await api('POST', '/api/v1/returns', { key: strict.keys.agent, body: body(plain) });
    expect(held.body).toMatchObject({ status: 'requested', needsReview: true, refundedEarly: false });

    // … but an allowlisted one is approved and refunded at once.
    expect((await api('POST', '/api/v1/buyer-lists', { key: strict.keys.manager, body: { list: 'allow', kind: 'email', value: 'VIP@example.cn' } })).status).toBe(201);
    const vip = await placeOrder(api, strict.keys.manager, { overrides: { customer: { externalId: 'vip', name: 'B', email: 'vip@example.cn', phone: '+86 138 0000 2222' } } });
    const fast = await api('POST', '/api/v1/returns', { key: strict.keys.agent, body: body(vip) });
    expect(fast.status).toBe(201);
    expect(fast.body).toMatchObject({ status: 'approved', needsReview: false, refundedEarly: true });
    expect(codes(fast.body)).toContain('allowlisted');
  });
});

describe('risk signals and the threshold simulation (19.6)', () => {
  it('scores request velocity, a contradicted reason, shared contacts and refund-only on delivered goods, each named', async () => {
    const buyer = { externalId: 'br-signals', name: '周九', email: 'z9@example.cn', phone: '+86 136 2222 3333' };
    const first = await placeOrder(api, shop.keys.manager, { overrides: { customer: buyer } });
    // A claimed defect that inspection does not find.
    const claim = await returnOf(first, { items: [{ lineId: first.lines[1]!.id, quantity: 1, reasonCode: 'wrong_item' }] });
    expect((await act(api, shop.keys.agent, claim.id, 'approve')).status).toBe(200);
    expect((await act(api, shop.keys.agent, claim.id, 'buyer_shipped', { carrier: 'SF', trackingNumber: 'SF20261101001' })).status).toBe(200);
    expect((await act(api, shop.keys.warehouse, claim.id, 'receive')).status).toBe(200);
    const itemId = (await api('GET', `/api/v1/returns/${claim.id}`, { key: shop.keys.agent })).body.items[0].id;
    expect((await act(api, shop.keys.warehouse, claim.id, 'inspect', { items: [{ itemId, acceptedQuantity: 1, grade: 'A' }] })).status).toBe(200);

    const second = await placeOrder(api, shop.keys.manager, { overrides: { customer: buyer } });
    const c2 = await returnOf(second);
    expect(codes(c2)).toContain('reason_contradicted');
    expect(codes(c2)).not.toContain('request_velocity');
    // A third request within a week: two earlier ones.
    const third = await placeOrder(api, shop.keys.manager, { overrides: { customer: buyer } });
    const c3 = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: third.id, type: 'refund_only', refundOnlyKind: 'delivered_keep', items: [{ lineId: third.lines[1]!.id, quantity: 1, reasonCode: 'wrong_item' }] },
    });
    expect(c3.status, JSON.stringify(c3.body)).toBe(201);
    expect(codes(c3.body)).toEqual(expect.arrayContaining(['request_velocity', 'reason_contradicted', 'refund_only_delivered']));
    const velocity = c3.body.riskReasons.find((f: any) => f.code === 'request_velocity');
    expect(velocity).toMatchObject({ points: 15, en: '2 earlier requests within 7 days' });

    // A second account behind the same phone: shared contacts are off by default (weight 0; the next test weighs them).
    const twin = await placeOrder(api, shop.keys.manager, { overrides: { customer: { ...buyer, externalId: 'br-signals-twin', email: 'twin@example.cn' } } });
    expect(codes(await returnOf(twin))).not.toContain('shared_contact');
    const profile = await api('GET', `/api/v1/customers/${first.customer!.id}`, { key: shop.keys.viewer });
    expect(profile.body.risk.factors.map((f: any) => f.code)).toEqual(expect.arrayContaining(['reason_contradicted']));
  });

  it('weights come from the policy (0 switches a signal off)', async () => {
    const quiet = await createTestShop(t.ctx, 'buyer-weights');
    const policy = structuredClone(POLICY_PRESETS.china_marketplace);
    policy.automation.autoApprove.enabled = false;
    policy.automation.fastRefund.enabled = false;
    policy.buyerRisk = { weights: { refundOnlyDelivered: 0, sharedContact: 40 } };
    const saved = await api('PUT', '/api/v1/policy', { key: quiet.keys.manager, body: { document: policy } });
    expect([200, 201], JSON.stringify(saved.body)).toContain(saved.status);
    await t.ctx.db.execute(sql`update policies set created_at = ${new Date(1000)} where shop_id = ${quiet.id} and version = ${saved.body.version}`);
    const a = await placeOrder(api, quiet.keys.manager, { overrides: { customer: { externalId: 'w1', name: 'W', email: 'w1@example.cn', phone: '+86 135 0000 1234' } } });
    // Another account (its own phone and e-mail) at the same shipping address.
    await placeOrder(api, quiet.keys.manager, { overrides: { customer: { externalId: 'w2', name: 'W', email: 'w2@example.cn', phone: '+86 135 0000 5678' } } });
    const c = await api('POST', '/api/v1/returns', {
      key: quiet.keys.agent,
      body: { orderId: a.id, type: 'refund_only', refundOnlyKind: 'delivered_keep', items: [{ lineId: a.lines[1]!.id, quantity: 1, reasonCode: 'wrong_item' }] },
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect(codes(c.body), JSON.stringify(c.body.riskReasons)).not.toContain('refund_only_delivered');
    expect(c.body.riskReasons.find((f: any) => f.code === 'shared_contact'), JSON.stringify(c.body.riskReasons)).toMatchObject({ points: 40 });
    expect((await api('PUT', '/api/v1/policy', { key: quiet.keys.manager, body: { document: { ...policy, buyerRisk: { weights: { wardrobing: 500 } } } } })).status).toBe(422);
  });

  it('finds accounts behind the same address through an index, not a scan of the shop’s orders', async () => {
    const [buyer] = await queryRows<{ id: string }>(t.ctx.db, sql`select customer_id as id from orders where shop_id = ${shop.id} and customer_id is not null limit 1`);
    // Test-sized tables make any plan cheap, so the planner would rightly scan; with scans made
    // prohibitive it shows whether the index can serve the join (without one, o2 stays a Seq Scan).
    const plan = await t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = await queryRows<{ 'QUERY PLAN': unknown }>(tx, sql`explain (format json) ${sharedAddressCustomersSql(shop.id, sql`${buyer!.id}::uuid`)}`);
      return JSON.stringify(rows[0]!['QUERY PLAN']);
    });
    expect(plan).toContain('orders_address_key_idx');
    expect(plan).not.toContain('Seq Scan');
  });

  it('simulates a review threshold over the last 90 days', async () => {
    const all = await api('GET', '/api/v1/risk/simulation?threshold=0', { key: shop.keys.viewer });
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    const total = (await queryRows<{ n: string }>(t.ctx.db, sql`select count(*) as n from return_cases where shop_id = ${shop.id}`))[0]!.n;
    expect(all.body.cases).toBe(Number(total));
    // Every score is above 0 (the base is 10): everything would be reviewed.
    expect(all.body.wouldReview).toBe(all.body.cases);
    expect(all.body.curve).toHaveLength(21);
    expect(all.body.curve[0]).toEqual({ threshold: 0, wouldReview: all.body.cases });
    expect(all.body.histogram.reduce((a: number, b: number) => a + b, 0)).toBe(all.body.cases);
    const none = await api('GET', '/api/v1/risk/simulation?threshold=100', { key: shop.keys.viewer });
    // Only a blocklisted buyer (the e-mail still listed has no case) goes to review at 100.
    expect(none.body.wouldReview).toBe(none.body.blocked);
    expect(none.body.factors.map((f: any) => f.code)).toEqual(expect.arrayContaining(['reason_contradicted', 'request_velocity']));
    const curve = none.body.curve.map((p: any) => p.wouldReview);
    expect([...curve].sort((a, b) => b - a)).toEqual(curve);
    expect((await api('GET', '/api/v1/risk/simulation?threshold=101', { key: shop.keys.viewer })).status).toBe(400);
    expect((await api('GET', '/api/v1/risk/simulation', { key: shop.keys.warehouse })).status).toBe(403);
    // Outside the window: nothing.
    t.clock.advance(200 * DAY);
    expect((await api('GET', '/api/v1/risk/simulation', { key: shop.keys.viewer })).body.cases).toBe(0);
    t.clock.set('2026-11-01T08:00:00Z');
  });
});

describe('evidence demands (19.7)', () => {
  it('staff ask, the case waits in awaiting_evidence, the portal shows the request and takes the upload', async () => {
    const order = await portalOrder(t, api, shop);
    const headers = bearer(await portalToken(api, shop.slug, order));
    const c = await returnOf({ id: order.id, lines: order.lines });
    const asked = await act(api, shop.keys.agent, c.id, 'request_evidence', { kinds: ['label_photo', 'unboxing_video'], note: '请拍清楚面单', dueInHours: 48 });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body.status).toBe('awaiting_evidence');
    expect(asked.body.evidenceRequest).toMatchObject({ kinds: ['label_photo', 'unboxing_video'], note: '请拍清楚面单', hours: 48, dueAt: '2026-11-03T08:00:00.000Z' });
    expect((await act(api, shop.keys.viewer, c.id, 'request_evidence', { kinds: ['receipt'] })).status).toBe(403);
    expect((await act(api, shop.keys.agent, c.id, 'request_evidence', { kinds: ['receipt'] })).body.error.code).toBe('case.invalid_transition');
    expect((await act(api, shop.keys.agent, c.id, 'request_evidence', { kinds: [] })).status).toBe(400);
    const clocks = await queryRows<{ kind: string; outcome: string; due_at: Date }>(t.ctx.db, sql`select kind, outcome, due_at from deadlines where case_id = ${c.id} and status = 'pending'`);
    expect(clocks.map((d) => [d.kind, d.outcome, new Date(d.due_at).toISOString()])).toEqual([['buyer_evidence', 'close', '2026-11-03T08:00:00.000Z']]);

    const view = await api('GET', `/portal/v1/returns/${c.id}`, { headers });
    expect(view.body).toMatchObject({ status: 'awaiting_evidence', evidenceRequest: { kinds: ['label_photo', 'unboxing_video'] }, nextDeadline: { kind: 'buyer_evidence' } });
    expect(view.body.messages.at(-1).body).toContain('快递面单照片');
    const form = new FormData();
    form.append('purpose', 'message');
    form.append('file', new Blob([new Uint8Array(JPEG)]), 'label.jpg');
    const photo = await api('POST', `/portal/v1/returns/${c.id}/evidence`, { headers, rawBody: form });
    expect(photo.status).toBe(201);
    expect((await api('POST', `/portal/v1/returns/${c.id}/evidence-request/answer`, { headers, body: { evidenceIds: [c.id] } })).body.error.code).toBe('evidence.unknown');
    const answered = await api('POST', `/portal/v1/returns/${c.id}/evidence-request/answer`, { headers, body: { evidenceIds: [photo.body.id], note: '面单照片' } });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body).toMatchObject({ status: 'requested', evidenceRequest: { outcome: 'provided' } });
    const staffView = await api('GET', `/api/v1/returns/${c.id}`, { key: shop.keys.agent });
    expect(staffView.body.messages.at(-1)).toMatchObject({ body: '面单照片' });
    // Not waiting any more: a second answer is refused.
    expect((await api('POST', `/portal/v1/returns/${c.id}/evidence-request/answer`, { headers, body: { evidenceIds: [photo.body.id] } })).status).toBe(409);
  });

  it('the deadline closes the case by default, or puts it back for review when the policy says so', async () => {
    const order = await placeOrder(api, shop.keys.manager);
    const c = await returnOf(order);
    expect((await act(api, shop.keys.agent, c.id, 'request_evidence', { kinds: ['product_photo'] })).body.evidenceRequest.hours).toBe(72);
    t.clock.advance(72 * 3600_000 + 1000);
    await applyDueDeadlines(t.ctx);
    expect((await api('GET', `/api/v1/returns/${c.id}`, { key: shop.keys.agent })).body.status).toBe('closed');
    t.clock.set('2026-11-01T08:00:00Z');

    const review = await createTestShop(t.ctx, 'buyer-evidence-review');
    const policy = structuredClone(POLICY_PRESETS.china_marketplace);
    policy.automation.autoApprove.enabled = false;
    policy.automation.fastRefund.enabled = false;
    policy.buyerRisk = { evidenceDeadlineOutcome: 'review', evidenceDeadlineHours: 24 };
    await policiesRepo.insertVersion(t.ctx.db, { shopId: review.id, version: 2, document: policy, note: 'review', createdAt: new Date(1000) });
    const o2 = await placeOrder(api, review.keys.manager);
    const c2 = (await api('POST', '/api/v1/returns', { key: review.keys.agent, body: { orderId: o2.id, type: 'return_refund', items: [{ lineId: o2.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] } })).body;
    expect(c2.needsReview).toBe(false);
    expect((await act(api, review.keys.agent, c2.id, 'request_evidence', { kinds: ['receipt'] })).body.evidenceRequest.hours).toBe(24);
    t.clock.advance(24 * 3600_000 + 1000);
    await applyDueDeadlines(t.ctx);
    const after = (await api('GET', `/api/v1/returns/${c2.id}`, { key: review.keys.agent })).body;
    expect(after).toMatchObject({ status: 'requested', needsReview: true, evidenceRequest: { outcome: 'expired' } });
    expect(after.timeline.at(-1)).toMatchObject({ type: 'case.evidence_overdue', rule: 'deadline.buyer_evidence' });
    t.clock.set('2026-11-01T08:00:00Z');
  });
});

describe('write paths stay within the action budget (docs/architecture.md, The write path)', () => {
  async function measure<T>(fn: () => Promise<T>) {
    const before = t.handle.traffic.snapshot();
    const result = await fn();
    const after = t.handle.traffic.snapshot();
    return { result, roundTrips: after.roundTrips - before.roundTrips, statements: after.statements - before.statements };
  }

  it('asking for evidence, answering it, and adding a note each send a handful of statements', async () => {
    const order = await portalOrder(t, api, shop);
    const headers = bearer(await portalToken(api, shop.slug, order));
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push((await returnOf({ id: order.id, lines: order.lines }, { items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] })).id);
    // Warm-up of the same shape (per-process caches), then the measured call; budgets as the approve action's.
    await act(api, shop.keys.agent, ids[0]!, 'request_evidence', { kinds: ['receipt'] });
    const asked = await measure(() => act(api, shop.keys.agent, ids[1]!, 'request_evidence', { kinds: ['receipt'] }));
    expect(asked.result.status).toBe(200);
    expect(asked.statements).toBeLessThanOrEqual(6);
    expect(asked.roundTrips).toBeLessThanOrEqual(8);

    const upload = async (id: string) => {
      const form = new FormData();
      form.append('purpose', 'message');
      form.append('file', new Blob([new Uint8Array(Buffer.concat([JPEG, Buffer.from(id)]))]), 'r.jpg');
      return (await api('POST', `/portal/v1/returns/${id}/evidence`, { headers, rawBody: form })).body.id as string;
    };
    const [e0, e1] = [await upload(ids[0]!), await upload(ids[1]!)];
    await api('POST', `/portal/v1/returns/${ids[0]}/evidence-request/answer`, { headers, body: { evidenceIds: [e0] } });
    const answered = await measure(() => act(api, shop.keys.agent, ids[1]!, 'provide_evidence', { evidenceIds: [e1] }));
    expect(answered.result.status, JSON.stringify(answered.result.body)).toBe(200);
    expect(answered.statements).toBeLessThanOrEqual(7);
    expect(answered.roundTrips).toBeLessThanOrEqual(9);

    const customerId = (await api('GET', `/api/v1/returns/${ids[1]}`, { key: shop.keys.agent })).body.customerId;
    await api('POST', `/api/v1/customers/${customerId}/notes`, { key: shop.keys.agent, body: { body: 'warm-up' } });
    const note = await measure(() => api('POST', `/api/v1/customers/${customerId}/notes`, { key: shop.keys.agent, body: { body: 'measured' } }));
    expect(note.result.status).toBe(201);
    expect(note.statements).toBeLessThanOrEqual(3);
  });
});
