import { notFound } from '../../domain/errors.js';
import { evaluate } from '../../domain/policy/evaluate.js';
import type { ServiceContext } from '../context.js';
import { findShop } from '../shops/index.js';
import { policyForOrder } from '../policy/index.js';
import { loadBuyerContext, loadOrderContext } from './case-context.js';
import type { CaseRequest } from './case-input.js';
import { assessRequest } from './create-case.js';

async function shopOrThrow(ctx: ServiceContext, shopId: string) {
  const shop = await findShop(ctx, shopId);
  if (!shop) throw notFound('shop.not_found', 'No such shop');
  return shop;
}

/**
 * The full outcome of a would-be case — eligibility with its reasons, every amount, who pays
 * shipping, what automation would decide — computed exactly as creating it would, writing nothing.
 */
export async function previewReturn(ctx: ServiceContext, shopId: string, input: CaseRequest) {
  const shop = await shopOrThrow(ctx, shopId);
  return ctx.db.transaction(async (tx) => {
    const a = await assessRequest(tx, ctx, shop, input, { lock: false });
    const returnable = new Map(a.orderCtx.facts.lines.map((l) => [l.lineId, l.quantity - l.claimedQuantity]));
    return {
      policyVersion: a.policyRow.version,
      eligible: a.verdict.eligible && a.items.every((i) => i.quantity <= (returnable.get(i.lineId) ?? 0)),
      ruling: a.verdict.ruling,
      caseType: input.type,
      refundOnlyKind: a.refundOnlyKind,
      items: a.verdict.items,
      returnShippingPaidBy: a.verdict.returnShippingPaidBy,
      refund: a.refund,
      replacements: a.replacements.map((r) => ({ lineId: input.items[r.itemIndex]!.lineId, sku: r.sku, quantity: r.quantity, unitPriceMinor: r.unitPriceMinor })),
      automation: a.verdict.automation,
      risk: { score: a.buyer.risk.score, factors: a.buyer.risk.factors },
    };
  });
}

/** What the policy says about each line of an order today (the portal's and console's starting point). */
export async function orderEligibility(ctx: ServiceContext, shopId: string, orderId: string) {
  const shop = await shopOrThrow(ctx, shopId);
  const now = ctx.clock.now();
  const { order, facts } = await loadOrderContext(ctx.db, shop, orderId, { lock: false });
  const policyRow = await policyForOrder(ctx.db, shopId, order.placedAt, now);
  const buyer = await loadBuyerContext(ctx.db, shopId, order.customerId, now, false);
  const verdict = evaluate(policyRow.document, facts, buyer.facts, now);
  return { orderId, policyVersion: policyRow.version, evaluatedAt: now.toISOString(), lines: verdict.lines, reasons: policyRow.document.reasons };
}
