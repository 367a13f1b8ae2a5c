import type { Database, Executor, Tx } from '../../db/client.js';
import { idempotencyRepo } from '../../db/repos/idempotency-repo.js';
import { keyInProgress } from './keys.js';

/**
 * The reply of a request sent with an `Idempotency-Key`, recorded by the use case in the
 * transaction of its change, so a retry after a crash at any point replays it and never repeats
 * the change. `body` is set once recorded (the HTTP layer then stores nothing more).
 */
export interface KeyedReply {
  shopId: string;
  key: string;
  /** The lock the request claimed the key with (see keys.ts). */
  fence: Date;
  status: number;
  body?: unknown;
}

/** How a use case that is not a case action answers a keyed request: its result, rendered as the reply. */
export interface KeyedReplyOf<T> {
  to: KeyedReply;
  render: (result: T) => unknown;
}

/**
 * Records the reply in the transaction of the change. A retry that took the key over (this
 * request outlived its lock) owns it now: this transaction must not commit, so it fails with
 * "in progress" and the client's next retry gets the retry's reply.
 */
export async function recordReply(db: Executor, reply: KeyedReply, body: unknown): Promise<void> {
  if (!(await idempotencyRepo.complete(db, reply.shopId, reply.key, reply.fence, reply.status, body))) throw keyInProgress();
  reply.body = body;
}

/** Runs a use case's writes in one transaction and, for a keyed request, records its reply in that same transaction. */
export function keyedTransaction<T>(db: Database, reply: KeyedReplyOf<T> | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const result = await work(tx);
    if (reply) await recordReply(tx, reply.to, reply.render(result));
    return result;
  });
}
