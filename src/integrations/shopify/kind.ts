import { Type } from 'typebox';
import type { ConnectionKind } from '../connection-kind.js';
import { shopifyRefundProvider } from './refund-provider.js';
import { syncShopify } from './sync.js';

/** A Shopify store connected with an Admin API access token (a custom app's install). */
export const shopifyKind: ConnectionKind = {
  kind: 'shopify',
  category: 'storefront',
  credentials: Type.Object(
    {
      accessToken: Type.String({ minLength: 1, maxLength: 500, description: 'Admin API access token (shpat_…)' }),
      apiSecretKey: Type.String({ minLength: 1, maxLength: 500, description: 'The app’s API secret key: verifies X-Shopify-Hmac-Sha256 on webhooks' }),
    },
    { additionalProperties: false },
  ),
  settings: Type.Object(
    {
      shopDomain: Type.String({ minLength: 1, maxLength: 255, pattern: '^[a-z0-9][a-z0-9-]*\\.myshopify\\.com$|^[a-z0-9.-]+(:[0-9]+)?$', description: 'your-store.myshopify.com' }),
      apiVersion: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$', description: 'Admin API version, e.g. 2026-07' })),
      baseUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 500, description: 'Only for a test server: the base URL to call instead of https://{shopDomain}' })),
      pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 250, description: 'Orders per back-fill page (default 250, Shopify’s most)' })),
      maxPagesPerRun: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: 'Pages one sync run reads before it stops and resumes at the next run (default 100)' })),
      retryBaseMs: Type.Optional(Type.Integer({ minimum: 1, maximum: 60_000, description: 'First backoff after a 5xx or a timeout, doubling (default 1000)' })),
      timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 120_000, description: 'How long one call may take (default 30 s)' })),
    },
    { additionalProperties: false },
  ),
  sync: syncShopify,
  refundProvider: shopifyRefundProvider,
};
