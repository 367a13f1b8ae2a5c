import { setTimeout as sleep } from 'node:timers/promises';
import { carriersRepo, type PollClaim } from '../../db/repos/carriers-repo.js';
import { connectionsRepo } from '../../db/repos/connections-repo.js';
import { normaliseTrackingNumber } from '../../domain/carriers/tracking-numbers.js';
import { CarrierError } from '../../integrations/carriers/carrier.js';
import type { SyncItemError } from '../../integrations/connection-kind.js';
import { connectionKind } from '../../integrations/kinds.js';
import { loggedRun } from '../../services/connections/run-connections.js';
import type { ServiceContext } from '../../services/context.js';
import { carrierOfRow, POLL_EVERY_MS } from '../../services/carriers/carrier-connections.js';
import { recordTracking } from '../../services/carriers/tracking.js';

/**
 * Calls to one carrier account are spaced this far apart: a batch never bursts at the carrier
 * (Kuaidi100 limits real-time queries per second and per number; EasyPost rate-limits keys).
 */
export const POLL_CALL_GAP_MS = 200;

/**
 * The tracking poller (worker job `carrier-tracking`, issue 17 point 5): for parcels whose
 * carrier's callbacks were never configured or went missing, asks the carrier (real-time
 * query) and applies what is new exactly as a callback does — the same `recordTracking`, so a
 * scan that arrives both ways counts once. A parcel is due `POLL_EVERY_MS` after it was booked,
 * polled or last reported on; parcels are claimed in batches (SKIP LOCKED, so workers split
 * them), the calls of one connection are logged as one run of it and spaced `gapMs` apart. A
 * carrier that fails is tried again an interval later; on shutdown the parcels not asked yet
 * are handed back.
 */
export async function pollDueParcels(ctx: ServiceContext, batch = 20, stopping: () => boolean = () => false, gapMs = POLL_CALL_GAP_MS): Promise<number> {
  const now = ctx.clock.now();
  const all = await carriersRepo.claimDuePolls(ctx.db, now, new Date(now.getTime() + POLL_EVERY_MS), batch);
  const claimed = all.filter((p) => !p.caseClosed);
  const byConnection = new Map<string, PollClaim[]>();
  for (const p of claimed) byConnection.set(p.connectionId, [...(byConnection.get(p.connectionId) ?? []), p]);
  let asked = 0;
  for (const [connectionId, parcels] of byConnection) {
    const row = await connectionsRepo.byIdAnyShop(ctx.db, connectionId);
    if (!row || !connectionKind(row.kind)?.carrier) {
      // The connection is gone: nothing can ask for these parcels any more.
      for (const p of parcels) await carriersRepo.updateParcel(ctx.db, p.shopId, p.id, { nextPollAt: null });
      continue;
    }
    // A paused connection: its parcels wait for the next interval.
    if (row.status === 'paused') continue;
    const carrier = carrierOfRow(ctx, row);
    await loggedRun(ctx, row, 'sync', async () => {
      let itemsIn = 0;
      const errors: SyncItemError[] = [];
      for (const [i, p] of parcels.entries()) {
        if (stopping()) {
          for (const rest of parcels.slice(i)) await carriersRepo.updateParcel(ctx.db, rest.shopId, rest.id, { nextPollAt: ctx.clock.now() });
          break;
        }
        if (asked++ > 0 && gapMs > 0) await sleep(gapMs);
        let updates;
        try {
          updates = await carrier.track(p.carrierCode, p.trackingNumber);
        } catch (err) {
          if (!(err instanceof CarrierError)) throw err;
          errors.push({ externalId: p.trackingNumber, message: err.message });
          continue;
        }
        // Only this parcel's scans: a query answers for the number asked, nothing else is applied.
        const mine = updates.filter((u) => normaliseTrackingNumber(u.trackingNumber) === normaliseTrackingNumber(p.trackingNumber));
        const result = await recordTracking(ctx, row.shopId, mine);
        itemsIn += result.scansIn;
        errors.push(...result.errors);
      }
      return { itemsIn, itemsOut: 0, errors };
    }).catch(() => undefined);
  }
  return all.length;
}
