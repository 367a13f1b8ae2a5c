import type { CustomerFacts, OrderFacts } from '../cases/facts.js';
import { evaluate } from './evaluate.js';
import type { Policy } from './schema.js';
import type { AutomaticDecision, EvaluationRequest } from './verdict.js';

/**
 * What a draft policy would have done to past cases (docs/policy.md): each case is judged again at the
 * moment it was requested, once under the policy it was judged with and once under the draft,
 * and the cases whose outcome differs are listed. Nothing is written; the facts given are taken
 * to be the facts as they stood when the case was requested.
 */

export interface PastCase {
  caseId: string;
  rmaNumber: string;
  requestedAt: Date;
  order: OrderFacts;
  customer: CustomerFacts;
  request: EvaluationRequest;
}

/** One case's outcome under one policy. */
export interface SimulatedOutcome {
  eligible: boolean;
  /** What the policy would pay: the refund when the request is eligible, else 0. */
  refundMinor: number;
  decision: AutomaticDecision;
  fastRefund: boolean;
  /** The request's deciding rule (`request.eligible` or the first refusal). */
  rule: string;
}

export type OutcomeField = keyof SimulatedOutcome;

export interface SimulatedChange {
  caseId: string;
  rmaNumber: string;
  before: SimulatedOutcome;
  after: SimulatedOutcome;
  /** The fields that differ, in the order of SimulatedOutcome. */
  changes: OutcomeField[];
}

export interface SimulationTotals {
  /** Cases the policy allows. */
  eligible: number;
  /** Sum of refundMinor (eligible cases only). */
  refundMinor: number;
  autoApproved: number;
  fastRefunds: number;
}

export interface SimulationResult {
  evaluated: number;
  /** Cases whose outcome differs, oldest request first (then by RMA number and case id). */
  changed: SimulatedChange[];
  totals: { before: SimulationTotals; after: SimulationTotals };
}

const FIELDS: readonly OutcomeField[] = ['eligible', 'refundMinor', 'decision', 'fastRefund', 'rule'];

function outcome(policy: Policy, c: PastCase): SimulatedOutcome {
  const request = evaluate(policy, c.order, c.customer, c.requestedAt, c.request).request!;
  return {
    eligible: request.eligible,
    refundMinor: request.eligible ? request.refund.refundMinor : 0,
    decision: request.automation.decision,
    fastRefund: request.automation.fastRefund,
    rule: request.ruling.rule,
  };
}

const emptyTotals = (): SimulationTotals => ({ eligible: 0, refundMinor: 0, autoApproved: 0, fastRefunds: 0 });

function addTo(totals: SimulationTotals, o: SimulatedOutcome) {
  if (o.eligible) totals.eligible++;
  totals.refundMinor += o.refundMinor;
  if (o.decision === 'approve') totals.autoApproved++;
  if (o.fastRefund) totals.fastRefunds++;
}

const byRequestTime = (a: PastCase, b: PastCase) =>
  a.requestedAt.getTime() - b.requestedAt.getTime() || compare(a.rmaNumber, b.rmaNumber) || compare(a.caseId, b.caseId);
// Code-unit order, not the locale's: the same on every machine.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `onError` receives a case the rules refuse to judge (an AppError from inconsistent facts);
 * the case is left out of the totals and the simulation goes on. Without it, the error is thrown.
 */
export function simulate(
  draft: Policy,
  pastCases: readonly PastCase[],
  judgeWith: (c: PastCase) => Policy,
  onError?: (c: PastCase, err: unknown) => void,
): SimulationResult {
  const totals = { before: emptyTotals(), after: emptyTotals() };
  const changed: SimulatedChange[] = [];
  let evaluated = 0;
  for (const c of [...pastCases].sort(byRequestTime)) {
    let before: SimulatedOutcome;
    let after: SimulatedOutcome;
    try {
      before = outcome(judgeWith(c), c);
      after = outcome(draft, c);
    } catch (err) {
      if (!onError) throw err;
      onError(c, err);
      continue;
    }
    evaluated++;
    addTo(totals.before, before);
    addTo(totals.after, after);
    const changes = FIELDS.filter((field) => before[field] !== after[field]);
    if (changes.length > 0) changed.push({ caseId: c.caseId, rmaNumber: c.rmaNumber, before, after, changes });
  }
  return { evaluated, changed, totals };
}
