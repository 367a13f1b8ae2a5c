import type { Actor, CaseAction } from '../../domain/cases/model.js';
import { conflict, notFound } from '../../domain/errors.js';
import { casesRepo } from '../../db/repos/cases-repo.js';
import { batchedTransaction } from '../../db/write-batch.js';
import { pendingDeadlines } from './deadlines.js';
import type { ServiceContext } from '../context.js';
import { findShop } from '../shops/index.js';
import { executeRefund } from './refunds/execute-refund.js';
import type { ActionContext, ActionHandler } from './action-context.js';
import type { CaseRow } from '../../db/repos/cases-repo.js';
import { recordCaseReply, type ReplyRecorder } from './reply-recorder.js';
import type { ActionInput } from './action-inputs.js';
import { applyCaseTransition } from './case-transition.js';
import { ACTION_HANDLERS } from './actions/index.js';

/** The default: just the move, with the input as its payload. */
const moveOnly: ActionHandler = (a) => applyCaseTransition(a.tx, a.c, a.action, a.actor, a.now, { payload: a.input as Record<string, unknown> });

/**
 * Performs an action on a case: locks it, lets the state machine judge the move, applies the
 * action's effects and the move in one transaction, then pays any refund it wrote. A refused
 * action changes nothing. Concurrent identical actions serialise on the case row: the first
 * applies, the others find the case moved on and get 409.
 */
export async function performAction<A extends CaseAction>(
  ctx: ServiceContext,
  shopId: string,
  caseId: string,
  action: A,
  actor: Actor,
  input: ActionInput<A>,
  options: { reply?: ReplyRecorder } = {},
) {
  const shop = await findShop(ctx, shopId);
  if (!shop) throw notFound('shop.not_found', 'No such shop');
  const refundIds: string[] = [];
  const updated = await batchedTransaction(ctx.db, async (tx, batch) => {
    const c = await casesRepo.findByIdForUpdate(tx, shopId, caseId);
    if (!c) throw notFound('case.not_found', 'No such case');
    // A deadline acts only while it is pending: a worker that lost its lease and comes late finds
    // it applied or cancelled (under the same case lock) and changes nothing.
    if (actor.kind === 'system' && actor.deadlineId && !(await pendingDeadlines(tx, c)).some((d) => d.id === actor.deadlineId)) {
      throw conflict('deadline.settled', 'The deadline was already applied or cancelled');
    }
    const moved = await runAction({ tx, ctx, shop, c, action, actor, input, now: ctx.clock.now(), refundIds, batch });
    if (options.reply) batch.then((flushed) => recordCaseReply(flushed, options.reply!, moved));
    return moved;
  });
  return payRefunds(ctx, shopId, updated, refundIds, options.reply);
}

/** An action on a case already locked (or opened) in the caller's batched transaction. */
export function runAction<A extends CaseAction>(a: ActionContext<A>): Promise<CaseRow> {
  const handler = (ACTION_HANDLERS[a.action] ?? moveOnly) as ActionHandler<A>;
  return handler(a);
}

/** Pays the refunds a use case wrote, after its commit; the case as it is then. */
export async function payRefunds(ctx: ServiceContext, shopId: string, c: CaseRow, refundIds: string[], reply?: ReplyRecorder): Promise<CaseRow> {
  if (refundIds.length === 0) return c;
  const paid = [];
  for (const id of refundIds) paid.push(await executeRefund(ctx, shopId, id));
  // Only a settled refund (paid, or failed and retried) changes the case; one still pending with no
  // error (a manual payout awaiting confirmation, a provider still processing) leaves it as written.
  const caseUnchanged = paid.every((r) => r?.status === 'pending' && r.lastError === null);
  const after = caseUnchanged ? c : ((await casesRepo.findById(ctx.db, shopId, c.id)) ?? c);
  // The reply kept for the Idempotency-Key now shows the refund's outcome; if the process dies first,
  // the reply stored with the change (refund pending) is what a retry gets — true, and paid once.
  if (reply) await recordCaseReply(ctx.db, reply, after);
  return after;
}
