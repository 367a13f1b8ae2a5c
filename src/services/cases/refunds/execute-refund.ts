import type { Tx } from '../../../db/client.js';
import type { Actor } from '../../../domain/cases/model.js';
import { prefetchCaseDetail } from '../reply-prefetch.js';
import { casesRepo, type CaseRow } from '../../../db/repos/cases-repo.js';
import { batchedWrite, type WriteBatch } from '../../../db/write-batch.js';
import { refundsRepo, type RefundRow } from '../../../db/repos/refunds-repo.js';
import type { RefundOutcome } from '../../../integrations/payments/provider.js';
import type { ServiceContext } from '../../context.js';
import { applyCaseTransition } from '../case-transition.js';
import { appendFacts, isFirstRefund, refundSucceededFact } from '../../analytics/index.js';
import { providerFor } from './providers.js';
import { findShop } from '../../shops/index.js';
import { ordersRepo } from '../../../db/repos/orders-repo.js';
import { caseSnapshot, publish } from '../../events.js';
import { awaitsPerson } from './create-refund.js';

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
  return (await payRefund(ctx, shopId, refundOrId)).refund;
}

/**
 * `executeRefund`, answering also with the case as its settlement left it (when it settled one),
 * whose reply, for `detailFor`, is read in the settlement's round trip.
 */
export async function payRefund(ctx: ServiceContext, shopId: string, refundOrId: string | RefundRow, options: { detailFor?: Actor } = {}): Promise<Settled> {
  // A use case that just wrote the refund passes the row it wrote: nothing changed it since.
  const refund = typeof refundOrId === 'string' ? await refundsRepo.findById(ctx.db, shopId, refundOrId) : refundOrId;
  const refundId = refund?.id ?? (refundOrId as string);
  if (!refund || refund.status !== 'pending' || awaitsPerson(refund)) return { refund };
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
  if (outcome.status === 'superseded') return { refund: (await refundsRepo.findById(ctx.db, shopId, refundId)) ?? refund };
  if (outcome.status === 'awaiting_confirmation') {
    return { refund: (await refundsRepo.settle(ctx.db, shopId, refundId, { status: 'pending', nextAttemptAt: null, attempts: refund.attempts + 1 })) ?? refund };
  }
  if (outcome.status === 'processing') {
    // Accepted and in flight: a webhook settles it; should none come, the worker asks the provider again.
    const attempts = refund.attempts + 1;
    const nextAttemptAt = new Date(ctx.clock.now().getTime() + retryDelayMs(attempts));
    return { refund: (await refundsRepo.settle(ctx.db, shopId, refundId, { providerRef: outcome.providerRef, attempts, nextAttemptAt, lastError: null })) ?? refund };
  }
  return settle(ctx, shopId, refundId, outcome, options);
}

export interface Settled {
  refund: RefundRow | undefined;
  /** The case as the settlement left it; absent when nothing was settled. */
  caseAfter?: CaseRow;
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

/**
 * Records a provider's answer: success completes the case when nothing else is pending; failure
 * schedules a retry. Reads the refund with its case's others and the case with its parts, then
 * writes once (batchedWrite): the refund's update holds only while it is still pending at the
 * attempt count read, and the case's only at the version read, so of two settlements racing (a
 * provider's webhook and the call that made the refund) one writes and the other, run again,
 * finds the refund settled and changes nothing.
 */
export async function settleRefund(ctx: ServiceContext, shopId: string, refundId: string, outcome: SettlingOutcome): Promise<RefundRow | undefined> {
  return (await settle(ctx, shopId, refundId, outcome)).refund;
}

type SettlingOutcome = Exclude<RefundOutcome, { status: 'awaiting_confirmation' | 'processing' | 'superseded' }>;

async function settle(ctx: ServiceContext, shopId: string, refundId: string, outcome: SettlingOutcome, options: { detailFor?: Actor } = {}): Promise<Settled> {
  return batchedWrite(ctx.db, async (tx, batch) => {
    const read = await readForSettlement(tx, batch, shopId, refundId);
    if (!read || read.current.status !== 'pending') return { refund: read?.current };
    const settled = await settleRead(tx, batch, ctx.clock.now(), read, outcome);
    if (options.detailFor && batch.optimistic) prefetchCaseDetail(batch, settled.c, options.detailFor);
    return { refund: settled.refund, caseAfter: settled.c };
  });
}

/** The refund, its case's other refunds and the case: one statement (optimistic), or locked in a transaction. */
async function readForSettlement(tx: Tx, batch: WriteBatch, shopId: string, refundId: string): Promise<{ current: RefundRow; ofCase: RefundRow[]; c: CaseRow } | undefined> {
  if (!batch.optimistic) {
    const { refund: current, ofCase } = await refundsRepo.withSiblings(tx, shopId, refundId, { lock: true });
    if (!current) return undefined;
    return { current, ofCase, c: (await casesRepo.findByIdForUpdate(tx, shopId, current.caseId))! };
  }
  const found = await casesRepo.findWithParts(tx, shopId, { refundId });
  const current = found?.refunds.find((r) => r.id === refundId);
  if (!found || !current) return undefined;
  // A move (refund_succeeded) syncs the case's deadlines: they were read with it.
  batch.memo.set(`items:${found.c.id}`, found.items);
  batch.memo.set(`deadlines:pending:${found.c.id}`, found.pendingDeadlines);
  return { current, ofCase: found.refunds, c: found.c };
}

async function settleRead(
  tx: Tx,
  batch: WriteBatch,
  now: Date,
  { current, ofCase, c }: { current: RefundRow; ofCase: RefundRow[]; c: CaseRow },
  outcome: SettlingOutcome,
): Promise<{ refund: RefundRow; c: CaseRow }> {
  const shopId = c.shopId;
  const refundId = current.id;
  const system = { kind: 'system', rule: `refund.${current.provider}` } as const;

  if (outcome.status === 'succeeded') {
    const settled = refundsRepo.settleGuarded(tx, batch, current, { status: 'succeeded', providerRef: outcome.providerRef, settledAt: now, attempts: current.attempts + 1, lastError: null }, now);
    if (settled.method === 'store_credit' && c.customerId) {
      const bonus = settled.bonusMinor;
      await refundsRepo.creditStore(tx, [
        { shopId, customerId: c.customerId, currency: settled.currency, amountMinor: settled.amountMinor + settled.compensationMinor, refundId, caseId: c.id, reason: 'refund', createdAt: now },
        ...(bonus > 0 ? [{ shopId, customerId: c.customerId, currency: settled.currency, amountMinor: bonus, refundId, caseId: c.id, reason: 'bonus' as const, createdAt: now }] : []),
      ]);
    }
    const siblings = ofCase.map((r) => (r.id === settled.id ? settled : r));
    const stillPending = siblings.some((r) => r.status === 'pending');
    const patch = { refundedMinor: c.refundedMinor + settled.amountMinor, refundFailure: null };
    let after: CaseRow;
    if (c.status === 'refund_pending' && !stillPending) {
      after = await applyCaseTransition(tx, c, 'refund_succeeded', system, now, { patch, payload: { refundId, amountMinor: settled.amountMinor, providerRef: outcome.providerRef } });
    } else {
      after = patchCase(batch, c, { ...patch, updatedAt: now });
      await casesRepo.insertEvent(tx, { shopId, caseId: c.id, type: 'refund.succeeded', actorKind: 'system', rule: system.rule, payload: { refundId, amountMinor: settled.amountMinor }, createdAt: now });
    }
    await appendFacts(tx, [refundSucceededFact(settled, isFirstRefund(settled, siblings))]);
    await publish(tx, shopId, 'return.refunded', c.id, { case: caseSnapshot(after), refund: refundSnapshot(settled) }, now);
    return { refund: settled, c: after };
  }

  const attempts = current.attempts + 1;
  const giveUp = !outcome.retryable || attempts >= MAX_REFUND_ATTEMPTS;
  const settled = refundsRepo.settleGuarded(
    tx,
    batch,
    current,
    { status: giveUp ? 'failed' : 'pending', attempts, lastError: outcome.message, nextAttemptAt: giveUp ? null : new Date(now.getTime() + retryDelayMs(attempts)) },
    now,
  );
  const failedCase = patchCase(batch, c, { refundFailure: outcome.message, updatedAt: now });
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
  return { refund: settled, c: failedCase };
}

/** A change of the case that is not a move: batched and guarded by the version read, as a move is. The row as it will be. */
function patchCase(batch: WriteBatch, c: CaseRow, patch: Partial<CaseRow>): CaseRow {
  batch.patchCase(c.shopId, c.id, patch, c.version);
  return { ...c, ...patch, version: c.version + 1 };
}
