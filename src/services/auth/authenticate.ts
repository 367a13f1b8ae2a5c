import { isRole } from '../../domain/auth/permissions.js';
import { apiKeysRepo } from '../../db/repos/api-keys-repo.js';
import { sessionsRepo } from '../../db/repos/staff-repo.js';
import type { ServiceContext } from '../context.js';
import type { Principal } from './principal.js';
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

/** The API key behind a bearer token, or null when it is malformed, unknown or revoked. */
export async function authenticateApiKey(ctx: ServiceContext, presented: string): Promise<Principal | null> {
  const m = API_KEY_PATTERN.exec(presented);
  if (!m) return null;
  const key = await apiKeysRepo.findActiveByPrefix(ctx.db, m[1]!);
  if (!key || !safeEqual(sha256(m[2]!), key.secretHash) || !isRole(key.role)) return null;
  await apiKeysRepo.touch(ctx.db, key.shopId, key.id, ctx.clock.now());
  return { kind: 'api_key', id: key.id, shopId: key.shopId, role: key.role, name: key.name };
}
