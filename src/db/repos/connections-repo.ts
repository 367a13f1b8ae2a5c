import { and, asc, desc, eq, lt, lte, ne, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { connectionRuns, connections } from '../schema/index.js';

export type ConnectionRow = typeof connections.$inferSelect;
export type NewConnection = typeof connections.$inferInsert;
export type ConnectionRunRow = typeof connectionRuns.$inferSelect;

export const connectionsRepo = {
  async list(db: Executor, shopId: string): Promise<ConnectionRow[]> {
    return db.select().from(connections).where(eq(connections.shopId, shopId)).orderBy(asc(connections.kind), asc(connections.name));
  },
  async byId(db: Executor, shopId: string, id: string): Promise<ConnectionRow | undefined> {
    return (await db.select().from(connections).where(and(eq(connections.shopId, shopId), eq(connections.id, id))).limit(1))[0];
  },
  /** For inbound webhooks, which name the connection only: the shop comes from the row. */
  async byIdAnyShop(db: Executor, id: string): Promise<ConnectionRow | undefined> {
    return (await db.select().from(connections).where(eq(connections.id, id)).limit(1))[0];
  },
  async insert(db: Executor, row: NewConnection): Promise<ConnectionRow> {
    return (await db.insert(connections).values(row).returning())[0]!;
  },
  async update(db: Executor, shopId: string, id: string, patch: Partial<NewConnection>): Promise<ConnectionRow | undefined> {
    return (await db.update(connections).set(patch).where(and(eq(connections.shopId, shopId), eq(connections.id, id))).returning())[0];
  },
  async remove(db: Executor, shopId: string, id: string): Promise<boolean> {
    const gone = await db.delete(connections).where(and(eq(connections.shopId, shopId), eq(connections.id, id))).returning({ id: connections.id });
    if (gone.length) await db.delete(connectionRuns).where(and(eq(connectionRuns.shopId, shopId), eq(connectionRuns.connectionId, id)));
    return gone.length > 0;
  },
  /**
   * Claims connections whose sync is due, pushing their next sync `leaseMs` ahead so another
   * worker skips them while this one runs (FOR UPDATE SKIP LOCKED inside one statement).
   */
  async claimDue(db: Executor, now: Date, leaseMs: number, batch: number): Promise<ConnectionRow[]> {
    const until = new Date(now.getTime() + leaseMs);
    const due = db
      .select({ shopId: connections.shopId, id: connections.id })
      .from(connections)
      .where(and(ne(connections.status, 'paused'), lte(connections.nextSyncAt, now)))
      .orderBy(asc(connections.nextSyncAt))
      .limit(batch)
      .for('update', { skipLocked: true });
    return db
      .update(connections)
      .set({ nextSyncAt: until })
      .where(sql`(${connections.shopId}, ${connections.id}) in (${due})`)
      .returning();
  },
  async startRun(db: Executor, row: { shopId: string; connectionId: string; trigger: string; startedAt: Date }): Promise<ConnectionRunRow> {
    return (await db.insert(connectionRuns).values({ ...row, status: 'running' }).returning())[0]!;
  },
  async finishRun(db: Executor, shopId: string, id: number, patch: Pick<ConnectionRunRow, 'status' | 'itemsIn' | 'itemsOut' | 'errors' | 'finishedAt'>): Promise<void> {
    await db.update(connectionRuns).set(patch).where(and(eq(connectionRuns.shopId, shopId), eq(connectionRuns.id, id)));
  },
  /** Newest first; `before` is the id of the last run of the previous page. */
  async runs(db: Executor, shopId: string, connectionId: string, limit: number, before?: number): Promise<ConnectionRunRow[]> {
    return db
      .select()
      .from(connectionRuns)
      .where(and(eq(connectionRuns.shopId, shopId), eq(connectionRuns.connectionId, connectionId), before === undefined ? undefined : lt(connectionRuns.id, before)))
      .orderBy(desc(connectionRuns.id))
      .limit(limit);
  },
};
