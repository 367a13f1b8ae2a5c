import { createHmac } from 'node:crypto';
import { AppError } from '../../domain/errors.js';
import { safeEqual } from '../auth/index.js';

/** How long a buyer's portal token lasts: long enough to fill in a return, short enough to leak little. */
export const PORTAL_TOKEN_TTL_MS = 2 * 3600_000;

export interface PortalScope {
  shopId: string;
  orderId: string;
  /** Expiry, milliseconds since the epoch. */
  expiresAt: number;
}

const PREFIX = 'pt1';

/** A key for portal tokens only, derived from the installation's secret (other uses never share it). */
const keyOf = (secret: string) => createHmac('sha256', secret).update('retour/portal-token/v1').digest();

const sign = (secret: string, payload: string) => createHmac('sha256', keyOf(secret)).update(payload).digest('base64url');

/**
 * A signed token scoped to one order of one shop: `pt1.<payload>.<hmac>`. Stateless, so any API
 * process can check it (docs/scaling.md); it cannot be revoked before it expires, hence the short life.
 */
export function issuePortalToken(secret: string, scope: { shopId: string; orderId: string }, now: Date): { token: string; expiresAt: Date } {
  const expiresAt = now.getTime() + PORTAL_TOKEN_TTL_MS;
  const payload = Buffer.from(JSON.stringify({ s: scope.shopId, o: scope.orderId, e: expiresAt })).toString('base64url');
  return { token: `${PREFIX}.${payload}.${sign(secret, payload)}`, expiresAt: new Date(expiresAt) };
}

const tokenInvalid = () => new AppError('unauthenticated', 'portal.token_invalid', 'Look up your order again to continue');

/** The scope of a valid token; 401 portal.token_invalid or portal.token_expired otherwise. */
export function verifyPortalToken(secret: string, token: string, now: Date): PortalScope {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || !parts[1] || !parts[2]) throw tokenInvalid();
  if (!safeEqual(sign(secret, parts[1]), parts[2])) throw tokenInvalid();
  let data: { s?: unknown; o?: unknown; e?: unknown };
  try {
    data = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as typeof data;
  } catch {
    throw tokenInvalid();
  }
  if (typeof data.s !== 'string' || typeof data.o !== 'string' || typeof data.e !== 'number') throw tokenInvalid();
  if (data.e <= now.getTime()) throw new AppError('unauthenticated', 'portal.token_expired', 'Your session has ended: look up your order again');
  return { shopId: data.s, orderId: data.o, expiresAt: data.e };
}
