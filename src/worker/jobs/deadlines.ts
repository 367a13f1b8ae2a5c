import { AppError } from '../../domain/errors.js';
import type { CaseAction } from '../../domain/cases/model.js';
import { STATUTORY_REFUND_SETTLED } from '../../domain/cases/deadline-rules.js';
import { casesRepo } from '../../db/repos/cases-repo.js';
import { deadlinesRepo, type DeadlineRow } from '../../db/repos/deadlines-repo.js';
import type { ServiceContext } from '../../services/context.js';
import { performAction } from '../../services/cases/perform-action.js';
import { caseSnapshot, publish } from '../../services/events.js';

/** A claimed deadline is left to its worker this long; if the worker dies, another takes it after. Only scheduling: the transaction that applies a deadline checks it is still pending, so a late second worker cannot apply it twice. */
const LEASE_MS = 30_000;

/**
 * Applies the deadlines that have run out: claimed and leased in batches, in one statement with
 * FOR UPDATE SKIP LOCKED (so workers never share one), each applied through the same service a
 * person would use, as the system naming the deadline's rule. The deadline is marked applied in the very transaction
 * that moves the case, so it is applied exactly once even if a worker dies half-way. Batches are
 * small so that a worker killed mid-batch strands few deadlines until their lease runs out.
 */
export async function applyDueDeadlines(ctx: ServiceContext, batch = 20): Promise<number> {
  const now = ctx.clock.now();
  const claimed = await deadlinesRepo.claimDue(ctx.db, now, batch, new Date(now.getTime() + LEASE_MS));
  // Different cases lock different rows: the batch is applied side by side, over the pool.
  await Promise.all(claimed.map((d) => applyDeadline(ctx, d)));
  return claimed.length;
}

const INPUTS: Partial<Record<CaseAction, unknown>> = {
  approve: { note: 'The seller did not answer in time' },
  close: { reason: 'Deadline passed' },
  fast_refund: {},
  goods_not_returned: {},
  evidence_overdue: {},
};

export async function applyDeadline(ctx: ServiceContext, d: DeadlineRow) {
  const now = ctx.clock.now();
  if (d.outcome === 'alert') {
    await ctx.db.transaction(async (tx) => {
      const c = await casesRepo.findByIdForUpdate(tx, d.shopId, d.caseId);
      const current = (await deadlinesRepo.pendingOfCase(tx, d.shopId, d.caseId)).find((x) => x.id === d.id);
      if (!c || !current) return;
      // The statutory refund clock spans states (deadlines.ts): only a settled refund stops it.
      const moot = d.kind === 'statutory_refund' ? STATUTORY_REFUND_SETTLED.has(c.status) : c.status !== d.forStatus;
      if (moot) return deadlinesRepo.finish(tx, d, 'cancelled', now);
      await deadlinesRepo.finish(tx, d, 'applied', now);
      await casesRepo.insertEvent(tx, { shopId: d.shopId, caseId: d.caseId, type: 'deadline.overdue', actorKind: 'system', rule: d.rule, payload: { deadlineId: d.id, kind: d.kind, dueAt: d.dueAt.toISOString(), explanation: { key: 'deadline.overdue', params: { kind: d.kind } } }, createdAt: now });
      await publish(tx, d.shopId, 'deadline.overdue', d.caseId, { case: caseSnapshot(c), deadline: { id: d.id, kind: d.kind, rule: d.rule, dueAt: d.dueAt.toISOString() } }, now);
    });
    return;
  }
  try {
    await performAction(ctx, d.shopId, d.caseId, d.outcome as CaseAction, { kind: 'system', rule: d.rule, deadlineId: d.id }, INPUTS[d.outcome as CaseAction] as never);
  } catch (err) {
    // The case moved on meanwhile (a person acted first, or another worker applied it): the
    // deadline was settled in that transaction, or is moot now.
    const settled = (await deadlinesRepo.pendingOfCase(ctx.db, d.shopId, d.caseId)).every((x) => x.id !== d.id);
    if (settled) return;
    const reason = err instanceof AppError ? `${err.code}: ${err.message}` : (err as Error).message;
    await ctx.db.transaction(async (tx) => {
      const c = await casesRepo.findByIdForUpdate(tx, d.shopId, d.caseId);
      await deadlinesRepo.finish(tx, d, c && c.status === d.forStatus ? 'failed' : 'cancelled', now, reason);
    });
  }
}
