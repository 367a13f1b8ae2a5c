import type { ApiVersion } from '@shopify/shopify-api';
import { lazyModule } from '../../lazy-module.js';
import type { OpenConnection } from '../connection-kind.js';
import { RetryableError, withRetries, type RetryOptions } from '../storefront/retry.js';

/** Loaded by the first Shopify call of the process, with the Node.js adapter the SDK needs first. */
const loadShopifyApi = lazyModule(async () => {
  await import('@shopify/shopify-api/adapters/node');
  return import('@shopify/shopify-api');
});

export const DEFAULT_SHOPIFY_API_VERSION = '2026-07';

export interface ShopifySettings {
  shopDomain: string;
  apiVersion?: string;
  baseUrl?: string;
  pageSize?: number;
  retryBaseMs?: number;
  timeoutMs?: number;
}

export interface ShopifyPage<T> {
  body: T;
  /** The next page's request (Link header, rel="next"), when there is one. */
  next: { path: string; query: Record<string, string> } | null;
}

/**
 * The official SDK's REST client for one connection (a custom app's Admin API access token).
 * A `baseUrl` setting sends the same requests to another host (a test server). The SDK's own
 * retries are off: it reads Retry-After as milliseconds, so Retour retries itself, honouring
 * Retry-After in seconds as Shopify means it, and backing off on 5xx and timeouts.
 */
export function shopifyRest(connection: OpenConnection) {
  const settings = connection.settings as unknown as ShopifySettings;
  const base = settings.baseUrl ? new URL(settings.baseUrl) : null;
  const apiVersion = (settings.apiVersion ?? DEFAULT_SHOPIFY_API_VERSION) as ApiVersion;
  const retry: RetryOptions = { baseDelayMs: settings.retryBaseMs ?? 1000, timeoutMs: settings.timeoutMs ?? 30_000 };
  // Made by the first call, which loads the SDK.
  const sdk = lazyModule(async () => {
    const { HttpRequestError, HttpResponseError, HttpRetriableError, HttpThrottlingError, LogSeverity, Session, shopifyApi } = await loadShopifyApi();
    const shopify = shopifyApi({
      apiSecretKey: String(connection.credentials.apiSecretKey),
      adminApiAccessToken: String(connection.credentials.accessToken),
      isCustomStoreApp: true,
      isEmbeddedApp: false,
      apiVersion,
      hostName: 'retour.invalid',
      hostScheme: base?.protocol === 'http:' ? 'http' : 'https',
      logger: { level: LogSeverity.Error, log: async () => {} },
    });
    const session = new Session({ id: `retour-${connection.row.id}`, shop: base ? base.host : settings.shopDomain, state: '', isOnline: false });
    const client = new shopify.clients.Rest({ session, apiVersion });

    const classify = (err: unknown) => {
      if (err instanceof HttpThrottlingError) {
        const after = err.response.retryAfter;
        return new RetryableError(`Shopify: 429 Too Many Requests`, after !== undefined && Number.isFinite(after) ? Math.round(after * 1000) : null);
      }
      if (err instanceof HttpRetriableError) return new RetryableError(`Shopify: ${err.response.code} ${err.response.statusText}`, null);
      if (err instanceof HttpResponseError && err.response.code >= 500) return new RetryableError(`Shopify: ${err.response.code} ${err.response.statusText}`, null);
      if (err instanceof HttpRequestError || (err instanceof Error && /fetch failed|ECONN|socket/i.test(err.message))) return new RetryableError(`Shopify: ${err.message}`, null);
      if (err instanceof HttpResponseError) return new ShopifyRefusal(err.response.code, `Shopify: ${err.response.code} ${JSON.stringify(err.response.body).slice(0, 300)}`);
      return err;
    };
    return { client, classify };
  });

  return {
    async get<T>(path: string, query: Record<string, string | number> = {}): Promise<ShopifyPage<T>> {
      const { client, classify } = await sdk();
      const res = await withRetries(() => client.get<T>({ path, query: query as Record<string, string>, tries: 1 }), classify, retry);
      const next = res.pageInfo?.nextPage;
      return { body: res.body, next: next ? { path: next.path, query: next.query as Record<string, string> } : null };
    },
    /** `once`: a request that pays must not be repeated blindly (Shopify REST refunds take no idempotency key). */
    async post<T>(path: string, data: unknown, options: { once?: boolean } = {}): Promise<T> {
      const { client, classify } = await sdk();
      return (await withRetries(() => client.post<T>({ path, data: data as Record<string, unknown>, tries: 1 }), classify, { ...retry, ...(options.once ? { tries: 1 } : {}) })).body;
    },
  };
}

/** Shopify refused the request (4xx other than 429): retrying the same request cannot help. */
export class ShopifyRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
