import { REJECTION_REASONS } from '../../../domain/cases/rejection-reasons.js';
import { casesRepo } from '../../../db/repos/cases-repo.js';
import { caseItems } from '../case-items.js';
import { plannedMove, type ActionHandler } from '../action-context.js';
import { applyCaseTransition } from '../case-transition.js';
import { postMessage, refundAndMove } from './shared.js';
import { returnAddressForApproval } from '../../return-addresses/index.js';

/** Approve: refund-only and partial refunds pay now; returns wait for the goods; a reship sends the part again. */
export const approve: ActionHandler<'approve'> = async (a) => {
  const move = plannedMove(a);
  const amountOverrideMinor = a.input.amountMinor ?? a.c.amountOverrideMinor ?? undefined;
  // Issue 13 (return addresses): the chosen address, else the shop's default, copied onto the case.
  const returnAddress = await returnAddressForApproval(a.tx, a.c.shopId, a.input.returnAddressId);
  const payload = { note: a.input.note ?? null, amountMinor: a.input.amountMinor ?? null, returnAddressId: returnAddress?.id ?? null, ...(a.reason ? { reason: a.reason } : {}) };
  if (move.to === 'refund_pending') {
    return refundAndMove(a, {
      accepted: false,
      amountOverrideMinor,
      // A partial refund is money only; a refund-only case pays the units in full.
      unitsConsumed: a.c.type !== 'partial_refund' && amountOverrideMinor === undefined,
      patch: { amountOverrideMinor: amountOverrideMinor ?? null },
      payload,
    });
  }
  if (move.to === 'exchange_pending' && a.c.type === 'reship') {
    const items = await caseItems(a.tx, a.c);
    const lines = await casesRepo.linesWithFlags(a.tx, a.c.shopId, a.c.orderId);
    await casesRepo.insertExchanges(
      a.tx,
      items.map((item) => {
        const line = lines.find((l) => l.id === item.orderLineId)!;
        return {
          shopId: a.c.shopId,
          caseId: a.c.id,
          returnItemId: item.id,
          variantId: line.variant_id,
          sku: line.sku,
          quantity: item.quantity,
          unitPriceMinor: Number(line.unit_price_minor),
          priceDifferenceMinor: 0,
          createdAt: a.now,
        };
      }),
    );
  }
  return applyCaseTransition(a.tx, a.c, 'approve', a.actor, a.now, { patch: { amountOverrideMinor: amountOverrideMinor ?? null, returnAddress }, payload });
};

export const reject: ActionHandler<'reject'> = async (a) => {
  const c = await applyCaseTransition(a.tx, a.c, 'reject', a.actor, a.now, {
    patch: { rejectionCode: a.input.reasonCode, rejectionReason: a.input.reason },
    payload: { reasonCode: a.input.reasonCode, reason: a.input.reason, label: REJECTION_REASONS[a.input.reasonCode] },
  });
  await postMessage(a, c, a.input.reason, 'public');
  return c;
};

export const revise: ActionHandler<'revise'> = async (a) => {
  const c = await applyCaseTransition(a.tx, a.c, 'revise', a.actor, a.now, { patch: { rejectionCode: null, rejectionReason: null }, payload: { note: a.input.note ?? null } });
  if (a.input.note) await postMessage(a, c, a.input.note, 'public');
  return c;
};

export const escalate: ActionHandler<'escalate'> = async (a) => {
  const c = await applyCaseTransition(a.tx, a.c, 'escalate', a.actor, a.now, { patch: { offerFrom: null }, payload: { reason: a.input.reason } });
  await postMessage(a, c, a.input.reason, 'public');
  return c;
};

/** The arbiter's decision: a refund (possibly partial), the goods back first, or the seller is right. */
export const resolve: ActionHandler<'resolve'> = async (a) => {
  const payload = { outcome: a.input.outcome, note: a.input.note, amountMinor: a.input.amountMinor ?? null };
  // After a fast refund the money has gone already: a refund ruling just lets the buyer keep it.
  if (plannedMove(a, a.input.outcome).to === 'refund_pending') {
    return refundAndMove(a, {
      accepted: (await caseItems(a.tx, a.c)).some((i) => i.acceptedQuantity !== null),
      amountOverrideMinor: a.input.amountMinor,
      unitsConsumed: a.input.amountMinor === undefined,
      resolution: 'refund',
      patch: { resolution: 'refund', amountOverrideMinor: a.input.amountMinor ?? null },
      payload,
    });
  }
  return applyCaseTransition(a.tx, a.c, 'resolve', a.actor, a.now, { resolution: a.input.outcome, patch: { resolution: a.input.outcome }, payload });
};
