import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { idempotencyKeys } from '../schema/index.js';

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

const keyOf = (shopId: string, key: string) => and(eq(idempotencyKeys.shopId, shopId), eq(idempotencyKeys.key, key));

export const idempotencyRepo = {
  /** Takes a new key; false when the shop already has it. */
  async claim(db: Executor, row: { shopId: string; key: string; requestHash: string; lockedUntil: Date; createdAt: Date }): Promise<boolean> {
    return (await db.insert(idempotencyKeys).values(row).onConflictDoNothing().returning({ key: idempotencyKeys.key })).length > 0;
  },
  async find(db: Executor, shopId: string, key: string): Promise<IdempotencyKeyRow | undefined> {
    return (await db.select().from(idempotencyKeys).where(keyOf(shopId, key)))[0];
  },
  /** Takes over a key whose first request died unanswered; false when another retry took it (or the first answered) first. */
  async takeOver(db: Executor, shopId: string, key: string, seenLock: Date, lockedUntil: Date): Promise<boolean> {
    return (
      (
        await db
          .update(idempotencyKeys)
          .set({ lockedUntil })
          .where(and(keyOf(shopId, key), eq(idempotencyKeys.lockedUntil, seenLock), isNull(idempotencyKeys.responseStatus)))
          .returning({ key: idempotencyKeys.key })
      ).length > 0
    );
  },
  /** Frees a key whose request failed (5xx), unless a retry has taken it over since: the client may retry it. */
  async release(db: Executor, shopId: string, key: string, fence: Date): Promise<void> {
    await db.delete(idempotencyKeys).where(and(keyOf(shopId, key), eq(idempotencyKeys.lockedUntil, fence), isNull(idempotencyKeys.responseStatus)));
  },
  /**
   * Stores the reply of a key's request (JSON round-tripped, as a replay sends it), only while the
   * request still holds the key (`fence`: the lock it claimed). False when a retry took the key over.
   * The holder may store it again (a refund paid after the commit updates the reply it recorded).
   */
  async complete(db: Executor, shopId: string, key: string, fence: Date, status: number, body: unknown): Promise<boolean> {
    const stored = await db
      .update(idempotencyKeys)
      .set({ responseStatus: status, responseBody: JSON.parse(JSON.stringify(body ?? null)) })
      .where(and(keyOf(shopId, key), eq(idempotencyKeys.lockedUntil, fence)))
      .returning({ key: idempotencyKeys.key });
    return stored.length > 0;
  },
};
