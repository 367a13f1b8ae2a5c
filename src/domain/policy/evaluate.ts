import { evaluateLine, type LineState } from './evaluate-line.js';
import { evaluateRequest } from './evaluate-request.js';
import { policyIndex } from './policy-index.js';
import type { Evaluate, PolicyVerdict } from './verdict.js';
import { beforeDeliveryWindow, orderClock } from './windows.js';

/**
 * What a policy says about an order at `now` (docs/policy.md): per line, the windows, what may be asked
 * for and why; with a request, per item and for the whole request, eligibility, who pays return
 * shipping, the money (computeCaseRefund) and the automatic decisions.
 *
 * Pure and deterministic: the same arguments always give an equal verdict. Ineligibility is data
 * with a rule id and a sentence; only a caller's mistake (a line that is not in the order, a
 * quantity below one) throws an AppError.
 *
 * Helpers: windows.ts (the three windows), evaluate-line.ts, evaluate-item.ts,
 * evaluate-request.ts, automation.ts, policy-index.ts (per-policy cache), explain.ts (sentences).
 */
export const evaluate: Evaluate = (policy, order, customer, now, request) => {
  const index = policyIndex(policy);
  const clock = orderClock(order, now, policy.statutory?.extendToWorkingDay === true);
  const beforeDelivery = beforeDeliveryWindow(order, clock);
  const states = order.lines.map((line) => evaluateLine(policy, index, order, customer, line, clock, beforeDelivery));

  const verdict: PolicyVerdict = {
    policyName: policy.name,
    evaluatedAt: new Date(clock.nowMs),
    lines: states.map((state) => state.verdict),
  };
  if (request) {
    const byId = new Map<string, LineState>(states.map((state) => [state.line.lineId, state]));
    verdict.request = evaluateRequest({ policy, index, request, clock, order, customer }, byId);
  }
  return verdict;
};
