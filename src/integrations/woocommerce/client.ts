import { lazyModule } from '../../lazy-module.js';
import type { OpenConnection } from '../connection-kind.js';
import { RetryableError, withRetries, type RetryOptions } from '../storefront/retry.js';

interface WooApi {
  get(path: string, params?: Record<string, unknown>): Promise<{ data: unknown; headers?: Record<string, string> }>;
  post(path: string, data: Record<string, unknown>): Promise<{ data: unknown }>;
}
/** Loaded by the first WooCommerce call of the process. */
const loadWooCommerceRestApi = lazyModule(async () => {
  const WooModule = (await import('@woocommerce/woocommerce-rest-api')).default;
  // The package is CommonJS with `exports.default`: under ESM the class is one level down.
  return ((WooModule as unknown as { default?: unknown }).default ?? WooModule) as unknown as new (options: Record<string, unknown>) => WooApi;
});

export interface WooSettings {
  url: string;
  pageSize?: number;
  retryBaseMs?: number;
  timeoutMs?: number;
  apiRefund?: boolean;
  maxPagesPerRun?: number;
}

/** WooCommerce refused the request (4xx other than 429). */
export class WooRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface AxiosLikeError {
  response?: { status: number; headers?: Record<string, string>; data?: unknown };
  code?: string;
  message: string;
}

/**
 * The official client (`@woocommerce/woocommerce-rest-api`, consumer key and secret; HTTPS
 * uses basic auth, plain HTTP OAuth 1.0a as WooCommerce requires), with Retour's retries:
 * 429 honours Retry-After, 5xx and timeouts back off.
 */
export function wooRest(connection: OpenConnection) {
  const settings = connection.settings as unknown as WooSettings;
  // Made by the first call, which loads the package.
  const api = lazyModule(async () => {
    const WooCommerceRestApi = await loadWooCommerceRestApi();
    return new WooCommerceRestApi({
      url: settings.url,
      consumerKey: String(connection.credentials.consumerKey),
      consumerSecret: String(connection.credentials.consumerSecret),
      version: 'wc/v3',
      timeout: settings.timeoutMs ?? 30_000,
    });
  });
  const retry: RetryOptions = { baseDelayMs: settings.retryBaseMs ?? 1000, timeoutMs: (settings.timeoutMs ?? 30_000) + 1000 };
  const classify = (raw: unknown) => {
    const err = raw as AxiosLikeError;
    const status = err.response?.status;
    if (status === 429) {
      const after = Number(err.response?.headers?.['retry-after']);
      return new RetryableError('WooCommerce: 429 Too Many Requests', Number.isFinite(after) ? Math.round(after * 1000) : null);
    }
    if (status === undefined || status >= 500) return new RetryableError(`WooCommerce: ${status ?? err.code ?? err.message}`, null);
    return new WooRefusal(status, `WooCommerce: ${status} ${JSON.stringify(err.response?.data ?? '').slice(0, 300)}`);
  };
  return {
    async get<T>(path: string, params: Record<string, string | number> = {}): Promise<{ body: T; totalPages: number | null }> {
      const client = await api();
      const res = await withRetries(() => client.get(path, params), classify, retry);
      const pages = Number(res.headers?.['x-wp-totalpages']);
      return { body: res.data as T, totalPages: Number.isFinite(pages) ? pages : null };
    },
    /** Never retried here: a refund must not be asked for twice blindly (the refund worker looks first). */
    async post<T>(path: string, data: unknown): Promise<T> {
      const client = await api();
      return (await withRetries(() => client.post(path, data as Record<string, unknown>), classify, { ...retry, tries: 1 })).data as T;
    },
  };
}
