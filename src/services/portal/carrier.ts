import { carriersRepo } from '../../db/repos/carriers-repo.js';
import type { ParcelAddress } from '../../integrations/carriers/carrier.js';
import { CARRIER_FORMATS } from '../../domain/carriers/tracking-numbers.js';
import { ordersRepo } from '../../db/repos/orders-repo.js';
import { bookReturnParcel, buyerAddress, parcelView } from '../carriers/index.js';
import { carrierConnections } from '../carriers/index.js';
import type { ServiceContext } from '../context.js';
import type { PortalScope } from './tokens.js';
import { scopedCase } from './returns.js';

/**
 * The buyer's side of carriers (issue 17 point 7): what the shop's carriers can do for this
 * return (pickup, drop-off code), booking one, and the parcels with their last scans. Without a
 * carrier that can, the buyer types the tracking number (validated against the carrier's format).
 */
export async function portalCarrier(ctx: ServiceContext, scope: PortalScope, caseId: string) {
  const c = await scopedCase(ctx, scope, caseId);
  const connected = await carrierConnections(ctx, scope.shopId);
  const parcels = (await carriersRepo.parcelsOfCase(ctx.db, scope.shopId, caseId)).filter((p) => p.direction === 'return').map(parcelView);
  const pickup = connected.some((x) => x.carrier.capabilities.pickup);
  // The buyer's own order address, where the courier comes unless they give another.
  const order = pickup ? await ordersRepo.findById(ctx.db, scope.shopId, c.orderId) : null;
  return {
    pickup,
    dropOff: connected.some((x) => x.carrier.capabilities.dropOffCode),
    pickupAddress: buyerAddress(order?.shippingAddress) ?? null,
    // What a typed tracking number must look like for the carriers Retour knows: the page checks before sending.
    formats: CARRIER_FORMATS.map((f) => ({ code: f.code, names: [...f.names], pattern: f.pattern.source, example: f.example })),
    parcels: parcels.map((p) => ({ carrier: p.carrier, trackingNumber: p.trackingNumber, status: p.status, trackingStatus: p.trackingStatus, trackingAt: p.trackingAt, labelUrl: p.labelUrl, dropOffCode: p.dropOffCode, pickup: p.pickup })),
  };
}

export async function portalBook(ctx: ServiceContext, scope: PortalScope, caseId: string, input: { method: 'pickup' | 'drop_off'; windowStart?: string; windowEnd?: string; address?: ParcelAddress }) {
  await scopedCase(ctx, scope, caseId);
  const connected = await carrierConnections(ctx, scope.shopId);
  const able = connected.find((c) => (input.method === 'pickup' ? c.carrier.capabilities.pickup : c.carrier.capabilities.dropOffCode));
  await bookReturnParcel(ctx, scope.shopId, caseId, { ...input, connectionId: able?.row.id }, { kind: 'buyer' });
  return portalCarrier(ctx, scope, caseId);
}
