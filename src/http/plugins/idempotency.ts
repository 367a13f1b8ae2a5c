import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalid, unprocessable } from '../../domain/errors.js';
import { sha256 } from '../../services/auth/tokens.js';
import { claimKey, forgetKey, keyInProgress, storeReply } from '../../services/idempotency/keys.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** JSON with object keys sorted, so the same body hashes the same however its keys are ordered. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const requestHash = (req: FastifyRequest) => sha256(`${req.method} ${req.url}\n${canonicalJson(req.body ?? null)}`);

/**
 * `Idempotency-Key` on authenticated POSTs: the first request with a key runs and its reply is
 * kept; the same key with the same request gets that reply again (`Idempotent-Replayed: true`);
 * the same key with another request is refused (422). Replies of 5xx are not kept, so the
 * client may retry them. Keys are scoped to the shop.
 */
export function registerIdempotency(app: FastifyInstance) {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || key === undefined || !req.principal || req.isMultipart()) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw invalid('idempotency.key_invalid', 'Idempotency-Key must be 1–255 visible ASCII characters');
    }
    const shopId = req.principal.shopId;
    const claim = await claimKey(app.ctx, shopId, key, requestHash(req));
    if (claim.kind === 'claimed') {
      req.idempotency = { shopId, key, fence: claim.fence };
      return;
    }
    if (claim.kind === 'reused') throw unprocessable('idempotency.key_reused', 'This Idempotency-Key was already used for a different request');
    if (claim.kind === 'in_progress') throw keyInProgress();
    return reply.code(claim.status).header('idempotent-replayed', 'true').send(claim.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.idempotency) return payload;
    if (req.idempotency.recorder?.body !== undefined && reply.statusCode < 500) {
      req.idempotency = null;
      return payload;
    }
    if (reply.statusCode >= 500) {
      await forgetKey(app.ctx, req.idempotency.shopId, req.idempotency.key, req.idempotency.fence);
    } else {
      let body: unknown = null;
      if (typeof payload === 'string' && payload.length > 0) {
        try {
          body = JSON.parse(payload);
        } catch {
          body = payload;
        }
      }
      await storeReply(app.ctx, req.idempotency.shopId, req.idempotency.key, req.idempotency.fence, reply.statusCode, body);
    }
    req.idempotency = null;
    return payload;
  });
}
