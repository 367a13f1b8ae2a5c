import { isRole } from '../../domain/auth/permissions.js';
import { apiKeysRepo } from '../../db/repos/api-keys-repo.js';
import { sessionsRepo } from '../../db/repos/staff-repo.js';
import type { ServiceContext } from '../context.js';
import type { Principal } from './principal.js';
import { TtlCache } from '../ttl-cache.js';
import { safeEqual, sha256 } from './tokens.js';

/** The staff member behind a session cookie, or null when the session is unknown, expired or disabled. */
export async function authenticateSession(ctx: ServiceContext, token: string): Promise<Principal | null> {
  const found = await sessionsRepo.findLive(ctx.db, sha256(token), ctx.clock.now());
  if (!found || found.staff.disabledAt !== null || !isRole(found.staff.role)) return null;
  return {
    kind: 'staff',
    id: found.staff.id,
    shopId: found.staff.shopId,
    role: found.staff.role,
    name: found.staff.name,
    csrfToken: found.session.csrfToken,
  };
}

const API_KEY_PATTERN = /^rtr_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{32,64})$/;

/**
 * Keys read in the last few seconds, so a busy connector's requests do not each read the
 * key. A key revoked here stops at once; revoked by another process, within API_KEY_CACHE_MS.
 */
export const API_KEY_CACHE_MS = 5_000;
const verifiedKeys = new TtlCache<string, { secretHash: string; principal: Principal }>(API_KEY_CACHE_MS);
/** When this process last recorded each key's use: the database hears of it once a minute at most. */
const lastTouched = new Map<string, number>();

export function forgetApiKey(prefix: string) {
  verifiedKeys.delete(prefix);
}

/** The API key behind a bearer token, or null when it is malformed, unknown or revoked. */
export async function authenticateApiKey(ctx: ServiceContext, presented: string): Promise<Principal | null> {
  const m = API_KEY_PATTERN.exec(presented);
  if (!m) return null;
  const [, prefix, secret] = m as unknown as [string, string, string];
  const secretHash = sha256(secret);
  // The key as stored (its secret's hash), read once by concurrent requests; each compares its own secret.
  const stored = await verifiedKeys.load(prefix, async () => {
    const key = await apiKeysRepo.findActiveByPrefix(ctx.db, prefix);
    if (!key || !isRole(key.role)) return undefined;
    return { secretHash: key.secretHash, principal: { kind: 'api_key' as const, id: key.id, shopId: key.shopId, role: key.role, name: key.name, platform: key.platform } };
  });
  const principal = stored && safeEqual(secretHash, stored.secretHash) ? stored.principal : null;
  if (principal) {
    const now = ctx.clock.now();
    if (now.getTime() - (lastTouched.get(principal.id) ?? 0) >= 60_000) {
      lastTouched.set(principal.id, now.getTime());
      await apiKeysRepo.touch(ctx.db, principal.shopId, principal.id, now);
    }
  }
  return principal;
}
