import type { OpenConnection } from '../connection-kind.js';
import { shopifyRest } from './client.js';
import type { ShopifyOrder } from './mapping.js';

/** Topics whose payload is the order itself. */
const ORDER_TOPICS = new Set(['orders/create', 'orders/updated', 'orders/cancelled', 'orders/paid', 'orders/fulfilled', 'orders/partially_fulfilled', 'orders/edited']);
/** Topics about one order whose payload is something else (a refund, a fulfilment): the order is read again. */
const ORDER_CHILD_TOPICS = new Set(['refunds/create', 'fulfillments/create', 'fulfillments/update']);

/**
 * The orders a Shopify webhook is about, as full order payloads: the payload itself for order
 * topics; for refunds and fulfilments, the order as Shopify has it now (one REST read), so the
 * same mapping writes the refund, the shipment and the delivery date. Other topics: nothing.
 */
export async function ordersOfShopifyWebhook(connection: OpenConnection, topic: string, payload: Record<string, unknown>): Promise<ShopifyOrder[]> {
  if (ORDER_TOPICS.has(topic)) return [payload as unknown as ShopifyOrder];
  if (ORDER_CHILD_TOPICS.has(topic) && payload.order_id !== undefined) {
    const { body } = await shopifyRest(connection).get<{ order: ShopifyOrder }>(`orders/${String(payload.order_id)}`);
    return [body.order];
  }
  return [];
}
