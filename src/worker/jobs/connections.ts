import { connectionsRepo } from '../../db/repos/connections-repo.js';
import type { ServiceContext } from '../../services/context.js';
import { syncConnectionNow } from '../../services/connections/run-connections.js';

/** A sync still running after this long is taken to have died with its process: another worker runs it. */
const SYNC_LEASE_MS = 10 * 60_000;

/**
 * The worker's job: syncs every connection whose next sync is due. A claim moves the next sync
 * past a lease, so two workers never sync one connection at once; success schedules the next
 * regular sync, failure backs off and records the error on the connection.
 */
export async function syncDueConnections(ctx: ServiceContext, batch = 10): Promise<number> {
  const claimed = await connectionsRepo.claimDue(ctx.db, ctx.clock.now(), SYNC_LEASE_MS, batch);
  // A failure is recorded on the connection (and backs it off); the next connection is synced regardless.
  for (const row of claimed) await syncConnectionNow(ctx, row);
  return claimed.length;
}
