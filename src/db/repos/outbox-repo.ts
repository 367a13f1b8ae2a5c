import { asc, isNull, sql } from 'drizzle-orm';
import { anyOf } from '../bulk.js';
import type { Executor } from '../client.js';
import { outbox } from '../schema/index.js';

export type OutboxRow = typeof outbox.$inferSelect;

export const outboxRepo = {
  async insert(db: Executor, row: typeof outbox.$inferInsert): Promise<OutboxRow> {
    return (await db.insert(outbox).values(row).returning())[0]!;
  },
  /** Undispatched rows, oldest first, locked for this transaction; another dispatcher skips them. */
  async claimUndispatched(db: Executor, limit: number): Promise<OutboxRow[]> {
    return db.select().from(outbox).where(isNull(outbox.dispatchedAt)).orderBy(asc(outbox.createdAt), asc(outbox.id)).limit(limit).for('update', { skipLocked: true });
  },
  async markDispatched(db: Executor, rows: OutboxRow[], now: Date) {
    if (rows.length > 0) await db.update(outbox).set({ dispatchedAt: now }).where(anyOf(outbox.id, rows.map((r) => r.id), 'uuid'));
  },
  async countUndispatched(db: Executor): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(isNull(outbox.dispatchedAt));
    return row?.n ?? 0;
  },
};
