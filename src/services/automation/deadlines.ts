import { deadlineFor } from '../../domain/cases/deadline-rules.js';
import type { Actor } from '../../domain/cases/model.js';
import type { Tx } from '../../db/client.js';
import type { CaseRow } from '../../db/repos/cases-repo.js';
import { deadlinesRepo } from '../../db/repos/deadlines-repo.js';
import { policyById } from '../policy/policies.js';
import { caseSnapshot, publish } from './outbox.js';

/**
 * Keeps a case's clocks in step with its state, in the transaction that changed it: deadlines of
 * a state the case has left are cancelled (or, for the one whose expiry caused the move, marked
 * applied), and the state it entered gets its clock from the case's policy version.
 */
export async function syncDeadlines(tx: Tx, c: CaseRow, actor: Actor, now: Date) {
  const pending = await deadlinesRepo.pendingOfCase(tx, c.shopId, c.id);
  const plan = deadlineFor(c, (await policyById(tx, c.shopId, c.policyId)).deadlines);
  let current = false;
  for (const d of pending) {
    const stillRuns = d.forStatus === c.status && plan !== null && d.kind === plan.kind && d.outcome === plan.outcome;
    if (stillRuns) {
      current = true;
      continue;
    }
    const applied = actor.kind === 'system' && actor.deadlineId === d.id;
    await deadlinesRepo.finish(tx, d, applied ? 'applied' : 'cancelled', now);
    if (applied) {
      await publish(tx, c.shopId, 'deadline.applied', c.id, { case: caseSnapshot(c), deadline: { id: d.id, kind: d.kind, rule: d.rule, outcome: d.outcome, dueAt: d.dueAt.toISOString() } }, now);
    }
  }
  if (plan && !current) {
    await deadlinesRepo.insert(tx, {
      shopId: c.shopId,
      caseId: c.id,
      kind: plan.kind,
      forStatus: c.status,
      outcome: plan.outcome,
      rule: plan.rule,
      dueAt: new Date(now.getTime() + plan.hours * 3600_000),
      status: 'pending',
      createdAt: now,
    });
  }
}
