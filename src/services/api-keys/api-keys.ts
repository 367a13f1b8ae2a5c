import { keyedTransaction, type KeyedReplyOf } from '../idempotency/index.js';
import { randomBytes } from 'node:crypto';
import type { Role } from '../../domain/auth/permissions.js';
import { notFound } from '../../domain/errors.js';
import { apiKeysRepo, type ApiKeyRow } from '../../db/repos/api-keys-repo.js';
import type { ServiceContext } from '../context.js';
import { forgetApiKey } from '../auth/index.js';
import { randomToken, sha256 } from '../auth/index.js';

export type { ApiKeyRow };

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomPrefix(): string {
  return [...randomBytes(12)].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}

/** Creates a key and returns its secret, which is never stored and cannot be shown again. */
export async function createApiKey(
  ctx: ServiceContext,
  input: { shopId: string; name: string; role: Role; platform?: boolean; createdBy?: string },
  reply?: KeyedReplyOf<{ key: string; row: ApiKeyRow }>,
): Promise<{ key: string; row: ApiKeyRow }> {
  const prefix = randomPrefix();
  const secret = randomToken(32);
  return keyedTransaction(ctx.db, reply, async (tx) => {
    const row = await apiKeysRepo.insert(tx, {
      shopId: input.shopId,
      name: input.name,
      role: input.role,
      platform: input.platform ?? false,
      prefix,
      secretHash: sha256(secret),
      createdBy: input.createdBy,
      createdAt: ctx.clock.now(),
    });
    return { key: `rtr_${prefix}_${secret}`, row };
  });
}

export const listApiKeys = (ctx: ServiceContext, shopId: string) => apiKeysRepo.list(ctx.db, shopId);

export async function revokeApiKey(ctx: ServiceContext, shopId: string, id: string): Promise<ApiKeyRow> {
  const revoked = await apiKeysRepo.revoke(ctx.db, shopId, id, ctx.clock.now());
  if (revoked) {
    forgetApiKey(revoked.prefix);
    return revoked;
  }
  const existing = await apiKeysRepo.findById(ctx.db, shopId, id);
  if (!existing) throw notFound('api_key.not_found', 'No such API key');
  return existing; // already revoked: revoking again changes nothing
}
