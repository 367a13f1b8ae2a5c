import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../domain/errors.js';
import { verifyPortalToken, type PortalScope } from '../../../services/portal/tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on /portal/v1 routes that need a buyer token: the one shop and order it opens. */
    portalScope: PortalScope | null;
  }
  interface FastifyContextConfig {
    /** /portal/v1 routes reachable without a buyer token (shop branding, the lookup itself). */
    portalPublic?: boolean;
  }
}

/** Every /portal/v1 route needs `Authorization: Bearer <portal token>` unless it says portalPublic. */
export function registerPortalAuth(app: FastifyInstance) {
  app.decorateRequest('portalScope', null);
  app.addHook('onRequest', async (req) => {
    if (req.is404 || req.routeOptions.config?.portalPublic) return;
    const authorization = req.headers.authorization;
    const [scheme, token] = authorization?.split(' ') ?? [];
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new AppError('unauthenticated', 'portal.token_required', 'Look up your order first (Authorization: Bearer <portal token>)');
    }
    req.portalScope = verifyPortalToken(app.ctx.config.secretKey, token, app.ctx.clock.now());
  });
}

export const scopeOf = (req: FastifyRequest): PortalScope => req.portalScope!;
