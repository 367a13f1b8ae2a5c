import { AppError, conflict, unprocessable } from '../../domain/errors.js';
import { recogniseCarrier } from '../../domain/carriers/tracking-numbers.js';
import type { Actor } from '../../domain/cases/model.js';
import { carriersRepo } from '../../db/repos/carriers-repo.js';
import { casesRepo, type CaseRow } from '../../db/repos/cases-repo.js';
import { ordersRepo } from '../../db/repos/orders-repo.js';
import type { ParcelPickup } from '../../db/schema/cases.js';
import type { Address } from '../../db/schema/orders.js';
import type { ReturnAddressSnapshot } from '../../db/schema/return-addresses.js';
import { CarrierError, type Carrier, type ParcelAddress } from '../../integrations/carriers/carrier.js';
import type { ServiceContext } from '../context.js';
import { actorColumns } from '../cases/index.js';
import { carrierCallbackUrl, carrierConnections, chooseCarrier, firstPollAt } from './carrier-connections.js';

export const BOOKING_METHODS = ['pickup', 'drop_off', 'label'] as const;
export type BookingMethod = (typeof BOOKING_METHODS)[number];

export interface BookingInput {
  method: BookingMethod;
  connectionId?: string;
  carrierCode?: string;
  /** Courier pickups: when the courier may come (ISO times). */
  windowStart?: string;
  windowEnd?: string;
  /** Where the courier comes (default: the order's shipping address). */
  address?: ParcelAddress;
  weightGrams?: number;
}

const CAPABILITY = { pickup: 'pickup', drop_off: 'dropOffCode', label: 'labels' } as const;
const RETURN_METHOD = { pickup: 'pickup', drop_off: 'drop_off', label: 'self_ship' } as const;
const MAX_WINDOW_MS = 24 * 3_600_000;

/** Carrier failures: the carrier's refusal is the caller's to fix (422); it being unreachable is 503. */
export function carrierFailure(err: unknown): never {
  if (err instanceof CarrierError) {
    if (err.status !== null && err.status >= 500) throw new AppError('unavailable', 'carrier.unavailable', err.message);
    if (err.status === null && /fetch failed|ECONN|timeout|aborted/i.test(err.message)) throw new AppError('unavailable', 'carrier.unavailable', err.message);
    throw unprocessable('carrier.refused', err.message);
  }
  throw err;
}

const lineOf = (a: Address) => [a.province, a.city, a.district, a.line1, a.line2].filter(Boolean).join(' ');
export const buyerAddress = (a: Address | null | undefined): ParcelAddress | null =>
  a && a.name && a.phone && (a.line1 || a.city) ? { name: a.name, phone: a.phone, line: lineOf(a), city: a.city, province: a.province, postalCode: a.postalCode, country: a.country } : null;
const shopAddress = (r: ReturnAddressSnapshot, latin: boolean): ParcelAddress => ({
  name: r.name,
  phone: r.phone,
  line: (latin ? (r.addressLatin ?? r.addressZh) : (r.addressZh ?? r.addressLatin)) ?? '',
  postalCode: r.postalCode ?? undefined,
});

/** A case waiting for the buyer to send the goods: approved, and a type (or arbiter's resolution) that brings them back. */
function awaitingGoods(c: CaseRow) {
  const returnTypes = c.type === 'return_refund' || c.type === 'exchange';
  return c.status === 'approved' && (returnTypes || c.resolution === 'return');
}

/**
 * Courier pickup, drop-off code or return label through a connected carrier (issue 17 point 7).
 * The carrier must offer the method; the parcel it gives is recorded on the case (one booking
 * per case while it is open), the case's return method follows, the carrier is asked to report
 * its scans, and the buyer then needs to type nothing.
 */
export async function bookReturnParcel(ctx: ServiceContext, shopId: string, caseId: string, input: BookingInput, actor: Actor) {
  const c = await casesRepo.findById(ctx.db, shopId, caseId);
  if (!c) throw new AppError('not_found', 'case.not_found', 'No such case');
  if (!awaitingGoods(c)) throw conflict('carrier.not_awaiting_goods', 'Only an approved return waiting for the goods can book a pickup, drop-off or label', { status: c.status });
  if (!c.returnAddress) throw unprocessable('carrier.no_return_address', 'The case has no return address: set one in Settings → Return addresses and approve again');
  const { row, carrier } = await chooseCarrier(ctx, shopId, input.connectionId);
  if (!carrier.capabilities[CAPABILITY[input.method]]) {
    throw unprocessable('carrier.method_unsupported', `${row.kind} does not offer ${input.method.replace('_', '-')} for returns`, { method: input.method, capabilities: carrier.capabilities });
  }
  const now = ctx.clock.now();
  let window: { start: Date; end: Date } | undefined;
  if (input.method === 'pickup') {
    const start = input.windowStart ? new Date(input.windowStart) : null;
    const end = input.windowEnd ? new Date(input.windowEnd) : null;
    if (!start || !end || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start || end.getTime() - start.getTime() > MAX_WINDOW_MS || end <= now) {
      throw unprocessable('pickup.bad_window', 'A pickup needs a window: a start before its end, at most 24 hours long, ending in the future', { windowStart: input.windowStart ?? null, windowEnd: input.windowEnd ?? null });
    }
    window = { start, end };
  }
  const existing = (await carriersRepo.parcelsOfCase(ctx.db, shopId, caseId)).find((p) => p.direction === 'return' && p.connectionId && p.status === 'in_transit');
  if (existing) throw conflict('carrier.already_booked', 'A pickup, drop-off or label is already booked for this return', { trackingNumber: existing.trackingNumber });
  const order = await ordersRepo.findById(ctx.db, shopId, c.orderId);
  const from = input.address ?? buyerAddress(order?.shippingAddress);
  if (!from) throw unprocessable('carrier.address_incomplete', 'The buyer’s address needs a name, a phone and a street: give one (address)');
  const callbackUrl = carrierCallbackUrl(ctx, row);
  const booked = await carrier
    .bookReturn({ method: input.method, carrierCode: input.carrierCode, from, to: shopAddress(c.returnAddress, carrier.network === 'easypost'), window, reference: c.rmaNumber, weightGrams: input.weightGrams ?? 1000, callbackUrl })
    .catch(carrierFailure);
  const pickup: ParcelPickup | null = window ? { windowStart: window.start.toISOString(), windowEnd: window.end.toISOString(), address: from, confirmation: booked.pickupConfirmation } : null;
  const parcel = await ctx.db.transaction(async (tx) => {
    const id = (
      await casesRepo.insertReturnShipment(tx, {
        shopId,
        caseId,
        direction: 'return',
        carrier: recogniseCarrier(booked.carrierCode)?.names[0] ?? booked.carrierCode,
        carrierCode: booked.carrierCode,
        trackingNumber: booked.trackingNumber,
        status: 'in_transit',
        connectionId: row.id,
        externalRefs: booked.refs,
        labelUrl: booked.labelUrl,
        dropOffCode: booked.dropOffCode,
        pickup,
        nextPollAt: firstPollAt(ctx),
        createdAt: now,
      })
    ).id;
    await casesRepo.update(tx, shopId, caseId, { returnMethod: RETURN_METHOD[input.method], updatedAt: now });
    await casesRepo.insertEvent(tx, {
      shopId,
      caseId,
      type: 'carrier.booked',
      ...actorColumns(actor),
      payload: { method: input.method, connection: row.kind, carrier: booked.carrierCode, trackingNumber: booked.trackingNumber, pickup, labelUrl: booked.labelUrl, dropOffCode: booked.dropOffCode },
      createdAt: now,
    });
    return id;
  });
  // EasyPost's bought label carries its tracker; Kuaidi100 is asked to push the number's scans.
  if (!booked.refs.trackerId) await follow(carrier, booked.carrierCode, booked.trackingNumber, callbackUrl);
  return parcelView((await carriersRepo.parcelsOfCase(ctx.db, shopId, caseId)).find((p) => p.id === parcel)!);
}

async function follow(carrier: Carrier, carrierCode: string, trackingNumber: string, callbackUrl: string) {
  // Tracking is best-effort: the parcel is booked whatever happens here, and the console can refresh it.
  await carrier.subscribe(carrierCode, trackingNumber, callbackUrl).catch(() => undefined);
}

/**
 * After a buyer typed a tracking number: when it belongs to a carrier a connected network covers,
 * that network is asked to report its scans, so the case follows the parcel from then on.
 */
export async function followTypedParcel(ctx: ServiceContext, shopId: string, caseId: string) {
  const parcel = (await carriersRepo.parcelsOfCase(ctx.db, shopId, caseId)).filter((p) => p.direction === 'return' && !p.connectionId).at(-1);
  const format = parcel ? recogniseCarrier(parcel.carrierCode ?? parcel.carrier) : null;
  if (!parcel || !format) return;
  const connection = (await carrierConnections(ctx, shopId)).find((c) => c.carrier.network === format.network);
  if (!connection) return;
  await carriersRepo.updateParcel(ctx.db, shopId, parcel.id, { connectionId: connection.row.id, carrierCode: format.code, nextPollAt: firstPollAt(ctx) });
  await follow(connection.carrier, format.code, parcel.trackingNumber, carrierCallbackUrl(ctx, connection.row));
}

export const parcelView = (p: Awaited<ReturnType<typeof carriersRepo.parcelsOfCase>>[number]) => ({
  id: p.id,
  direction: p.direction,
  carrier: p.carrier,
  carrierCode: p.carrierCode,
  trackingNumber: p.trackingNumber,
  status: p.status,
  trackingStatus: p.trackingStatus,
  trackingAt: p.trackingAt?.toISOString() ?? null,
  connectionId: p.connectionId,
  labelUrl: p.labelUrl,
  dropOffCode: p.dropOffCode,
  pickup: p.pickup,
  interception: p.interception,
  receiptReadyAt: p.receiptReadyAt?.toISOString() ?? null,
  shippedAt: p.shippedAt?.toISOString() ?? null,
  deliveredAt: p.deliveredAt?.toISOString() ?? null,
});
