import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { apiKeys } from '../schema/index.js';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export const apiKeysRepo = {
  async insert(db: Executor, key: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
    return (await db.insert(apiKeys).values(key).returning())[0]!;
  },
  async findActiveByPrefix(db: Executor, prefix: string): Promise<ApiKeyRow | undefined> {
    return (await db.select().from(apiKeys).where(and(eq(apiKeys.prefix, prefix), isNull(apiKeys.revokedAt))).limit(1))[0];
  },
  async list(db: Executor, shopId: string): Promise<ApiKeyRow[]> {
    return db.select().from(apiKeys).where(eq(apiKeys.shopId, shopId)).orderBy(desc(apiKeys.createdAt));
  },
  async revoke(db: Executor, shopId: string, id: string, now: Date): Promise<ApiKeyRow | undefined> {
    return (
      await db
        .update(apiKeys)
        .set({ revokedAt: now })
        .where(and(eq(apiKeys.shopId, shopId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
        .returning()
    )[0];
  },
  async findById(db: Executor, shopId: string, id: string): Promise<ApiKeyRow | undefined> {
    return (await db.select().from(apiKeys).where(and(eq(apiKeys.shopId, shopId), eq(apiKeys.id, id))).limit(1))[0];
  },
  /** Records use at most once a minute per key, so authentication stays a read. */
  async touch(db: Executor, shopId: string, id: string, now: Date) {
    const staleBefore = new Date(now.getTime() - 60_000);
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.shopId, shopId), eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))));
  },
};
