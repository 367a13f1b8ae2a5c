import { RetryableError, withRetries } from '../storefront/retry.js';
import { MarketplaceAuthError, MarketplaceRefusal } from './adapter.js';

/**
 * A platform's JSON as it arrives: read field by field, each checked or converted where it is used
 * (the platforms document their payloads loosely, and older records lack newer fields).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped platform payloads, see above
export type Json = Record<string, any>;

/** How one platform's answers read: the data, or an error that is a rate limit, an expired token, or a refusal. */
export type PlatformAnswer = { ok: true; data: Json } | { ok: false; kind: 'rate_limited' | 'auth' | 'refused' | 'server'; code: string; message: string };

export interface TransportSettings {
  retryBaseMs?: number;
  timeoutMs?: number;
  tries?: number;
}

/**
 * One signed HTTP call to a marketplace, retried: rate limits and 5xx back off, an expired token
 * fails at once with MarketplaceAuthError (the connection shows it; a person renews the token),
 * other refusals fail at once with MarketplaceRefusal. `build` signs afresh for every attempt
 * (timestamps are part of the signature).
 */
export async function signedCall(
  platform: string,
  build: () => { url: string; init: RequestInit },
  read: (status: number, body: unknown) => PlatformAnswer,
  settings: TransportSettings,
): Promise<Json> {
  return withRetries(
    async () => {
      const { url, init } = build();
      const res = await fetch(url, init);
      const text = await res.text();
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      if (res.status === 429) throw new RetryableError(`${platform}: 429 Too Many Requests`, retryAfterMs(res.headers.get('retry-after')));
      if (res.status >= 500) throw new RetryableError(`${platform}: HTTP ${res.status}`, null);
      const answer = read(res.status, body);
      if (answer.ok) return answer.data;
      if (answer.kind === 'rate_limited' || answer.kind === 'server') throw new RetryableError(`${platform}: ${answer.code} ${answer.message}`, null);
      if (answer.kind === 'auth') throw new MarketplaceAuthError(`${platform}: the access token was refused (${answer.code} ${answer.message}); renew it in Settings → Connections`);
      throw new MarketplaceRefusal(answer.code, `${platform}: ${answer.code} ${answer.message}`);
    },
    (err) => (err instanceof Error && /fetch failed|ECONN|socket/i.test(err.message) ? new RetryableError(`${platform}: ${err.message}`, null) : err),
    { baseDelayMs: settings.retryBaseMs ?? 1000, timeoutMs: settings.timeoutMs ?? 30_000, tries: settings.tries ?? 5 },
  );
}

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) ? Math.round(seconds * 1000) : null;
}

export const form = (params: Record<string, string>) => new URLSearchParams(params).toString();
