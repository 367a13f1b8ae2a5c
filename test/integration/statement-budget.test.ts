import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { act, placeOrder } from '../helpers/returns.js';
import { deadlinesRepo } from '../../src/db/repos/deadlines-repo.js';
import { applyDeadline } from '../../src/worker/jobs/deadlines.js';
import { queryRows } from '../../src/db/client.js';
import { normalizedPhoneSql } from '../../src/db/repos/customers-profile-repo.js';
import { normalizePhone } from '../../src/domain/orders/contact.js';
import { policiesRepo } from '../../src/db/repos/policies-repo.js';
import { POLICY_PRESETS } from '../../src/domain/policy/presets.js';
import { writeReruns } from '../../src/db/write-batch.js';

/**
 * How many statements and round trips each use case sends to the database (docs/architecture.md, The write path: round
 * trips are the cost, not rows). Counts are deterministic, so they are tested here; timings live
 * in `npm run bench -- cases-http`. A budget a change exceeds fails this test: find the extra
 * statement, don't raise the budget.
 */
let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'budget');
  api = client(t.baseUrl);
});
afterAll(() => t?.close());

/** The traffic of one call, after warm-up calls of the same shape have filled per-process caches. */
async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; roundTrips: number; statements: number }> {
  const before = t.handle.traffic.snapshot();
  if (process.env.BUDGET_LOG) t.handle.traffic.log = [];
  const result = await fn();
  const after = t.handle.traffic.snapshot();
  if (t.handle.traffic.log) console.log(t.handle.traffic.log.map((q) => q.replace(/\s+/g, ' ').slice(0, 160)).join('\n'));
  t.handle.traffic.log = null;
  return { result, roundTrips: after.roundTrips - before.roundTrips, statements: after.statements - before.statements };
}

const owner = () => shop.keys.owner;

/**
 * What each step may send, reply included, as measured with warm caches and the manual refund
 * provider. Each step reads without a transaction and writes once (one statement guarded by the
 * versions it read): no BEGIN, lock or COMMIT. A create's reply is built from what it read and wrote;
 * an action's reply is read in the write's round trip on PostgreSQL (pipelined), so round trips are
 * fewer than statements there; PGlite answers in-process, one statement per call. Create ≤ 4 round trips and an action ≤ 3 are the targets. A refund left
 * for a person to pay (the manual provider) is written waiting for them, so its reply goes with the write; one paid after the
 * write settles its row and reads its reply after that (PAID_REFUND_BUDGET). Budgets only fall.
 */
const BUDGET: Record<string, { statements: number; roundTrips: number }> = {
  create: { statements: 2, roundTrips: 2 },
  approve: { statements: 3, roundTrips: 2 },
  buyer_shipped: { statements: 3, roundTrips: 2 },
  receive: { statements: 3, roundTrips: 2 },
  inspect: { statements: 4, roundTrips: 3 },
  refund: { statements: 4, roundTrips: 3 },
};
/** Round trips: PostgreSQL's budget; on PGlite every statement is its own call. */
const roundTripBudget = (step: string) => (t.handle.kind === 'postgres' ? BUDGET[step]!.roundTrips : BUDGET[step]!.statements);
const LIFECYCLE_STATEMENTS = 19;
/**
 * A refund the provider pays at once: the refund step's two reads and its write; the simulated
 * provider's own payout record (a real provider is an HTTP call instead); the settlement's read
 * (the case with its parts and refunds) and its one guarded write, with the reply read in that
 * round trip on PostgreSQL.
 */
const PAID_REFUND_BUDGET = { statements: 7, roundTrips: 6 };
/**
 * A shipment that pays the fast refund the policy granted at the first carrier scan: the case with its
 * parts; its `case.created` grant (one row); the order the refund reads; one guarded write of the
 * shipment and the refund; the simulated provider's payout record; the settlement's read and its
 * guarded write, with the reply read in that round trip on PostgreSQL.
 */
const FIRST_SCAN_BUDGET = { statements: 8, roundTrips: 7 };
/** A deadline the worker applies: read the case with its parts, write once (no reply to read). */
const DEADLINE_BUDGET = { statements: 2, roundTrips: 2 };

async function openCase(orderId: string, lineId: string, type = 'return_refund') {
  return api('POST', '/api/v1/returns', { key: owner(), body: { orderId, type, items: [{ lineId, quantity: 1, reasonCode: 'no_reason' }] } });
}

/** One case through its whole life: request, approval, shipment, receipt, inspection, refund. */
async function lifecycle() {
  const order = await placeOrder(api, owner());
  const steps: Record<string, { roundTrips: number; statements: number }> = {};
  const created = await measure(() => openCase(order.id, order.lines[0]!.id));
  expect(created.result.status).toBe(201);
  steps.create = created;
  const id = created.result.body.id as string;
  const run = async (name: string, action: string, body: unknown = {}) => {
    const m = await measure(() => act(api, owner(), id, action, body));
    expect(m.result.status, `${action}: ${JSON.stringify(m.result.body)}`).toBe(200);
    steps[name] = m;
    return m.result.body;
  };
  await run('approve', 'approve');
  await run('buyer_shipped', 'buyer_shipped', { carrier: 'SF', trackingNumber: `SF${Date.now()}` });
  const received = await run('receive', 'receive');
  await run('inspect', 'inspect', { items: received.items.map((i: { id: string }) => ({ itemId: i.id, acceptedQuantity: 1, grade: 'A', disposition: 'restock' })) });
  await run('refund', 'refund');
  return steps;
}

describe('statement budget of a refused create', () => {
  it('answers a create for more units than are left from its one read: no second, locked run', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const order = await placeOrder(api, owner());
      const line = order.lines[0]!;
      const ask = (quantity: number) => measure(() => api('POST', '/api/v1/returns', { key: owner(), body: { orderId: order.id, type: 'return_refund', items: [{ lineId: line.id, quantity, reasonCode: 'no_reason' }] } }));
      await ask(line.quantity + 1); // warm-up: caches of shop and policy
      const rerunsBefore = { ...writeReruns };
      const refused = await ask(line.quantity + 1);
      expect(refused.result.status).toBe(409);
      expect(refused.result.body.error.code).toBe('case.quantity_exceeds_returnable');
      // The order with its lines, claims and buyer, in one statement: one snapshot, so the refusal stands.
      expect(refused.statements).toBe(1);
      expect(refused.roundTrips).toBe(1);
      expect(writeReruns).toEqual(rerunsBefore);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('batched writes read their own changes', () => {
  it('an inspection that accepts fewer units than declared refunds only those (the refund sees the inspection it is batched with)', async () => {
    const order = await placeOrder(api, owner());
    const line = order.lines[0]!;
    const opened = await api('POST', '/api/v1/returns', { key: owner(), body: { orderId: order.id, type: 'return_refund', items: [{ lineId: line.id, quantity: 2, reasonCode: 'no_reason' }] } });
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    expect((await act(api, owner(), id, 'approve')).status).toBe(200);
    expect((await act(api, owner(), id, 'buyer_shipped', { carrier: 'SF', trackingNumber: 'SF0000000001' })).status).toBe(200);
    const received = await act(api, owner(), id, 'receive');
    const inspected = await act(api, owner(), id, 'inspect', { items: [{ itemId: received.body.items[0].id, acceptedQuantity: 1, grade: 'A', disposition: 'restock' }] });
    expect(inspected.status).toBe(200);
    const declared = opened.body.breakdown.items[0].amountMinor as number;
    // The line's two units split its paid amount exactly; one accepted unit is one of the parts.
    expect(inspected.body.breakdown.items[0].quantity).toBe(1);
    expect(inspected.body.breakdown.items[0].amountMinor).toBeLessThan(declared);
    expect(inspected.body.breakdown.items[0].amountMinor * 2 - declared).toBeLessThanOrEqual(1);
    const refunded = await act(api, owner(), id, 'refund');
    expect(refunded.body.refunds[0].amountMinor).toBe(inspected.body.breakdown.refundMinor);
  });
});

describe('a create reads its buyer with the order', () => {
  it('normalises phones in SQL exactly as the code does (the contacts a list entry matches)', async () => {
    const phones = ['+86 138-0013-8000', '0086 13800138000', '13800138000', '+44 20 7946 0000', '８６１３８００１３８０００', '1234', '', '+8613800138000', '8613800138000', '00 44 1234', 'tel: (021) 6666-8888'];
    for (const p of phones) {
      const [row] = await queryRows<{ n: string | null }>(t.ctx.db, sql`select ${normalizedPhoneSql(sql`${p}::text`)} as n`);
      expect(row!.n, p).toBe(normalizePhone(p));
    }
  });

  it('matches list entries by the order\'s e-mail, phone and address in the same statement, with no read apart', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const lists = await createTestShop(t.ctx, 'budget-lists');
      const add = (kind: string, value: string) => api('POST', '/api/v1/buyer-lists', { key: lists.keys.manager, body: { list: 'block', kind, value, reason: `listed ${kind}` } });
      const customer = (n: number) => ({ externalId: `lists-${n}`, name: '王小明', email: `Listed${n}@Example.CN`, phone: n === 2 ? '+86 139-1234-5678' : `+86 137 0000 000${n}` });
      expect((await add('email', 'listed1@example.cn')).status).toBe(201);
      expect((await add('phone', '13912345678')).status).toBe(201);
      expect((await add('address', '滨江区 网商路 ６９９号')).status).toBe(201);
      const place = (n: number, address?: Record<string, unknown>) =>
        placeOrder(api, lists.keys.manager, { overrides: { customer: customer(n), ...(address ? { shippingAddress: address } : {}) } });
      const open = (o: { id: string; lines: { id: string }[] }) =>
        measure(() => api('POST', '/api/v1/returns', { key: lists.keys.manager, body: { orderId: o.id, type: 'return_refund', items: [{ lineId: o.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] } }));
      await open(await place(0)); // warm-up: the shop's policy and signal windows
      const orders = [await place(1), await place(2), await place(3, { name: '王小明', phone: '13700000003', country: '中国', province: '浙江省', city: '杭州市', district: '滨江区', line1: '网商路699号' }), await place(4)];
      const opened = [];
      for (const o of orders) opened.push(await open(o));
      const listed = opened.map((m) => (m.result.body.riskReasons as { code: string }[]).some((r) => r.code === 'blocklisted'));
      expect(listed).toEqual([true, true, true, false]);
      // The history came with the order: order (+ buyer), write (+ reply) — nothing read apart.
      for (const m of opened) expect(m.statements).toBeLessThanOrEqual(BUDGET.create!.statements);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('statement budget of the case write path', () => {
  it('keeps each step of a lifecycle within its budget of statements and round trips', async () => {
    // The wall clock stands still, so a cache of a few seconds (shops, API keys) cannot expire
    // mid-run on a slow machine and add a read the code does not make on a warm process.
    vi.useFakeTimers({ toFake: ['Date'] });
    await lifecycle(); // warm-up: caches of shop, policy, prepared statements
    const steps = await lifecycle().finally(() => vi.useRealTimers());
    const total = Object.values(steps).reduce((sum, s) => sum + s.statements, 0);
    console.log(JSON.stringify({ steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, { roundTrips: v.roundTrips, statements: v.statements }])), total }));
    for (const [step, budget] of Object.entries(BUDGET)) {
      expect(steps[step]!.statements, `${step}: statements`).toBeLessThanOrEqual(budget.statements);
      expect(steps[step]!.roundTrips, `${step}: round trips`).toBeLessThanOrEqual(roundTripBudget(step));
    }
    expect(total).toBeLessThanOrEqual(LIFECYCLE_STATEMENTS);
  });
});

describe('statement budget of a refund paid at once', () => {
  it('pays through the provider and settles the refund and the case in one more write (simulated provider)', async () => {
    const paying = await createTestShop(t.ctx, 'budget-paying');
    expect((await api('PATCH', '/api/v1/shop', { key: paying.keys.owner, body: { refundProvider: 'simulated' } })).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const refundOf = async () => {
        const order = await placeOrder(api, paying.keys.owner);
        const opened = await api('POST', '/api/v1/returns', { key: paying.keys.owner, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'no_reason' }] } });
        const id = opened.body.id as string;
        if (opened.body.status === 'requested') expect((await act(api, paying.keys.owner, id, 'approve')).status).toBe(200);
        expect((await act(api, paying.keys.owner, id, 'buyer_shipped', { carrier: 'SF', trackingNumber: `SF${Date.now()}` })).status).toBe(200);
        const received = await act(api, paying.keys.owner, id, 'receive');
        const items = received.body.items.map((i: { id: string }) => ({ itemId: i.id, acceptedQuantity: 1, grade: 'A', disposition: 'restock' }));
        expect((await act(api, paying.keys.owner, id, 'inspect', { items })).status).toBe(200);
        return measure(() => act(api, paying.keys.owner, id, 'refund'));
      };
      await refundOf(); // warm-up
      const m = await refundOf();
      expect(m.result.status).toBe(200);
      expect(m.result.body.status).toBe('completed');
      expect(m.result.body.refunds[0].status).toBe('succeeded');
      console.log(JSON.stringify({ paidRefund: { statements: m.statements, roundTrips: m.roundTrips } }));
      expect(m.statements).toBeLessThanOrEqual(PAID_REFUND_BUDGET.statements);
      expect(m.roundTrips).toBeLessThanOrEqual(t.handle.kind === 'postgres' ? PAID_REFUND_BUDGET.roundTrips : PAID_REFUND_BUDGET.statements);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('statement budget of a deadline', () => {
  it('applies a run-out deadline (the seller did not answer: approved) within its budget', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const due = async () => {
        const order = await placeOrder(api, owner());
        const opened = await openCase(order.id, order.lines[0]!.id);
        expect(opened.body.status).toBe('requested');
        const [deadline] = await deadlinesRepo.pendingOfCase(t.ctx.db, shop.id, opened.body.id);
        expect(deadline!.outcome).toBe('approve');
        return { id: opened.body.id as string, deadline: deadline! };
      };
      await applyDeadline(t.ctx, (await due()).deadline); // warm-up
      const { id, deadline } = await due();
      const m = await measure(() => applyDeadline(t.ctx, deadline));
      expect((await api('GET', `/api/v1/returns/${id}`, { key: owner() })).body.status).toBe('approved');
      expect(m.statements).toBeLessThanOrEqual(DEADLINE_BUDGET.statements);
      expect(m.roundTrips).toBeLessThanOrEqual(DEADLINE_BUDGET.roundTrips);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('statement budget of a fast refund paid at the first carrier scan', () => {
  it('the buyer ships, the policy granted 极速退款 when the case was opened: the shipment and the payout within budget', async () => {
    const fast = await createTestShop(t.ctx, 'budget-first-scan');
    expect((await api('PATCH', '/api/v1/shop', { key: fast.keys.owner, body: { refundProvider: 'simulated' } })).status).toBe(200);
    const policy = structuredClone(POLICY_PRESETS.china_marketplace);
    policy.automation.fastRefund = { enabled: true, maxRefundMinor: 1_000_000, maxRiskScore: 100, minCompletedOrders: 0, trigger: 'first_scan' };
    await policiesRepo.insertVersion(t.ctx.db, { shopId: fast.id, version: 2, document: policy, note: 'first scan', createdAt: new Date(1000) });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const shipped = async () => {
        const order = await placeOrder(api, fast.keys.owner);
        const opened = await api('POST', '/api/v1/returns', { key: fast.keys.owner, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'no_reason' }] } });
        const id = opened.body.id as string;
        if (opened.body.status === 'requested') expect((await act(api, fast.keys.owner, id, 'approve')).status).toBe(200);
        return measure(() => act(api, fast.keys.owner, id, 'buyer_shipped', { carrier: 'SF', trackingNumber: `SF${Date.now()}` }));
      };
      await shipped(); // warm-up
      const m = await shipped();
      expect(m.result.status).toBe(200);
      expect(m.result.body).toMatchObject({ refundedEarly: true });
      console.log(JSON.stringify({ firstScanFastRefund: { statements: m.statements, roundTrips: m.roundTrips } }));
      expect(m.statements).toBeLessThanOrEqual(FIRST_SCAN_BUDGET.statements);
      expect(m.roundTrips).toBeLessThanOrEqual(t.handle.kind === 'postgres' ? FIRST_SCAN_BUDGET.roundTrips : FIRST_SCAN_BUDGET.statements);
    } finally {
      vi.useRealTimers();
    }
  });
});
