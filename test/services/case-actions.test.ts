import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { casesRepo } from '../../src/db/repos/cases-repo.js';
import type { CaseAction } from '../../src/domain/cases/model.js';
import type { Actor } from '../../src/domain/cases/model.js';
import { performAction } from '../../src/services/cases/perform-action.js';
import { getCase } from '../../src/services/cases/read-cases.js';
import { buyer, openCase, placeOrder, platform, seedShop, staffActor, useServiceContext } from '../helpers/service-context.js';

const t = useServiceContext();
const agent = () => staffActor(t.shop, 'agent');
const warehouse = () => staffActor(t.shop, 'warehouse');

/** Any action with any input: the guards are what these tests look at. */
const act = (caseId: string, action: CaseAction, actor: Actor, input: Record<string, unknown> = {}) => performAction(t.ctx, t.shop.id, caseId, action, actor, input as never);

/** What a refused action must leave as it was: the row, the timeline, the outbox, the deadlines. */
async function footprint(caseId: string) {
  const c = (await casesRepo.findById(t.ctx.db, t.shop.id, caseId))!;
  const [counts] = await queryRows<{ events: number; outbox: number; deadlines: number; messages: number }>(
    t.ctx.db,
    sql`select (select count(*)::int from case_events where case_id = ${caseId}) as events,
               (select count(*)::int from outbox where case_id = ${caseId}) as outbox,
               (select count(*)::int from deadlines where case_id = ${caseId}) as deadlines,
               (select count(*)::int from case_messages where case_id = ${caseId}) as messages`,
  );
  return { status: c.status, version: c.version, updatedAt: c.updatedAt.toISOString(), ...counts };
}

async function openReturn(reasonCode = 'no_longer_needed') {
  const order = await placeOrder(t.ctx, t.shop.id);
  const line = order.lines[1]!;
  const c = await openCase(t.ctx, t.shop, { orderId: order.id, type: 'return_refund', items: [{ lineId: line.id, quantity: 1, reasonCode }] });
  return { order, line, c };
}

describe('performAction: guards', () => {
  it('refuses an action the case cannot take in its state, naming the state and what it can do, and changes nothing', async () => {
    const { c } = await openReturn();
    const before = await footprint(c.id);
    t.clock.advance(60_000);
    await expect(act(c.id, 'receive', warehouse())).rejects.toMatchObject({
      kind: 'conflict',
      code: 'case.invalid_transition',
      details: { status: 'requested', action: 'receive', type: 'return_refund', possibleActions: expect.arrayContaining(['approve', 'reject', 'cancel']) },
    });
    await expect(act(c.id, 'refund', staffActor(t.shop, 'manager'))).rejects.toMatchObject({ code: 'case.invalid_transition' });
    expect(await footprint(c.id)).toEqual(before);
  });

  it('refuses an actor whose role or kind may not take the action, and changes nothing', async () => {
    const { c } = await openReturn();
    const before = await footprint(c.id);
    for (const actor of [warehouse(), staffActor(t.shop, 'viewer'), buyer]) {
      await expect(act(c.id, 'approve', actor)).rejects.toMatchObject({ kind: 'forbidden', code: 'case.action_forbidden', details: { action: 'approve', actor: actor.kind } });
    }
    // Only staff, the platform or the system write off goods after a fast refund; only the system closes a fresh request.
    await expect(act(c.id, 'close', agent())).rejects.toMatchObject({ code: 'case.action_forbidden' });
    expect(await footprint(c.id)).toEqual(before);
  });

  it('an action decided on a stale view finds the case moved on: the second of two approvals is refused, the version went up once', async () => {
    const { c } = await openReturn();
    const first = await act(c.id, 'approve', agent(), { note: 'ok' });
    expect(first).toMatchObject({ status: 'approved', version: 2 });
    const after = await footprint(c.id);
    await expect(act(c.id, 'approve', staffActor(t.shop, 'manager'))).rejects.toMatchObject({ code: 'case.invalid_transition', details: { status: 'approved' } });
    expect(await footprint(c.id)).toEqual(after);
    const approvals = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from case_events where case_id = ${c.id} and action = 'approve'`);
    expect(approvals[0]!.n).toBe(1);
  });

  it("refuses another shop's case as not found", async () => {
    const { c } = await openReturn();
    const other = await seedShop(t.ctx, 'svc-other');
    await expect(performAction(t.ctx, other.id, c.id, 'approve', staffActor(other, 'owner'), {})).rejects.toMatchObject({ kind: 'not_found', code: 'case.not_found' });
    expect((await footprint(c.id)).status).toBe('requested');
  });

  it('refuses inspection of an item of another case', async () => {
    const { c } = await openReturn();
    const { c: other } = await openReturn();
    const [otherItem] = await queryRows<{ id: string }>(t.ctx.db, sql`select id from return_items where case_id = ${other.id}`);
    await act(c.id, 'approve', agent());
    await act(c.id, 'buyer_shipped', buyer, { carrier: 'SF', trackingNumber: 'SF1' });
    await act(c.id, 'receive', warehouse());
    const before = await footprint(c.id);
    await expect(act(c.id, 'inspect', warehouse(), { items: [{ itemId: otherItem!.id, acceptedQuantity: 1, grade: 'A' }] })).rejects.toMatchObject({ code: 'case.item_unknown' });
    expect(await footprint(c.id)).toEqual(before);
  });
});

describe('performAction: what each step records', () => {
  it('a return goes approved → in transit → received → inspected, each move one event, one status webhook, one version', async () => {
    const { c, line } = await openReturn();
    const steps: [CaseAction, Actor, Record<string, unknown>, string][] = [
      ['approve', agent(), {}, 'approved'],
      ['buyer_shipped', buyer, { carrier: 'ZTO', trackingNumber: '73100000001' }, 'in_transit'],
      ['receive', warehouse(), {}, 'received'],
    ];
    for (const [action, actor, input, status] of steps) expect((await act(c.id, action, actor, input)).status).toBe(status);
    const [item] = await queryRows<{ id: string }>(t.ctx.db, sql`select id from return_items where case_id = ${c.id}`);
    const [stockBefore] = await queryRows<{ stock_on_hand: number }>(t.ctx.db, sql`select stock_on_hand from variants where shop_id = ${t.shop.id} and sku = ${line.sku}`);
    const inspected = await act(c.id, 'inspect', warehouse(), { items: [{ itemId: item!.id, acceptedQuantity: 1, grade: 'B', disposition: 'restock' }] });
    expect(inspected).toMatchObject({ status: 'inspected', version: 5 });

    const timeline = await queryRows<{ action: string; from_status: string | null; to_status: string }>(
      t.ctx.db,
      sql`select action, from_status, to_status from case_events where case_id = ${c.id} order by created_at, id`,
    );
    expect(timeline).toEqual([
      { action: 'create', from_status: null, to_status: 'requested' },
      { action: 'approve', from_status: 'requested', to_status: 'approved' },
      { action: 'buyer_shipped', from_status: 'approved', to_status: 'in_transit' },
      { action: 'receive', from_status: 'in_transit', to_status: 'received' },
      { action: 'inspect', from_status: 'received', to_status: 'inspected' },
    ]);
    const outbox = await queryRows<{ from: string; to: string }>(
      t.ctx.db,
      sql`select payload->'data'->>'from' as "from", payload->'data'->>'to' as "to" from outbox where case_id = ${c.id} and event_type = 'return.status_changed' order by created_at, id`,
    );
    expect(outbox).toEqual(timeline.slice(1).map((e) => ({ from: e.from_status, to: e.to_status })));
    const [item2] = await queryRows<{ received_quantity: number; accepted_quantity: number; grade: string; disposition: string }>(
      t.ctx.db,
      sql`select received_quantity, accepted_quantity, grade, disposition from return_items where case_id = ${c.id}`,
    );
    expect(item2).toEqual({ received_quantity: 1, accepted_quantity: 1, grade: 'B', disposition: 'restock' });
    const [stockAfter] = await queryRows<{ stock_on_hand: number }>(t.ctx.db, sql`select stock_on_hand from variants where shop_id = ${t.shop.id} and sku = ${line.sku}`);
    expect(stockAfter!.stock_on_hand).toBe(stockBefore!.stock_on_hand + 1);
  });

  it('a rejection tells the buyer why; the buyer revises; a dispute goes to the platform, which may side with the seller', async () => {
    const { c } = await openReturn();
    const rejected = await act(c.id, 'reject', agent(), { reasonCode: 'other', reason: '超出政策范围' });
    expect(rejected).toMatchObject({ status: 'rejected', rejectionCode: 'other', rejectionReason: '超出政策范围' });
    const messages = await queryRows<{ visibility: string; body: string; author_kind: string }>(t.ctx.db, sql`select visibility, body, author_kind from case_messages where case_id = ${c.id}`);
    expect(messages).toEqual([{ visibility: 'public', body: '超出政策范围', author_kind: 'staff' }]);
    expect(await act(c.id, 'revise', buyer, { note: '补充说明' })).toMatchObject({ status: 'requested', rejectionCode: null, rejectionReason: null });
    await act(c.id, 'reject', agent(), { reasonCode: 'other', reason: '仍不符合' });
    expect((await act(c.id, 'escalate', buyer, { reason: '申请平台介入' })).status).toBe('escalated');
    await expect(act(c.id, 'resolve', warehouse(), { outcome: 'reject', note: 'x' })).rejects.toMatchObject({ code: 'case.action_forbidden' });
    const closed = await act(c.id, 'resolve', platform, { outcome: 'reject', note: '平台判定卖家胜诉' });
    expect(closed).toMatchObject({ status: 'closed', resolution: 'reject' });
    expect(closed.closedAt).toEqual(t.clock.now());
    // A closed case takes no more decisions, but still a message.
    await expect(act(c.id, 'approve', agent())).rejects.toMatchObject({ code: 'case.invalid_transition' });
    expect((await act(c.id, 'note', agent(), { body: 'archived' })).status).toBe('closed');
  });

  it('the buyer withdrawing a request closes its clocks and frees its units', async () => {
    const { c, order, line } = await openReturn();
    const cancelled = await act(c.id, 'cancel', buyer, {});
    expect(cancelled.status).toBe('cancelled');
    const deadlines = await queryRows<{ status: string }>(t.ctx.db, sql`select status from deadlines where case_id = ${c.id}`);
    expect(deadlines).toEqual([{ status: 'cancelled' }]);
    const again = await openCase(t.ctx, t.shop, { orderId: order.id, type: 'return_refund', items: [{ lineId: line.id, quantity: 1, reasonCode: 'no_longer_needed' }] });
    expect(again.status).toBe('requested');
  });
});

describe('getCase: the case as each reader sees it', () => {
  it("internal notes, risk and who among staff acted stay out of the buyer's view of the case", async () => {
    const { c } = await openReturn();
    await act(c.id, 'note', agent(), { body: '买家历史退货较多，注意核实' });
    await act(c.id, 'message', agent(), { body: '请提供订单截图' });
    await act(c.id, 'approve', agent());
    const staffView = await getCase(t.ctx, t.shop.id, c.id, agent());
    const buyerView = await getCase(t.ctx, t.shop.id, c.id, buyer);
    expect(staffView.messages.map((m) => [m.visibility, m.body])).toEqual([
      ['internal', '买家历史退货较多，注意核实'],
      ['public', '请提供订单截图'],
    ]);
    expect(buyerView.messages.map((m) => [m.visibility, m.body])).toEqual([['public', '请提供订单截图']]);
    expect(staffView.timeline.map((e) => e.type)).toContain('case.note');
    expect(buyerView.timeline.map((e) => e.type)).not.toContain('case.note');
    const created = (view: typeof staffView) => view.timeline.find((e) => e.type === 'case.created')!;
    expect(created(staffView).payload).toHaveProperty('risk');
    expect(created(buyerView).payload).not.toHaveProperty('risk');
    expect(buyerView.timeline.every((e) => e.actor.id === null && e.actor.role === null)).toBe(true);
    expect(staffView.timeline.find((e) => e.type === 'case.approve')!.actor).toEqual({ kind: 'staff', id: t.shop.staff.agent, role: 'agent' });
    // The buyer is offered what a buyer may do, staff what staff may.
    expect(buyerView.allowedActions).not.toContain('approve');
    expect(staffView.allowedActions).toContain('buyer_shipped');
  });
});
