import type { FastifyInstance } from 'fastify';

/**
 * Every log line of a request carries its request id (Fastify's `reqId`) and, once the caller
 * is known (staff, API key or buyer token), its shop: after authentication the request's logger
 * becomes a child with `shopId`, so the handler's lines and "request completed" both name it.
 */
export function registerRequestLog(app: FastifyInstance) {
  app.addHook('preValidation', async (req, reply) => {
    const shopId = req.principal?.shopId ?? req.portalScope?.shopId;
    if (!shopId) return;
    req.log = req.log.child({ shopId });
    reply.log = req.log;
  });
}
