import type { FastifyRequest } from 'fastify';
import type { Actor } from '../domain/cases/model.js';
import type { KeyedReply, KeyedReplyOf } from '../services/idempotency/keyed-reply.js';
import type { ReplyRecorder } from '../services/cases/reply-recorder.js';

/**
 * For a request with a claimed Idempotency-Key: the reply the use case records in the
 * transaction of its change (the idempotency plugin then stores nothing more).
 */
export function keyedReply(req: FastifyRequest, status: number): KeyedReply | undefined {
  if (!req.idempotency) return undefined;
  const reply: KeyedReply = { shopId: req.idempotency.shopId, key: req.idempotency.key, fence: req.idempotency.fence, status };
  req.idempotency.recorder = reply;
  return reply;
}

/** A keyed case write: its reply is the case as `viewer` sees it. */
export function replyRecorder(req: FastifyRequest, status: number, viewer: Actor): ReplyRecorder | undefined {
  const reply = keyedReply(req, status);
  if (!reply) return undefined;
  const recorder: ReplyRecorder = Object.assign(reply, { viewer });
  return recorder;
}

/** A keyed write whose use case records `render(result)` as the reply in its own transaction (by default the result itself). */
export function keyedAs<T>(req: FastifyRequest, status: number, render: (result: T) => unknown = (result) => result): KeyedReplyOf<T> | undefined {
  const to = keyedReply(req, status);
  return to && { to, render };
}
