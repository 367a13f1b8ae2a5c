import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { loggerOptions } from '../observability/logger.js';
import type { ServiceContext } from '../services/context.js';
import { hookRoutes } from './routes/hooks/index.js';
import { registerAuth } from './plugins/auth.js';
import { registerErrorHandling } from './plugins/errors.js';
import { registerIdempotency } from './plugins/idempotency.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerLifecycle } from './plugins/lifecycle.js';
import { registerMetrics } from './plugins/metrics.js';
import { registerRateLimit } from './plugins/rate-limit.js';
import { registerReplyValidation } from './plugins/reply-validation.js';
import { registerRequestLog } from './plugins/request-log.js';
import { registerValidation } from './plugins/validation.js';
import { analyticsRoutes } from './routes/api/analytics.js';
import { authRoutes } from './routes/api/auth.js';
import { importRoutes } from './routes/api/imports.js';
import { customerRoutes } from './routes/api/customers.js';
import { buyerRecordRoutes } from './routes/api/buyer-records.js';
import { dashboardRoutes } from './routes/api/dashboard.js';
import { devMailboxRoutes } from './routes/api/dev-mailbox.js';
import { notificationRoutes } from './routes/api/notifications.js';
import { returnAddressRoutes } from './routes/api/return-addresses.js';
import { careRoutes } from './routes/api/care.js';
import { connectionRoutes } from './routes/api/connections.js';
import { carrierRoutes } from './routes/api/carriers.js';
import { marketplaceRoutes } from './routes/api/marketplaces.js';
import { variantRoutes } from './routes/api/variants.js';
import { orderRoutes } from './routes/api/orders.js';
import { policyRoutes } from './routes/api/policy.js';
import { queueRoutes } from './routes/api/queue.js';
import { returnRoutes } from './routes/api/returns.js';
import { returnGroupRoutes } from './routes/api/return-groups.js';
import { shopRoutes } from './routes/api/shop.js';
import { webhookRoutes } from './routes/api/webhooks.js';
import { staffRoutes } from './routes/api/staff.js';
import { healthRoutes } from './routes/health.js';
import { portalRoutes } from './routes/portal/index.js';
import { webRoutes } from './routes/web.js';
import { ErrorSchema } from './schemas/common.js';
import { sharedSerializers } from './shared-serializers.js';
import './types.js';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export interface AppOptions {
  ctx: ServiceContext;
  /** Pino logger options or false; defaults to the configured level. */
  logger?: boolean | object;
}

export async function buildApp({ ctx, logger }: AppOptions): Promise<FastifyInstance> {
  const { config } = ctx;
  const app = Fastify({
    logger: logger ?? loggerOptions(config),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : uuidv7();
    },
    ajv: { customOptions: { strict: false } },
    schemaController: { compilersFactory: { buildSerializer: sharedSerializers() } },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('ctx', ctx);
  const routeTable: { method: string; url: string }[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url });
  });
  app.addSchema(ErrorSchema);
  registerValidation(app);
  if (config.validateReplies) await registerReplyValidation(app);
  registerErrorHandling(app);
  registerMetrics(app);
  registerRequestLog(app);
  await registerLifecycle(app);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  // Security headers and CORS (issue 14.4): before any route, so every reply carries them.
  await registerSecurityHeaders(app, config);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 20 } });
  await registerRateLimit(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Retour API',
        version: '1',
        description:
          'Merchant API of Retour. Authenticate with `Authorization: Bearer <API key>` or a staff session cookie ' +
          '(then send `X-CSRF-Token` on writes). Money is integer minor units. Errors are `{"error":{"code","message","details"}}`. ' +
          'POSTs accept `Idempotency-Key`. Unknown body fields are rejected (400 request.invalid), never ignored.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'rtr_… API key' },
          session: { type: 'apiKey', in: 'cookie', name: 'retour_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  registerAuth(app);
  registerIdempotency(app);

  await app.register(healthRoutes);
  await app.register(webRoutes);
  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(shopRoutes);
      await api.register(staffRoutes);
      await api.register(orderRoutes);
      await api.register(variantRoutes);
      await api.register(returnAddressRoutes);
      await api.register(connectionRoutes);
      await api.register(carrierRoutes);
      await api.register(marketplaceRoutes);
      await api.register(importRoutes);
      await api.register(returnRoutes);
      await api.register(returnGroupRoutes);
      await api.register(policyRoutes);
      await api.register(customerRoutes);
      await api.register(buyerRecordRoutes);
      await api.register(queueRoutes);
      await api.register(dashboardRoutes);
      await api.register(analyticsRoutes);
      await api.register(webhookRoutes);
      await api.register(devMailboxRoutes);
      await api.register(notificationRoutes);
      await api.register(careRoutes);
    },
    { prefix: '/api/v1' },
  );
  await app.register(portalRoutes, { prefix: '/portal/v1' });
  await app.register(hookRoutes, { prefix: '/hooks' });
  return app;
}
