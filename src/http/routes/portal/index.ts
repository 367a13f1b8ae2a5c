import type { FastifyPluginAsync } from 'fastify';
import { localised, routeNotFound } from '../../plugins/errors.js';
import { registerPortalAuth } from './auth.js';
import { portalReturnRoutes } from './returns.js';
import { portalSessionRoutes } from './sessions.js';
import { portalNotificationRoutes } from './notifications.js';
import { portalReturnGroupRoutes } from './return-groups.js';

/** The buyer API (docs/api-guide.md), mounted at /portal/v1: order lookup, then everything scoped to that one order. */
export const portalRoutes: FastifyPluginAsync = async (app) => {
  registerPortalAuth(app);
  await app.register(portalSessionRoutes);
  await app.register(portalReturnRoutes);
  await app.register(portalNotificationRoutes);
  await app.register(portalReturnGroupRoutes);
  // Without this, unknown /portal/v1 paths would fall to the web app's /portal/* page.
  app.all('/*', { config: { portalPublic: true }, schema: { hide: true } }, async (req, reply) => reply.code(404).send(await localised(app, req, routeNotFound(req))));
};
