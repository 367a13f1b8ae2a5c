import { and, eq } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { idempotencyKeys } from '../schema/index.js';

export const idempotencyRepo = {
  /** Stores the reply of a key's request (JSON round-tripped, as a replay sends it). */
  async complete(db: Executor, shopId: string, key: string, status: number, body: unknown) {
    await db
      .update(idempotencyKeys)
      .set({ responseStatus: status, responseBody: JSON.parse(JSON.stringify(body ?? null)) })
      .where(and(eq(idempotencyKeys.shopId, shopId), eq(idempotencyKeys.key, key)));
  },
};
