import type { RequestVerdict } from '../../domain/policy/verdict.js';
import type { CaseRow } from '../../db/repos/cases-repo.js';
import type { ServiceContext } from '../context.js';
import { policyById } from '../policy/policies.js';
import { performAction } from '../returns/perform-action.js';

/**
 * What the policy decides without a person, right after a case is opened (issue: automatic
 * decisions at creation): approval of small, low-risk requests, and a fast refund (极速退款) at
 * approval for trusted buyers. Requests whose reason needs photos wait for a person, who sees the
 * evidence. Each decision is an ordinary action by the system, naming its rule in the timeline.
 */
export async function applyAutomaticDecisions(
  ctx: ServiceContext,
  shopId: string,
  opened: CaseRow,
  automation: RequestVerdict['automation'],
  evidenceRequired: boolean,
): Promise<CaseRow> {
  let c = opened;
  if (automation.decision !== 'approve' || evidenceRequired) return c;
  c = await performAction(ctx, shopId, c.id, 'approve', { kind: 'system', rule: 'automation.auto_approve' }, { note: automation.decisionRuling.explanation.en });
  if (automation.fastRefund && c.status === 'approved' && (await policyById(ctx.db, c.shopId, c.policyId)).automation.fastRefund.trigger === 'approval') {
    c = await performAction(ctx, shopId, c.id, 'fast_refund', { kind: 'system', rule: 'automation.fast_refund' }, {});
  }
  return c;
}
