import { and, eq, inArray } from 'drizzle-orm';
import { EVIDENCE_KIND_NAMES } from '../../../domain/cases/evidence-kinds.js';
import { unprocessable } from '../../../domain/errors.js';
import { mailLocaleOf } from '../../../domain/mail/templates.js';
import { ruling } from '../../../domain/policy/explain.js';
import { buyerRiskSettings } from '../../../domain/risk/settings.js';
import { zoneOffsetMs } from '../../../domain/time.js';
import { evidence } from '../../../db/schema/index.js';
import { policyById } from '../../policy/index.js';
import { plannedMove, type ActionHandler } from '../action-context.js';
import { applyCaseTransition } from '../case-transition.js';
import { postMessage } from './shared.js';

/** A moment as the shop's wall clock shows it ("2026-11-05 18:00"). */
function shopTime(at: Date, timeZone: string): string {
  return new Date(at.getTime() + zoneOffsetMs(at.getTime(), timeZone)).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Issue 19.7: staff ask the buyer for specific evidence by a deadline. The case waits in
 * awaiting_evidence; the request is kept on the case (the portal shows it) and said in the thread;
 * the deadline's outcome is the policy's (buyerRisk.evidenceDeadlineOutcome).
 */
export const requestEvidence: ActionHandler<'request_evidence'> = async (a) => {
  plannedMove(a);
  const hours = a.input.dueInHours ?? buyerRiskSettings(await policyById(a.tx, a.c.shopId, a.c.policyId)).evidenceDeadlineHours;
  const dueAt = new Date(a.now.getTime() + hours * 3600_000);
  const request = { kinds: [...a.input.kinds], note: a.input.note ?? null, requestedAt: a.now.toISOString(), dueAt: dueAt.toISOString(), hours, answeredAt: null, outcome: null };
  const c = await applyCaseTransition(a.tx, a.c, 'request_evidence', a.actor, a.now, { patch: { evidenceRequest: request }, payload: { ...request } });
  const body = ruling('evidence.demanded', { kinds: a.input.kinds.map((k) => EVIDENCE_KIND_NAMES[k]), dueAt: shopTime(dueAt, a.shop.timezone), note: request.note }).explanation[mailLocaleOf(a.shop.defaultLocale)];
  await postMessage(a, c, body, 'public');
  return c;
};

/** The buyer (or staff for them) sends what was asked: uploaded evidence of this case, posted in the thread. */
export const provideEvidence: ActionHandler<'provide_evidence'> = async (a) => {
  plannedMove(a);
  const ids = [...new Set(a.input.evidenceIds)];
  const found = await a.tx.select({ id: evidence.id }).from(evidence).where(and(eq(evidence.shopId, a.c.shopId), eq(evidence.caseId, a.c.id), inArray(evidence.id, ids)));
  if (found.length !== ids.length) throw unprocessable('evidence.unknown', 'An evidence id does not belong to this case');
  const request = a.c.evidenceRequest ? { ...a.c.evidenceRequest, answeredAt: a.now.toISOString(), outcome: 'provided' as const } : null;
  const c = await applyCaseTransition(a.tx, a.c, 'provide_evidence', a.actor, a.now, { patch: { evidenceRequest: request }, payload: { evidenceIds: ids } });
  await postMessage(a, c, a.input.note ?? (mailLocaleOf(a.shop.defaultLocale) === 'zh-CN' ? '已上传所需凭证' : 'Evidence sent as asked'), 'public', ids);
  return c;
};

/** No evidence by the deadline, and the policy says a person looks again: back to the seller, flagged. */
export const evidenceOverdue: ActionHandler<'evidence_overdue'> = (a) => {
  plannedMove(a);
  const request = a.c.evidenceRequest ? { ...a.c.evidenceRequest, answeredAt: a.now.toISOString(), outcome: 'expired' as const } : null;
  return applyCaseTransition(a.tx, a.c, 'evidence_overdue', a.actor, a.now, { patch: { evidenceRequest: request, needsReview: true }, payload: {} });
};
