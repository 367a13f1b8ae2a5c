import { and, eq } from 'drizzle-orm';
import { unprocessable } from '../../../domain/errors.js';
import { casesRepo } from '../../../db/repos/cases-repo.js';
import { evidence, inventoryMovements, returnShipments } from '../../../db/schema/index.js';
import { caseItems, updateCaseItem } from '../case-items.js';
import { itemsById, plannedMove, type ActionHandler } from '../action-context.js';
import { computeCaseMoney } from '../case-refund.js';
import { applyCaseTransition } from '../case-transition.js';
import { payFastRefund } from './money.js';
import { refundAndMove } from './shared.js';
import { policyById } from '../../policy/index.js';
import { defaultDisposition, restockNeedsConfirmation } from '../../../domain/cases/disposition.js';
import { checkTrackingNumber } from '../../../domain/carriers/tracking-numbers.js';

export const buyerShipped: ActionHandler<'buyer_shipped'> = async (a) => {
  plannedMove(a);
  // A carrier's first scan (or its pickup report) of a parcel Retour booked and follows: the parcel is already recorded, its number the carrier's own.
  const followed = a.actor.kind === 'system' && (a.actor.rule === 'carrier.tracking' || a.actor.rule === 'carrier.pickup');
  // Issue 17: a number typed for a carrier Retour knows must fit that carrier's format (stored normalised).
  const typed = followed ? { ok: true as const, trackingNumber: a.input.trackingNumber, carrier: null } : checkTrackingNumber(a.input.carrier, a.input.trackingNumber);
  if (!typed.ok) {
    throw unprocessable('tracking.invalid_number', `This is not a ${typed.carrier.names[0]} tracking number (for example ${typed.example})`, { carrier: typed.carrier.code, example: typed.example });
  }
  const trackingNumber = typed.trackingNumber;
  const shipment = followed
    ? null
    : await casesRepo.insertReturnShipment(a.tx, {
        shopId: a.c.shopId,
        caseId: a.c.id,
        direction: 'return',
        carrier: a.input.carrier,
        carrierCode: typed.carrier?.code ?? null,
        trackingNumber,
        status: 'in_transit',
        shippedAt: a.now,
        createdAt: a.now,
      });
  const shipped = await applyCaseTransition(a.tx, a.c, 'buyer_shipped', a.actor, a.now, {
    patch: { returnMethod: a.c.returnMethod === 'none' ? 'self_ship' : a.c.returnMethod },
    payload: { carrier: a.input.carrier, trackingNumber, ...(shipment ? { shipmentId: shipment.id } : {}) },
  });
  // 极速退款 at the first carrier scan, for buyers the policy trusted when they asked.
  const { fastRefund: rule } = (await policyById(a.tx, a.c.shopId, a.c.policyId)).automation;
  if (rule.enabled && rule.trigger === 'first_scan' && !shipped.refundedEarly && (await casesRepo.grantedFastRefund(a.tx, a.c.shopId, a.c.id))) {
    return payFastRefund(a, shipped, { kind: 'system', rule: 'automation.fast_refund_first_scan' });
  }
  return shipped;
};

/** The carrier stopped the outbound parcel: the buyer is refunded in full for it. */
export const intercepted: ActionHandler<'intercepted'> = (a) => {
  const note = a.input.note ?? null;
  // The tracking job's record of the carrier's scan reads in the reader's language (src/i18n), the scan's own words inside it.
  const byCarrier = a.actor.kind === 'system' && a.actor.rule === 'carrier.interception' && note;
  return refundAndMove(a, { accepted: false, unitsConsumed: true, payload: { note, ...(byCarrier ? { explanation: { key: 'carrier.intercepted', params: { detail: note } } } : {}) } });
};

/**
 * After a fast refund the goods did not come back in time (the deadline, or staff deciding so):
 * the case says so, waits for a person (needsReview), and counts in the buyer's risk from now on
 * (the buyer profile counts these cases). No "received" mail: nothing was received.
 */
export const goodsNotReturned: ActionHandler<'goods_not_returned'> = (a) =>
  applyCaseTransition(a.tx, a.c, 'goods_not_returned', a.actor, a.now, {
    patch: { needsReview: true },
    payload: { note: a.input.note ?? null, refundedMinor: a.c.refundedMinor },
  });

/** The goods arrived; quantities may differ from what the buyer declared (counted, never assumed). */
export const receive: ActionHandler<'receive'> = async (a) => {
  plannedMove(a);
  const items = await caseItems(a.tx, a.c);
  const given = new Map((a.input.items ?? []).map((i) => [i.itemId, i.receivedQuantity]));
  itemsById(items, [...given.keys()]);
  for (const item of items) await updateCaseItem(a.tx, a.c, item.id, { receivedQuantity: given.get(item.id) ?? item.quantity });
  a.batch.add(
    a.tx
      .update(returnShipments)
      .set({ status: 'delivered', deliveredAt: a.now, nextPollAt: null })
      .where(and(eq(returnShipments.shopId, a.c.shopId), eq(returnShipments.caseId, a.c.id), eq(returnShipments.direction, 'return'), eq(returnShipments.status, 'in_transit'))),
    returnShipments,
  );
  const received = items.map((i) => ({ itemId: i.id, declared: i.quantity, received: given.get(i.id) ?? i.quantity }));
  // The buyer's mail says "received" only when something was: an empty parcel gets "nothing arrived".
  const receivedUnits = received.reduce((sum, i) => sum + i.received, 0);
  return applyCaseTransition(a.tx, a.c, 'receive', a.actor, a.now, { payload: { items: received, note: a.input.note ?? null }, notify: { receivedUnits } });
};

/**
 * Grades each item and decides what happens to it. Accepted units set the refund; units put
 * back on sale go into stock with a movement each, so stock can always be explained.
 */
export const inspect: ActionHandler<'inspect'> = async (a) => {
  plannedMove(a);
  const items = await caseItems(a.tx, a.c);
  const byId = itemsById(items, a.input.items.map((i) => i.itemId));
  if (new Set(a.input.items.map((i) => i.itemId)).size !== items.length) {
    throw unprocessable('case.inspection_incomplete', 'Inspect every item of the case, once each', { items: items.map((i) => i.id) });
  }
  // Each item's disposition: as given, else the default for its grade and claim; restocking C/D needs a confirmation.
  const { reasons } = await policyById(a.tx, a.c.shopId, a.c.policyId);
  const dispositions = new Map(
    a.input.items.map((r) => [r.itemId, r.disposition ?? defaultDisposition(r.grade, { defect: reasons.find((x) => x.code === byId.get(r.itemId)!.reasonCode)?.quality === true })]),
  );
  const unconfirmed = a.input.items.filter((r) => restockNeedsConfirmation(r.grade, dispositions.get(r.itemId)!));
  if (unconfirmed.length > 0 && a.input.confirmRestockBelowB !== true) {
    throw unprocessable('inspection.restock_below_b_unconfirmed', 'Restocking goods graded C or D puts used or damaged goods on sale: confirm it (confirmRestockBelowB: true) or choose another disposition', {
      items: unconfirmed.map((r) => ({ itemId: r.itemId, grade: r.grade })),
    });
  }
  const restocked: { itemId: string; lineId: string; quantity: number }[] = [];
  for (const result of a.input.items) {
    const item = byId.get(result.itemId)!;
    const disposition = dispositions.get(result.itemId)!;
    const arrived = item.receivedQuantity ?? item.quantity;
    if (result.acceptedQuantity > arrived || (result.defectiveQuantity ?? 0) > arrived) {
      throw unprocessable('case.inspection_exceeds_received', `Only ${arrived} unit(s) of this item arrived`, { itemId: item.id, received: arrived });
    }
    await updateCaseItem(a.tx, a.c, item.id, {
      acceptedQuantity: result.acceptedQuantity,
      defectiveQuantity: result.defectiveQuantity ?? (result.grade === 'D' ? arrived : 0),
      grade: result.grade,
      disposition,
      inspectionNote: result.note ?? null,
    });
    if (disposition === 'restock' && arrived > 0) restocked.push({ itemId: item.id, lineId: item.orderLineId, quantity: arrived });
  }
  if (a.input.evidenceIds?.length) {
    const known = await a.tx.select({ id: evidence.id }).from(evidence).where(and(eq(evidence.shopId, a.c.shopId), eq(evidence.caseId, a.c.id)));
    const ids = new Set(known.map((k) => k.id));
    const unknown = a.input.evidenceIds.find((id) => !ids.has(id));
    if (unknown) throw unprocessable('evidence.unknown', 'An evidence id does not belong to this case', { evidenceId: unknown });
  }
  // After a fast refund the money is settled; otherwise the refund now follows what was accepted
  // (and the order's lines, read with it, name the variants to restock).
  const money = a.c.refundedEarly ? null : await computeCaseMoney(a.tx, a.ctx, a.shop, a.c, { accepted: true });
  const breakdown = money?.breakdown ?? a.c.breakdown;
  const lines = money?.lines ?? (restocked.length > 0 ? await casesRepo.linesWithFlags(a.tx, a.c.shopId, a.c.orderId) : []);
  for (const r of restocked) {
    const variantId = lines.find((l) => l.id === r.lineId)!.variant_id;
    a.batch.insert(inventoryMovements, { shopId: a.c.shopId, variantId, quantity: r.quantity, reason: 'return_restock', caseId: a.c.id, returnItemId: r.itemId, createdAt: a.now });
    a.batch.addStock(a.c.shopId, variantId, r.quantity, a.now);
  }
  const inspected = a.input.items.map((r) => ({ ...r, disposition: dispositions.get(r.itemId)! }));
  return applyCaseTransition(a.tx, a.c, 'inspect', a.actor, a.now, { patch: { breakdown }, payload: { items: inspected, confirmRestockBelowB: a.input.confirmRestockBelowB === true, evidenceIds: a.input.evidenceIds ?? [], refundMinor: breakdown.refundMinor } });
};
