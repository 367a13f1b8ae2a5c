import { Type } from 'typebox';
import type { ConnectionKind } from '../connection-kind.js';
import { wooRefundProvider } from './refund-provider.js';
import { syncWoo } from './sync.js';

/** A WooCommerce store connected with a REST API consumer key and secret (WooCommerce → Settings → Advanced → REST API). */
export const wooKind: ConnectionKind = {
  kind: 'woocommerce',
  category: 'storefront',
  credentials: Type.Object(
    {
      consumerKey: Type.String({ minLength: 1, maxLength: 200, description: 'REST API consumer key (ck_…), read/write' }),
      consumerSecret: Type.String({ minLength: 1, maxLength: 200, description: 'REST API consumer secret (cs_…)' }),
      webhookSecret: Type.String({ minLength: 1, maxLength: 200, description: 'The secret set on the store’s webhooks: verifies X-WC-Webhook-Signature' }),
    },
    { additionalProperties: false },
  ),
  settings: Type.Object(
    {
      url: Type.String({ format: 'uri', maxLength: 500, description: 'The store’s address, e.g. https://shop.example.com' }),
      apiRefund: Type.Optional(Type.Boolean({ description: 'Ask the payment gateway to pay refunds back (default true); off for gateways without refunds' })),
      pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Orders per back-fill page (default 100, WooCommerce’s most)' })),
      maxPagesPerRun: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: 'Pages one sync run reads before it resumes at the next run (default 100)' })),
      retryBaseMs: Type.Optional(Type.Integer({ minimum: 1, maximum: 60_000, description: 'First backoff after a 5xx or a timeout, doubling (default 1000)' })),
      timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 120_000, description: 'How long one call may take (default 30 s)' })),
    },
    { additionalProperties: false },
  ),
  sync: syncWoo,
  refundProvider: wooRefundProvider,
};
