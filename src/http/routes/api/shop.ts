import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ShopRow } from '../../../services/shops/shops.js';
import { getShop, updateShop } from '../../../services/shops/shops.js';
import { closed, DateTime, errorResponses, Nullable, Uuid } from '../../schemas/common.js';
import { LocaleSchema } from '../../schemas/staff.js';
import { StringEnum } from '../../../domain/typebox.js';
import { REFUND_PROVIDERS } from '../../../integrations/payments/provider.js';
import { paymentSettings } from '../../../services/cases/refunds/providers.js';
import { CHANNELS } from '../../../services/orders/order-input.js';

const Currency = Type.String({ pattern: '^[A-Z]{3}$' });

export const ShopSchema = Type.Object({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  currency: Currency,
  currencies: Type.Array(Currency),
  timezone: Type.String(),
  defaultLocale: Type.String(),
  locales: Type.Array(Type.String()),
  logoUrl: Nullable(Type.String()),
  refundProvider: StringEnum(REFUND_PROVIDERS),
  refundProviders: Type.Record(Type.String(), Type.Object({ provider: Type.String(), connectionId: Nullable(Uuid) }, closed), {
    description: 'Per sales channel, where its refunds go; channels not listed use refundProvider',
  }),
  createdAt: DateTime,
}, closed);

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
  refundProvider: paymentSettings(s).refundProvider,
  refundProviders: paymentSettings(s).refundProviders,
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
            // http(s) only: the portal shows it as an image, and javascript: or data: URLs have no place there.
            logoUrl: Type.Optional(Nullable(Type.String({ format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^/?#]', maxLength: 2000 }))),
            refundProvider: Type.Optional(StringEnum(REFUND_PROVIDERS, { description: 'How money goes back: manual (confirmed by staff) or simulated (demos, tests)' })),
            refundProviders: Type.Optional(
              Type.Record(Type.String({ pattern: `^(${CHANNELS.join('|')})$` }), Type.Union([StringEnum(REFUND_PROVIDERS), Uuid]), {
                additionalProperties: false,
                description: 'Per sales channel: manual, simulated, or the id of a payment connection (Stripe, Alipay). Marketplace channels stay manual. Replaces the routes whole',
              }),
            ),
            simulatedProvider: Type.Optional(
              Type.Object(
                {
                  latencyMs: Type.Integer({ minimum: 0, maximum: 60_000 }),
                  failFirstAttempts: Type.Integer({ minimum: 0, maximum: 100 }),
                  failureRate: Type.Number({ minimum: 0, maximum: 1 }),
                },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: ShopSchema, ...errorResponses },
      },
    },
    async (req) => shopView(await updateShop(app.ctx, req.principal!.shopId, req.body)),
  );
};
