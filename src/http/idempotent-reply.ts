import type { FastifyRequest } from 'fastify';
import type { Actor } from '../domain/cases/model.js';
import type { ReplyRecorder } from '../services/returns/reply-recorder.js';

/**
 * For a request with a claimed Idempotency-Key: a recorder the use case fills with its reply in
 * the transaction of its change (the idempotency plugin then stores nothing more).
 */
export function replyRecorder(req: FastifyRequest, status: number, viewer: Actor): ReplyRecorder | undefined {
  if (!req.idempotency) return undefined;
  const recorder: ReplyRecorder = { shopId: req.idempotency.shopId, key: req.idempotency.key, status, viewer };
  req.idempotency.recorder = recorder;
  return recorder;
}
