import { lt, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.js';
import { rateLimitCounters } from '../schema/index.js';

export interface CounterState {
  hits: number;
  /** Milliseconds until the window ends (0 when there is no live window). */
  ttlMs: number;
}

/**
 * Fixed windows timed by the database's clock, so processes on machines whose clocks differ
 * still agree on when a window ends. One upsert per hit: concurrent hits on one key serialise
 * on its row and none is lost.
 */
export const rateLimitsRepo = {
  async hit(db: Executor, key: string, windowMs: number): Promise<CounterState> {
    const [row] = await queryRows<{ hits: number; ttl_ms: number }>(
      db,
      sql`insert into rate_limit_counters as c (key, hits, expires_at)
          values (${key}, 1, now() + make_interval(secs => ${windowMs / 1000}::float8))
          on conflict (key) do update set
            hits = case when c.expires_at <= now() then 1 else c.hits + 1 end,
            expires_at = case when c.expires_at <= now() then excluded.expires_at else c.expires_at end
          returning hits, greatest(0, ceil(extract(epoch from (expires_at - now())) * 1000))::int8 as ttl_ms`,
    );
    return { hits: row!.hits, ttlMs: Number(row!.ttl_ms) };
  },

  async peek(db: Executor, key: string): Promise<CounterState> {
    const [row] = await queryRows<{ hits: number; ttl_ms: number }>(
      db,
      sql`select hits, ceil(extract(epoch from (expires_at - now())) * 1000)::int8 as ttl_ms
          from rate_limit_counters where key = ${key} and expires_at > now()`,
    );
    return row ? { hits: row.hits, ttlMs: Number(row.ttl_ms) } : { hits: 0, ttlMs: 0 };
  },

  /** Windows ended by the database's clock, the one that timed them. */
  async purgeExpired(db: Executor): Promise<void> {
    await db.delete(rateLimitCounters).where(lt(rateLimitCounters.expiresAt, sql`now()`));
  },
};
