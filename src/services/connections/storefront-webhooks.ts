import { invalid, notFound, unauthenticated } from '../../domain/errors.js';
import { connectionsRepo } from '../../db/repos/connections-repo.js';
import { mapShopifyOrder } from '../../integrations/shopify/mapping.js';
import { ordersOfShopifyWebhook } from '../../integrations/shopify/webhooks.js';
import { validBase64HmacSha256 } from '../../integrations/storefront/signature.js';
import { mapWooOrder } from '../../integrations/woocommerce/mapping.js';
import type { ServiceContext } from '../context.js';
import { openConnection } from './connections.js';
import { loggedRun } from './run-connections.js';
import { writeStorefrontOrders } from './storefront-orders.js';

export interface StorefrontHook {
  platform: 'shopify' | 'woocommerce';
  connectionId: string;
  rawBody: Buffer;
  signature: string | undefined;
  topic: string | undefined;
}

const SECRET_FIELD = { shopify: 'apiSecretKey', woocommerce: 'webhookSecret' } as const;
const WOO_ORDER_TOPICS = new Set(['order.created', 'order.updated', 'order.restored']);

/**
 * A storefront's webhook: its signature (base64 HMAC-SHA256 of the raw body with the
 * connection's secret) is checked before anything is read or written; a bad or missing one is
 * 401. The orders it concerns are then written like a sync page, idempotently on the
 * platform's ids (a duplicate delivery changes nothing), and the delivery is logged.
 */
export async function receiveStorefrontWebhook(ctx: ServiceContext, hook: StorefrontHook) {
  const row = await connectionsRepo.byIdAnyShop(ctx.db, hook.connectionId);
  if (!row || row.kind !== hook.platform) throw notFound('connection.not_found', `No such ${hook.platform} connection`);
  const connection = openConnection(ctx, row);
  if (!hook.signature) throw unauthenticated('webhook.signature_missing', 'The webhook signature header is missing');
  if (!validBase64HmacSha256(String(connection.credentials[SECRET_FIELD[hook.platform]]), hook.rawBody, hook.signature)) {
    throw unauthenticated('webhook.signature_invalid', 'The webhook signature does not match this connection’s secret');
  }
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(hook.rawBody.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw invalid('webhook.malformed', 'The webhook body is not JSON');
  }
  const topic = hook.topic ?? '';
  let itemsIn = 0;
  if (row.status !== 'paused') {
    await loggedRun(ctx, row, 'webhook', async () => {
      const written =
        hook.platform === 'shopify'
          ? await writeStorefrontOrders(ctx, connection, 'shopify', await ordersOfShopifyWebhook(connection, topic, payload), mapShopifyOrder)
          : await writeStorefrontOrders(ctx, connection, 'woocommerce', WOO_ORDER_TOPICS.has(topic) ? [payload] : [], mapWooOrder);
      itemsIn = written.itemsIn;
      return { itemsIn: written.itemsIn, itemsOut: 0, errors: written.errors };
    });
  }
  return { received: true, topic, ordersWritten: itemsIn };
}
