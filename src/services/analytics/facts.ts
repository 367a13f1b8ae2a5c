import { TERMINAL_STATUSES, type CaseStatus } from '../../domain/cases/model.js';
import { DECISION_ACTIONS } from '../../db/repos/analytics-families.js';
import type { Tx } from '../../db/client.js';
import { analyticsFactsRepo, type FactRow } from '../../db/repos/analytics-facts-repo.js';

export { insertFactsSql, orderShareLockSql } from '../../db/repos/analytics-facts-repo.js';

/**
 * The analytics facts a write appends (docs/analytics.md), built from what the writer has in
 * hand: no reads. Each names its source (case, event, refund) and its order; the fold counts it
 * with the same family SQL a rebuild runs.
 */
interface CaseRef {
  id: string;
  shopId: string;
  orderId: string;
}

const fact = (c: CaseRef, kind: FactRow['kind'], extra: Partial<FactRow> = {}): FactRow => ({
  shopId: c.shopId,
  kind,
  caseId: c.id,
  orderId: c.orderId,
  eventId: null,
  refundId: null,
  cancelled: false,
  firstRefund: false,
  ...extra,
});

/** A case was opened: a request, and units on their way back. */
export const caseOpenedFact = (c: CaseRef): FactRow => fact(c, 'case_opened');

/**
 * A case moved from `before` to `after` by `action`, recorded as event `eventId`: a decision
 * (DECISION_ACTIONS) and/or the case's end (it entered a terminal status; terminal statuses have
 * no way out, so folding the end later reads what the end wrote).
 */
export function caseTransitionFacts(before: { status: CaseStatus }, after: CaseRef & { status: CaseStatus }, action: string, eventId: string): FactRow[] {
  const facts: FactRow[] = [];
  if ((DECISION_ACTIONS as readonly string[]).includes(action)) facts.push(fact(after, 'decision', { eventId }));
  if (!TERMINAL_STATUSES.has(before.status) && TERMINAL_STATUSES.has(after.status)) facts.push(fact(after, 'case_ended', { cancelled: after.status === 'cancelled' }));
  return facts;
}

interface RefundRef {
  id: string;
  shopId: string;
  caseId: string;
  orderId: string;
  kind: string;
  status: string;
}

const REFUNDING = new Set(['refund', 'fast_refund']);

/**
 * Whether `refund`, just succeeded, is its case's first successful refund or fast refund (the one
 * the refunded-case measures date by). `ofCase`: the case's refunds as the settling transaction
 * sees them (with or without `refund` itself); refunds of a case settle under the case's lock.
 */
export function isFirstRefund(refund: RefundRef, ofCase: readonly RefundRef[]): boolean {
  return REFUNDING.has(refund.kind) && !ofCase.some((r) => r.id !== refund.id && r.status === 'succeeded' && REFUNDING.has(r.kind));
}

/** A refund succeeded: its money, and — when `first` — the refunded case. */
export function refundSucceededFact(refund: RefundRef, first: boolean): FactRow {
  return fact({ id: refund.caseId, shopId: refund.shopId, orderId: refund.orderId }, 'refund_succeeded', { refundId: refund.id, firstRefund: first });
}

/** Compensation was granted on a case (issue 19 §1): its value joins the cost of returns when folded. */
export const compensationGrantedFact = (c: CaseRef, compensationId: string): FactRow => fact(c, 'compensation_granted', { compensationId });

/** Appends facts in the write's transaction: one statement (with the order's share lock when a fact needs it). */
export async function appendFacts(tx: Tx, rows: readonly FactRow[]): Promise<void> {
  await analyticsFactsRepo.append(tx, rows);
}
