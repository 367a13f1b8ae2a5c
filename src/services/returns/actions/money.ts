import { conflict } from '../../../domain/errors.js';
import { casesRepo } from '../../../db/repos/cases-repo.js';
import { catalogRepo } from '../../../db/repos/catalog-repo.js';
import { inventoryMovements } from '../../../db/schema/index.js';
import type { Actor } from '../../../domain/cases/model.js';
import type { CaseRow } from '../../../db/repos/cases-repo.js';
import { plannedMove, type ActionContext, type ActionHandler } from '../action-context.js';
import { refundCase } from '../case-refund.js';
import { applyCaseTransition } from '../case-transition.js';
import { refundAndMove } from './shared.js';

/** Refund the accepted items (an amended lower amount stays bounded by what they give back). */
export const refund: ActionHandler<'refund'> = (a) => {
  const amountOverrideMinor = a.input.amountMinor ?? a.c.amountOverrideMinor ?? undefined;
  return refundAndMove(a, {
    accepted: true,
    amountOverrideMinor,
    unitsConsumed: amountOverrideMinor === undefined,
    payload: { amountMinor: a.input.amountMinor ?? null },
  });
};

/** 极速退款: pay for the declared goods now; the case keeps tracking them until they are inspected. */
export const fastRefund: ActionHandler<'fast_refund'> = async (a) => {
  plannedMove(a);
  return payFastRefund(a, a.c, a.actor);
};

/** Writes the fast refund of case `c` and records the move (by `actor`) in the action's transaction. */
export async function payFastRefund(a: ActionContext, c: CaseRow, actor: Actor): Promise<CaseRow> {
  const { breakdown, refund: written } = await refundCase(a.tx, a.ctx, a.shop, c, 'fast_refund', { accepted: false, unitsConsumed: true });
  if (written) a.refundIds.push(written.id);
  return applyCaseTransition(a.tx, c, 'fast_refund', actor, a.now, {
    patch: { refundedEarly: true, breakdown },
    payload: { refundId: written?.id ?? null, refundMinor: breakdown.refundMinor },
  });
}

/** Send the replacement: it must still be in stock; a cheaper one refunds the difference. */
export const exchange: ActionHandler<'exchange'> = async (a) => {
  plannedMove(a);
  const replacements = await casesRepo.exchangesOf(a.tx, a.c.shopId, a.c.id);
  if (replacements.length === 0) throw conflict('exchange.no_replacement', 'The case names no replacement');
  for (const r of replacements) {
    const variant = await catalogRepo.variantById(a.tx, a.c.shopId, r.variantId);
    if (!variant || variant.stockOnHand < r.quantity) {
      throw conflict('exchange.out_of_stock', `${r.sku} has ${variant?.stockOnHand ?? 0} in stock`, { sku: r.sku, inStock: variant?.stockOnHand ?? 0 });
    }
  }
  const replacementTotalMinor = replacements.reduce((sum, r) => sum + r.unitPriceMinor * r.quantity, 0);
  const { breakdown, refund: written } = await refundCase(a.tx, a.ctx, a.shop, a.c, 'exchange_difference', { accepted: true, replacementTotalMinor, unitsConsumed: false });
  if (written) a.refundIds.push(written.id);
  return applyCaseTransition(a.tx, a.c, 'exchange', a.actor, a.now, {
    patch: { breakdown },
    payload: { replacements: replacements.map((r) => ({ sku: r.sku, quantity: r.quantity })), differenceMinor: breakdown.exchangeDifferenceMinor, refundMinor: breakdown.refundMinor, buyerOwesMinor: breakdown.buyerOwesMinor },
  });
};

/** The replacement (or the reshipped part) left the warehouse: stock goes down, the case completes. */
export const shipReplacement: ActionHandler<'ship_replacement'> = async (a) => {
  plannedMove(a);
  const replacements = await casesRepo.exchangesOf(a.tx, a.c.shopId, a.c.id);
  for (const r of replacements) {
    a.batch.insert(inventoryMovements, { shopId: a.c.shopId, variantId: r.variantId, quantity: -r.quantity, reason: 'replacement_shipped', caseId: a.c.id, createdAt: a.now });
    a.batch.addStock(a.c.shopId, r.variantId, -r.quantity, a.now);
  }
  const shipment = await casesRepo.insertReturnShipment(a.tx, {
    shopId: a.c.shopId,
    caseId: a.c.id,
    direction: 'replacement',
    carrier: a.input.carrier,
    trackingNumber: a.input.trackingNumber,
    status: 'in_transit',
    shippedAt: a.now,
    createdAt: a.now,
  });
  return applyCaseTransition(a.tx, a.c, 'ship_replacement', a.actor, a.now, { payload: { carrier: a.input.carrier, trackingNumber: a.input.trackingNumber, shipmentId: shipment.id } });
};
