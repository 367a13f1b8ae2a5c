import type { ServiceContext } from '../../services/context.js';
import { executeRefund } from '../../services/cases/refunds/execute-refund.js';
import { refundsRepo } from '../../db/repos/refunds-repo.js';

/**
 * Pays refunds whose provider call failed, or whose process died before calling: every pending
 * refund past its next attempt time. The claim (FOR UPDATE SKIP LOCKED) moves the next attempt
 * forward, so two workers never call the provider for the same refund at once.
 */
export async function retryDueRefunds(ctx: ServiceContext, batch = 50, stopping: () => boolean = () => false): Promise<number> {
  const claimed = await ctx.db.transaction(async (tx) => {
    const due = await refundsRepo.claimDue(tx, ctx.clock.now(), batch);
    // A worker that dies mid-call leaves its refunds this long; a call that outlives the lease may be
    // made twice, with the same idempotency key, which a provider pays once.
    const lease = new Date(ctx.clock.now().getTime() + ctx.config.refundCallLeaseMs);
    for (const r of due) await refundsRepo.settle(tx, r.shopId, r.id, { nextAttemptAt: lease });
    return due;
  });
  let called = 0;
  for (const r of claimed) {
    // Shutting down: the refunds not called yet are handed back (their lease released) for
    // another worker to pay now, rather than in a minute when the lease would expire.
    if (stopping()) {
      const now = ctx.clock.now();
      for (const rest of claimed.slice(called)) await refundsRepo.settle(ctx.db, rest.shopId, rest.id, { nextAttemptAt: now });
      break;
    }
    await executeRefund(ctx, r.shopId, r.id);
    called++;
  }
  return called;
}
