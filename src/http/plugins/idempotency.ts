import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { conflict, invalid, unprocessable } from '../../domain/errors.js';
import { idempotencyKeys } from '../../db/schema/index.js';
import { sha256 } from '../../services/auth/tokens.js';

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
    const { db, clock } = app.ctx;
    const shopId = req.principal.shopId;
    const hash = requestHash(req);
    const now = clock.now();
    const lockedUntil = new Date(now.getTime() + app.ctx.config.idempotencyLockMs);
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ shopId, key, requestHash: hash, lockedUntil, createdAt: now })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length > 0) {
      req.idempotency = { shopId, key };
      return;
    }
    const where = and(eq(idempotencyKeys.shopId, shopId), eq(idempotencyKeys.key, key));
    const [row] = await db.select().from(idempotencyKeys).where(where);
    if (!row) throw conflict('idempotency.in_progress', 'A request with this Idempotency-Key is being processed; retry shortly');
    if (row.requestHash !== hash) {
      throw unprocessable('idempotency.key_reused', 'This Idempotency-Key was already used for a different request');
    }
    if (row.responseStatus !== null) {
      return reply.code(row.responseStatus).header('idempotent-replayed', 'true').send(row.responseBody);
    }
    if (row.lockedUntil > now) {
      throw conflict('idempotency.in_progress', 'A request with this Idempotency-Key is being processed; retry shortly');
    }
    // The first attempt died without answering: this retry takes its place.
    const taken = await db
      .update(idempotencyKeys)
      .set({ lockedUntil })
      .where(and(where, eq(idempotencyKeys.lockedUntil, row.lockedUntil)))
      .returning({ key: idempotencyKeys.key });
    if (taken.length === 0) throw conflict('idempotency.in_progress', 'A request with this Idempotency-Key is being processed; retry shortly');
    req.idempotency = { shopId, key };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.idempotency) return payload;
    if (req.idempotency.recorder?.body !== undefined && reply.statusCode < 500) {
      req.idempotency = null;
      return payload;
    }
    const { db } = app.ctx;
    const where = and(eq(idempotencyKeys.shopId, req.idempotency.shopId), eq(idempotencyKeys.key, req.idempotency.key));
    if (reply.statusCode >= 500) {
      await db.delete(idempotencyKeys).where(where);
    } else {
      let body: unknown = null;
      if (typeof payload === 'string' && payload.length > 0) {
        try {
          body = JSON.parse(payload);
        } catch {
          body = payload;
        }
      }
      await db.update(idempotencyKeys).set({ responseStatus: reply.statusCode, responseBody: body }).where(where);
    }
    req.idempotency = null;
    return payload;
  });
}
