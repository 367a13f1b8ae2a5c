import { conflict } from '../../domain/errors.js';
import { idempotencyRepo } from '../../db/repos/idempotency-repo.js';
import type { ServiceContext } from '../context.js';

/**
 * A claimed key carries `fence`, the lock it took: its reply is stored, and the key freed, only
 * while that lock is still the key's. A retry that takes over a key whose lock ran out moves the
 * lock, so the first attempt — if it was slow rather than dead — can no longer commit its change.
 */
export type KeyClaim = { kind: 'claimed'; fence: Date } | { kind: 'replay'; status: number; body: unknown } | { kind: 'reused' } | { kind: 'in_progress' };

/**
 * Claims a shop's Idempotency-Key for a request (identified by its hash). A key already answered
 * replays its reply; one held by a request still running is in progress until its lock expires,
 * after which a retry takes the place of the attempt that died (or stalled).
 */
export async function claimKey(ctx: ServiceContext, shopId: string, key: string, requestHash: string): Promise<KeyClaim> {
  const now = ctx.clock.now();
  const lockedUntil = new Date(now.getTime() + ctx.config.idempotencyLockMs);
  if (await idempotencyRepo.claim(ctx.db, { shopId, key, requestHash, lockedUntil, createdAt: now })) return { kind: 'claimed', fence: lockedUntil };
  const row = await idempotencyRepo.find(ctx.db, shopId, key);
  if (!row) return { kind: 'in_progress' };
  if (row.requestHash !== requestHash) return { kind: 'reused' };
  if (row.responseStatus !== null) return { kind: 'replay', status: row.responseStatus, body: row.responseBody };
  if (row.lockedUntil > now) return { kind: 'in_progress' };
  return (await idempotencyRepo.takeOver(ctx.db, shopId, key, row.lockedUntil, lockedUntil)) ? { kind: 'claimed', fence: lockedUntil } : { kind: 'in_progress' };
}

export const keyInProgress = () => conflict('idempotency.in_progress', 'A request with this Idempotency-Key is being processed; retry shortly');

/** Stores the reply of a request that did not record it with its change; nothing when a retry took the key over. */
export const storeReply = (ctx: ServiceContext, shopId: string, key: string, fence: Date, status: number, body: unknown) => idempotencyRepo.complete(ctx.db, shopId, key, fence, status, body);
export const forgetKey = (ctx: ServiceContext, shopId: string, key: string, fence: Date) => idempotencyRepo.release(ctx.db, shopId, key, fence);
