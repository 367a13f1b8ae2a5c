import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { Config } from '../../config.js';

/**
 * Security headers on every response, and an explicit CORS policy.
 *
 * CSP: the console and portal are Vite bundles loaded from /assets (no inline script). antd
 * styles its components with CSS-in-JS, which injects <style> elements at run time, hence
 * 'unsafe-inline' for styles only. Shop logos are any http(s) image. Framing is refused
 * (frame-ancestors 'none' and X-Frame-Options: DENY). HSTS only when PUBLIC_URL is https:
 * sent over plain http it would lock a local installation out of itself.
 *
 * The headers are the same on every response, so Helmet is set up once here: its Fastify plugin
 * set it up again on every request (parsing the CSP), about 1 % of the server's CPU per create.
 *
 * CORS is off unless CORS_ORIGINS names origins (e.g. a storefront that embeds the portal).
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config) {
  const https = config.publicUrl.startsWith('https:');
  const setHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:', 'http:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  // Helmet reports a bad option by throwing when it is set up (above), never per response.
  app.addHook('onRequest', (request, reply, done) => setHeaders(request.raw, reply.raw, () => done()));
  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    credentials: false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-request-id', 'accept-language'],
    exposedHeaders: ['x-request-id', 'location'],
    maxAge: 600,
  });
}
