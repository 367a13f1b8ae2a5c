import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { casesRepo } from '../../src/db/repos/cases-repo.js';
import { deadlinesRepo } from '../../src/db/repos/deadlines-repo.js';
import { applyDueDeadlines } from '../../src/worker/jobs/deadlines.js';
import { performAction } from '../../src/services/cases/perform-action.js';
import { POLICY_PRESETS } from '../../src/domain/policy/presets.js';
import { openCase, placeOrder, seedShop, staffActor, useServiceContext, type SeededShop } from '../helpers/service-context.js';

// applyDueDeadlines applies the deadlines it claims side by side; on the one connection of a test
// transaction each call here finds at most one due.
const t = useServiceContext();
const HOUR = 3600_000;

async function openReturn(shop: SeededShop = t.shop) {
  const order = await placeOrder(t.ctx, shop.id);
  return openCase(t.ctx, shop, { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] });
}
const deadlines = (caseId: string, shop: SeededShop = t.shop) => deadlinesRepo.ofCase(t.ctx.db, shop.id, caseId);
const status = async (caseId: string, shop: SeededShop = t.shop) => (await casesRepo.findById(t.ctx.db, shop.id, caseId))!.status;

describe('deadlines', () => {
  it("the seller's silence approves the request when the clock runs out, not a minute before, as the system naming the rule", async () => {
    const c = await openReturn();
    const [clock] = await deadlines(c.id);
    expect(clock).toMatchObject({ kind: 'merchant_response', outcome: 'approve', status: 'pending', dueAt: new Date(t.clock.now().getTime() + 5 * 24 * HOUR) });

    t.clock.set(new Date(clock!.dueAt.getTime() - 60_000));
    expect(await applyDueDeadlines(t.ctx)).toBe(0);
    expect(await status(c.id)).toBe('requested');

    t.clock.set(clock!.dueAt);
    expect(await applyDueDeadlines(t.ctx)).toBe(1);
    expect(await status(c.id)).toBe('approved');
    const [approval] = await queryRows<{ actor_kind: string; rule: string; payload: any }>(t.ctx.db, sql`select actor_kind, rule, payload from case_events where case_id = ${c.id} and action = 'approve'`);
    expect(approval).toMatchObject({ actor_kind: 'system', rule: 'deadline.merchant_response', payload: { explanation: { key: 'deadline.approve' } } });
    expect(await deadlines(c.id)).toMatchObject([
      { kind: 'merchant_response', status: 'applied', appliedAt: clock!.dueAt },
      { kind: 'buyer_ship', status: 'pending', outcome: 'close', dueAt: new Date(clock!.dueAt.getTime() + 7 * 24 * HOUR) },
    ]);
    const applied = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from outbox where case_id = ${c.id} and event_type = 'deadline.applied'`);
    expect(applied[0]!.n).toBe(1);

    // Nothing more is due until the buyer's clock runs out; then the case closes.
    expect(await applyDueDeadlines(t.ctx)).toBe(0);
    t.clock.advance(7 * 24 * HOUR);
    expect(await applyDueDeadlines(t.ctx)).toBe(1);
    expect(await status(c.id)).toBe('closed');
    expect((await deadlines(c.id)).map((d) => d.status)).toEqual(['applied', 'applied']);
  });

  it('a person acting first settles the clock in the same transaction; it is never applied', async () => {
    const c = await openReturn();
    t.clock.advance(HOUR);
    await performAction(t.ctx, t.shop.id, c.id, 'reject', staffActor(t.shop, 'agent'), { reasonCode: 'other', reason: 'Outside the policy' });
    expect(await deadlines(c.id)).toMatchObject([
      { kind: 'merchant_response', status: 'cancelled', cancelledAt: t.clock.now() },
      { kind: 'revise_or_escalate', status: 'pending' },
    ]);
    t.clock.advance(6 * 24 * HOUR);
    expect(await applyDueDeadlines(t.ctx)).toBe(0);
    expect(await status(c.id)).toBe('rejected');
  });

  it('a worker that comes late with a deadline already settled changes nothing', async () => {
    const c = await openReturn();
    const [clock] = await deadlines(c.id);
    await performAction(t.ctx, t.shop.id, c.id, 'approve', staffActor(t.shop, 'agent'), {});
    const version = (await casesRepo.findById(t.ctx.db, t.shop.id, c.id))!.version;
    // The deadline's own move, as the runner would make it after losing its lease.
    await expect(
      performAction(t.ctx, t.shop.id, c.id, 'close', { kind: 'system', rule: clock!.rule, deadlineId: clock!.id }, {}),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'deadline.settled' });
    expect((await casesRepo.findById(t.ctx.db, t.shop.id, c.id))!).toMatchObject({ status: 'approved', version });
  });

  it('a deadline whose move the case can no longer make fails, recorded, and is not retried', async () => {
    const c = await openReturn();
    const [clock] = await deadlines(c.id);
    // Someone moved the case without its clock noticing (a direct database change, an old bug).
    await t.ctx.db.execute(sql`update return_cases set status = 'approved' where shop_id = ${t.shop.id} and id = ${c.id}`);
    await t.ctx.db.execute(sql`update deadlines set for_status = 'approved' where shop_id = ${t.shop.id} and id = ${clock!.id}`);
    t.clock.set(clock!.dueAt);
    expect(await applyDueDeadlines(t.ctx)).toBe(1);
    const [after] = await deadlines(c.id);
    expect(after).toMatchObject({ status: 'failed', lastError: expect.stringContaining('case.invalid_transition') });
    expect(await applyDueDeadlines(t.ctx)).toBe(0);
  });

  it("evidence asked for by a time staff set: unanswered, the policy's outcome applies (closed, or back to the seller flagged)", async () => {
    const review = structuredClone(POLICY_PRESETS.china_marketplace);
    review.automation.autoApprove.enabled = false;
    review.buyerRisk = { ...review.buyerRisk, evidenceDeadlineOutcome: 'review' };
    const reviewing = await seedShop(t.ctx, 'svc-review', { policy: review });
    const outcomes = [];
    for (const shop of [t.shop, reviewing]) {
      t.clock.set('2026-11-01T08:00:00Z');
      const c = await openReturn(shop);
      const asked = await performAction(t.ctx, shop.id, c.id, 'request_evidence', staffActor(shop, 'agent'), { kinds: ['product_photo'], dueInHours: 24 });
      expect(asked.status).toBe('awaiting_evidence');
      const [clock] = (await deadlines(c.id, shop)).filter((d) => d.status === 'pending');
      expect(clock).toMatchObject({ kind: 'buyer_evidence', dueAt: new Date('2026-11-02T08:00:00Z') });
      t.clock.set(clock!.dueAt);
      expect(await applyDueDeadlines(t.ctx)).toBe(1);
      const after = (await casesRepo.findById(t.ctx.db, shop.id, c.id))!;
      outcomes.push([clock!.outcome, after.status, after.needsReview, after.evidenceRequest?.outcome ?? null]);
    }
    expect(outcomes).toEqual([
      ['close', 'closed', false, null],
      ['evidence_overdue', 'requested', true, 'expired'],
    ]);
  });
});
