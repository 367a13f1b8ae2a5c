import type { Actor, CaseAction, Resolution } from '../../domain/cases/model.js';
import { TERMINAL_STATUSES } from '../../domain/cases/model.js';
import { transition, type CaseSnapshot } from '../../domain/cases/state-machine.js';
import type { Tx } from '../../db/client.js';
import { casesRepo, type CaseRow, type NewCase } from '../../db/repos/cases-repo.js';
import { batchOf } from '../../db/write-batch.js';
import { appendFacts, caseTransitionFacts } from '../analytics/index.js';
import { syncDeadlines } from './deadlines.js';
import { caseSnapshot, publish } from '../events.js';

export const snapshotOf = (c: CaseRow): CaseSnapshot => ({
  type: c.type,
  refundOnlyKind: c.refundOnlyKind,
  status: c.status,
  offerFrom: c.offerFrom,
  resolution: c.resolution,
  refundedEarly: c.refundedEarly,
});

export function actorColumns(actor: Actor) {
  return {
    actorKind: actor.kind,
    actorId: actor.kind === 'staff' ? actor.id : null,
    actorRole: actor.kind === 'staff' ? actor.role : null,
    rule: actor.kind === 'system' ? (actor.rule ?? null) : null,
  };
}

/**
 * Moves a (locked) case by the state machine and records it: the new status and any other
 * changes in one update, and the event in the same transaction. Throws the state machine's
 * typed errors, so a refused move changes nothing.
 */
export async function applyCaseTransition(
  tx: Tx,
  c: CaseRow,
  action: CaseAction,
  actor: Actor,
  now: Date,
  options: {
    patch?: Partial<NewCase>;
    payload?: Record<string, unknown>;
    resolution?: Resolution;
    /** Facts the status-change webhook and mail need beyond the case (e.g. how many units arrived). */
    notify?: Record<string, unknown>;
  } = {},
): Promise<CaseRow> {
  const moved = transition(snapshotOf(c), action, actor, options.resolution);
  const closing = !TERMINAL_STATUSES.has(moved.from) && TERMINAL_STATUSES.has(moved.to);
  const patch: Partial<NewCase> = { ...options.patch, status: moved.to, closedAt: closing ? now : undefined, updatedAt: now };
  const batch = batchOf(tx);
  let updated: CaseRow;
  if (batch) {
    // The row as the batch will leave it: later moves of this use case build on it.
    batch.patchCase(c.shopId, c.id, patch, c.version);
    updated = { ...c, ...(Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<CaseRow>), version: c.version + 1 };
  } else {
    updated = await casesRepo.update(tx, c.shopId, c.id, patch);
  }
  const event = await casesRepo.insertEvent(tx, {
    shopId: c.shopId,
    caseId: c.id,
    type: `case.${action}`,
    action,
    fromStatus: moved.from,
    toStatus: moved.to,
    ...actorColumns(actor),
    // A move made by a deadline says why in words the reader's language can render (src/i18n).
    payload: actor.kind === 'system' && actor.deadlineId ? { ...options.payload, explanation: { key: `deadline.${action}` } } : (options.payload ?? {}),
    createdAt: now,
  });
  await appendFacts(tx, caseTransitionFacts(c, updated, action, event.id));
  if (moved.from !== moved.to || c.refundedEarly !== updated.refundedEarly) await syncDeadlines(tx, updated, actor, now);
  if (moved.from !== moved.to) {
    await publish(tx, c.shopId, 'return.status_changed', c.id, {
      case: caseSnapshot(updated),
      from: moved.from,
      to: moved.to,
      action,
      actor: { kind: actor.kind, role: actor.kind === 'staff' ? actor.role : null },
      rule: actor.kind === 'system' ? (actor.rule ?? null) : null,
      ...options.notify,
    }, now);
  }
  return updated;
}
