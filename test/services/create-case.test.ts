import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { casesRepo } from '../../src/db/repos/cases-repo.js';
import { deadlinesRepo } from '../../src/db/repos/deadlines-repo.js';
import { performAction } from '../../src/services/cases/perform-action.js';
import { previewReturn } from '../../src/services/cases/preview.js';
import { openCase, placeOrder, platform, seedShop, staffActor, useServiceContext, type SeededShop } from '../helpers/service-context.js';

const t = useServiceContext();

const caseCount = async (shopId = t.shop.id) => (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from return_cases where shop_id = ${shopId}`))[0]!.n;
const events = (caseId: string) =>
  queryRows<{ type: string; actor_kind: string; rule: string | null; to_status: string | null }>(
    t.ctx.db,
    sql`select type, actor_kind, rule, to_status from case_events where case_id = ${caseId} order by created_at, id`,
  );

/** The T-shirt line (2 units), the mug (1) and the custom-made necklace (1). */
async function order(options: Parameters<typeof placeOrder>[2] = {}, shop: SeededShop = t.shop) {
  const o = await placeOrder(t.ctx, shop.id, options);
  const [tee, mug, necklace] = o.lines;
  return { order: o, tee: tee!, mug: mug!, necklace: necklace! };
}

describe('createCase: what a new case is', () => {
  it('writes the case, its items, the event, the outbox row and the first deadline in one go', async () => {
    const { order: o, mug } = await order();
    const c = await openCase(t.ctx, t.shop, { orderId: o.id, type: 'return_refund', items: [{ lineId: mug.id, quantity: 1, reasonCode: 'no_longer_needed' }] });

    const stored = (await casesRepo.findById(t.ctx.db, t.shop.id, c.id))!;
    expect(stored).toMatchObject({ status: 'requested', version: 1, orderId: o.id, type: 'return_refund', returnMethod: 'self_ship', fault: 'buyer', createdByKind: 'staff', createdById: t.shop.staff.agent });
    expect(stored.rmaNumber).toMatch(/^R261101\d{4}$/);
    // Bought with shipping insurance (运费险): the insurer, not the buyer, pays for a change of mind's return shipping.
    expect(stored.returnShippingPayer).toBe('insurer');
    expect(stored.breakdown.refundMinor).toBe(mug.paidMinor);
    const items = await queryRows<{ order_line_id: string; quantity: number; reason_code: string; condition: string }>(
      t.ctx.db,
      sql`select order_line_id, quantity, reason_code, condition from return_items where case_id = ${c.id}`,
    );
    expect(items).toEqual([{ order_line_id: mug.id, quantity: 1, reason_code: 'no_longer_needed', condition: 'unopened' }]);
    expect(await events(c.id)).toEqual([{ type: 'case.created', actor_kind: 'staff', rule: null, to_status: 'requested' }]);
    const outbox = await queryRows<{ event_type: string; payload: any }>(t.ctx.db, sql`select event_type, payload from outbox where case_id = ${c.id}`);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ event_type: 'return.created', payload: { type: 'return.created', shopId: t.shop.id, data: { case: { id: c.id, status: 'requested' } } } });
    // The seller has the policy's 5 days to answer.
    const deadlines = await deadlinesRepo.pendingOfCase(t.ctx.db, t.shop.id, c.id);
    expect(deadlines).toMatchObject([{ kind: 'merchant_response', status: 'pending', outcome: 'approve', dueAt: new Date('2026-11-06T08:00:00Z') }]);
  });

  it('numbers cases in the order they are opened', async () => {
    const { order: o, tee, mug } = await order();
    const a = await openCase(t.ctx, t.shop, { orderId: o.id, type: 'return_refund', items: [{ lineId: tee.id, quantity: 1, reasonCode: 'wrong_size' }] });
    const b = await openCase(t.ctx, t.shop, { orderId: o.id, type: 'return_refund', items: [{ lineId: mug.id, quantity: 1, reasonCode: 'wrong_size' }] });
    expect(Number(b.rmaNumber.slice(7))).toBeGreaterThan(Number(a.rmaNumber.slice(7)));
  });

  it('derives a refund-only kind from where the goods are', async () => {
    const kinds = [];
    // After delivery, keeping the goods needs a fault of the shop (a missing part).
    for (const [progress, reasonCode] of [[{ shipped: false }, 'no_longer_needed'], [{ delivered: false }, 'no_longer_needed'], [{}, 'missing_parts']] as const) {
      const { order: o, mug } = await order(progress);
      const c = await openCase(t.ctx, t.shop, { orderId: o.id, type: 'refund_only', items: [{ lineId: mug.id, quantity: 1, reasonCode }] });
      kinds.push([c.refundOnlyKind, c.returnMethod]);
    }
    expect(kinds).toEqual([
      ['not_shipped', 'none'],
      ['in_transit', 'self_ship'],
      ['delivered_keep', 'none'],
    ]);
  });
});

describe('createCase: eligibility refusals write nothing', () => {
  it('refuses a no-reason return of custom-made goods, naming the exclusion', async () => {
    const { order: o, necklace } = await order();
    const refused = openCase(t.ctx, t.shop, { orderId: o.id, type: 'return_refund', items: [{ lineId: necklace.id, quantity: 1, reasonCode: 'no_reason' }] });
    await expect(refused).rejects.toMatchObject({ kind: 'unprocessable', code: 'case.not_eligible', details: { items: [{ lineId: necklace.id, eligible: false, rule: 'exclusion.custom_made' }] } });
    expect(await caseCount()).toBe(0);
  });

  it('closes the 7-day window at the end of the 7th local day after delivery', async () => {
    // Delivered 2026-10-30 14:00 in Shanghai: days 31 Oct … 6 Nov; the window shuts at 7 Nov 00:00 (+08) = 6 Nov 16:00 UTC.
    const { order: o, mug } = await order();
    const input = { orderId: o.id, type: 'return_refund' as const, items: [{ lineId: mug.id, quantity: 1, reasonCode: 'no_reason' }] };
    t.clock.set('2026-11-06T16:00:00Z');
    await expect(openCase(t.ctx, t.shop, input)).rejects.toMatchObject({ code: 'case.not_eligible', details: { items: [{ rule: 'window.no_reason_expired' }] } });
    expect(await caseCount()).toBe(0);
    t.clock.set('2026-11-06T15:59:00Z');
    expect((await openCase(t.ctx, t.shop, input)).status).toBe('requested');
    // A seller fault has 15 days: still open after the no-reason window shut.
    t.clock.set('2026-11-10T00:00:00Z');
    const { order: o2, mug: mug2 } = await order();
    expect((await openCase(t.ctx, t.shop, { orderId: o2.id, type: 'return_refund', items: [{ lineId: mug2.id, quantity: 1, reasonCode: 'wrong_item' }] })).fault).toBe('seller');
  });

  it('refuses a reason the policy does not list, and a line of another order', async () => {
    const { order: o, mug } = await order();
    const { mug: otherMug } = await order();
    await expect(openCase(t.ctx, t.shop, { orderId: o.id, type: 'return_refund', items: [{ lineId: mug.id, quantity: 1, reasonCode: 'bored' }] })).rejects.toMatchObject({
      code: 'case.reason_unknown',
      details: { reasonCode: 'bored', reasons: expect.arrayContaining(['no_reason', 'quality_issue']) },
    });
    await expect(openCase(t.ctx, t.shop, { orderId: o.id, type: 'return_refund', items: [{ lineId: otherMug.id, quantity: 1, reasonCode: 'no_reason' }] })).rejects.toMatchObject({
      code: 'case.line_not_in_order',
    });
    expect(await caseCount()).toBe(0);
  });

  it('refuses a case for an order of another shop as not found', async () => {
    const other = await seedShop(t.ctx, 'svc-other');
    const { order: o, mug } = await order({}, other);
    await expect(openCase(t.ctx, t.shop, { orderId: o.id, type: 'return_refund', items: [{ lineId: mug.id, quantity: 1, reasonCode: 'no_reason' }] })).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('createCase: units already claimed', () => {
  it('never lets the cases of a line claim more units than it has; a cancelled case gives them back', async () => {
    const { order: o, tee } = await order();
    const one = { orderId: o.id, type: 'return_refund' as const, items: [{ lineId: tee.id, quantity: 1, reasonCode: 'wrong_size' }] };
    const first = await openCase(t.ctx, t.shop, one);
    await openCase(t.ctx, t.shop, one);
    await expect(openCase(t.ctx, t.shop, one)).rejects.toMatchObject({ kind: 'conflict', code: 'case.quantity_exceeds_returnable', details: { lineId: tee.id, requested: 1, returnable: 0 } });
    // Two items of one request count together.
    await performAction(t.ctx, t.shop.id, first.id, 'cancel', staffActor(t.shop, 'agent'), {} as never);
    await expect(
      openCase(t.ctx, t.shop, { ...one, items: [one.items[0]!, one.items[0]!] }),
    ).rejects.toMatchObject({ code: 'case.quantity_exceeds_returnable', details: { requested: 2, returnable: 1 } });
    expect((await openCase(t.ctx, t.shop, one)).status).toBe('requested');
    expect(await caseCount()).toBe(3);
  });

  it('the preview says the same as creation would, and writes nothing', async () => {
    const { order: o, necklace, mug } = await order();
    const refused = await previewReturn(t.ctx, t.shop.id, { orderId: o.id, type: 'return_refund', items: [{ lineId: necklace.id, quantity: 1, reasonCode: 'no_reason' }] });
    expect(refused).toMatchObject({ eligible: false });
    const allowed = await previewReturn(t.ctx, t.shop.id, { orderId: o.id, type: 'return_refund', items: [{ lineId: mug.id, quantity: 1, reasonCode: 'no_reason' }] });
    expect(allowed).toMatchObject({ eligible: true, refund: { refundMinor: mug.paidMinor } });
    expect(await caseCount()).toBe(0);
  });
});

describe('createCase: overriding the policy', () => {
  it('only staff who decide cases may open a case the policy refuses; it is recorded', async () => {
    const { order: o, necklace } = await order();
    const input = { orderId: o.id, type: 'return_refund' as const, items: [{ lineId: necklace.id, quantity: 1, reasonCode: 'no_reason' }], overridePolicy: true };
    await expect(openCase(t.ctx, t.shop, input, staffActor(t.shop, 'warehouse'))).rejects.toMatchObject({ kind: 'forbidden', code: 'case.override_forbidden' });
    await expect(openCase(t.ctx, t.shop, input, { kind: 'buyer' })).rejects.toMatchObject({ code: 'case.override_forbidden' });
    const c = await openCase(t.ctx, t.shop, input, staffActor(t.shop, 'agent'));
    const [created] = await queryRows<{ payload: any }>(t.ctx.db, sql`select payload from case_events where case_id = ${c.id} and type = 'case.created'`);
    expect(created!.payload).toMatchObject({ eligible: false, overridePolicy: true });
  });
});

describe('createCase: automatic decisions', () => {
  const autoShop = () => seedShop(t.ctx, 'svc-auto', { automation: true });

  it('approves a small low-risk request as the system, in the same transaction, naming the rule', async () => {
    const shop = await autoShop();
    const { order: o, mug } = await order({}, shop);
    const c = await openCase(t.ctx, shop, { orderId: o.id, type: 'return_refund', items: [{ lineId: mug.id, quantity: 1, reasonCode: 'no_longer_needed' }] });
    expect(c.status).toBe('approved');
    const stored = (await casesRepo.findById(t.ctx.db, shop.id, c.id))!;
    expect(stored).toMatchObject({ status: 'approved', version: 2 });
    expect(await events(c.id)).toEqual([
      { type: 'case.created', actor_kind: 'staff', rule: null, to_status: 'requested' },
      { type: 'case.approve', actor_kind: 'system', rule: 'automation.auto_approve', to_status: 'approved' },
    ]);
    // The seller's clock was settled as the case moved on; the buyer's started.
    const deadlines = await queryRows<{ kind: string; status: string }>(t.ctx.db, sql`select kind, status from deadlines where case_id = ${c.id} order by kind`);
    expect(deadlines).toEqual([
      { kind: 'buyer_ship', status: 'pending' },
      { kind: 'merchant_response', status: 'cancelled' },
    ]);
  });

  it('leaves to a person: a reason that needs photos (asking the buyer for them), a refund above the limit, a marketplace case', async () => {
    const shop = await autoShop();
    const { order: o, tee, mug } = await order({}, shop);
    const photos = await openCase(t.ctx, shop, { orderId: o.id, type: 'return_refund', items: [{ lineId: tee.id, quantity: 1, reasonCode: 'quality_issue' }] });
    expect(photos.status).toBe('requested');
    const messages = await queryRows<{ author_kind: string; visibility: string; body: string }>(t.ctx.db, sql`select author_kind, visibility, body from case_messages where case_id = ${photos.id}`);
    expect(messages).toMatchObject([{ author_kind: 'system', visibility: 'public', body: expect.stringContaining('照片') }]);

    const { order: big } = await order({ overrides: { lines: [{ sku: 'TV-65', title: '65寸电视', quantity: 1, unitPriceMinor: 899900 }], orderDiscountMinor: 0 } }, shop);
    const large = await openCase(t.ctx, shop, { orderId: big.id, type: 'return_refund', items: [{ lineId: big.lines[0]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] });
    expect(large.status).toBe('requested');
    const [created] = await queryRows<{ payload: any }>(t.ctx.db, sql`select payload from case_events where case_id = ${large.id} and type = 'case.created'`);
    expect(created!.payload.automation).toMatchObject({ decision: 'none', decisionRuling: { rule: 'automation.refund_above_limit' } });

    const marketplace = await openCase(t.ctx, shop, { orderId: o.id, type: 'return_refund', items: [{ lineId: mug.id, quantity: 1, reasonCode: 'no_longer_needed' }] }, platform);
    expect(marketplace.status).toBe('requested');
  });
});
