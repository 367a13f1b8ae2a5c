import { lt } from 'drizzle-orm';
import { idempotencyKeys, staffSessions } from '../../db/schema/index.js';
import { rateLimitsRepo } from '../../db/repos/rate-limits-repo.js';
import type { ServiceContext } from '../../services/context.js';

/** Idempotency keys are honoured for 24 hours (as Stripe does); expired sessions and rate-limit windows go too. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600_000;

export async function purgeExpired(ctx: ServiceContext) {
  const now = ctx.clock.now();
  await ctx.db.delete(staffSessions).where(lt(staffSessions.expiresAt, now));
  await rateLimitsRepo.purgeExpired(ctx.db);
  await ctx.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS)));
}
