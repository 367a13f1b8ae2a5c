import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../../domain/errors.js';
import { defaultShop, shopBySlug, startSession } from '../../../services/portal/session.js';
import { errorResponses } from '../../schemas/common.js';

const open = { additionalProperties: true } as const;
const ShopBrandSchema = Type.Object({ slug: Type.String(), name: Type.String(), logoUrl: Type.Union([Type.String(), Type.Null()]) }, open);

/** Lookups allowed per window: per address (one person trying orders) and per order number (many addresses trying one order). */
export const LOOKUP_LIMITS = { windowMs: 10 * 60_000, perIp: 30, perOrder: 10 };

export const portalSessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const byIp = app.createRateLimit({ max: LOOKUP_LIMITS.perIp, timeWindow: LOOKUP_LIMITS.windowMs, keyGenerator: (req) => `portal-ip:${req.ip}` });
  const byOrder = app.createRateLimit({
    max: LOOKUP_LIMITS.perOrder,
    timeWindow: LOOKUP_LIMITS.windowMs,
    keyGenerator: (req) => {
      const body = req.body as { shopSlug?: string; orderNumber?: string };
      return `portal-order:${body.shopSlug ?? ''}:${String(body.orderNumber ?? '').trim().toUpperCase()}`;
    },
  });
  const refuse = (reply: FastifyReply, retryAfterSeconds: number) => {
    reply.header('retry-after', retryAfterSeconds);
    return new AppError('rate_limited', 'portal.rate_limited', 'Too many lookups: wait a few minutes and try again', { retryAfterSeconds });
  };
  // Every lookup counts toward the address's limit; only failed ones toward the order number's,
  // so a buyer coming back to their order is never locked out by their own visits.
  const limit = async (req: FastifyRequest, reply: FastifyReply) => {
    const ip = await byIp(req);
    if (!ip.isAllowed && ip.isExceeded) throw refuse(reply, ip.ttlInSeconds);
    const order = await byOrder(req, { increment: false });
    if (!order.isAllowed && order.remaining <= 0) throw refuse(reply, order.ttlInSeconds);
  };
  const countFailure = async (req: FastifyRequest, _reply: FastifyReply, error: Error) => {
    if (error instanceof AppError && error.code === 'portal.not_found') await byOrder(req);
  };

  app.get(
    '/shops/:slug',
    {
      config: { portalPublic: true },
      schema: { tags: ['portal'], summary: "A shop's name, logo and languages for the return portal", params: Type.Object({ slug: Type.String({ maxLength: 40 }) }), response: { 200: ShopBrandSchema, ...errorResponses } },
    },
    async (req) => shopBySlug(app.ctx, req.params.slug),
  );

  app.get(
    '/shop',
    { config: { portalPublic: true }, schema: { tags: ['portal'], summary: 'The shop /portal opens when no shop is named', response: { 200: ShopBrandSchema, ...errorResponses } } },
    async () => defaultShop(app.ctx),
  );

  app.post(
    '/sessions',
    {
      config: { portalPublic: true },
      preHandler: limit,
      onError: countFailure,
      schema: {
        tags: ['portal'],
        summary: 'Find an order by its number and the e-mail or phone given with it; returns a 2-hour token for that order',
        description:
          'Send email or phone (one). An unknown order and a wrong contact both get 404 portal.not_found. Rate limited per address and per order number (429 portal.rate_limited).',
        body: Type.Object(
          {
            shopSlug: Type.String({ minLength: 1, maxLength: 40 }),
            orderNumber: Type.String({ minLength: 1, maxLength: 64 }),
            email: Type.Optional(Type.String({ minLength: 3, maxLength: 254 })),
            phone: Type.Optional(Type.String({ minLength: 5, maxLength: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ token: Type.String(), expiresAt: Type.String(), orderNumber: Type.String(), shop: ShopBrandSchema }), ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).header('cache-control', 'no-store').send(await startSession(app.ctx, req.body)),
  );
};
