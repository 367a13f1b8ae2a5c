import type { Actor } from '../../domain/cases/model.js';
import type { Executor } from '../../db/client.js';
import type { CaseRow } from '../../db/repos/cases-repo.js';
import { idempotencyRepo } from '../../db/repos/idempotency-repo.js';
import { caseDetail } from './read-cases.js';

/**
 * The reply of a request sent with an `Idempotency-Key`, recorded by the use case in the
 * transaction of its change (so a retry after a crash at any point replays it and never repeats
 * the change). `body` is what the request answers.
 */
export interface ReplyRecorder {
  shopId: string;
  key: string;
  status: number;
  viewer: Actor;
  body?: unknown;
}

export async function recordReply(db: Executor, reply: ReplyRecorder, c: CaseRow): Promise<void> {
  reply.body = await caseDetail(db, c.shopId, c, reply.viewer);
  await idempotencyRepo.complete(db, reply.shopId, reply.key, reply.status, reply.body);
}
