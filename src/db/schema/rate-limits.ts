import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { at } from './columns.js';

/**
 * Fixed-window counters shared by every process (sign-in attempts, portal look-ups): kept in the
 * database so N processes enforce one limit and a restart forgets nothing. Not shop-scoped: the
 * keys name an address (and an order) before anyone is signed in. Expired rows are purged by
 * the worker; an expired row found first is simply restarted.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('rate_limit_counters_expires_idx').on(t.expiresAt)],
);
