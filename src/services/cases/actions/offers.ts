import { caseItems } from '../case-items.js';
import { plannedMove, type ActionHandler } from '../action-context.js';
import { computeCaseMoney } from '../case-refund.js';
import { applyCaseTransition } from '../case-transition.js';
import { postMessage, refundAndMove } from './shared.js';

/**
 * Offer part of the money, the buyer keeping the goods; never more than the full refund would be.
 * On an exchange the offer replaces the exchange: the buyer keeps the item and gets part of what
 * it cost back (bounded by what returning it would refund), and no replacement is sent.
 */
export const offerPartial: ActionHandler<'offer_partial'> = async (a) => {
  plannedMove(a);
  const inspected = (await caseItems(a.tx, a.c)).some((i) => i.acceptedQuantity !== null);
  // Throws refund.amount_out_of_bounds when the offer exceeds what the items would give back.
  const { breakdown } = await computeCaseMoney(a.tx, a.ctx, a.shop, a.c, { accepted: inspected, amountOverrideMinor: a.input.amountMinor, instead: 'refund' });
  const c = await applyCaseTransition(a.tx, a.c, 'offer_partial', a.actor, a.now, {
    patch: { offerFrom: a.c.status, offerAmountMinor: a.input.amountMinor, breakdown },
    payload: { amountMinor: a.input.amountMinor, message: a.input.message ?? null },
  });
  if (a.input.message) await postMessage(a, c, a.input.message, 'public');
  return c;
};

export const acceptOffer: ActionHandler<'accept_offer'> = (a) =>
  refundAndMove(a, {
    accepted: a.c.offerFrom === 'inspected',
    amountOverrideMinor: a.c.offerAmountMinor ?? 0,
    instead: 'refund',
    unitsConsumed: false,
    patch: { offerFrom: null, amountOverrideMinor: a.c.offerAmountMinor },
    payload: { amountMinor: a.c.offerAmountMinor },
  });

export const declineOffer: ActionHandler<'decline_offer'> = async (a) => {
  const c = await applyCaseTransition(a.tx, a.c, 'decline_offer', a.actor, a.now, {
    patch: { offerFrom: null, offerAmountMinor: null },
    payload: { amountMinor: a.c.offerAmountMinor, reason: a.input.reason ?? null },
  });
  if (a.input.reason) await postMessage(a, c, a.input.reason, 'public');
  return c;
};
