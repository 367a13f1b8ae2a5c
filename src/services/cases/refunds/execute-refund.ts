import { casesRepo } from '../../../db/repos/cases-repo.js';
import { refundsRepo, type RefundRow } from '../../../db/repos/refunds-repo.js';
import type { RefundOutcome } from '../../../integrations/payments/provider.js';
import type { ServiceContext } from '../../context.js';
import { applyCaseTransition } from '../case-transition.js';
import { appendFacts, isFirstRefund, refundSucceededFact } from '../../analytics/index.js';
import { providerFor } from './providers.js';
import { findShop } from '../../shops/index.js';
import { ordersRepo } from '../../../db/repos/orders-repo.js';
import { caseSnapshot, publish } from '../../events.js';

/** After this many failed attempts a refund stops being retried and waits for a person. */
export const MAX_REFUND_ATTEMPTS = 6;

/** Exponential backoff with jitter: ~1 min, 2, 4, 8, 16 … capped at 6 h. */
export function retryDelayMs(attempts: number): number {
  const base = Math.min(6 * 3600_000, 60_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/**
 * Calls the refund's provider (outside any transaction: it may be slow) and settles the ledger
 * row with the outcome. Safe to run any number of times, concurrently or after a crash: only a
 * pending row is settled, and the provider sees the same idempotency key every time.
 */
export async function executeRefund(ctx: ServiceContext, shopId: string, refundOrId: string | RefundRow): Promise<RefundRow | undefined> {
  // A use case that just wrote the refund passes the row it wrote: nothing changed it since.
  const refund = typeof refundOrId === 'string' ? await refundsRepo.findById(ctx.db, shopId, refundOrId) : refundOrId;
  const refundId = refund?.id ?? (refundOrId as string);
  if (!refund || refund.status !== 'pending') return refund;
  // The provider is fixed on the refund row; the shop's settings only tune the simulated one.
  const shop = (await findShop(ctx, shopId))!;
  // Payment rails refund the order's payment at the provider; built-in providers need nothing of the order.
  const order = refund.connectionId ? await ordersRepo.findById(ctx.db, shopId, refund.orderId) : undefined;
  let outcome: RefundOutcome;
  // The lease this call holds is the next attempt time it read; renewed only while it is still its own.
  let held = refund.nextAttemptAt;
  const claimCall = async () => {
    const lease = new Date(ctx.clock.now().getTime() + ctx.config.refundCallLeaseMs);
    const renewed = await refundsRepo.renewCallLease(ctx.db, shopId, refundId, held, lease);
    if (renewed) held = lease;
    return renewed;
  };
  try {
    const provider = await providerFor(ctx, shop, refund);
    outcome = await provider.refund({
      shopId,
      refundId,
      idempotencyKey: refund.idempotencyKey,
      amountMinor: refund.amountMinor + refund.compensationMinor,
      currency: refund.currency,
      orderId: refund.orderId,
      caseId: refund.caseId,
      attempt: refund.attempts,
      providerRef: refund.providerRef,
      payment: { ref: order?.paymentRef ?? null, orderNumber: order?.number ?? '' },
      claimCall,
    });
  } catch (err) {
    outcome = { status: 'failed', message: (err as Error).message, retryable: true };
  }
  // Another process owns the refund now (this call outlived its lease before paying): it settles it.
  if (outcome.status === 'superseded') return (await refundsRepo.findById(ctx.db, shopId, refundId)) ?? refund;
  if (outcome.status === 'awaiting_confirmation') {
    return (await refundsRepo.settle(ctx.db, shopId, refundId, { status: 'pending', nextAttemptAt: null, attempts: refund.attempts + 1 })) ?? refund;
  }
  if (outcome.status === 'processing') {
    // Accepted and in flight: a webhook settles it; should none come, the worker asks the provider again.
    const attempts = refund.attempts + 1;
    const nextAttemptAt = new Date(ctx.clock.now().getTime() + retryDelayMs(attempts));
    return (await refundsRepo.settle(ctx.db, shopId, refundId, { providerRef: outcome.providerRef, attempts, nextAttemptAt, lastError: null })) ?? refund;
  }
  return settleRefund(ctx, shopId, refundId, outcome);
}

const refundSnapshot = (r: RefundRow) => ({
  id: r.id,
  kind: r.kind,
  amountMinor: r.amountMinor,
  compensationMinor: r.compensationMinor,
  bonusMinor: r.bonusMinor,
  currency: r.currency,
  method: r.method,
  provider: r.provider,
  providerRef: r.providerRef,
  status: r.status,
  attempts: r.attempts,
});

/** Records a provider's answer: success completes the case when nothing else is pending; failure schedules a retry. */
export async function settleRefund(
  ctx: ServiceContext,
  shopId: string,
  refundId: string,
  outcome: Exclude<RefundOutcome, { status: 'awaiting_confirmation' | 'processing' | 'superseded' }>,
): Promise<RefundRow | undefined> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const current = await refundsRepo.findByIdForUpdate(tx, shopId, refundId);
    if (!current || current.status !== 'pending') return current;
    const c = (await casesRepo.findByIdForUpdate(tx, shopId, current.caseId))!;
    const system = { kind: 'system', rule: `refund.${current.provider}` } as const;

    if (outcome.status === 'succeeded') {
      const settled = (await refundsRepo.settle(tx, shopId, refundId, { status: 'succeeded', providerRef: outcome.providerRef, settledAt: now, attempts: current.attempts + 1, lastError: null }))!;
      if (settled.method === 'store_credit' && c.customerId) {
        const bonus = settled.bonusMinor;
        await refundsRepo.creditStore(tx, [
          { shopId, customerId: c.customerId, currency: settled.currency, amountMinor: settled.amountMinor + settled.compensationMinor, refundId, caseId: c.id, reason: 'refund', createdAt: now },
          ...(bonus > 0 ? [{ shopId, customerId: c.customerId, currency: settled.currency, amountMinor: bonus, refundId, caseId: c.id, reason: 'bonus' as const, createdAt: now }] : []),
        ]);
      }
      const ofCase = await refundsRepo.ofCase(tx, shopId, c.id);
      const stillPending = ofCase.some((r) => r.status === 'pending');
      const patch = { refundedMinor: c.refundedMinor + settled.amountMinor, refundFailure: null };
      if (c.status === 'refund_pending' && !stillPending) {
        await applyCaseTransition(tx, c, 'refund_succeeded', system, now, { patch, payload: { refundId, amountMinor: settled.amountMinor, providerRef: outcome.providerRef } });
      } else {
        await casesRepo.update(tx, shopId, c.id, { ...patch, updatedAt: now });
        await casesRepo.insertEvent(tx, { shopId, caseId: c.id, type: 'refund.succeeded', actorKind: 'system', rule: system.rule, payload: { refundId, amountMinor: settled.amountMinor }, createdAt: now });
      }
      await appendFacts(tx, [refundSucceededFact(settled, isFirstRefund(settled, ofCase))]);
      const after = (await casesRepo.findById(tx, shopId, c.id))!;
      await publish(tx, shopId, 'return.refunded', c.id, { case: caseSnapshot(after), refund: refundSnapshot(settled) }, now);
      return settled;
    }

    const attempts = current.attempts + 1;
    const giveUp = !outcome.retryable || attempts >= MAX_REFUND_ATTEMPTS;
    const settled = (await refundsRepo.settle(tx, shopId, refundId, {
      status: giveUp ? 'failed' : 'pending',
      attempts,
      lastError: outcome.message,
      nextAttemptAt: giveUp ? null : new Date(now.getTime() + retryDelayMs(attempts)),
    }))!;
    const failedCase = await casesRepo.update(tx, shopId, c.id, { refundFailure: outcome.message, updatedAt: now });
    if (giveUp) await publish(tx, shopId, 'refund.failed', c.id, { case: caseSnapshot(failedCase), refund: refundSnapshot(settled), message: outcome.message }, now);
    await casesRepo.insertEvent(tx, {
      shopId,
      caseId: c.id,
      type: giveUp ? 'refund.failed' : 'refund.attempt_failed',
      actorKind: 'system',
      rule: system.rule,
      payload: { refundId, attempts, message: outcome.message, nextAttemptAt: settled.nextAttemptAt?.toISOString() ?? null },
      createdAt: now,
    });
    return settled;
  });
}
