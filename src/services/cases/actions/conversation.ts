import { and, eq, inArray } from 'drizzle-orm';
import { unprocessable } from '../../../domain/errors.js';
import { evidence } from '../../../db/schema/index.js';
import { plannedMove, type ActionHandler } from '../action-context.js';
import { applyCaseTransition } from '../case-transition.js';
import { postMessage } from './shared.js';
import { caseSnapshot, publish } from '../../events.js';

/** Internal note: staff only, never shown to the buyer. */
export const note: ActionHandler<'note'> = async (a) => {
  plannedMove(a);
  const posted = await postMessage(a, a.c, a.input.body, 'internal');
  return applyCaseTransition(a.tx, a.c, 'note', a.actor, a.now, { payload: { messageId: posted.id } });
};

/** A message in the thread the buyer sees, with photos or video attached by evidence id. */
export const message: ActionHandler<'message'> = async (a) => {
  plannedMove(a);
  const ids = [...new Set(a.input.evidenceIds ?? [])];
  if (ids.length) {
    const found = await a.tx.select({ id: evidence.id }).from(evidence).where(and(eq(evidence.shopId, a.c.shopId), eq(evidence.caseId, a.c.id), inArray(evidence.id, ids)));
    if (found.length !== ids.length) throw unprocessable('evidence.unknown', 'An evidence id does not belong to this case');
  }
  const posted = await postMessage(a, a.c, a.input.body, 'public', ids);
  const c = await applyCaseTransition(a.tx, a.c, 'message', a.actor, a.now, { payload: { messageId: posted.id } });
  await publish(a.tx, c.shopId, 'return.message', c.id, { case: caseSnapshot(c), message: { id: posted.id, author: posted.authorKind, body: posted.body, evidenceIds: ids } }, a.now);
  return c;
};
