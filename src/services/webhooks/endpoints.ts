import { keyedTransaction, type KeyedReplyOf } from '../idempotency/index.js';
import { uuidv7 } from 'uuidv7';
import { notFound, unprocessable } from '../../domain/errors.js';
import { endpointUrlProblem } from './addresses.js';
import { webhooksRepo, type EndpointRow } from '../../db/repos/webhooks-repo.js';
import { EVENT_TYPES } from '../events.js';
import type { ServiceContext } from '../context.js';
import { encryptSecret, newSigningSecret } from './secrets.js';

export type { EndpointRow };

export interface EndpointInput {
  url: string;
  /** The shop's own signing secret (whsec_ and at least 24 random bytes, base64); one is generated when absent. */
  secret?: string;
  description?: string | null;
  eventTypes: string[];
  enabled?: boolean;
}

const URL_PROBLEMS = {
  not_a_url: 'is not a URL',
  scheme: 'must use https (or http)',
  credentials: 'must not carry a user name or password',
  private_address: 'points to a private, loopback or link-local address; set WEBHOOK_ALLOWED_HOSTS to allow it',
  self: "points at Retour's own API",
} as const;

function checkUrl(ctx: ServiceContext, url: string) {
  const problem = endpointUrlProblem(url, ctx.config.webhookAllowedHosts, { publicUrl: ctx.config.publicUrl, port: ctx.config.port });
  if (problem) throw unprocessable('webhook.url_not_allowed', `The URL ${URL_PROBLEMS[problem]}`, { field: 'url', problem });
}

function checkEventTypes(types: string[]) {
  const unknown = types.filter((t) => t !== '*' && !(EVENT_TYPES as readonly string[]).includes(t));
  if (types.length === 0 || unknown.length > 0) {
    throw unprocessable('webhook.event_type_unknown', types.length === 0 ? 'Name at least one event type, or * for all' : `Unknown event types: ${unknown.join(', ')}`, {
      field: 'eventTypes',
      unknown,
      known: [...EVENT_TYPES],
    });
  }
}

/** A secret a shop brings must be Standard Webhooks' format and at least 24 bytes (192 bits) long. */
function checkSecret(secret: string) {
  const body = secret.startsWith('whsec_') ? secret.slice(6) : null;
  const bytes = body !== null && /^[A-Za-z0-9+/]+={0,2}$/.test(body) ? Buffer.from(body, 'base64').length : 0;
  if (bytes < 24 || bytes > 64) {
    throw unprocessable('webhook.secret_invalid', 'A signing secret is whsec_ followed by 24 to 64 random bytes in base64', { field: 'secret', bytes });
  }
}

/** A new endpoint; its signing secret is returned this once and stored only encrypted. */
export async function createEndpoint(
  ctx: ServiceContext,
  shopId: string,
  input: EndpointInput,
  reply?: KeyedReplyOf<{ endpoint: EndpointRow; secret: string }>,
): Promise<{ endpoint: EndpointRow; secret: string }> {
  checkUrl(ctx, input.url);
  checkEventTypes(input.eventTypes);
  if (input.secret !== undefined) checkSecret(input.secret);
  const secret = input.secret ?? newSigningSecret();
  const now = ctx.clock.now();
  return keyedTransaction(ctx.db, reply, async (tx) => {
    const endpoint = await webhooksRepo.insertEndpoint(tx, {
      shopId,
      id: uuidv7(),
      url: input.url,
      description: input.description ?? null,
      secretEncrypted: encryptSecret(ctx.config.secretKey, secret),
      eventTypes: [...new Set(input.eventTypes)],
      enabled: input.enabled ?? true,
      createdAt: now,
      updatedAt: now,
    });
    return { endpoint, secret };
  });
}

export async function getEndpoint(ctx: ServiceContext, shopId: string, id: string): Promise<EndpointRow> {
  const endpoint = await webhooksRepo.endpoint(ctx.db, shopId, id);
  if (!endpoint) throw notFound('webhook.not_found', 'No such webhook endpoint in this shop');
  return endpoint;
}

export const listEndpoints = (ctx: ServiceContext, shopId: string) => webhooksRepo.listEndpoints(ctx.db, shopId);

/** Re-enabling clears the reason it was disabled; a new secret can be asked for (returned once). */
export async function updateEndpoint(
  ctx: ServiceContext,
  shopId: string,
  id: string,
  input: Partial<EndpointInput> & { rotateSecret?: boolean },
): Promise<{ endpoint: EndpointRow; secret: string | null }> {
  if (input.url !== undefined) checkUrl(ctx, input.url);
  if (input.eventTypes !== undefined) checkEventTypes(input.eventTypes);
  if (input.secret !== undefined) checkSecret(input.secret);
  const secret = input.secret ?? (input.rotateSecret ? newSigningSecret() : null);
  const endpoint = await webhooksRepo.updateEndpoint(ctx.db, shopId, id, {
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.eventTypes !== undefined ? { eventTypes: [...new Set(input.eventTypes)] } : {}),
    ...(input.enabled !== undefined ? { enabled: input.enabled, ...(input.enabled ? { disabledReason: null } : {}) } : {}),
    ...(secret ? { secretEncrypted: encryptSecret(ctx.config.secretKey, secret) } : {}),
    updatedAt: ctx.clock.now(),
  });
  if (!endpoint) throw notFound('webhook.not_found', 'No such webhook endpoint in this shop');
  return { endpoint, secret };
}

export async function deleteEndpoint(ctx: ServiceContext, shopId: string, id: string) {
  if (!(await webhooksRepo.deleteEndpoint(ctx.db, shopId, id))) throw notFound('webhook.not_found', 'No such webhook endpoint in this shop');
}

export const takesEvent = (e: Pick<EndpointRow, 'eventTypes'>, type: string) => e.eventTypes.includes('*') || e.eventTypes.includes(type);
