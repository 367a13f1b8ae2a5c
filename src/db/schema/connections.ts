import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, shopId, updatedAt } from './columns.js';
import { shops } from './shops.js';

/**
 * A shop's link to an outside system (issues 16, 17, 20): a storefront, a payment rail, a
 * marketplace, a carrier or an SMS provider. Credentials are sealed with a key derived from
 * SECRET_KEY (services/secrets/sealed-box.ts); `settings` holds what is not secret; `cursor` is
 * where the last incremental sync stopped, in the connector's own terms.
 */
export const connections = pgTable(
  'connections',
  {
    shopId: shopId().references(() => shops.id),
    id: id(),
    /** The connector: `shopify`, `woocommerce`, `stripe`, … (integrations/kinds.ts). */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** `active`, `paused` (nothing syncs or is pushed), `error` (the last run failed; retried). */
    status: text('status').notNull().default('active'),
    credentialsSealed: text('credentials_sealed').notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    cursor: jsonb('cursor').$type<Record<string, unknown>>(),
    lastSyncAt: at('last_sync_at'),
    lastError: text('last_error'),
    lastErrorAt: at('last_error_at'),
    /** Failed runs in a row: the next run waits longer (backoff) and resets it on success. */
    failures: integer('failures').notNull().default(0),
    nextSyncAt: at('next_sync_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('connections_name_key').on(t.shopId, t.kind, t.name),
    // A webhook arrives with the connection id only (the shop comes from the row).
    uniqueIndex('connections_id_key').on(t.id),
    index('connections_due_idx').on(t.nextSyncAt).where(sql`${t.status} <> 'paused'`),
  ],
);

/** One run of a connection (a sync, a webhook delivery, a push): what went in and out, and what failed. */
export const connectionRuns = pgTable(
  'connection_runs',
  {
    shopId: shopId(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    connectionId: uuid('connection_id').notNull(),
    /** `sync`, `webhook`, `push`. */
    trigger: text('trigger').notNull(),
    /** `running`, `succeeded`, `failed`, `partial` (some items failed). */
    status: text('status').notNull(),
    itemsIn: integer('items_in').notNull().default(0),
    itemsOut: integer('items_out').notNull().default(0),
    /** Items that failed, by the platform's id: `[{ externalId, message }]`. */
    errors: jsonb('errors').$type<{ externalId: string | null; message: string }[]>().notNull().default([]),
    startedAt: at('started_at').notNull(),
    finishedAt: at('finished_at'),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('connection_runs_connection_idx').on(t.shopId, t.connectionId, t.startedAt.desc())],
);
