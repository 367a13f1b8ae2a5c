import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { analyticsFactsRepo as facts, type ClaimedFact } from '../../db/repos/analytics-facts-repo.js';
import {
  cohortFamily,
  compensationFamily,
  completionFamily,
  deadlineFamily,
  decisionFamily,
  firstRefundFamily,
  refundFamily,
  requestFamily,
  sources,
  uuids,
  type Family,
  type Scope,
} from '../../db/repos/analytics-families.js';
import { analyticsRollupsRepo as repo } from '../../db/repos/analytics-rollups-repo.js';
import type { ServiceContext } from '../context.js';

/** Facts folded per transaction by the worker and readers (one family statement each). */
export const FOLD_BATCH = 2000;

const distinct = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];

/**
 * What a batch of facts adds to the cube: for each kind, its families over all its ids at once.
 * - case_opened: the request, and the case's units as still on their way back ('open').
 * - case_ended: no longer on the way back, counted as it ended ('current'), its completion and
 *   deadlines; a cancelled request stops counting.
 * - decision: the event, by who decided. - refund_succeeded: the money; the refunded case on the first.
 * - compensation_granted: the coupon or store credit's value (issue 19 §1).
 * A case opened and ended in the same batch would add and take back its 'open' units: skipped.
 * Exact whenever folded, as long as the order's analytics state is the one it had when the fact
 * was written: order writes fold their order's facts before they change it (recordOrderWrite).
 */
export function factFamilies(s: Scope, batch: readonly ClaimedFact[]): Family[] {
  const of = (kind: ClaimedFact['kind'], pick: (f: ClaimedFact) => string | null, keep: (f: ClaimedFact) => boolean = () => true) =>
    distinct(batch.filter((f) => f.kind === kind && keep(f)).map(pick));
  const opened = of('case_opened', (f) => f.case_id);
  const ended = of('case_ended', (f) => f.case_id);
  const cancelled = of('case_ended', (f) => f.case_id, (f) => f.cancelled);
  const events = of('decision', (f) => f.event_id);
  const refunds = of('refund_succeeded', (f) => f.refund_id);
  const firsts = of('refund_succeeded', (f) => f.case_id, (f) => f.first_refund);
  const compensations = of('compensation_granted', (f) => f.compensation_id);
  const endedSet = new Set(ended);
  const openedSet = new Set(opened);
  const stillOpen = opened.filter((id) => !endedSet.has(id));
  const wasOpen = ended.filter((id) => !openedSet.has(id));
  const families: Family[] = [];
  if (opened.length) families.push(requestFamily(s, sources.cases(opened), 1));
  if (stillOpen.length) families.push(cohortFamily(s, sources.cases(stillOpen), 1, 'open'));
  if (wasOpen.length) families.push(cohortFamily(s, sources.cases(wasOpen), -1, 'open'));
  if (ended.length) {
    const one = sources.cases(ended);
    families.push(cohortFamily(s, one, 1, 'current'), completionFamily(s, one, 1), deadlineFamily(s, one, 1));
  }
  if (cancelled.length) families.push(requestFamily(s, sources.cases(cancelled), -1));
  if (events.length) families.push(decisionFamily(s, sql`e.id = any(${uuids(events)})`, 1));
  if (refunds.length) families.push(...refundFamily(s, sql`r.id = any(${uuids(refunds)})`, 1));
  if (firsts.length) families.push(...firstRefundFamily(s, sources.cases(firsts), 1));
  if (compensations.length) families.push(compensationFamily(s, sources.compensations(compensations), 1));
  return families;
}

/**
 * Claims facts of the shop (all, at most `limit`, or those of some orders) and writes what they
 * add as deltas, in `tx`. The caller holds the shop's shared analytics lock (taken before the
 * claim: a rebuild holds it exclusively and discards facts). Returns how many facts it folded.
 */
export async function foldFacts(tx: Tx, s: Scope, options: { orderIds?: readonly string[]; limit?: number } = {}): Promise<number> {
  const batch = await facts.claim(tx, s.shopId, options);
  if (batch.length) await repo.apply(tx, s, factFamilies(s, batch), 'delta');
  return batch.length;
}

/** Folds all the shop's pending facts, a batch per transaction. */
export async function foldShopFacts(ctx: ServiceContext, shopId: string): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await ctx.db.transaction(async (tx) => {
      await repo.lockShared(tx, shopId);
      return foldFacts(tx, await repo.track(tx, shopId), { limit: FOLD_BATCH });
    });
    total += n;
    if (n < FOLD_BATCH) return total;
  }
}

/**
 * Before an analytics read: the shop's pending facts, folded, so a dashboard shows every write
 * committed before it (one statement when none are pending). A fact the worker is folding is
 * waited for, then its deltas are read.
 */
export async function foldPendingFacts(ctx: ServiceContext, shopId: string): Promise<number> {
  if (!(await facts.pending(ctx.db, shopId))) return 0;
  return foldShopFacts(ctx, shopId);
}

/** The worker's pass: every shop's pending facts. */
export async function foldAllFacts(ctx: ServiceContext): Promise<number> {
  let total = 0;
  for (const shopId of await facts.shopsWithFacts(ctx.db)) total += await foldShopFacts(ctx, shopId);
  return total;
}
