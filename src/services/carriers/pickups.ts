import { AppError } from '../../domain/errors.js';
import { pickupAdvances } from '../../domain/carriers/pickup.js';
import { carriersRepo } from '../../db/repos/carriers-repo.js';
import { casesRepo } from '../../db/repos/cases-repo.js';
import type { ConnectionRow } from '../../db/repos/connections-repo.js';
import type { ParcelPickup } from '../../db/schema/cases.js';
import type { PickupUpdate } from '../../integrations/carriers/carrier.js';
import type { SyncOutcome } from '../../integrations/connection-kind.js';
import type { ServiceContext } from '../context.js';
import { performAction } from '../cases/index.js';

const RULE = 'carrier.pickup';

/**
 * A booked pickup's order callback (Kuaidi100 商家寄件, issue 17 point 7): the carrier accepted
 * the order, assigned a courier, collected the parcel, or cancelled. The booking on the parcel
 * follows (status, courier), the case gets a `carrier.pickup_*` event, and:
 * - picked up, while the case still waits for the goods → the case moves to `in_transit`, as a
 *   "picked up" scan does;
 * - cancelled or failed → the booking no longer holds the case (it can be booked again or the
 *   buyer can send the parcel themselves) and the case is flagged for review.
 * A report that does not move the pickup forward (a repeat, a late "accepted") reads and writes
 * nothing else: the callback is answered, the run logged.
 */
export async function recordPickupUpdate(ctx: ServiceContext, row: ConnectionRow, update: PickupUpdate): Promise<SyncOutcome> {
  const ref = update.orderId ?? update.taskId ?? update.trackingNumber;
  const found = await carriersRepo.parcelOfPickup(ctx.db, row.shopId, row.id, update);
  if (!found) return { itemsIn: 0, itemsOut: 0, errors: [{ externalId: ref, message: `No booked pickup of this connection matches ${ref ?? 'the callback'}` }] };
  const { parcel, caseStatus } = found;
  const current = parcel.pickup!;
  if (!update.status || !pickupAdvances(current.status, update.status)) return { itemsIn: 0, itemsOut: 0, errors: [] };
  const now = ctx.clock.now();
  const pickup: ParcelPickup = { ...current, status: update.status, code: update.code, courier: update.courier ?? current.courier ?? null, updatedAt: now.toISOString() };
  const ended = update.status === 'cancelled' || update.status === 'failed';
  await ctx.db.transaction(async (tx) => {
    await carriersRepo.updateParcel(tx, row.shopId, parcel.id, ended ? { pickup, status: 'cancelled', nextPollAt: null } : { pickup });
    if (ended) await casesRepo.update(tx, row.shopId, parcel.caseId, { needsReview: true, updatedAt: now });
    await casesRepo.insertEvent(tx, {
      shopId: row.shopId,
      caseId: parcel.caseId,
      type: `carrier.pickup_${update.status}`,
      actorKind: 'system',
      rule: RULE,
      payload: { carrier: parcel.carrier, trackingNumber: parcel.trackingNumber, status: update.status, code: update.code, courier: pickup.courier ?? null, message: update.message },
      createdAt: now,
    });
  });
  const errors = [];
  if (update.status === 'picked_up' && caseStatus === 'approved') {
    try {
      await performAction(ctx, row.shopId, parcel.caseId, 'buyer_shipped', { kind: 'system', rule: RULE }, { carrier: parcel.carrier, trackingNumber: parcel.trackingNumber });
    } catch (err) {
      // Someone moved the case first (the buyer said they shipped, staff cancelled): the pickup is recorded all the same.
      if (!(err instanceof AppError && (err.kind === 'conflict' || err.kind === 'unprocessable'))) throw err;
      errors.push({ externalId: ref, message: `buyer_shipped: ${err.message}` });
    }
  }
  return { itemsIn: 1, itemsOut: 0, errors };
}
