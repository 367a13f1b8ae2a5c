import { exchangeFirstOffer } from '../../domain/care/exchange-first.js';
import { careOf } from '../../domain/care/settings.js';
import { carePolicyOf } from '../care/index.js';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { ordersRepo } from '../../db/repos/orders-repo.js';
import { returnCases, variants } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';
import { policyForOrder } from '../policy/index.js';
import { orderEligibility } from '../cases/index.js';
import { getShop } from '../shops/index.js';
import { portalNotFound, shopBrand } from './session.js';
import type { PortalScope } from './tokens.js';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
/** A window closes at the start of the day after its last day: the buyer is told the last day. */
const lastMoment = (until: Date | null) => (until ? new Date(until.getTime() - 1).toISOString() : null);

/** The order of a portal token, or the generic not-found answer. */
export async function scopedOrder(ctx: ServiceContext, scope: Pick<PortalScope, 'shopId' | 'orderId'>) {
  const order = await ordersRepo.findById(ctx.db, scope.shopId, scope.orderId);
  if (!order) throw portalNotFound();
  return order;
}

/**
 * Everything the buyer chooses from: the order's lines with what the policy says about each
 * (eligible until when, or why not, in both languages), the reasons catalogue, the refund methods
 * with the store-credit bonus, other variants of the same product in stock for exchanges, and
 * the returns already opened for the order.
 */
export async function portalOrder(ctx: ServiceContext, scope: Pick<PortalScope, 'shopId' | 'orderId'>) {
  const shop = await getShop(ctx, scope.shopId);
  const order = await scopedOrder(ctx, scope);
  const now = ctx.clock.now();
  const [lines, eligibility, policyRow] = [
    await ordersRepo.linesOf(ctx.db, shop.id, order.id),
    await orderEligibility(ctx, shop.id, order.id),
    await policyForOrder(ctx.db, shop.id, order.placedAt, now),
  ];
  const policy = policyRow.document;

  const own = lines.length
    ? await ctx.db
        .select({ id: variants.id, productId: variants.productId, attributes: variants.attributes })
        .from(variants)
        .where(and(eq(variants.shopId, shop.id), inArray(variants.id, [...new Set(lines.map((l) => l.variantId))])))
    : [];
  const productIds = [...new Set(own.map((v) => v.productId))];
  const siblings = policy.exchanges.enabled && productIds.length
    ? await ctx.db
        .select({ id: variants.id, productId: variants.productId, sku: variants.sku, title: variants.title, attributes: variants.attributes, priceMinor: variants.priceMinor, stockOnHand: variants.stockOnHand })
        .from(variants)
        .where(and(eq(variants.shopId, shop.id), inArray(variants.productId, productIds)))
    : [];

  const cases = await ctx.db
    .select({ id: returnCases.id, rmaNumber: returnCases.rmaNumber, status: returnCases.status, type: returnCases.type, createdAt: returnCases.createdAt })
    .from(returnCases)
    .where(and(eq(returnCases.shopId, shop.id), eq(returnCases.orderId, order.id)))
    .orderBy(desc(returnCases.createdAt));

  const delivered = order.deliveredAt !== null;
  return {
    shop: shopBrand(shop),
    order: {
      number: order.number,
      currency: order.currency,
      status: order.status,
      placedAt: order.placedAt.toISOString(),
      deliveredAt: iso(order.deliveredAt),
      shippedAt: iso(order.shippedAt),
      totalMinor: order.totalMinor,
      shippingFeeMinor: order.shippingFeeMinor,
      paymentMethod: order.paymentMethod,
    },
    evaluatedAt: now.toISOString(),
    /** Largest photo or video the server accepts: the portal checks before uploading. */
    uploadLimitBytes: ctx.config.uploadLimitBytes,
    policy: {
      refundMethods: policy.refunds.methods,
      storeCreditBonusBp: policy.refunds.storeCreditBonusBp,
      exchangesEnabled: policy.exchanges.enabled,
      exchangePriceIncrease: policy.exchanges.priceIncrease,
    },
    /** Loop-style: offer an exchange or store credit (with its bonus) before a refund (issue 19 §3); the shop's care settings in force now. */
    exchangeFirst: exchangeFirstOffer(careOf(await carePolicyOf(ctx.db, scope.shopId)), policy),
    reasons: policy.reasons.map((r) => ({ code: r.code, label: r.label, fault: r.fault, evidenceRequired: r.evidenceRequired, caseTypes: r.caseTypes ?? null })),
    lines: lines.map((line) => {
      const verdict = eligibility.lines.find((v) => v.lineId === line.id)!;
      const variant = own.find((v) => v.id === line.variantId);
      return {
        lineId: line.id,
        lineNo: line.lineNo,
        sku: line.sku,
        title: line.title,
        attributes: variant?.attributes ?? {},
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        paidMinor: line.paidMinor,
        returnableQuantity: verdict.returnableQuantity,
        eligible: verdict.eligible,
        rule: verdict.ruling.rule,
        explanation: verdict.ruling.explanation,
        noReasonUntil: verdict.noReason.eligible ? lastMoment(verdict.noReason.until) : null,
        sellerFaultUntil: verdict.sellerFault.eligible ? lastMoment(verdict.sellerFault.until) : null,
        /** Returnable only for a problem with the goods: why a change of mind is not enough (custom-made, perishable, window over…). */
        restriction: verdict.eligible && !verdict.noReason.eligible && verdict.sellerFault.eligible ? verdict.noReason.explanation : null,
        allowedCaseTypes: verdict.allowedCaseTypes,
        allowedReasons: verdict.allowedReasons,
        evidenceRequiredFor: verdict.evidenceRequiredFor,
        /** The goods need not come back: not delivered yet, or worth less than the return costs. */
        noReturnNeeded: !delivered || verdict.returnless,
        exchangeOptions: siblings
          // The same variant first (a defective item replaced), then the other sizes and colours.
          .filter((s) => variant && s.productId === variant.productId && s.stockOnHand > 0)
          .sort((a, b) => Number(b.id === variant?.id) - Number(a.id === variant?.id))
          .map((s) => ({ sku: s.sku, title: s.title, attributes: s.attributes, priceMinor: s.priceMinor ?? line.unitPriceMinor, inStock: s.stockOnHand, same: s.id === variant?.id })),
      };
    }),
    returns: cases.map((c) => ({ id: c.id, rmaNumber: c.rmaNumber, status: c.status, type: c.type, createdAt: c.createdAt.toISOString() })),
  };
}
