import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../domain/errors.js';
import { normalizeEmail, normalizePhone } from '../../domain/orders/contact.js';
import { shopsRepo, type ShopRow } from '../../db/repos/shops-repo.js';
import { orders, shops } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';
import { issuePortalToken } from './tokens.js';

/** The one answer for an unknown shop, an unknown order and a wrong contact: nothing to probe with. */
export const portalNotFound = () =>
  new AppError('not_found', 'portal.not_found', 'We could not find an order with these details. Check the order number and the e-mail or phone you used when ordering.');

/** What the portal shows of a shop before anyone signs in. */
export function shopBrand(shop: ShopRow) {
  return { slug: shop.slug, name: shop.name, logoUrl: shop.logoUrl, locales: shop.locales, defaultLocale: shop.defaultLocale, currency: shop.currency, timezone: shop.timezone };
}

export async function shopBySlug(ctx: ServiceContext, slug: string) {
  const shop = await shopsRepo.findBySlug(ctx.db, slug);
  if (!shop) throw new AppError('not_found', 'portal.shop_not_found', 'No shop has this address');
  return shopBrand(shop);
}

/** `/portal` without a shop: the demo shop when there is one, else the first shop created. */
export async function defaultShop(ctx: ServiceContext) {
  const demo = await shopsRepo.findBySlug(ctx.db, 'demo');
  const shop = demo ?? (await ctx.db.select().from(shops).orderBy(asc(shops.createdAt)).limit(1))[0];
  if (!shop) throw new AppError('not_found', 'portal.shop_not_found', 'No shop is set up yet');
  return shopBrand(shop);
}

export interface SessionRequest {
  shopSlug: string;
  orderNumber: string;
  email?: string;
  phone?: string;
}

type Contactable = { email: string | null; phone: string | null };

/**
 * What an unknown shop or order is compared with: a contact no buyer can have (the `.invalid` TLD,
 * a phone of zeros), so the comparison is made and always fails.
 */
const NOBODY: Contactable & { id: string; number: string } = { id: '00000000-0000-0000-0000-000000000000', number: '', email: 'nobody@unknown.invalid', phone: '+0000000000' };

/** The contact check of the look-up; an object so a test can see each path goes through it once. */
export const lookupCheck = {
  contactMatches(order: Contactable, input: Pick<SessionRequest, 'email' | 'phone'>): boolean {
    return input.email !== undefined
      ? normalizeEmail(input.email) !== null && normalizeEmail(order.email) === normalizeEmail(input.email)
      : normalizePhone(input.phone) !== null && normalizePhone(order.phone) === normalizePhone(input.phone);
  },
};

/**
 * Order number plus the e-mail or phone given with the order opens a token for that order only.
 * An unknown shop or order and a contact that does not match get the same answer, after the same
 * work (the order query runs and the contact is compared, with a stand-in when nothing was found),
 * so the time of the answer does not tell which order numbers exist.
 */
export async function startSession(ctx: ServiceContext, input: SessionRequest) {
  if ((input.email === undefined) === (input.phone === undefined)) {
    throw new AppError('invalid', 'portal.contact_required', 'Give the e-mail or the phone number used for the order (one of them)');
  }
  const shop = await shopsRepo.findBySlug(ctx.db, input.shopSlug);
  const number = input.orderNumber.trim();
  const candidates = [...new Set([number, number.toUpperCase()])];
  const found = await ctx.db
    .select({ id: orders.id, number: orders.number, email: orders.email, phone: orders.phone })
    .from(orders)
    .where(and(eq(orders.shopId, shop?.id ?? NOBODY.id), inArray(orders.number, candidates)));
  const order = found.find((o) => o.number === number) ?? found[0];
  const matches = lookupCheck.contactMatches(order ?? NOBODY, input);
  if (!shop || !order || !matches) throw portalNotFound();
  const { token, expiresAt } = issuePortalToken(ctx.config.secretKey, { shopId: shop.id, orderId: order.id }, ctx.clock.now());
  return { token, expiresAt: expiresAt.toISOString(), orderNumber: order.number, shop: shopBrand(shop) };
}
