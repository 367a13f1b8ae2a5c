import { describe, expect, it } from 'vitest';
import { chinaMarketplacePreset } from './presets.js';
import type { Policy } from './schema.js';
import { validatePolicy, type PolicyIssue } from './validate.js';

const edit = (changes: (p: Policy) => void): Policy => {
  const copy = structuredClone(chinaMarketplacePreset);
  changes(copy);
  return copy;
};
const issuesOf = (doc: unknown): PolicyIssue[] => {
  const result = validatePolicy(doc);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.issues;
};
const paths = (doc: unknown) => issuesOf(doc).map((i) => i.path);

describe('validatePolicy: the schema', () => {
  it('accepts a valid document and returns it typed', () => {
    const result = validatePolicy(chinaMarketplacePreset);
    expect(result).toEqual({ ok: true, policy: chinaMarketplacePreset });
  });

  it('refuses what is not a policy at all', () => {
    for (const doc of [null, 'policy', 42, []]) expect(issuesOf(doc)[0]!.path).toBe('');
  });

  it('names each missing setting by its own path', () => {
    const doc = structuredClone(chinaMarketplacePreset) as Partial<Policy>;
    delete doc.fees;
    delete (doc.windows as Partial<Policy['windows']>).overrides;
    const issues = issuesOf(doc);
    expect(issues).toContainEqual({ path: '/fees', message: 'is required' });
    expect(issues).toContainEqual({ path: '/windows/overrides', message: 'is required' });
  });

  it('names settings that do not exist, once each', () => {
    const issues = issuesOf({ ...chinaMarketplacePreset, colour: 'red', windows: { ...chinaMarketplacePreset.windows, weeks: 2 } });
    expect(issues).toEqual([
      { path: '/colour', message: 'is not a policy setting' },
      { path: '/windows/weeks', message: 'is not a policy setting' },
    ]);
  });

  it('points at values out of range or of the wrong kind', () => {
    expect(paths(edit((p) => (p.windows.noReasonDays = -1)))).toEqual(['/windows/noReasonDays']);
    expect(paths(edit((p) => ((p.reasons[2]!.fault as string) = 'weather')))).toEqual(['/reasons/2/fault']);
    expect(paths(edit((p) => (p.fees.restocking = [{ conditions: ['opened'], feeBp: 10_001 }])))).toEqual(['/fees/restocking/0/feeBp']);
    expect(paths(edit((p) => ((p.deadlines.buyerShipHours as unknown) = '7 days')))).toEqual(['/deadlines/buyerShipHours']);
  });
});

describe('validatePolicy: beyond the schema', () => {
  it('refuses a seller-fault window shorter than the no-reason one, saying why', () => {
    const [issue, ...rest] = issuesOf(edit((p) => (p.windows.sellerFaultDays = 5)));
    expect(rest).toEqual([]);
    expect(issue!.path).toBe('/windows/sellerFaultDays');
    expect(issue!.message).toBe(
      'The seller-fault window (5 days) is shorter than the no-reason window (7 days): a quality problem must never have a shorter window than a change of mind',
    );
  });

  it('checks the windows an override produces', () => {
    expect(paths(edit((p) => (p.windows.overrides = [{ match: { channels: ['jd'] }, noReasonDays: 30 }])))).toEqual(['/windows/overrides/0/noReasonDays']);
    expect(paths(edit((p) => (p.windows.overrides = [{ match: {}, sellerFaultDays: 3 }])))).toEqual(['/windows/overrides/0/sellerFaultDays']);
    expect(validatePolicy(edit((p) => (p.windows.overrides = [{ match: {}, noReasonDays: 15, sellerFaultDays: 30 }]))).ok).toBe(true);
  });

  it('refuses duplicate reason codes at the second one', () => {
    const issues = issuesOf(edit((p) => p.reasons.push({ ...p.reasons[3]! })));
    expect(issues).toEqual([{ path: '/reasons/12/code', message: 'The reason code "quality_issue" is already used by /reasons/3: codes must be unique' }]);
  });

  it('wants a buyer-fault reason while returns without a reason are open', () => {
    const sellerOnly = edit((p) => (p.reasons = p.reasons.filter((r) => r.fault !== 'buyer')));
    expect(paths(sellerOnly)).toEqual(['/reasons']);
    expect(validatePolicy(edit((p) => {
      p.reasons = p.reasons.filter((r) => r.fault !== 'buyer');
      p.windows.noReasonDays = 0;
    })).ok).toBe(true);
  });

  it('refuses automatic approval limited to reasons that do not exist, or to none', () => {
    expect(paths(edit((p) => (p.automation.autoApprove.reasonCodes = ['no_reason', 'too_blue'])))).toEqual(['/automation/autoApprove/reasonCodes/1']);
    expect(paths(edit((p) => (p.automation.autoApprove.reasonCodes = [])))).toEqual(['/automation/autoApprove/reasonCodes']);
  });

  it('refuses thresholds that can never take effect', () => {
    expect(paths(edit((p) => (p.automation.autoApprove.maxRiskScore = 80)))).toEqual(['/automation/autoApprove/maxRiskScore']);
    expect(paths(edit((p) => (p.automation.fastRefund.maxRiskScore = 71)))).toEqual(['/automation/fastRefund/maxRiskScore']);
    expect(paths(edit((p) => (p.automation.autoApprove.maxRefundMinor = 0)))).toEqual(['/automation/autoApprove/maxRefundMinor']);
    expect(paths(edit((p) => (p.automation.fastRefund.maxRefundMinor = 0)))).toEqual(['/automation/fastRefund/maxRefundMinor']);
    // Switched off, the same numbers are harmless.
    expect(validatePolicy(edit((p) => {
      p.automation.autoApprove = { enabled: false, maxRefundMinor: 0, maxRiskScore: 100 };
      p.automation.fastRefund.enabled = false;
      p.automation.fastRefund.maxRiskScore = 100;
    })).ok).toBe(true);
  });

  it('wants the quality-rate warning at or below the limit', () => {
    const [issue] = issuesOf(edit((p) => (p.qualityRefundRate = { windowDays: 30, warnAtBp: 200, limitBp: 150 })));
    expect(issue).toEqual({ path: '/qualityRefundRate/warnAtBp', message: 'The warning (200 bp) comes after the limit (150 bp): it must be at or below the limit to warn in time' });
  });

  it('refuses a store-credit bonus without store credit', () => {
    expect(paths(edit((p) => (p.refunds.storeCreditBonusBp = 500)))).toEqual(['/refunds/storeCreditBonusBp']);
  });

  it('reports every problem at once', () => {
    const doc = edit((p) => {
      p.windows.sellerFaultDays = 1;
      p.qualityRefundRate.warnAtBp = 9_000;
      p.automation.autoApprove.maxRiskScore = 99;
    });
    expect(paths(doc)).toEqual(['/windows/sellerFaultDays', '/automation/autoApprove/maxRiskScore', '/qualityRefundRate/warnAtBp']);
  });
});
