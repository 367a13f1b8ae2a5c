import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { databaseReadiness } from '../../services/health/readiness.js';

const Status = Type.Object(
  {
    status: Type.String({ description: '`ok` (/healthz); `ready`, `shutting_down`, `migrations_pending` or `database_unreachable` (/readyz)' }),
    pendingMigrations: Type.Optional(Type.Array(Type.String(), { description: 'The migrations not applied yet (migrations_pending)' })),
    error: Type.Optional(Type.String({ description: 'Why the database did not answer (database_unreachable)' })),
  },
  { additionalProperties: false },
);

/** /healthz: the process answers. /readyz: the database answers and has every migration, and the process is not shutting down. */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', { config: { public: true }, schema: { tags: ['health'], response: { 200: Status } } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: { public: true }, schema: { tags: ['health'], response: { 200: Status, 503: Status } } }, async (_req, reply) => {
    if (app.lifecycle.draining) return reply.code(503).header('connection', 'close').send({ status: 'shutting_down' });
    try {
      const readiness = await databaseReadiness(app.ctx);
      if (!readiness.ready) return reply.code(503).send({ status: 'migrations_pending', pendingMigrations: readiness.pendingMigrations });
      return { status: 'ready' };
    } catch (err) {
      app.log.warn({ err }, 'readiness check failed');
      return reply.code(503).send({ status: 'database_unreachable', error: (err as Error).message });
    }
  });
};
