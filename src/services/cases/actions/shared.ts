import type { Actor, Resolution } from '../../../domain/cases/model.js';
import type { CaseRow, NewCase } from '../../../db/repos/cases-repo.js';
import { casesRepo } from '../../../db/repos/cases-repo.js';
import { plannedMove, type ActionContext } from '../action-context.js';
import { refundCase, type CaseMoneyOptions } from '../case-refund.js';
import { actorColumns, applyCaseTransition } from '../case-transition.js';

export const system = (rule: string): Actor => ({ kind: 'system', rule });

/**
 * Writes the case's refund and moves the case: used by every action that ends in refund_pending.
 * When nothing is owed (inspection accepted nothing), the case completes at once.
 */
export async function refundAndMove(
  a: ActionContext,
  options: CaseMoneyOptions & {
    unitsConsumed: boolean;
    kind?: 'refund' | 'fast_refund' | 'exchange_difference';
    patch?: Partial<NewCase>;
    payload?: Record<string, unknown>;
    resolution?: Resolution;
  },
): Promise<CaseRow> {
  plannedMove(a, options.resolution);
  const { breakdown, refund } = await refundCase(a.tx, a.ctx, a.shop, a.c, options.kind ?? 'refund', options);
  if (refund) a.writtenRefunds.push(refund);
  let c = await applyCaseTransition(a.tx, a.c, a.action, a.actor, a.now, {
    resolution: options.resolution,
    patch: { ...options.patch, breakdown },
    payload: { ...options.payload, refundId: refund?.id ?? null, refundMinor: breakdown.refundMinor, payoutMinor: breakdown.payoutMinor },
  });
  if (!refund && c.status === 'refund_pending') {
    c = await applyCaseTransition(a.tx, c, 'refund_succeeded', system('refund.nothing_to_pay'), a.now, { payload: { refundMinor: 0 } });
  }
  return c;
}

/** A message in the case thread: public ones reach the buyer, internal ones never do. */
export async function postMessage(a: ActionContext, c: CaseRow, body: string, visibility: 'public' | 'internal', evidenceIds: string[] = []) {
  const actor = actorColumns(a.actor);
  return casesRepo.insertMessage(a.tx, {
    shopId: c.shopId,
    caseId: c.id,
    visibility,
    authorKind: actor.actorKind,
    authorId: actor.actorId,
    body,
    evidenceIds,
    createdAt: a.now,
  });
}
