import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { deadlines } from '../schema/index.js';

export type DeadlineRow = typeof deadlines.$inferSelect;

export const deadlinesRepo = {
  async pendingOfCase(db: Executor, shopId: string, caseId: string): Promise<DeadlineRow[]> {
    return db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.shopId, shopId), eq(deadlines.caseId, caseId), eq(deadlines.status, 'pending')))
      .orderBy(asc(deadlines.dueAt));
  },
  async ofCase(db: Executor, shopId: string, caseId: string): Promise<DeadlineRow[]> {
    return db.select().from(deadlines).where(and(eq(deadlines.shopId, shopId), eq(deadlines.caseId, caseId))).orderBy(asc(deadlines.createdAt));
  },
  async insert(db: Executor, row: typeof deadlines.$inferInsert): Promise<DeadlineRow> {
    return (await db.insert(deadlines).values(row).returning())[0]!;
  },
  async finish(db: Executor, d: Pick<DeadlineRow, 'shopId' | 'id'>, status: 'applied' | 'cancelled' | 'failed', now: Date, lastError?: string) {
    await deadlinesRepo.finishQuery(db, d, status, now, lastError);
  },
  /** The update that settles a pending deadline, unsent (a batched use case sends it with its other writes). */
  finishQuery(db: Executor, d: Pick<DeadlineRow, 'shopId' | 'id'>, status: 'applied' | 'cancelled' | 'failed', now: Date, lastError?: string) {
    return db
      .update(deadlines)
      .set({ status, ...(status === 'applied' ? { appliedAt: now } : status === 'cancelled' ? { cancelledAt: now } : {}), lastError: lastError ?? null })
      .where(and(eq(deadlines.shopId, d.shopId), eq(deadlines.id, d.id), eq(deadlines.status, 'pending')));
  },
  /**
   * Claims the oldest due deadlines in one statement: locked with SKIP LOCKED (a second worker
   * skips them) and leased until `until` (counted as an attempt), so the claim needs no
   * transaction of its own.
   */
  async claimDue(db: Executor, now: Date, limit: number, until: Date): Promise<DeadlineRow[]> {
    const due = db
      .select({ shopId: deadlines.shopId, id: deadlines.id })
      .from(deadlines)
      .where(and(eq(deadlines.status, 'pending'), lte(deadlines.dueAt, now), or(isNull(deadlines.leasedUntil), lte(deadlines.leasedUntil, now))))
      .orderBy(asc(deadlines.dueAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    return db
      .update(deadlines)
      .set({ leasedUntil: until, attempts: sql`${deadlines.attempts} + 1` })
      .where(sql`(${deadlines.shopId}, ${deadlines.id}) in (${due})`)
      .returning();
  },
};
