import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOutbox } from '../../src/worker/jobs/outbox.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { act, placeOrder } from '../helpers/returns.js';

/**
 * Issue 19 §2: follow-up tasks created by rules after an outcome (call back after an exchange
 * ships, ask for a review after a refund, check a SKU with repeated quality cases), through the
 * outbox dispatcher, idempotently; listed with counts; done or skipped with a note.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;
let other: TestShop;
const DAY = 86_400_000;

const drain = async () => {
  while ((await dispatchOutbox(t.ctx)) > 0);
};
const tasks = async (query = '', key = shop.keys.viewer) => (await api('GET', `/api/v1/care/tasks${query}`, { key })).body;

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  shop = await createTestShop(t.ctx, 'care-tasks');
  other = await createTestShop(t.ctx, 'care-tasks-b');
  expect((await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProvider: 'simulated' } })).status).toBe(200);
  const current = (await api('GET', '/api/v1/policy', { key: shop.keys.owner })).body.document;
  const care = {
    followUps: {
      exchangeCallback: { enabled: true, afterDays: 3, role: 'agent' },
      reviewRequest: { enabled: true, afterDays: 1, role: 'agent' },
      repeatedDefect: { enabled: true, threshold: 3, windowDays: 7, dueInDays: 1, role: 'manager' },
    },
  };
  expect((await api('PUT', '/api/v1/policy', { key: shop.keys.owner, body: { document: { ...current, care } } })).status).toBe(200);
});
afterAll(() => t?.close());

async function openCase(type: string, reasonCode: string, lineIndex = 1) {
  const order = await placeOrder(api, shop.keys.manager);
  const created = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type, items: [{ lineId: order.lines[lineIndex]!.id, quantity: 1, reasonCode }] } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id as string, sku: order.lines[lineIndex]!.sku };
}

async function throughInspection(id: string) {
  expect((await act(api, shop.keys.agent, id, 'approve')).status).toBe(200);
  expect((await act(api, shop.keys.agent, id, 'buyer_shipped', { carrier: 'SF', trackingNumber: `SF-${id.slice(-8)}` })).status).toBe(200);
  const received = await act(api, shop.keys.warehouse, id, 'receive');
  const inspected = await act(api, shop.keys.warehouse, id, 'inspect', { items: received.body.items.map((i: { id: string; quantity: number }) => ({ itemId: i.id, acceptedQuantity: i.quantity, grade: 'A', disposition: 'restock' })) });
  expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);
}

describe('follow-up tasks', () => {
  it('asks for a review after a refund and calls back 3 days after an exchange ships, each once', async () => {
    const refund = await openCase('return_refund', 'no_reason');
    await throughInspection(refund.id);
    const refunded = await act(api, shop.keys.manager, refund.id, 'refund');
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(200);
    const exchange = await openCase('exchange', 'wrong_size');
    await throughInspection(exchange.id);
    const exchanged = await act(api, shop.keys.agent, exchange.id, 'exchange');
    expect(exchanged.status).toBe(200);
    if (exchanged.body.buyerOwesMinor > 0) expect((await act(api, shop.keys.manager, exchange.id, 'confirm_payment', { amountMinor: exchanged.body.buyerOwesMinor, reference: 'WX-1' })).status).toBe(200);
    const shipped = await act(api, shop.keys.warehouse, exchange.id, 'ship_replacement', { carrier: 'SF', trackingNumber: 'SF-OUT-9' });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    const now = t.clock.now().getTime();
    await drain();
    // Handed over again (a dispatcher that crashed before marking them): no second task.
    await t.ctx.db.execute(sql`update outbox set dispatched_at = null where shop_id = ${shop.id}`);
    await drain();

    const open = await tasks('?status=open');
    const review = open.data.filter((x: any) => x.kind === 'review_request');
    const callback = open.data.filter((x: any) => x.kind === 'exchange_callback');
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({ caseId: refund.id, role: 'agent', status: 'open', rule: 'care.followUps.reviewRequest', dueAt: new Date(now + DAY).toISOString() });
    expect(callback).toHaveLength(1);
    expect(callback[0]).toMatchObject({ caseId: exchange.id, role: 'agent', dueAt: new Date(now + 3 * DAY).toISOString(), bucket: 'upcoming' });
    expect(open.counts).toMatchObject({ overdue: 0, done: 0, skipped: 0 });
    expect(open.counts.today + open.counts.upcoming).toBe(open.data.length);
    expect((await tasks('?role=agent&kind=exchange_callback')).data).toHaveLength(1);
    expect((await tasks('', other.keys.viewer)).data).toEqual([]);

    // Later the review request is overdue.
    t.clock.advance(2 * DAY);
    expect((await tasks('?kind=review_request')).data[0].bucket).toBe('overdue');
    expect((await tasks()).counts.overdue).toBe(1);
    t.clock.advance(-2 * DAY);
  });

  it('checks a SKU when 3 quality cases about it arrive within 7 days, once per window', async () => {
    const first = await openCase('return_refund', 'wrong_item', 0);
    await openCase('return_refund', 'wrong_item', 0);
    await drain();
    expect((await tasks('?kind=sku_defect_check')).data).toEqual([]);
    await openCase('return_refund', 'wrong_item', 0);
    await openCase('return_refund', 'wrong_item', 0);
    await drain();
    const checks = (await tasks('?kind=sku_defect_check')).data;
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ sku: first.sku, caseId: null, role: 'manager', rule: 'care.followUps.repeatedDefect' });
    // Quality cases more than 7 days old do not count.
    t.clock.advance(8 * DAY);
    await openCase('return_refund', 'wrong_item', 0);
    await drain();
    expect((await tasks('?kind=sku_defect_check')).data).toHaveLength(1);
    t.clock.advance(-8 * DAY);
  });

  it('is done or skipped with a note, once, by roles that may message buyers', async () => {
    const [task, second] = (await tasks('?status=open')).data;
    expect((await api('PATCH', `/api/v1/care/tasks/${task.id}`, { key: shop.keys.viewer, body: { status: 'done' } })).status).toBe(403);
    expect((await api('PATCH', `/api/v1/care/tasks/${task.id}`, { key: other.keys.agent, body: { status: 'done' } })).status).toBe(404);
    expect((await api('PATCH', `/api/v1/care/tasks/${task.id}`, { key: shop.keys.agent, body: { status: 'open' } })).status).toBe(400);
    const done = await api('PATCH', `/api/v1/care/tasks/${task.id}`, { key: shop.keys.agent, body: { status: 'done', note: '  Called, the new size fits  ' } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', note: 'Called, the new size fits', bucket: 'closed' });
    const again = await api('PATCH', `/api/v1/care/tasks/${task.id}`, { key: shop.keys.agent, body: { status: 'skipped' } });
    expect([again.status, again.body.error.code]).toEqual([409, 'task.closed']);
    expect((await api('PATCH', `/api/v1/care/tasks/${second.id}`, { key: shop.keys.agent, body: { status: 'skipped', note: 'No answer' } })).body.status).toBe('skipped');
    const counts = (await tasks()).counts;
    expect([counts.done, counts.skipped]).toEqual([1, 1]);
    expect((await tasks('?status=done')).data.map((x: any) => x.id)).toEqual([task.id]);
  });
});
