import { conflict, notFound } from '../../domain/errors.js';
import { webhooksRepo, type DeliveryRow } from '../../db/repos/webhooks-repo.js';
import type { ServiceContext } from '../context.js';
import { decodeTimeCursor, timePage } from '../pagination.js';
import { getEndpoint } from './endpoints.js';

export type { DeliveryRow };

export async function listDeliveries(
  ctx: ServiceContext,
  shopId: string,
  endpointId: string,
  query: { status?: DeliveryRow['status']; eventType?: string; cursor?: string; limit?: number },
): Promise<{ data: DeliveryRow[]; nextCursor: string | null }> {
  await getEndpoint(ctx, shopId, endpointId);
  const limit = query.limit ?? 50;
  return timePage(await webhooksRepo.deliveries(ctx.db, shopId, endpointId, query, decodeTimeCursor(query.cursor), limit + 1), limit);
}

/** Sends one delivery again now, with its original `webhook-id`, and a fresh retry schedule. */
export async function replayDelivery(ctx: ServiceContext, shopId: string, id: string): Promise<DeliveryRow> {
  const d = await webhooksRepo.delivery(ctx.db, shopId, id);
  if (!d) throw notFound('webhook_delivery.not_found', 'No such webhook delivery in this shop');
  const endpoint = await getEndpoint(ctx, shopId, d.endpointId);
  if (!endpoint.enabled) throw conflict('webhook.endpoint_disabled', 'Enable the endpoint before replaying its deliveries', { endpointId: endpoint.id });
  return (await webhooksRepo.updateDelivery(ctx.db, d, { status: 'pending', attempts: 0, nextAttemptAt: ctx.clock.now() }))!;
}

/** Queues every event since `since` that the endpoint takes, again or for the first time. */
export async function replaySince(ctx: ServiceContext, shopId: string, endpointId: string, since: Date): Promise<number> {
  const endpoint = await getEndpoint(ctx, shopId, endpointId);
  if (!endpoint.enabled) throw conflict('webhook.endpoint_disabled', 'Enable the endpoint before replaying its deliveries', { endpointId });
  return webhooksRepo.requeueSince(ctx.db, endpoint, since, ctx.clock.now());
}
