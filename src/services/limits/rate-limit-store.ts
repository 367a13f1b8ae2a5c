import { rateLimitsRepo } from '../../db/repos/rate-limits-repo.js';
import type { Database } from '../../db/client.js';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;
/** What the plugin passes to `child`: the merged limit options, with the route's method and url. */
type ChildOptions = object;

/**
 * A `@fastify/rate-limit` store over the `rate_limit_counters` table: every process of a
 * deployment counts in the same rows, so N processes enforce one limit and a restart keeps the
 * counts. Each route limit (and each `createRateLimit`) gets its own key prefix, as the plugin's
 * Redis store does.
 */
export function databaseRateLimitStore(db: Database) {
  class DatabaseRateLimitStore {
    constructor(
      _globalParams?: unknown,
      private readonly prefix = 'rl:',
    ) {}

    incr(key: string, cb: Callback, timeWindow: number) {
      rateLimitsRepo.hit(db, this.prefix + key, timeWindow).then(
        (s) => cb(null, { current: s.hits, ttl: s.ttlMs }),
        (err: Error) => cb(err),
      );
    }

    read(key: string, cb: Callback) {
      rateLimitsRepo.peek(db, this.prefix + key).then(
        (s) => cb(null, { current: s.hits, ttl: s.ttlMs }),
        (err: Error) => cb(err),
      );
    }

    child(routeOptions: ChildOptions) {
      const { method, url } = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new DatabaseRateLimitStore(undefined, `${this.prefix}${[method ?? ''].flat().join(',')}${url ?? ''}-`);
    }
  }
  return DatabaseRateLimitStore;
}
