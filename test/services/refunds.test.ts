import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { casesRepo } from '../../src/db/repos/cases-repo.js';
import { refundsRepo } from '../../src/db/repos/refunds-repo.js';
import type { Actor, CaseAction } from '../../src/domain/cases/model.js';
import { DEFAULT_SIMULATED, simulatedProvider } from '../../src/integrations/payments/simulated.js';
import { confirmManualRefund } from '../../src/services/cases/refunds/confirm-refund.js';
import { executeRefund } from '../../src/services/cases/refunds/execute-refund.js';
import { performAction } from '../../src/services/cases/perform-action.js';
import { updateShop } from '../../src/services/shops/shops.js';
import { buyer, openCase, placeOrder, seedShop, staffActor, useServiceContext, useSimulatedRefunds, type SeededShop } from '../helpers/service-context.js';

const t = useServiceContext();
const agent = () => staffActor(t.shop, 'agent');
const manager = () => staffActor(t.shop, 'manager');
const act = (caseId: string, action: CaseAction, actor: Actor, input: Record<string, unknown> = {}, shop: SeededShop = t.shop) =>
  performAction(t.ctx, shop.id, caseId, action, actor, input as never);

/** What the simulated provider paid for a case: one row per idempotency key, `calls` how often it was asked. */
const payouts = (caseId: string) =>
  queryRows<{ amount_minor: number; calls: number }>(
    t.ctx.db,
    sql`select p.amount_minor, p.calls from simulated_payouts p join refunds r on r.shop_id = p.shop_id and r.idempotency_key = p.idempotency_key where r.case_id = ${caseId}`,
  );
const storedCase = async (id: string, shop: SeededShop = t.shop) => (await casesRepo.findById(t.ctx.db, shop.id, id))!;

async function refundOnly(options: Parameters<typeof placeOrder>[2] = { shipped: false }, lineIndex = 1, quantity = 1) {
  const order = await placeOrder(t.ctx, t.shop.id, options);
  const line = order.lines[lineIndex]!;
  const c = await openCase(t.ctx, t.shop, { orderId: order.id, type: 'refund_only', items: [{ lineId: line.id, quantity, reasonCode: 'no_longer_needed' }] });
  return { order, line, c };
}

/** A return of one mug, taken to inspected with everything accepted. */
async function inspectedReturn() {
  const order = await placeOrder(t.ctx, t.shop.id);
  const line = order.lines[1]!;
  const c = await openCase(t.ctx, t.shop, { orderId: order.id, type: 'return_refund', items: [{ lineId: line.id, quantity: 1, reasonCode: 'no_longer_needed' }] });
  await act(c.id, 'approve', agent());
  await act(c.id, 'buyer_shipped', buyer, { carrier: 'SF', trackingNumber: 'SF-1' });
  await act(c.id, 'receive', staffActor(t.shop, 'warehouse'));
  const [item] = await queryRows<{ id: string }>(t.ctx.db, sql`select id from return_items where case_id = ${c.id}`);
  await act(c.id, 'inspect', staffActor(t.shop, 'warehouse'), { items: [{ itemId: item!.id, acceptedQuantity: 1, grade: 'A' }] });
  return { order, line, c };
}

describe('refunds: amount and payment', () => {
  it('a refund before shipment pays what the line cost, once, and completes the case', async () => {
    await useSimulatedRefunds(t.ctx, t.shop.id);
    const { line, c } = await refundOnly();
    const done = await act(c.id, 'approve', agent());
    expect(done).toMatchObject({ status: 'completed', refundedMinor: line.paidMinor });
    const [refund, ...more] = await refundsRepo.ofCase(t.ctx.db, t.shop.id, c.id);
    expect(more).toEqual([]);
    expect(refund).toMatchObject({ kind: 'refund', status: 'succeeded', provider: 'simulated', amountMinor: line.paidMinor, idempotencyKey: `${c.rmaNumber}-1`, attempts: 1 });
    expect(await payouts(c.id)).toEqual([{ amount_minor: line.paidMinor, calls: 1 }]);
    const events = await queryRows<{ type: string }>(t.ctx.db, sql`select type from case_events where case_id = ${c.id} order by created_at, id`);
    expect(events.map((e) => e.type)).toEqual(['case.created', 'case.approve', 'case.refund_succeeded']);
    const refunded = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from outbox where case_id = ${c.id} and event_type = 'return.refunded'`);
    expect(refunded[0]!.n).toBe(1);
    // Running the payment again (a worker finding it after the request paid it) pays nothing more.
    await executeRefund(t.ctx, t.shop.id, refund!.id);
    expect(await payouts(c.id)).toEqual([{ amount_minor: line.paidMinor, calls: 1 }]);
    expect((await storedCase(c.id)).refundedMinor).toBe(line.paidMinor);
  });

  it("two cases refunding one unit each of a two-unit line pay the line's price exactly, to the cent", async () => {
    await useSimulatedRefunds(t.ctx, t.shop.id);
    const order = await placeOrder(t.ctx, t.shop.id, { shipped: false });
    const tee = order.lines[0]!;
    expect(tee.quantity).toBe(2);
    const paid = [];
    for (let i = 0; i < 2; i++) {
      const c = await openCase(t.ctx, t.shop, { orderId: order.id, type: 'refund_only', items: [{ lineId: tee.id, quantity: 1, reasonCode: 'no_longer_needed' }] });
      paid.push((await act(c.id, 'approve', agent())).refundedMinor);
    }
    expect(paid[0]! + paid[1]!).toBe(tee.paidMinor);
    expect(Math.abs(paid[0]! - paid[1]!)).toBeLessThanOrEqual(1);
    expect((await refundsRepo.lineTotals(t.ctx.db, t.shop.id, order.id)).get(tee.id)).toEqual({ quantity: 2, amountMinor: tee.paidMinor });
    // Nothing of the line is left to claim.
    await expect(openCase(t.ctx, t.shop, { orderId: order.id, type: 'refund_only', items: [{ lineId: tee.id, quantity: 1, reasonCode: 'no_longer_needed' }] })).rejects.toMatchObject({
      code: 'case.quantity_exceeds_returnable',
    });
  });

  it('a partial offer is bounded by what the items would give back; accepted, it pays the offer and keeps the units counted', async () => {
    await useSimulatedRefunds(t.ctx, t.shop.id);
    const order = await placeOrder(t.ctx, t.shop.id);
    const line = order.lines[0]!;
    const c = await openCase(t.ctx, t.shop, { orderId: order.id, type: 'return_refund', items: [{ lineId: line.id, quantity: 1, reasonCode: 'quality_issue', condition: 'damaged' }] });
    const unit = Math.floor(line.paidMinor / line.quantity);
    await expect(act(c.id, 'offer_partial', agent(), { amountMinor: line.paidMinor + 1 })).rejects.toMatchObject({ code: 'refund.amount_out_of_bounds' });
    expect((await storedCase(c.id)).status).toBe('requested');
    const offer = Math.floor(unit * 0.3);
    expect((await act(c.id, 'offer_partial', agent(), { amountMinor: offer, message: '补偿30%，商品无需退回' })).status).toBe('offer_pending');
    const accepted = await act(c.id, 'accept_offer', buyer);
    expect(accepted).toMatchObject({ status: 'completed', refundedMinor: offer });
    expect(await payouts(c.id)).toEqual([{ amount_minor: offer, calls: 1 }]);
    // Money only: the goods stay with the buyer, the unit stays claimed by this case.
    expect((await refundsRepo.lineTotals(t.ctx.db, t.shop.id, order.id)).get(line.id)).toEqual({ quantity: 0, amountMinor: offer });
  });

  it('store credit pays into the buyer\'s balance with the policy\'s bonus', async () => {
    const shop = await seedShop(t.ctx, 'svc-intl', { currency: 'USD' });
    const order = await placeOrder(t.ctx, shop.id, { overrides: { currency: 'USD', channel: 'web', locale: 'en', shippingInsurance: false } });
    const line = order.lines[1]!;
    const c = await openCase(t.ctx, shop, { orderId: order.id, type: 'return_refund', refundMethod: 'store_credit', items: [{ lineId: line.id, quantity: 1, reasonCode: 'changed_mind' }] }, staffActor(shop, 'agent'));
    await act(c.id, 'approve', staffActor(shop, 'agent'), {}, shop);
    await act(c.id, 'buyer_shipped', buyer, { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' }, shop);
    await act(c.id, 'receive', staffActor(shop, 'warehouse'), {}, shop);
    const [item] = await queryRows<{ id: string }>(t.ctx.db, sql`select id from return_items where case_id = ${c.id}`);
    await act(c.id, 'inspect', staffActor(shop, 'warehouse'), { items: [{ itemId: item!.id, acceptedQuantity: 1, grade: 'A' }] }, shop);
    const done = await act(c.id, 'refund', staffActor(shop, 'manager'), {}, shop);
    expect(done.status).toBe('completed');
    const [refund] = await refundsRepo.ofCase(t.ctx.db, shop.id, c.id);
    expect(refund).toMatchObject({ provider: 'store_credit', method: 'store_credit', status: 'succeeded' });
    // The international preset: 10 % more as store credit, of everything paid out, rounded down.
    expect(refund!.bonusMinor).toBe(Math.floor((refund!.amountMinor + refund!.compensationMinor) / 10));
    expect(refund!.bonusMinor).toBeGreaterThan(0);
    const balance = await refundsRepo.storeCreditBalance(t.ctx.db, shop.id, order.customer!.id);
    expect(balance).toBe(refund!.amountMinor + refund!.compensationMinor + refund!.bonusMinor);
  });
});

describe('refunds: exactly once', () => {
  it('a second refund of a case is refused while the first waits for manual confirmation; confirming twice pays once', async () => {
    const { line, c } = await inspectedReturn();
    const pending = await act(c.id, 'refund', manager());
    expect(pending.status).toBe('refund_pending');
    const [refund] = await refundsRepo.ofCase(t.ctx.db, t.shop.id, c.id);
    // The manual provider waits for staff: written so by the refund's own write (one attempt), no retry is scheduled.
    expect(refund).toMatchObject({ provider: 'manual', status: 'pending', amountMinor: line.paidMinor, attempts: 1, nextAttemptAt: null });
    await expect(act(c.id, 'refund', manager())).rejects.toMatchObject({ code: 'case.invalid_transition', details: { status: 'refund_pending' } });
    expect(await refundsRepo.ofCase(t.ctx.db, t.shop.id, c.id)).toHaveLength(1);

    const confirmed = await confirmManualRefund(t.ctx, t.shop.id, refund!.id, 'BANK-123');
    expect(confirmed).toMatchObject({ status: 'succeeded', providerRef: 'BANK-123' });
    await expect(confirmManualRefund(t.ctx, t.shop.id, refund!.id, 'BANK-123')).rejects.toMatchObject({ code: 'refund.not_pending' });
    expect(await storedCase(c.id)).toMatchObject({ status: 'completed', refundedMinor: line.paidMinor });
  });

  it('only staff with refunds:issue may refund', async () => {
    const { c } = await inspectedReturn();
    await expect(act(c.id, 'refund', agent())).rejects.toMatchObject({ code: 'case.action_forbidden' });
    expect(await refundsRepo.ofCase(t.ctx.db, t.shop.id, c.id)).toEqual([]);
  });

  it('a failed payment is retried with the same idempotency key: a payout whose answer was lost is not paid twice', async () => {
    await updateShop(t.ctx, t.shop.id, { refundProvider: 'simulated', simulatedProvider: { ...DEFAULT_SIMULATED, failFirstAttempts: 1 } });
    const { line, c } = await refundOnly();
    const approved = await act(c.id, 'approve', agent());
    expect(approved.status).toBe('refund_pending');
    const [failed] = await refundsRepo.ofCase(t.ctx.db, t.shop.id, c.id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('declined') });
    const delay = failed!.nextAttemptAt!.getTime() - t.clock.now().getTime();
    expect(delay).toBeGreaterThanOrEqual(48_000);
    expect(delay).toBeLessThanOrEqual(72_000);
    expect((await storedCase(c.id)).refundFailure).toContain('declined');
    const attempt = await queryRows<{ type: string }>(t.ctx.db, sql`select type from case_events where case_id = ${c.id} and type like 'refund.%'`);
    expect(attempt).toEqual([{ type: 'refund.attempt_failed' }]);
    expect(await payouts(c.id)).toEqual([]);

    // A call that paid but whose answer never came back (the process died): the provider holds the payout.
    await simulatedProvider(t.ctx.db, DEFAULT_SIMULATED).refund({
      shopId: t.shop.id, refundId: failed!.id, idempotencyKey: failed!.idempotencyKey, amountMinor: failed!.amountMinor, currency: failed!.currency,
      orderId: failed!.orderId, caseId: c.id, attempt: 1, providerRef: null, payment: { ref: null, orderNumber: '' }, claimCall: async () => true,
    });
    t.clock.advance(5 * 60_000);
    const retried = await executeRefund(t.ctx, t.shop.id, failed!.id);
    expect(retried).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(await payouts(c.id)).toEqual([{ amount_minor: line.paidMinor, calls: 2 }]);
    expect(await storedCase(c.id)).toMatchObject({ status: 'completed', refundedMinor: line.paidMinor, refundFailure: null });
  });
});
