import { deadlineFor, runsStatutoryRefundClock, STATUTORY_REFUND_SETTLED } from '../../domain/cases/deadline-rules.js';
import type { Policy } from '../../domain/policy/schema.js';
import { refundClock } from '../../domain/policy/withdrawal.js';
import { shopsRepo } from '../../db/repos/shops-repo.js';
import type { Actor } from '../../domain/cases/model.js';
import type { Tx } from '../../db/client.js';
import type { CaseRow } from '../../db/repos/cases-repo.js';
import { uuidv7 } from 'uuidv7';
import { deadlinesRepo, type DeadlineRow } from '../../db/repos/deadlines-repo.js';
import { deadlines } from '../../db/schema/index.js';
import { batchOf, type WriteBatch } from '../../db/write-batch.js';
import { policyById } from '../policy/index.js';
import { caseSnapshot, publish } from '../events.js';

/**
 * Keeps a case's clocks in step with its state, in the transaction that changed it: deadlines of
 * a state the case has left are cancelled (or, for the one whose expiry caused the move, marked
 * applied), and the state it entered gets its clock from the case's policy version.
 */
export async function syncDeadlines(tx: Tx, c: CaseRow, actor: Actor, now: Date) {
  const batch = batchOf(tx);
  const pending = await pendingDeadlines(tx, c);
  const policy = await policyById(tx, c.shopId, c.policyId);
  const plan = deadlineFor(c, policy.deadlines, policy);
  let current = false;
  for (const d of [...pending]) {
    // The statutory refund clock spans states: it stops only when the refund is paid or no longer owed.
    if (d.kind === 'statutory_refund' && !STATUTORY_REFUND_SETTLED.has(c.status)) continue;
    const stillRuns = d.forStatus === c.status && plan !== null && d.kind === plan.kind && d.outcome === plan.outcome;
    if (stillRuns) {
      current = true;
      continue;
    }
    const applied = actor.kind === 'system' && actor.deadlineId === d.id;
    if (batch) {
      pending.splice(pending.indexOf(d), 1);
      if (written(batch).has(d)) Object.assign(d, applied ? { status: 'applied', appliedAt: now } : { status: 'cancelled', cancelledAt: now });
      else batch.add(deadlinesRepo.finishQuery(tx, d, applied ? 'applied' : 'cancelled', now), deadlines);
    } else {
      await deadlinesRepo.finish(tx, d, applied ? 'applied' : 'cancelled', now);
    }
    if (applied) {
      await publish(tx, c.shopId, 'deadline.applied', c.id, { case: caseSnapshot(c), deadline: { id: d.id, kind: d.kind, rule: d.rule, outcome: d.outcome, dueAt: d.dueAt.toISOString() } }, now);
    }
  }
  if (plan && !current) {
    const row: DeadlineRow = {
      shopId: c.shopId,
      id: uuidv7(),
      caseId: c.id,
      kind: plan.kind,
      forStatus: c.status,
      outcome: plan.outcome,
      rule: plan.rule,
      dueAt: new Date(now.getTime() + plan.hours * 3600_000),
      status: 'pending',
      attempts: 0,
      leasedUntil: null,
      lastError: null,
      appliedAt: null,
      cancelledAt: null,
      remindedAt: null,
      createdAt: now,
    };
    if (batch) {
      // Stored at the flush as it is then: a later move of this use case may still settle it.
      batch.insert(deadlines, row);
      written(batch).add(row);
      pending.push(row);
    } else {
      await deadlinesRepo.insert(tx, row);
    }
  }
  await syncStatutoryDeadline(tx, c, policy, pending, now);
}

/**
 * EU/UK withdrawal (withdrawal.ts): the refund is due within 14 days of the notice (the case's
 * creation) or, in the UK, of the goods or proof of dispatch; withheld until the goods are back or
 * dispatch is proved. So the clock starts when the case reaches in_transit (proof of dispatch) or
 * received, due at the later of the deadline and that moment: an overdue alert, not an action.
 */
async function syncStatutoryDeadline(tx: Tx, c: CaseRow, policy: Policy, pending: DeadlineRow[], now: Date) {
  const s = policy.statutory;
  if (!s || !runsStatutoryRefundClock(c, policy) || pending.some((d) => d.kind === 'statutory_refund')) return;
  const back = c.status === 'received' || c.status === 'inspected';
  const proved = c.status === 'in_transit' || back;
  const clock = refundClock({
    noticeAt: c.createdAt,
    refundWithinDays: s.refundWithinDays,
    countsFrom: s.refundCountsFrom,
    timeZone: await shopZone(tx, c.shopId),
    withhold: s.withholdUntilGoodsOrProof,
    goodsReceivedAt: back ? now : null,
    dispatchProvedAt: proved ? now : null,
    extendToWorkingDay: s.extendToWorkingDay,
  });
  if (!clock.dueAt) return;
  const row: DeadlineRow = {
    shopId: c.shopId,
    id: uuidv7(),
    caseId: c.id,
    kind: 'statutory_refund',
    forStatus: c.status,
    outcome: 'alert',
    rule: 'deadline.statutory_refund',
    dueAt: clock.dueAt,
    status: 'pending',
    attempts: 0,
    leasedUntil: null,
    lastError: null,
    appliedAt: null,
    cancelledAt: null,
    remindedAt: null,
    createdAt: now,
  };
  const batch = batchOf(tx);
  if (batch) {
    batch.insert(deadlines, row);
    written(batch).add(row);
    pending.push(row);
  } else {
    await deadlinesRepo.insert(tx, row);
  }
}

/** A shop's time zone: statutory periods end at its midnight. Time zones rarely change: cached for a minute. */
const zones = new Map<string, { zone: string; at: number }>();
async function shopZone(tx: Tx, shopId: string): Promise<string> {
  const cached = zones.get(shopId);
  if (cached && Date.now() - cached.at < 60_000) return cached.zone;
  const shop = await shopsRepo.findById(tx, shopId);
  const zone = shop?.timezone ?? 'UTC';
  zones.set(shopId, { zone, at: Date.now() });
  return zone;
}

/** Deadline rows this batch inserts (still objects: settling one changes the row to insert). */
function written(batch: WriteBatch): Set<DeadlineRow> {
  let set = batch.memo.get('deadlines:written') as Set<DeadlineRow> | undefined;
  if (!set) batch.memo.set('deadlines:written', (set = new Set()));
  return set;
}

/** A case's pending deadlines, read once per batched use case and kept in step with what it batches. */
export async function pendingDeadlines(tx: Tx, c: Pick<CaseRow, 'shopId' | 'id'>): Promise<DeadlineRow[]> {
  const batch = batchOf(tx);
  if (!batch) return deadlinesRepo.pendingOfCase(tx, c.shopId, c.id);
  const key = `deadlines:pending:${c.id}`;
  let pending = batch.memo.get(key) as DeadlineRow[] | undefined;
  if (!pending) batch.memo.set(key, (pending = await deadlinesRepo.pendingOfCase(tx, c.shopId, c.id)));
  return pending;
}
