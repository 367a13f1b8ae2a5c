import { AppError, conflict, unprocessable } from '../../domain/errors.js';
import { normaliseTrackingNumber, recogniseCarrier } from '../../domain/carriers/tracking-numbers.js';
import type { Actor } from '../../domain/cases/model.js';
import { carriersRepo } from '../../db/repos/carriers-repo.js';
import { casesRepo } from '../../db/repos/cases-repo.js';
import type { ServiceContext } from '../context.js';
import { actorColumns } from '../cases/index.js';
import { carrierFailure, parcelView } from './bookings.js';
import { carrierCallbackUrl, chooseCarrier, firstPollAt } from './carrier-connections.js';

/**
 * Interception (拦截, issue 17 point 6) of the order's own parcel for an approved refund-only case
 * whose goods are still on the way. A carrier network with an interception API is asked to stop
 * it; one without (EasyPost) records the request as `manual` — staff ask the carrier themselves.
 * Either way the parcel is followed, and its scans decide: back to the sender (or the carrier's
 * "intercepted") refunds per the policy; delivered to the buyer means it failed, and the case
 * asks for the goods back after delivery. The manual "intercepted" action stays for carriers
 * Retour cannot follow at all.
 */
export async function requestInterception(ctx: ServiceContext, shopId: string, caseId: string, input: { connectionId?: string; reason?: string }, actor: Actor) {
  const c = await casesRepo.findById(ctx.db, shopId, caseId);
  if (!c) throw new AppError('not_found', 'case.not_found', 'No such case');
  if (c.type !== 'refund_only' || c.refundOnlyKind !== 'in_transit' || c.status !== 'approved') {
    throw conflict('interception.not_applicable', 'Only an approved refund-only case of a parcel still on its way can be intercepted', { type: c.type, status: c.status });
  }
  const parcels = await carriersRepo.parcelsOfCase(ctx.db, shopId, caseId);
  if (parcels.some((p) => p.direction === 'outbound' && (p.interception === 'requested' || p.interception === 'manual'))) {
    throw conflict('interception.already_requested', 'An interception of this parcel is already under way');
  }
  const outbound = (await carriersRepo.orderParcels(ctx.db, shopId, c.orderId)).find((s) => s.status !== 'delivered') ?? (await carriersRepo.orderParcels(ctx.db, shopId, c.orderId))[0];
  if (!outbound) throw unprocessable('interception.no_parcel', 'The order has no recorded shipment to intercept: record its tracking number first');
  const { row, carrier } = await chooseCarrier(ctx, shopId, input.connectionId);
  const format = recogniseCarrier(outbound.carrier);
  const carrierCode = format?.code ?? outbound.carrier;
  const trackingNumber = format ? normaliseTrackingNumber(outbound.trackingNumber) : outbound.trackingNumber;
  const callbackUrl = carrierCallbackUrl(ctx, row);
  const reason = input.reason ?? `Refund ${c.rmaNumber}: return to sender`;
  let ref: string | null = null;
  const viaApi = Boolean(carrier.capabilities.interception && carrier.intercept);
  if (viaApi) {
    if (!c.returnAddress) throw unprocessable('carrier.no_return_address', 'The case has no return address for the carrier to bring the parcel back to');
    ref = (
      await carrier
        .intercept!({ carrierCode, trackingNumber, reason, reference: c.rmaNumber, callbackUrl, returnTo: { name: c.returnAddress.name, phone: c.returnAddress.phone, line: c.returnAddress.addressZh ?? c.returnAddress.addressLatin ?? '' } })
        .catch(carrierFailure)
    ).ref;
  }
  const now = ctx.clock.now();
  const interception = viaApi ? ('requested' as const) : ('manual' as const);
  await ctx.db.transaction(async (tx) => {
    await casesRepo.insertReturnShipment(tx, {
      shopId,
      caseId,
      direction: 'outbound',
      carrier: outbound.carrier,
      carrierCode,
      trackingNumber,
      status: 'in_transit',
      connectionId: row.id,
      externalRefs: ref ? { interceptionId: ref } : {},
      interception,
      nextPollAt: firstPollAt(ctx),
      createdAt: now,
    });
    await casesRepo.insertEvent(tx, { shopId, caseId, type: 'carrier.interception_requested', ...actorColumns(actor), payload: { connection: row.kind, carrier: carrierCode, trackingNumber, via: viaApi ? 'api' : 'manual', reason, ref }, createdAt: now });
  });
  await carrier.subscribe(carrierCode, trackingNumber, callbackUrl).catch(() => undefined);
  const parcel = (await carriersRepo.parcelsOfCase(ctx.db, shopId, caseId)).find((p) => p.direction === 'outbound' && p.trackingNumber === trackingNumber)!;
  return parcelView(parcel);
}

/** What the console shows of a case's carriers: its parcels and every scan. */
export async function caseCarrierView(ctx: ServiceContext, shopId: string, caseId: string) {
  const c = await casesRepo.findById(ctx.db, shopId, caseId);
  if (!c) throw new AppError('not_found', 'case.not_found', 'No such case');
  const [parcels, events] = await Promise.all([carriersRepo.parcelsOfCase(ctx.db, shopId, caseId), carriersRepo.eventsOfCase(ctx.db, shopId, caseId)]);
  return {
    parcels: parcels.map(parcelView),
    events: events.map((e) => ({
      id: e.id,
      shipmentId: e.shipmentId,
      carrier: e.carrier,
      trackingNumber: e.trackingNumber,
      status: e.status,
      code: e.code,
      description: e.description,
      location: e.location,
      occurredAt: e.occurredAt.toISOString(),
      effects: e.effects,
    })),
  };
}
