import { deadlineFor } from '../../domain/cases/deadline-rules.js';
import type { Actor } from '../../domain/cases/model.js';
import type { Tx } from '../../db/client.js';
import type { CaseRow } from '../../db/repos/cases-repo.js';
import { uuidv7 } from 'uuidv7';
import { deadlinesRepo, type DeadlineRow } from '../../db/repos/deadlines-repo.js';
import { deadlines } from '../../db/schema/index.js';
import { batchOf, type WriteBatch } from '../../db/write-batch.js';
import { policyById } from '../policy/policies.js';
import { caseSnapshot, publish } from './outbox.js';

/**
 * Keeps a case's clocks in step with its state, in the transaction that changed it: deadlines of
 * a state the case has left are cancelled (or, for the one whose expiry caused the move, marked
 * applied), and the state it entered gets its clock from the case's policy version.
 */
export async function syncDeadlines(tx: Tx, c: CaseRow, actor: Actor, now: Date) {
  const batch = batchOf(tx);
  const pending = await pendingDeadlines(tx, c);
  const policy = await policyById(tx, c.shopId, c.policyId);
  const plan = deadlineFor(c, policy.deadlines, policy);
  let current = false;
  for (const d of [...pending]) {
    const stillRuns = d.forStatus === c.status && plan !== null && d.kind === plan.kind && d.outcome === plan.outcome;
    if (stillRuns) {
      current = true;
      continue;
    }
    const applied = actor.kind === 'system' && actor.deadlineId === d.id;
    if (batch) {
      pending.splice(pending.indexOf(d), 1);
      if (written(batch).has(d)) Object.assign(d, applied ? { status: 'applied', appliedAt: now } : { status: 'cancelled', cancelledAt: now });
      else batch.add(deadlinesRepo.finishQuery(tx, d, applied ? 'applied' : 'cancelled', now));
    } else {
      await deadlinesRepo.finish(tx, d, applied ? 'applied' : 'cancelled', now);
    }
    if (applied) {
      await publish(tx, c.shopId, 'deadline.applied', c.id, { case: caseSnapshot(c), deadline: { id: d.id, kind: d.kind, rule: d.rule, outcome: d.outcome, dueAt: d.dueAt.toISOString() } }, now);
    }
  }
  if (plan && !current) {
    const row: DeadlineRow = {
      shopId: c.shopId,
      id: uuidv7(),
      caseId: c.id,
      kind: plan.kind,
      forStatus: c.status,
      outcome: plan.outcome,
      rule: plan.rule,
      dueAt: new Date(now.getTime() + plan.hours * 3600_000),
      status: 'pending',
      attempts: 0,
      leasedUntil: null,
      lastError: null,
      appliedAt: null,
      cancelledAt: null,
      remindedAt: null,
      createdAt: now,
    };
    if (batch) {
      // Stored at the flush as it is then: a later move of this use case may still settle it.
      batch.insert(deadlines, row);
      written(batch).add(row);
      pending.push(row);
    } else {
      await deadlinesRepo.insert(tx, row);
    }
  }
}

/** Deadline rows this batch inserts (still objects: settling one changes the row to insert). */
function written(batch: WriteBatch): Set<DeadlineRow> {
  let set = batch.memo.get('deadlines:written') as Set<DeadlineRow> | undefined;
  if (!set) batch.memo.set('deadlines:written', (set = new Set()));
  return set;
}

/** A case's pending deadlines, read once per batched use case and kept in step with what it batches. */
export async function pendingDeadlines(tx: Tx, c: Pick<CaseRow, 'shopId' | 'id'>): Promise<DeadlineRow[]> {
  const batch = batchOf(tx);
  if (!batch) return deadlinesRepo.pendingOfCase(tx, c.shopId, c.id);
  const key = `deadlines:pending:${c.id}`;
  let pending = batch.memo.get(key) as DeadlineRow[] | undefined;
  if (!pending) batch.memo.set(key, (pending = await deadlinesRepo.pendingOfCase(tx, c.shopId, c.id)));
  return pending;
}
