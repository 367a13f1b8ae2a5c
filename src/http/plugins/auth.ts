import type { FastifyInstance } from 'fastify';
import { can } from '../../domain/auth/permissions.js';
import { forbidden, unauthenticated } from '../../domain/errors.js';
import { authenticateApiKey, authenticateSession } from '../../services/auth/authenticate.js';
import { safeEqual } from '../../services/auth/tokens.js';

export const SESSION_COOKIE = 'retour_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates every /api/v1 request (bearer API key or session cookie), enforces CSRF on
 * cookie-authenticated writes and the route's permission. Runs before the body is parsed, so
 * a caller without credentials learns nothing from validation errors.
 */
export function registerAuth(app: FastifyInstance) {
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1/') && !route.config?.public && !route.config?.permission) {
      throw new Error(`Route ${route.method} ${route.url} must declare a permission or be public`);
    }
  });

  app.addHook('onRequest', async (req) => {
    const url = req.routeOptions.url;
    if (!url?.startsWith('/api/v1/') || req.is404) return;
    const config = req.routeOptions.config;

    let principal = null;
    let viaCookie = false;
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const [scheme, token] = authorization.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) {
        throw unauthenticated('auth.scheme_unsupported', 'Use "Authorization: Bearer <API key>"');
      }
      principal = await authenticateApiKey(app.ctx, token);
      if (!principal) throw unauthenticated('auth.invalid_api_key', 'The API key is unknown or revoked');
    } else {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) {
        principal = await authenticateSession(app.ctx, cookie);
        viaCookie = principal !== null;
      }
    }

    if (config.public) {
      req.principal = principal;
      return;
    }
    if (!principal) throw unauthenticated('auth.required', 'Sign in or send an API key');
    if (viaCookie && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !principal.csrfToken || !safeEqual(sent, principal.csrfToken)) {
        throw forbidden('auth.csrf_invalid', `Cookie-authenticated writes need the session's token in the ${CSRF_HEADER} header`);
      }
    }
    if (config.permission && !can(principal.role, config.permission)) {
      throw forbidden('auth.forbidden', `The ${principal.role} role may not do this (${config.permission})`, {
        role: principal.role,
        permission: config.permission,
      });
    }
    req.principal = principal;
  });
}
