import { Webhook } from 'standardwebhooks';
import { endpointUrlProblem } from '../../services/webhooks/addresses.js';
import { retryDelayMs } from '../../domain/webhooks/retry-schedule.js';
import { webhooksRepo, type DeliveryOutcome, type DeliveryRow, type EndpointRow } from '../../db/repos/webhooks-repo.js';
import { webhookAttempts } from '../../observability/metrics.js';
import type { ServiceContext } from '../../services/context.js';
import { postJson, type PostOutcome } from '../../services/webhooks/post-json.js';
import { decryptSecret } from '../../services/webhooks/secrets.js';

/**
 * Sends the webhook deliveries whose time has come. Each is claimed with SKIP LOCKED and leased
 * (its next attempt moved past the timeout) in one statement before the HTTP call, so two
 * workers never send one delivery at once, and a worker killed mid-call leaves it to be sent
 * again, with the same `webhook-id`: delivery is at least once, and receivers deduplicate on it.
 * The batch's outcomes are written together once every call has ended, within the lease: three
 * statements for a batch (claim, endpoints, outcomes), whatever its size.
 */
export async function sendDueWebhooks(ctx: ServiceContext, batch = 50, random: () => number = Math.random): Promise<number> {
  const now = ctx.clock.now();
  const claimed = await webhooksRepo.claimDue(ctx.db, now, batch, new Date(now.getTime() + ctx.config.webhookTimeoutMs + 5_000));
  if (claimed.length === 0) return 0;
  const endpoints = new Map((await webhooksRepo.endpointsOf(ctx.db, claimed)).map((e) => [`${e.shopId}/${e.id}`, e]));
  const outcomes = await Promise.all(claimed.map((d) => attempt(ctx, d, endpoints.get(`${d.shopId}/${d.endpointId}`), random)));
  await webhooksRepo.recordAttempts(
    ctx.db,
    outcomes.filter((o): o is DeliveryOutcome => o !== null),
  );
  return claimed.length;
}

/** Sends one delivery; what it leaves of the delivery, or null when it wrote that itself (410 Gone). */
async function attempt(ctx: ServiceContext, d: DeliveryRow, endpoint: EndpointRow | undefined, random: () => number): Promise<DeliveryOutcome | null> {
  if (!endpoint?.enabled) return { ...d, status: 'dead', nextAttemptAt: null, lastError: 'endpoint disabled' };
  const outcome = await post(ctx, d, endpoint);
  const now = ctx.clock.now();
  const answered = outcome.kind === 'answered' ? outcome : null;
  const common = { shopId: d.shopId, id: d.id, attempts: d.attempts + 1, lastAttemptAt: now, lastStatusCode: answered?.status ?? null };
  webhookAttempts.inc({ outcome: answered && answered.status >= 200 && answered.status < 300 ? 'delivered' : answered?.status === 410 ? 'gone' : 'failed' });
  if (answered && answered.status >= 200 && answered.status < 300) return { ...common, status: 'delivered', deliveredAt: now, nextAttemptAt: null, lastError: null };
  const error = answered ? `HTTP ${answered.status}${answered.body ? `: ${answered.body.slice(0, 300)}` : ''}` : (outcome as Extract<PostOutcome, { kind: 'failed' }>).error;
  if (answered?.status === 410) {
    // Gone: the receiver asks not to be called again (Standard Webhooks).
    await ctx.db.transaction(async (tx) => {
      await webhooksRepo.updateDelivery(tx, d, { ...common, status: 'dead', nextAttemptAt: null, lastError: error });
      await webhooksRepo.updateEndpoint(tx, d.shopId, d.endpointId, { enabled: false, disabledReason: 'The receiver answered 410 Gone', updatedAt: now });
      await webhooksRepo.killPending(tx, d.shopId, d.endpointId, 'endpoint disabled: the receiver answered 410 Gone', now);
    });
    return null;
  }
  const delay = retryDelayMs(common.attempts, random());
  return { ...common, status: delay === null ? 'dead' : 'pending', deliveredAt: null, nextAttemptAt: delay === null ? null : new Date(now.getTime() + delay), lastError: error };
}

function post(ctx: ServiceContext, d: DeliveryRow, endpoint: EndpointRow): Promise<PostOutcome> {
  const allowed = ctx.config.webhookAllowedHosts;
  const problem = endpointUrlProblem(endpoint.url, allowed, { publicUrl: ctx.config.publicUrl, port: ctx.config.port });
  if (problem) return Promise.resolve({ kind: 'failed', error: `URL refused: ${problem}` });
  const url = new URL(endpoint.url);
  const body = JSON.stringify(d.payload);
  const sentAt = ctx.clock.now();
  const signature = new Webhook(decryptSecret(ctx.config.secretKey, endpoint.secretEncrypted)).sign(d.id, sentAt, body);
  const headers = { 'webhook-id': d.id, 'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)), 'webhook-signature': signature };
  return postJson(url, body, headers, { timeoutMs: ctx.config.webhookTimeoutMs, allowPrivate: allowed.includes(url.hostname.replace(/^\[|\]$/g, '').toLowerCase()) });
}
