import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
 * The headers are the same on every response, so Helmet works them out once, at start, and every
 * reply gets that set: its Fastify plugin set Helmet up again on every request (parsing the CSP)
 * and then set each header on the raw response, together about 1.4 % of the server's CPU per create.
 *
 * CORS is off unless CORS_ORIGINS names origins (e.g. a storefront that embeds the portal).
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config) {
  const https = config.publicUrl.startsWith('https:');
  const headers = helmetHeaders({
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
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    credentials: false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-request-id', 'accept-language'],
    exposedHeaders: ['x-request-id', 'location'],
    maxAge: 600,
  });
}

/** The headers Helmet sets with these options: none of ours depends on the request (no CSP nonce). */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: () => {},
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}
