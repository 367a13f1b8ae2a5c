import { isCurrency } from '../../domain/money/currency.js';
import { conflict, notFound, unprocessable } from '../../domain/errors.js';
import { shopsRepo, type ShopRow } from '../../db/repos/shops-repo.js';
import type { ServiceContext } from '../context.js';
import { TtlCache } from '../ttl-cache.js';
import type { RefundProviderName } from '../../integrations/payments/provider.js';
import type { SimulatedProviderSettings } from '../../integrations/payments/simulated.js';
import { MARKETPLACE_CHANNELS, refundsOnItsMarketplace, type RefundRoute } from '../../domain/payments/refund-routing.js';
import { connectionsRepo } from '../../db/repos/connections-repo.js';
import { connectionKind } from '../../integrations/kinds.js';

export type { ShopRow };

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export interface ShopInput {
  slug: string;
  name: string;
  currency: string;
  currencies?: string[];
  timezone?: string;
  defaultLocale?: Locale;
  locales?: Locale[];
  logoUrl?: string | null;
}

function checkTimezone(timezone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw unprocessable('shop.timezone_unknown', `Unknown time zone ${timezone}`);
  }
}

function checkCurrencies(currency: string, currencies: string[]) {
  for (const c of [currency, ...currencies]) {
    if (!isCurrency(c)) throw unprocessable('shop.currency_unknown', `Unknown currency ${c}`, { currency: c });
  }
}

export async function createShop(ctx: ServiceContext, input: ShopInput): Promise<ShopRow> {
  if (!SLUG.test(input.slug)) {
    throw unprocessable('shop.slug_invalid', 'A shop slug is 1–40 lower-case letters, digits and dashes');
  }
  const currencies = [...new Set([input.currency, ...(input.currencies ?? [])])];
  checkCurrencies(input.currency, currencies);
  if (input.timezone) checkTimezone(input.timezone);
  const defaultLocale = input.defaultLocale ?? 'zh-CN';
  return ctx.db.transaction(async (tx) => {
    if (await shopsRepo.findBySlug(tx, input.slug)) throw conflict('shop.slug_taken', `A shop ${input.slug} already exists`);
    return shopsRepo.insert(tx, {
      slug: input.slug,
      name: input.name,
      currency: input.currency,
      currencies,
      timezone: input.timezone ?? 'Asia/Shanghai',
      defaultLocale,
      locales: input.locales ?? [...LOCALES],
      logoUrl: input.logoUrl ?? null,
      createdAt: ctx.clock.now(),
    });
  });
}

/** Shops are read on every request and rarely change: a change made elsewhere shows within SHOP_CACHE_MS. */
export const SHOP_CACHE_MS = 5_000;
const shopCache = new TtlCache<string, ShopRow>(SHOP_CACHE_MS);

/** After a change made without updateShop (notification settings): the next read sees it. */
export const forgetCachedShop = (shopId: string) => shopCache.delete(shopId);

/** The shop, from the cache when recently read. */
export function findShop(ctx: Pick<ServiceContext, 'db'>, shopId: string): Promise<ShopRow | undefined> {
  return shopCache.load(shopId, () => shopsRepo.findById(ctx.db, shopId));
}

export async function getShop(ctx: ServiceContext, shopId: string): Promise<ShopRow> {
  const shop = await findShop(ctx, shopId);
  if (!shop) throw notFound('shop.not_found', 'No such shop');
  return shop;
}

export interface ShopPatch extends Partial<Omit<ShopInput, 'slug'>> {
  refundProvider?: RefundProviderName;
  simulatedProvider?: SimulatedProviderSettings;
  /** Per channel: `manual`, `simulated`, or the id of a payment connection of the shop. Replaces the routes whole. */
  refundProviders?: Record<string, string>;
}

/** Checks each channel's route: built-in providers anywhere, payment connections of this shop on the shop's own channels. */
async function refundRoutes(ctx: ServiceContext, shopId: string, wanted: Record<string, string>): Promise<Record<string, RefundRoute>> {
  const routes: Record<string, RefundRoute> = {};
  for (const [channel, target] of Object.entries(wanted)) {
    if (target === 'manual' || target === 'simulated') {
      routes[channel] = { provider: target, connectionId: null };
      continue;
    }
    const connection = await connectionsRepo.byId(ctx.db, shopId, target);
    if (MARKETPLACE_CHANNELS.has(channel) && !(connection && refundsOnItsMarketplace({ provider: connection.kind }, channel))) {
      throw unprocessable('shop.refund_route_marketplace', `Orders on ${channel} are refunded on the marketplace: route them to manual or to that marketplace's connection`, { channel });
    }
    if (!connection || !connectionKind(connection.kind)?.refundProvider) {
      throw unprocessable('shop.refund_route_unknown', `"${target}" is neither manual, simulated nor a payment connection of this shop`, { channel, target });
    }
    routes[channel] = { provider: connection.kind, connectionId: connection.id };
  }
  return routes;
}

export async function updateShop(ctx: ServiceContext, shopId: string, patch: ShopPatch): Promise<ShopRow> {
  const current = await getShop(ctx, shopId);
  const currency = patch.currency ?? current.currency;
  const currencies = [...new Set([currency, ...(patch.currencies ?? current.currencies)])];
  checkCurrencies(currency, currencies);
  if (patch.timezone) checkTimezone(patch.timezone);
  const locales = patch.locales ?? current.locales;
  const defaultLocale = patch.defaultLocale ?? current.defaultLocale;
  if (!locales.includes(defaultLocale)) {
    throw unprocessable('shop.locale_not_offered', `The default language ${defaultLocale} must be one of the shop's languages`);
  }
  const routes = patch.refundProviders ? await refundRoutes(ctx, shopId, patch.refundProviders) : undefined;
  shopCache.delete(shopId);
  return (await shopsRepo.update(ctx.db, shopId, {
    name: patch.name,
    currency,
    currencies,
    timezone: patch.timezone,
    defaultLocale,
    locales,
    logoUrl: patch.logoUrl,
    settings: {
      ...current.settings,
      ...(patch.refundProvider ? { refundProvider: patch.refundProvider } : {}),
      ...(patch.simulatedProvider ? { simulated: patch.simulatedProvider } : {}),
      ...(routes ? { refundProviders: routes } : {}),
    },
  }))!;
}
