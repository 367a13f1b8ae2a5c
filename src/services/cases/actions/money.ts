import { conflict, unprocessable } from '../../../domain/errors.js';
import { casesRepo } from '../../../db/repos/cases-repo.js';
import { catalogRepo } from '../../../db/repos/catalog-repo.js';
import { inventoryMovements } from '../../../db/schema/index.js';
import type { Actor } from '../../../domain/cases/model.js';
import type { CaseRow } from '../../../db/repos/cases-repo.js';
import { plannedMove, type ActionContext, type ActionHandler } from '../action-context.js';
import { refundCase } from '../case-refund.js';
import { applyCaseTransition } from '../case-transition.js';
import { topUpDue } from '../../../domain/cases/case-money.js';
import { refundAndMove } from './shared.js';
import { policyById } from '../../policy/index.js';
import type { Policy } from '../../../domain/policy/schema.js';

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

/**
 * 极速退款: pay for the declared goods now; the case keeps tracking them until they are inspected.
 * A person (roles with refunds:issue, as the state machine checks) may pay it to a buyer the policy
 * refuses fast refunds (risk above its limit) only with a reason, recorded with the rule overridden.
 */
export const fastRefund: ActionHandler<'fast_refund'> = async (a) => {
  plannedMove(a);
  const refusal = a.actor.kind === 'staff' ? fastRefundRiskRefusal(a.c, (await policyById(a.tx, a.c.shopId, a.c.policyId)).automation) : null;
  const reason = a.input.reason?.trim();
  if (refusal && !reason) {
    throw unprocessable('fast_refund.reason_required', `The policy refuses this buyer a fast refund (risk ${refusal.risk} above ${refusal.max}): give a reason to pay it anyway`, {
      rule: refusal.rule,
      risk: refusal.risk,
      max: refusal.max,
    });
  }
  return payFastRefund(a, a.c, a.actor, refusal ? { overridesPolicy: refusal, reason } : reason ? { reason } : {});
};

/** The policy's refusal of a fast refund for this case's buyer, by risk (the rule automation applies), or null. */
function fastRefundRiskRefusal(c: CaseRow, automation: Policy['automation']) {
  if (c.riskScore > automation.manualReviewAboveRisk) return { rule: 'automation.review_risk', risk: c.riskScore, max: automation.manualReviewAboveRisk };
  if (c.riskScore > automation.fastRefund.maxRiskScore) return { rule: 'automation.fast_refund_risk', risk: c.riskScore, max: automation.fastRefund.maxRiskScore };
  return null;
}

/** Writes the fast refund of case `c` and records the move (by `actor`) in the action's transaction. */
export async function payFastRefund(a: ActionContext, c: CaseRow, actor: Actor, extra: Record<string, unknown> = {}): Promise<CaseRow> {
  const { breakdown, refund: written } = await refundCase(a.tx, a.ctx, a.shop, c, 'fast_refund', { accepted: false, unitsConsumed: true });
  if (written) a.writtenRefunds.push(written);
  return applyCaseTransition(a.tx, c, 'fast_refund', actor, a.now, {
    patch: { refundedEarly: true, breakdown },
    payload: { refundId: written?.id ?? null, refundMinor: breakdown.refundMinor, ...extra },
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
  // Refunded items give their units back; exchanged ones only a cheaper replacement's difference.
  const { breakdown, refund: written } = await refundCase(a.tx, a.ctx, a.shop, a.c, 'exchange_difference', { accepted: true, unitsConsumed: true });
  if (written) a.writtenRefunds.push(written);
  return applyCaseTransition(a.tx, a.c, 'exchange', a.actor, a.now, {
    patch: { breakdown },
    payload: { replacements: replacements.map((r) => ({ sku: r.sku, quantity: r.quantity })), differenceMinor: breakdown.exchangeDifferenceMinor, refundMinor: breakdown.refundMinor, nettedMinor: breakdown.nettedMinor, buyerOwesMinor: breakdown.buyerOwesMinor },
  });
};

/**
 * Staff confirm the buyer paid (part of) the top-up, with the payment's reference. Never more
 * than is due, so a confirmation sent twice cannot count twice once the first settled it.
 */
export const confirmPayment: ActionHandler<'confirm_payment'> = async (a) => {
  plannedMove(a);
  const due = topUpDue(a.c);
  if (due === 0) throw conflict('payment.nothing_due', 'The buyer owes nothing on this case', { dueMinor: 0 });
  if (a.input.amountMinor > due) {
    throw unprocessable('payment.exceeds_due', `The buyer owes ${due}, not ${a.input.amountMinor}`, { amountMinor: a.input.amountMinor, dueMinor: due });
  }
  const paid = a.c.buyerPaidMinor + a.input.amountMinor;
  return applyCaseTransition(a.tx, a.c, 'confirm_payment', a.actor, a.now, {
    patch: { buyerPaidMinor: paid },
    payload: { amountMinor: a.input.amountMinor, reference: a.input.reference, note: a.input.note ?? null, paidMinor: paid, dueMinor: due - a.input.amountMinor },
  });
};

/** The replacement (or the reshipped part) left the warehouse: stock goes down, the case completes. */
export const shipReplacement: ActionHandler<'ship_replacement'> = async (a) => {
  plannedMove(a);
  const due = topUpDue(a.c);
  if (due > 0) throw conflict('exchange.payment_due', `The buyer still owes ${due} for the replacement: confirm the payment first`, { dueMinor: due });
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
