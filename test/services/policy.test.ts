import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { casesRepo } from '../../src/db/repos/cases-repo.js';
import { deadlinesRepo } from '../../src/db/repos/deadlines-repo.js';
import { policiesRepo, policyVersions } from '../../src/db/repos/policies-repo.js';
import { POLICY_PRESETS } from '../../src/domain/policy/presets.js';
import type { Policy } from '../../src/domain/policy/schema.js';
import { currentPolicy, listPolicyVersions, savePolicy } from '../../src/services/policy/policies.js';
import { performAction } from '../../src/services/cases/perform-action.js';
import { createShop } from '../../src/services/shops/shops.js';
import { openCase, placeOrder, staffActor, useServiceContext } from '../helpers/service-context.js';

const t = useServiceContext();
const HOUR = 3600_000;

/** The shop's policy as seeded (version 1), changed by `edit`. */
async function edited(edit: (p: Policy) => void): Promise<Policy> {
  const p = structuredClone((await currentPolicy(t.ctx.db, t.shop.id, t.clock.now())).document);
  edit(p);
  return p;
}
const save = async (edit: (p: Policy) => void, note?: string) => savePolicy(t.ctx, t.shop.id, await edited(edit), note, t.shop.staff.owner);

/** An order placed at `placedAt`, delivered on 2026-10-30. */
const orderPlaced = (placedAt: string) =>
  placeOrder(t.ctx, t.shop.id, {
    overrides: { placedAt, paidAt: placedAt, shipments: [{ carrier: 'SF', trackingNumber: `SF${placedAt.replace(/\D/g, '')}`, shippedAt: '2026-10-29T03:00:00Z', deliveredAt: '2026-10-30T06:00:00Z' }] },
  });
const noReasonReturn = (order: Awaited<ReturnType<typeof placeOrder>>) =>
  openCase(t.ctx, t.shop, { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_reason' }] });

describe('policy versions', () => {
  it('each save is the next version, kept beside the earlier ones with who saved it and why', async () => {
    const v2 = await save((p) => (p.windows.noReasonDays = 10), 'longer window');
    t.clock.advance(HOUR);
    const v3 = await save((p) => (p.windows.noReasonDays = 14));
    expect([v2.version, v3.version]).toEqual([2, 3]);
    expect(v2).toMatchObject({ note: 'longer window', createdBy: t.shop.staff.owner, createdAt: new Date('2026-11-01T08:00:00Z') });
    const versions = await listPolicyVersions(t.ctx, t.shop.id);
    expect(versions.map((v) => [v.version, v.document.windows.noReasonDays])).toEqual([
      [3, 14],
      [2, 10],
      [1, 7],
    ]);
    expect((await currentPolicy(t.ctx.db, t.shop.id, t.clock.now())).id).toBe(v3.id);
  });

  it('refuses an invalid document with where it is wrong, and saves nothing', async () => {
    const bad = await edited((p) => (p.windows.noReasonDays = -1));
    await expect(savePolicy(t.ctx, t.shop.id, bad, undefined, undefined)).rejects.toMatchObject({
      kind: 'unprocessable',
      code: 'policy.invalid',
      details: { issues: expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining('noReasonDays') })]) },
    });
    expect(await listPolicyVersions(t.ctx, t.shop.id)).toHaveLength(1);
  });

  it('a shop without a policy gets its currency\'s preset on first use, once', async () => {
    const shop = await createShop(t.ctx, { slug: 'svc-fresh', name: 'Fresh', currency: 'EUR' });
    const first = await currentPolicy(t.ctx.db, shop.id, t.clock.now());
    expect(first).toMatchObject({ version: 1, note: 'preset', document: { name: POLICY_PRESETS.international.name } });
    expect((await currentPolicy(t.ctx.db, shop.id, t.clock.now())).id).toBe(first.id);
    expect(await listPolicyVersions(t.ctx, shop.id)).toHaveLength(1);
  });
});

describe('which version judges a case', () => {
  it('an order is judged by the version in force when it was placed, unless the policy says to judge by today\'s', async () => {
    t.clock.set('2026-10-27T00:00:00Z');
    await save((p) => (p.windows.noReasonDays = 15), '15 days from the 27th');
    const before = await orderPlaced('2026-10-25T02:00:00Z');
    const after = await orderPlaced('2026-10-28T02:00:00Z');

    // 11 days after delivery: outside version 1's 7 days, inside version 2's 15.
    t.clock.set('2026-11-10T00:00:00Z');
    await expect(noReasonReturn(before)).rejects.toMatchObject({ code: 'case.not_eligible', details: { items: [{ rule: 'window.no_reason_expired' }] } });
    const c = await noReasonReturn(after);
    expect(c.policyVersion).toBe(2);

    await save((p) => {
      p.windows.noReasonDays = 15;
      p.judgeBy = 'current';
    });
    const old = await noReasonReturn(before);
    expect(old.policyVersion).toBe(3);
  });

  it('a case keeps the version it was opened under: a later version does not change its clocks', async () => {
    const order = await placeOrder(t.ctx, t.shop.id);
    const c = await openCase(t.ctx, t.shop, { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] });
    await save((p) => {
      p.judgeBy = 'current';
      p.deadlines.reviseOrEscalateHours = 1;
    });
    await performAction(t.ctx, t.shop.id, c.id, 'reject', staffActor(t.shop, 'agent'), { reasonCode: 'other', reason: 'no' });
    const [revise] = await deadlinesRepo.pendingOfCase(t.ctx.db, t.shop.id, c.id);
    expect(revise).toMatchObject({ kind: 'revise_or_escalate', dueAt: new Date(t.clock.now().getTime() + 7 * 24 * HOUR) });
    const [row] = await queryRows<{ version: number }>(t.ctx.db, sql`select p.version from return_cases c join policies p on p.shop_id = c.shop_id and p.id = c.policy_id where c.id = ${c.id}`);
    expect(row!.version).toBe(1);
  });
});

describe('policy versions kept by the process', () => {
  const read = (orderId: string) => casesRepo.orderWithFacts(t.ctx.db, t.shop.id, orderId, { lock: false, withPolicies: true });

  it('a version read once is the same row for every later request, and is read again once it has been let go', async () => {
    const v2 = await save((p) => (p.windows.noReasonDays = 12), 'kept');
    const order = await orderPlaced('2026-10-28T02:00:00Z');
    const byId = vi.spyOn(policiesRepo, 'byId');
    try {
      const first = (await read(order.id))!.policies!.current!;
      expect(first).toMatchObject({ id: v2.id, version: 2, document: { windows: { noReasonDays: 12 } } });
      expect(policyVersions.get(v2.id)).toBe(first);
      // Read again: the statement sends the kept version's id alone, and the kept row answers.
      expect((await read(order.id))!.policies!.current).toBe(first);
      expect(byId).not.toHaveBeenCalled();
      // So many other versions kept that the kept ones are let go: the next read sends the document again.
      for (let i = 0; i < 1000; i++) policyVersions.keep({ ...first, id: randomUUID(), shopId: randomUUID() });
      expect(policyVersions.get(v2.id)).toBeUndefined();
      const again = (await read(order.id))!.policies!.current!;
      expect(again).not.toBe(first);
      expect(again).toEqual(first);
      expect(policyVersions.get(v2.id)).toBe(again);
    } finally {
      byId.mockRestore();
    }
  });
});
