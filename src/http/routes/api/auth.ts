import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { permissionsOf } from '../../../domain/auth/permissions.js';
import { login, logout } from '../../../services/auth/login.js';
import { getShop } from '../../../services/shops/shops.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';
import { closed, DateTime, errorResponses, Nullable, Uuid } from '../../schemas/common.js';
import { PermissionSchema, RoleSchema, StaffSchema, staffView } from '../../schemas/staff.js';

export const ShopRef = Type.Object({ id: Uuid, slug: Type.String(), name: Type.String(), timezone: Type.String({ description: "The shop's IANA time zone: the console shows times in it" }) }, closed);

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const secure = app.ctx.config.publicUrl.startsWith('https:');

  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: 60_000, keyGenerator: (req) => `${req.ip}:${String((req.body as { email?: string } | undefined)?.email ?? '').toLowerCase()}` } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in as staff; sets the session cookie',
        body: Type.Object(
          {
            email: Type.String({ minLength: 3, maxLength: 254 }),
            password: Type.String({ minLength: 1, maxLength: 1000 }),
            shop: Type.Optional(Type.String({ maxLength: 40, description: 'Shop slug, needed when the e-mail belongs to several shops' })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ staff: StaffSchema, shop: ShopRef, csrfToken: Type.String(), expiresAt: DateTime }, closed),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const result = await login(app.ctx, { ...req.body, userAgent: req.headers['user-agent'], ip: req.ip });
      const shop = await getShop(app.ctx, result.staff.shopId);
      reply.setCookie(SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: result.expiresAt });
      return {
        staff: staffView(result.staff),
        shop: { id: shop.id, slug: shop.slug, name: shop.name, timezone: shop.timezone },
        csrfToken: result.csrfToken,
        expiresAt: result.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'End the session', response: { 204: Type.Null(), ...errorResponses } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logout(app.ctx, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/session',
    {
      config: { permission: 'shop:read' },
      schema: {
        tags: ['auth'],
        summary: 'Who is calling: the staff member or API key, its shop, role and permissions',
        response: {
          200: Type.Object({
            kind: Type.Union([Type.Literal('staff'), Type.Literal('api_key')]),
            id: Uuid,
            name: Type.String(),
            role: RoleSchema,
            permissions: Type.Array(PermissionSchema),
            shop: ShopRef,
            csrfToken: Nullable(Type.String({ description: 'Send as X-CSRF-Token on cookie-authenticated writes' })),
          }, closed),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const p = req.principal!;
      const shop = await getShop(app.ctx, p.shopId);
      return {
        kind: p.kind,
        id: p.id,
        name: p.name,
        role: p.role,
        permissions: permissionsOf(p.role),
        shop: { id: shop.id, slug: shop.slug, name: shop.name, timezone: shop.timezone },
        csrfToken: p.csrfToken ?? null,
      };
    },
  );
};
