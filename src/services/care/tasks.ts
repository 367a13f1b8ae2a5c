import { uuidv7 } from 'uuidv7';
import { careOf, type Care, type TaskKind } from '../../domain/care/settings.js';
import { choiceOf, exchangeFirstOffer, keptRevenue } from '../../domain/care/exchange-first.js';
import { defectCheckFor, tasksForEvent, taskBucket, type TaskPlan } from '../../domain/care/tasks.js';
import { notFound, conflict } from '../../domain/errors.js';
import type { Policy } from '../../domain/policy/schema.js';
import { localDayOf, startOfLocalDay } from '../../domain/policy/local-days.js';
import type { Tx } from '../../db/client.js';
import { careRepo, type CareTaskRow } from '../../db/repos/care-repo.js';
import { casesRepo, type CaseRow } from '../../db/repos/cases-repo.js';
import type { OutboxRow } from '../../db/repos/outbox-repo.js';
import { policiesRepo } from '../../db/repos/policies-repo.js';
import { shopsRepo } from '../../db/repos/shops-repo.js';
import type { ServiceContext } from '../context.js';
import { carePolicyOf, ruleGrantOnApproval } from './compensation.js';

/**
 * Follow-up tasks (回访, issue 19 §2) and rule compensation, run by the outbox dispatcher on the
 * events it hands out (in its transaction): each event is dispatched once, and every task has a
 * dedup key, so an event handed out again creates nothing twice.
 */
export async function runCareRules(tx: Tx, rows: OutboxRow[], now: Date): Promise<void> {
  const relevant = rows.filter((r) => r.caseId && (r.eventType === 'return.status_changed' || r.eventType === 'return.refunded' || r.eventType === 'return.created'));
  if (relevant.length === 0) return;
  const policies = new Map<string, Policy>();
  const plans: TaskPlan[] = [];
  const shopOf = new Map<TaskPlan, string>();
  for (const r of relevant) {
    const data = (r.payload.data ?? {}) as Record<string, unknown>;
    const wanted = r.eventType !== 'return.status_changed' || data.action === 'ship_replacement' || data.to === 'approved';
    if (!wanted) continue;
    const c = await casesRepo.findById(tx, r.shopId, r.caseId!);
    if (!c) continue;
    if (!policies.has(c.shopId)) policies.set(c.shopId, await carePolicyOf(tx, c.shopId));
    const policy = policies.get(c.shopId)!;
    const care = careOf(policy);
    if (r.eventType === 'return.status_changed' && data.to === 'approved') await ruleGrantOnApproval(tx, c, policy, now);
    for (const p of tasksForEvent(care, { type: r.eventType, action: data.action, caseId: c.id }, now)) {
      plans.push(p);
      shopOf.set(p, c.shopId);
    }
    if (r.eventType === 'return.created' && c.createdByKind === 'buyer' && (await offeredAt(tx, c))) {
      // The buyer asked in the portal while it offered exchange-first: record what they chose and what it kept.
      await careRepo.insertExchangeFirst(tx, { shopId: c.shopId, caseId: c.id, choice: choiceOf(c), currency: c.currency, ...keptRevenue(c.breakdown), createdAt: c.createdAt });
    }
    if (r.eventType === 'return.created') {
      for (const p of await defectChecks(tx, c, policy, care, now)) {
        plans.push(p);
        shopOf.set(p, c.shopId);
      }
    }
  }
  await careRepo.insertTasks(
    tx,
    plans.map((p) => ({ shopId: shopOf.get(p)!, id: uuidv7(), kind: p.kind, caseId: p.caseId, sku: p.sku, role: p.role, status: 'open' as const, dueAt: p.dueAt, rule: p.rule, dedupKey: p.dedupKey, details: {}, createdAt: now, updatedAt: now })),
  );
}

/** Whether the portal offered exchange-first when the case was asked for (the policy in force then). */
async function offeredAt(tx: Tx, c: CaseRow): Promise<boolean> {
  const row = await policiesRepo.inForceAt(tx, c.shopId, c.createdAt);
  const policy = row!.document as Policy;
  return exchangeFirstOffer(careOf(policy), policy).enabled;
}

async function defectChecks(tx: Tx, c: CaseRow, policy: Policy, care: Care, now: Date): Promise<TaskPlan[]> {
  const r = care.followUps.repeatedDefect;
  if (!r.enabled) return [];
  const qualityCodes = policy.reasons.filter((x) => x.quality).map((x) => x.code);
  const counts = await careRepo.qualityCasesBySku(tx, c.shopId, c.id, qualityCodes, new Date(now.getTime() - r.windowDays * 86_400_000));
  return counts.flatMap((row) => {
    const plan = defectCheckFor(care, row.sku, row.cases, now);
    return plan ? [{ ...plan, caseId: null }] : [];
  });
}

export const taskView = (t: CareTaskRow, now: Date, endOfToday: Date) => ({
  id: t.id,
  kind: t.kind,
  caseId: t.caseId,
  sku: t.sku,
  role: t.role,
  status: t.status,
  bucket: taskBucket(t, now, endOfToday),
  dueAt: t.dueAt.toISOString(),
  rule: t.rule,
  note: t.note,
  closedAt: t.closedAt?.toISOString() ?? null,
  createdAt: t.createdAt.toISOString(),
});

async function todayBounds(ctx: ServiceContext, shopId: string) {
  const now = ctx.clock.now();
  const shop = await shopsRepo.findById(ctx.db, shopId);
  const tz = shop?.timezone ?? 'UTC';
  const day = localDayOf(now.getTime(), tz);
  return { now, start: new Date(startOfLocalDay(day, tz)), end: new Date(startOfLocalDay(day + 1, tz)) };
}

export async function listTasks(ctx: ServiceContext, shopId: string, q: { status?: 'open' | 'done' | 'skipped'; role?: string; kind?: TaskKind; limit?: number }) {
  const { now, start, end } = await todayBounds(ctx, shopId);
  const [rows, counts] = await Promise.all([careRepo.listTasks(ctx.db, shopId, q, q.limit ?? 100), careRepo.taskCounts(ctx.db, shopId, now, end, start)]);
  return { data: rows.map((t) => taskView(t, now, end)), counts };
}

export async function closeTask(ctx: ServiceContext, shopId: string, id: string, input: { status: 'done' | 'skipped'; note?: string }, staffId: string | null) {
  const { now, end } = await todayBounds(ctx, shopId);
  const note = input.note?.trim() || null;
  const row = await careRepo.closeTask(ctx.db, shopId, id, { status: input.status, note, closedById: staffId, now });
  if (!row) {
    const existing = await careRepo.taskById(ctx.db, shopId, id);
    if (!existing) throw notFound('task.not_found', 'No such task');
    throw conflict('task.closed', `The task is ${existing.status} already`, { status: existing.status });
  }
  return taskView(row, now, end);
}
