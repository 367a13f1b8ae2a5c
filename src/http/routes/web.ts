import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
const APPS = ['console', 'portal'] as const;

/**
 * The two web apps built by Vite (npm run build:web, run by `npm install`): assets are
 * content-hashed and cached for a year; every path under /console/ and /portal/ answers the
 * app's index.html, whose client-side router takes it from there.
 */
export const webRoutes: FastifyPluginAsync = async (app) => {
  const built = existsSync(WEB_DIST);
  if (built) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/assets-root/',
      serve: false,
      index: false,
    });
    await app.register(fastifyStatic, {
      root: `${WEB_DIST}assets`,
      prefix: '/assets/',
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
    });
  }

  app.get('/', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => reply.redirect('/console/'));

  for (const name of APPS) {
    const page = async (_req: FastifyRequest, reply: FastifyReply) => {
      if (!built) return reply.code(503).type('text/plain').send('The web apps are not built yet: run "npm run build:web".');
      return reply.header('cache-control', 'no-cache').sendFile(`${name}/index.html`);
    };
    app.get(`/${name}/`, { config: { public: true }, schema: { hide: true } }, page);
    app.get(`/${name}/*`, { config: { public: true }, schema: { hide: true } }, page);
  }
};
