import type { Care, TaskKind } from './settings.js';

/**
 * Follow-up tasks (回访, issue 19 §2): which outcome creates which task, due when, for whom. Each
 * task has a key that makes creating it twice impossible (the outbox may hand an event over again
 * after a crash; two dispatchers may see the same SKU cross its threshold).
 */
export interface TaskPlan {
  kind: TaskKind;
  caseId: string | null;
  sku: string | null;
  role: string;
  dueAt: Date;
  dedupKey: string;
  rule: string;
}

const DAY = 86_400_000;

/** Tasks a case event calls for (exchange shipped → call back; refunded → ask for a review). */
export function tasksForEvent(care: Care, event: { type: string; action?: unknown; caseId: string }, now: Date): TaskPlan[] {
  const { exchangeCallback, reviewRequest } = care.followUps;
  if (event.type === 'return.status_changed' && event.action === 'ship_replacement' && exchangeCallback.enabled) {
    return [{ kind: 'exchange_callback', caseId: event.caseId, sku: null, role: exchangeCallback.role, dueAt: new Date(now.getTime() + exchangeCallback.afterDays * DAY), dedupKey: `exchange_callback:${event.caseId}`, rule: 'care.followUps.exchangeCallback' }];
  }
  if (event.type === 'return.refunded' && reviewRequest.enabled) {
    return [{ kind: 'review_request', caseId: event.caseId, sku: null, role: reviewRequest.role, dueAt: new Date(now.getTime() + reviewRequest.afterDays * DAY), dedupKey: `review_request:${event.caseId}`, rule: 'care.followUps.reviewRequest' }];
  }
  return [];
}

/**
 * A SKU check when its quality cases within the window reach the threshold. One task per SKU and
 * window period: the key holds the number of the window-long period the threshold was crossed in.
 */
export function defectCheckFor(care: Care, sku: string, qualityCasesInWindow: number, now: Date): TaskPlan | null {
  const r = care.followUps.repeatedDefect;
  if (!r.enabled || qualityCasesInWindow < r.threshold) return null;
  const period = Math.floor(now.getTime() / (r.windowDays * DAY));
  return { kind: 'sku_defect_check', caseId: null, sku, role: r.role, dueAt: new Date(now.getTime() + r.dueInDays * DAY), dedupKey: `sku_defect_check:${sku}:${r.windowDays}d:${period}`, rule: 'care.followUps.repeatedDefect' };
}

/** A task's place on the Today page. */
export function taskBucket(task: { status: string; dueAt: Date }, now: Date, endOfToday: Date): 'overdue' | 'today' | 'upcoming' | 'closed' {
  if (task.status !== 'open') return 'closed';
  if (task.dueAt.getTime() < now.getTime()) return 'overdue';
  return task.dueAt.getTime() < endOfToday.getTime() ? 'today' : 'upcoming';
}
