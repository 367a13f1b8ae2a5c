import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { defaultShop, shopBySlug, startSession } from '../../../services/portal/session.js';
import { portalLookupLimiter } from '../../plugins/portal-lookup-limit.js';
import { errorResponses } from '../../schemas/common.js';
import { SessionSchema, ShopBrandSchema } from './schemas.js';


export { LOOKUP_LIMITS } from '../../plugins/portal-lookup-limit.js';

export const portalSessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { limit, countFailure } = portalLookupLimiter(app);

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
          'Send email or phone (one). An unknown order and a wrong contact both get 404 portal.not_found. Rate limited per address, and failures per address and order number together (429 portal.rate_limited).',
        body: Type.Object(
          {
            shopSlug: Type.String({ minLength: 1, maxLength: 40 }),
            orderNumber: Type.String({ minLength: 1, maxLength: 64 }),
            email: Type.Optional(Type.String({ minLength: 3, maxLength: 254 })),
            phone: Type.Optional(Type.String({ minLength: 5, maxLength: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: SessionSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).header('cache-control', 'no-store').send(await startSession(app.ctx, req.body)),
  );
};
