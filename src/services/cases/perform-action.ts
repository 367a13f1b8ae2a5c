import type { Actor, CaseAction } from '../../domain/cases/model.js';
import { conflict, notFound } from '../../domain/errors.js';
import { casesRepo } from '../../db/repos/cases-repo.js';
import { batchedTransaction, batchedWrite, type WriteBatch } from '../../db/write-batch.js';
import type { Tx } from '../../db/client.js';
import { pendingDeadlines } from './deadlines.js';
import type { ServiceContext } from '../context.js';
import type { RefundRow } from '../../db/repos/refunds-repo.js';
import { findShop } from '../shops/index.js';
import { payRefund } from './refunds/execute-refund.js';
import { awaitsPerson } from './refunds/create-refund.js';
import type { ActionContext, ActionHandler } from './action-context.js';
import type { CaseRow } from '../../db/repos/cases-repo.js';
import { recordCaseReply, type ReplyRecorder } from './reply-recorder.js';
import { prefetchCaseDetail } from './reply-prefetch.js';
import type { ActionInput } from './action-inputs.js';
import { applyCaseTransition } from './case-transition.js';
import { ACTION_HANDLERS } from './actions/index.js';

/** The default: just the move, with the input as its payload. */
const moveOnly: ActionHandler = (a) => applyCaseTransition(a.tx, a.c, a.action, a.actor, a.now, { payload: a.input as Record<string, unknown> });

/**
 * Performs an action on a case: reads it, lets the state machine judge the move, writes the
 * action's effects and the move as one statement guarded by the case's version (batchedWrite),
 * then pays any refund it wrote. A refused action changes nothing. Of concurrent identical
 * actions the first write wins; the others run again, find the case moved on and get 409. A
 * request with an Idempotency-Key runs in a transaction that locks the case, so its reply is
 * stored with the change.
 */
export async function performAction<A extends CaseAction>(
  ctx: ServiceContext,
  shopId: string,
  caseId: string,
  action: A,
  actor: Actor,
  input: ActionInput<A>,
  options: { reply?: ReplyRecorder; /** Who the caller shows the case to: its reply is read in the write's round trip. */ detailFor?: Actor } = {},
) {
  const shop = await findShop(ctx, shopId);
  if (!shop) throw notFound('shop.not_found', 'No such shop');
  const writtenRefunds: RefundRow[] = [];
  const run = options.reply ? batchedTransaction : batchedWrite;
  const updated = await run(ctx.db, async (tx, batch) => {
    writtenRefunds.length = 0; // a run that lost a race and runs again wrote nothing
    const c = batch.optimistic ? await readCaseOnce(tx, batch, shopId, caseId) : await casesRepo.findByIdForUpdate(tx, shopId, caseId);
    if (!c) throw notFound('case.not_found', 'No such case');
    // A deadline acts only while it is pending: a worker that lost its lease and comes late finds
    // it applied or cancelled (under the same case lock) and changes nothing.
    if (actor.kind === 'system' && actor.deadlineId && !(await pendingDeadlines(tx, c)).some((d) => d.id === actor.deadlineId)) {
      throw conflict('deadline.settled', 'The deadline was already applied or cancelled');
    }
    const moved = await runAction({ tx, ctx, shop, c, action, actor, input, now: ctx.clock.now(), writtenRefunds, batch });
    if (options.reply) batch.then((flushed) => recordCaseReply(flushed, options.reply!, moved));
    // A refund paid after the write changes the case again: its reply is read after that.
    else if (options.detailFor && batch.optimistic && !writtenRefunds.some(toPay)) prefetchCaseDetail(batch, moved, options.detailFor);
    return moved;
  });
  return payRefunds(ctx, shopId, updated, writtenRefunds, options.reply, options.detailFor);
}

/** A refund written to be paid now; a manual payout waits for a person instead. */
export const toPay = (refund: RefundRow) => !awaitsPerson(refund);

/** The case with what its action reads, in one round trip: the parts are kept where the action's steps look for them. */
async function readCaseOnce(tx: Tx, batch: WriteBatch, shopId: string, caseId: string): Promise<CaseRow | undefined> {
  const found = await casesRepo.findWithParts(tx, shopId, caseId);
  if (!found) return undefined;
  batch.memo.set(`items:${caseId}`, found.items);
  batch.memo.set(`deadlines:pending:${caseId}`, found.pendingDeadlines);
  batch.memo.set(`return-address:default:${shopId}`, found.defaultReturnAddress);
  return found.c;
}

/** An action on a case already locked (or opened) in the caller's batched transaction. */
export function runAction<A extends CaseAction>(a: ActionContext<A>): Promise<CaseRow> {
  const handler = (ACTION_HANDLERS[a.action] ?? moveOnly) as ActionHandler<A>;
  return handler(a);
}

/**
 * Pays the refunds a use case wrote, after its commit; the case as it is then. One refund settled
 * leaves the case as its settlement wrote it (its reply, for `detailFor`, read with that write);
 * several are read back.
 */
export async function payRefunds(ctx: ServiceContext, shopId: string, c: CaseRow, writtenRefunds: RefundRow[], reply?: ReplyRecorder, detailFor?: Actor): Promise<CaseRow> {
  const due = writtenRefunds.filter(toPay);
  if (due.length === 0) return c;
  const only = due.length === 1;
  const paid = [];
  for (const refund of due) paid.push(await payRefund(ctx, shopId, refund, { detailFor: only && !reply ? detailFor : undefined }));
  // Only a settled refund (paid, or failed and retried) changes the case; one still pending with no
  // error (a provider still processing) leaves it as written.
  const caseUnchanged = paid.every((p) => p.refund?.status === 'pending' && p.refund.lastError === null);
  const settledCase = only ? paid[0]!.caseAfter : undefined;
  const after = caseUnchanged ? c : (settledCase ?? (await casesRepo.findById(ctx.db, shopId, c.id)) ?? c);
  // The reply kept for the Idempotency-Key now shows the refund's outcome; if the process dies first,
  // the reply stored with the change (refund pending) is what a retry gets — true, and paid once.
  if (reply) await recordCaseReply(ctx.db, reply, after);
  return after;
}
