import { ordersRepo } from '../../db/repos/orders-repo.js';
import { toLanguage, type Language } from '../../i18n/messages.js';
import type { ServiceContext } from '../context.js';
import { findShop } from '../shops/index.js';

/** The language the buyer ordered in (orders.locale), for what the portal tells them; null if unknown. */
export async function orderLanguage(ctx: ServiceContext, shopId: string, orderId: string): Promise<Language | null> {
  const order = await ordersRepo.findById(ctx.db, shopId, orderId);
  return toLanguage(order?.locale);
}

/** The shop's default language (cached with the shop): for readers who named none. */
export async function shopLanguage(ctx: Pick<ServiceContext, 'db'>, shopId: string): Promise<Language> {
  return toLanguage((await findShop(ctx, shopId))?.defaultLocale) ?? 'en';
}
