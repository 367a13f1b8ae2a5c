import { Compile } from 'typebox/compile';
import { PolicySchema, type Policy } from './schema.js';
import { careOf } from '../care/settings.js';
import { exclusionsForExceptions } from './withdrawal.js';

/**
 * Checks a policy document: first against its schema, then for what a schema cannot say (a
 * window shorter than another, a threshold that can never take effect, a reason that does not
 * exist). Every issue has a JSON pointer to the setting and a sentence a shop owner can act on.
 */

export interface PolicyIssue {
  /** JSON pointer (RFC 6901) to the setting, e.g. `/windows/noReasonDays`; '' for the document. */
  path: string;
  message: string;
}

export type PolicyValidation = { ok: true; policy: Policy } | { ok: false; issues: PolicyIssue[] };

const policyValidator = Compile(PolicySchema);

const pointer = (base: string, key: string | number) => `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

function schemaIssues(doc: unknown): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  for (const error of policyValidator.Errors(doc)) {
    const params = error.params as { requiredProperties?: string[]; additionalProperties?: string[] };
    if (error.keyword === 'required') {
      for (const key of params.requiredProperties ?? []) issues.push({ path: pointer(error.instancePath, key), message: 'is required' });
    } else if (error.keyword === 'additionalProperties') {
      for (const key of params.additionalProperties ?? []) issues.push({ path: pointer(error.instancePath, key), message: 'is not a policy setting' });
    } else if (error.keyword !== 'boolean') {
      // 'boolean' is the `false` schema behind additionalProperties: already reported above.
      issues.push({ path: error.instancePath, message: error.message });
    }
  }
  // The same problem can be reached through several schema keywords: report it once.
  const unique = new Map(issues.map((i) => [`${i.path}\n${i.message}`, i] as const));
  return [...unique.values()];
}

function windowIssues(policy: Policy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const shorter = (sellerFaultDays: number, noReasonDays: number) =>
    `The seller-fault window (${sellerFaultDays} days) is shorter than the no-reason window (${noReasonDays} days): a quality problem must never have a shorter window than a change of mind`;
  const { noReasonDays, sellerFaultDays, overrides } = policy.windows;
  if (sellerFaultDays < noReasonDays) issues.push({ path: '/windows/sellerFaultDays', message: shorter(sellerFaultDays, noReasonDays) });
  overrides.forEach((o, i) => {
    const noReason = o.noReasonDays ?? noReasonDays;
    const sellerFault = o.sellerFaultDays ?? sellerFaultDays;
    if (sellerFault < noReason) {
      const key = o.sellerFaultDays !== undefined ? 'sellerFaultDays' : 'noReasonDays';
      issues.push({ path: pointer(`/windows/overrides/${i}`, key), message: `With this override: ${shorter(sellerFault, noReason)}` });
    }
  });
  return issues;
}

function reasonIssues(policy: Policy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const firstAt = new Map<string, number>();
  policy.reasons.forEach((r, i) => {
    const first = firstAt.get(r.code);
    if (first === undefined) firstAt.set(r.code, i);
    else issues.push({ path: `/reasons/${i}/code`, message: `The reason code "${r.code}" is already used by /reasons/${first}: codes must be unique` });
  });
  const anyNoReasonWindow = policy.windows.noReasonDays > 0 || policy.windows.overrides.some((o) => (o.noReasonDays ?? 0) > 0);
  if (anyNoReasonWindow && !policy.reasons.some((r) => r.fault === 'buyer')) {
    issues.push({ path: '/reasons', message: 'Returns without a reason are open, but no reason has fault "buyer": buyers could not ask for one' });
  }
  (policy.automation.autoApprove.reasonCodes ?? []).forEach((code, i) => {
    if (!firstAt.has(code)) issues.push({ path: `/automation/autoApprove/reasonCodes/${i}`, message: `"${code}" is not a reason of this policy` });
  });
  return issues;
}

function automationIssues(policy: Policy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const { autoApprove, fastRefund, manualReviewAboveRisk } = policy.automation;
  const unreachable = (what: string, score: number) =>
    `${what} allows risk scores up to ${score}, but every buyer above ${manualReviewAboveRisk} (manualReviewAboveRisk) goes to a person: lower it to ${manualReviewAboveRisk} or less`;
  if (autoApprove.enabled) {
    if (autoApprove.maxRefundMinor === 0) issues.push({ path: '/automation/autoApprove/maxRefundMinor', message: 'Automatic approval is on but approves no refund above 0: raise the limit or turn it off' });
    if (autoApprove.maxRiskScore > manualReviewAboveRisk) issues.push({ path: '/automation/autoApprove/maxRiskScore', message: unreachable('Automatic approval', autoApprove.maxRiskScore) });
    if (autoApprove.reasonCodes?.length === 0) {
      issues.push({ path: '/automation/autoApprove/reasonCodes', message: 'Lists no reason, so nothing would be approved: remove it to allow every reason' });
    }
  }
  if (fastRefund.enabled) {
    if (fastRefund.maxRefundMinor === 0) issues.push({ path: '/automation/fastRefund/maxRefundMinor', message: 'Fast refunds are on but allowed for no refund above 0: raise the limit or turn them off' });
    if (fastRefund.maxRiskScore > manualReviewAboveRisk) issues.push({ path: '/automation/fastRefund/maxRiskScore', message: unreachable('Fast refund', fastRefund.maxRiskScore) });
  }
  return issues;
}

function moneyIssues(policy: Policy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const { warnAtBp, limitBp } = policy.qualityRefundRate;
  if (warnAtBp > limitBp) issues.push({ path: '/qualityRefundRate/warnAtBp', message: `The warning (${warnAtBp} bp) comes after the limit (${limitBp} bp): it must be at or below the limit to warn in time` });
  if (policy.refunds.storeCreditBonusBp > 0 && !policy.refunds.methods.includes('store_credit')) {
    issues.push({ path: '/refunds/storeCreditBonusBp', message: 'A store-credit bonus is set but store credit is not a refund method: add "store_credit" to methods or set the bonus to 0' });
  }
  return issues;
}

function careIssues(policy: Policy): PolicyIssue[] {
  if (!policy.care) return [];
  const issues: PolicyIssue[] = [];
  const care = careOf(policy);
  const codes = new Set(policy.reasons.map((r) => r.code));
  care.compensation.rules.forEach((rule, i) => {
    const at = `/care/compensation/rules/${i}`;
    if (rule.kind === 'points' ? !rule.points : !rule.amountMinor) {
      issues.push({ path: `${at}/${rule.kind === 'points' ? 'points' : 'amountMinor'}`, message: `A ${rule.kind} rule must grant more than 0` });
    }
    const value = rule.kind === 'points' ? (rule.points ?? 0) : (rule.amountMinor ?? 0);
    const cap = rule.kind === 'points' ? care.compensation.maxPointsPerCase : care.compensation.maxPerCaseMinor;
    if (value > cap) issues.push({ path: at, message: `The rule grants ${value}, more than the cap per case (${cap}): it could never be granted` });
    (rule.reasonCodes ?? []).forEach((code, j) => {
      if (!codes.has(code)) issues.push({ path: `${at}/reasonCodes/${j}`, message: `"${code}" is not a reason of this policy` });
    });
  });
  const c = care.compensation;
  if (c.maxPerCaseMinor > c.maxPerMonthMinor) issues.push({ path: '/care/compensation/maxPerCaseMinor', message: 'The cap per case is above the cap per month' });
  if (c.maxPointsPerCase > c.maxPointsPerMonth) issues.push({ path: '/care/compensation/maxPointsPerCase', message: 'The points cap per case is above the points cap per month' });
  if (care.exchangeFirst.enabled && !policy.exchanges.enabled && !policy.refunds.methods.includes('store_credit')) {
    issues.push({ path: '/care/exchangeFirst/enabled', message: 'Exchange-first needs exchanges enabled or store credit among the refund methods: there is nothing to offer before a refund' });
  }
  return issues;
}

/**
 * A statutory regime sets floors the policy may not go under: the law's period, no "final sale"
 * exclusion (not an art. 16 exception), no exclusion without the exception behind it, and no
 * restocking fee on a change of mind (only diminished value, found at inspection, may be deducted).
 */
function statutoryIssues(policy: Policy): PolicyIssue[] {
  const s = policy.statutory;
  if (!s) return [];
  const issues: PolicyIssue[] = [];
  const law = s.regime === 'eu' ? 'EU law (Directive 2011/83/EU)' : 'UK law (Consumer Contracts Regulations 2013)';
  if (policy.windows.noReasonDays < s.withdrawalDays) {
    issues.push({ path: '/windows/noReasonDays', message: `${law} gives buyers ${s.withdrawalDays} days to withdraw: the no-reason window (${policy.windows.noReasonDays} days) may not be shorter` });
  }
  policy.windows.overrides.forEach((o, i) => {
    if (o.noReasonDays !== undefined && o.noReasonDays < s.withdrawalDays) {
      issues.push({ path: `/windows/overrides/${i}/noReasonDays`, message: `${law} gives buyers ${s.withdrawalDays} days to withdraw: an override may not shorten it to ${o.noReasonDays}` });
    }
  });
  if (policy.exclusions.finalSale) {
    issues.push({ path: '/exclusions/finalSale', message: `"Final sale" is not an exception under ${law}: turn it off (only the art. 16 exceptions exclude goods)` });
  }
  const allowed = exclusionsForExceptions(s.exceptions);
  for (const key of ['customMade', 'perishable', 'digitalOnceOpened', 'hygieneOnceUnsealed'] as const) {
    if (policy.exclusions[key] && !allowed[key]) {
      issues.push({ path: `/exclusions/${key}`, message: `This exclusion needs the art. 16 exception behind it in /statutory/exceptions under ${law}` });
    }
  }
  if (policy.fees.restocking.length > 0) {
    issues.push({ path: '/fees/restocking', message: `${law} allows no restocking fee on a withdrawal: deduct diminished value at inspection instead` });
  }
  return issues;
}

export function validatePolicy(doc: unknown): PolicyValidation {
  if (!policyValidator.Check(doc)) return { ok: false, issues: schemaIssues(doc) };
  const policy = doc as Policy;
  const issues = [...windowIssues(policy), ...reasonIssues(policy), ...automationIssues(policy), ...moneyIssues(policy), ...careIssues(policy), ...statutoryIssues(policy)];
  return issues.length === 0 ? { ok: true, policy } : { ok: false, issues };
}
