import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ShopRow } from '../../../db/repos/shops-repo.js';
import { getShop, updateShop } from '../../../services/shops/shops.js';
import { DateTime, errorResponses, Nullable, Uuid } from '../../schemas/common.js';
import { LocaleSchema } from '../../schemas/staff.js';

const Currency = Type.String({ pattern: '^[A-Z]{3}$' });

const ShopSchema = Type.Object({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  currency: Currency,
  currencies: Type.Array(Currency),
  timezone: Type.String(),
  defaultLocale: Type.String(),
  locales: Type.Array(Type.String()),
  logoUrl: Nullable(Type.String()),
  createdAt: DateTime,
});

const shopView = (s: ShopRow) => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  currency: s.currency,
  currencies: s.currencies,
  timezone: s.timezone,
  defaultLocale: s.defaultLocale,
  locales: s.locales,
  logoUrl: s.logoUrl,
  createdAt: s.createdAt.toISOString(),
});

export const shopRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/shop', { config: { permission: 'shop:read' }, schema: { tags: ['shop'], response: { 200: ShopSchema, ...errorResponses } } }, async (req) =>
    shopView(await getShop(app.ctx, req.principal!.shopId)),
  );

  app.patch(
    '/shop',
    {
      config: { permission: 'shop:manage' },
      schema: {
        tags: ['shop'],
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            currency: Type.Optional(Currency),
            currencies: Type.Optional(Type.Array(Currency, { minItems: 1, maxItems: 20 })),
            timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            defaultLocale: Type.Optional(LocaleSchema),
            locales: Type.Optional(Type.Array(LocaleSchema, { minItems: 1, uniqueItems: true })),
            logoUrl: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 2000 }))),
          },
          { additionalProperties: false },
        ),
        response: { 200: ShopSchema, ...errorResponses },
      },
    },
    async (req) => shopView(await updateShop(app.ctx, req.principal!.shopId, req.body)),
  );
};
