import type { Actor } from '../../domain/cases/model.js';
import type { Executor } from '../../db/client.js';
import type { CaseRow } from '../../db/repos/cases-repo.js';
import { recordReply, type KeyedReply } from '../idempotency/index.js';
import { caseDetail } from './read-cases.js';

/** A keyed case write answers with the case as its viewer sees it. */
export interface ReplyRecorder extends KeyedReply {
  viewer: Actor;
}

export async function recordCaseReply(db: Executor, reply: ReplyRecorder, c: CaseRow): Promise<void> {
  await recordReply(db, reply, await caseDetail(db, c.shopId, c, reply.viewer));
}
