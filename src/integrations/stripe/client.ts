import type Stripe from 'stripe';
import { lazyModule } from '../../lazy-module.js';
import type { OpenConnection } from '../connection-kind.js';

/** Loaded by the first Stripe call of the process: most never make one. */
export const loadStripe = lazyModule(() => import('stripe'));

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The official SDK for a Stripe connection. A `baseUrl` setting points it at another host (a
 * test server speaking Stripe's API). The SDK does not retry: Retour's refund worker does, with
 * the same idempotency key, and a webhook or a later query settles what is in flight.
 */
export async function stripeClient(connection: OpenConnection): Promise<Stripe> {
  const { default: StripeSdk } = await loadStripe();
  const settings = connection.settings as { baseUrl?: string; timeoutMs?: number };
  const base = settings.baseUrl ? new URL(settings.baseUrl) : null;
  return new StripeSdk(String(connection.credentials.secretKey), {
    maxNetworkRetries: 0,
    timeout: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    telemetry: false,
    ...(base
      ? { host: base.hostname, port: base.port || (base.protocol === 'http:' ? 80 : 443), protocol: base.protocol === 'http:' ? 'http' : 'https' }
      : {}),
  });
}
