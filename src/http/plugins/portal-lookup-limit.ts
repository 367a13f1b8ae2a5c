import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';

/**
 * Portal look-ups allowed per window: per address (one client trying many orders) and failures
 * per address and order number together (one client guessing the contact of one order).
 */
export const LOOKUP_LIMITS = { windowMs: 10 * 60_000, perIp: 30, perClientOrder: 10 };

const orderKey = (req: FastifyRequest) => {
  const body = req.body as { shopSlug?: string; orderNumber?: string };
  return `${body.shopSlug ?? ''}:${String(body.orderNumber ?? '').trim().toUpperCase()}`;
};

/**
 * The failure lock is keyed on the client and the order together: a guesser is stopped on the
 * order they guess at, while the buyer, from their own address, still opens it with the right
 * contact (a lock on the order alone locked the real buyer out with the guesser). Only failures
 * count toward it, so a buyer coming back to their order is never locked out by their visits.
 * Counters live in the shared store (database or Redis), so every process enforces one limit.
 */
export function portalLookupLimiter(app: FastifyInstance) {
  const byIp = app.createRateLimit({ max: LOOKUP_LIMITS.perIp, timeWindow: LOOKUP_LIMITS.windowMs, keyGenerator: (req) => `portal-ip:${req.ip}` });
  const byClientOrder = app.createRateLimit({
    max: LOOKUP_LIMITS.perClientOrder,
    timeWindow: LOOKUP_LIMITS.windowMs,
    keyGenerator: (req) => `portal-order:${req.ip}:${orderKey(req)}`,
  });
  const refuse = (reply: FastifyReply, retryAfterSeconds: number) => {
    reply.header('retry-after', Math.max(1, retryAfterSeconds));
    return new AppError('rate_limited', 'portal.rate_limited', 'Too many lookups: wait a few minutes and try again', { retryAfterSeconds });
  };
  return {
    async limit(req: FastifyRequest, reply: FastifyReply) {
      const ip = await byIp(req);
      if (!ip.isAllowed && ip.isExceeded) throw refuse(reply, ip.ttlInSeconds);
      const order = await byClientOrder(req, { increment: false });
      if (!order.isAllowed && order.remaining <= 0) throw refuse(reply, order.ttlInSeconds);
    },
    async countFailure(req: FastifyRequest, _reply: FastifyReply, error: Error) {
      if (error instanceof AppError && error.code === 'portal.not_found') await byClientOrder(req);
    },
  };
}
