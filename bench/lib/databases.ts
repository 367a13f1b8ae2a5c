import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config.js';
import { openPglite, openPostgres, type DatabaseHandle } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { systemClock, type ServiceContext } from '../../src/services/context.js';

/** Admin connection: creates and drops the benchmark databases. */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export function databaseUrlWith(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let availability: Promise<string | null> | undefined;

/** null when PostgreSQL answers at ADMIN_URL; otherwise why not (the benchmarks print it and skip). */
export function postgresUnavailable(): Promise<string | null> {
  availability ??= withAdmin((c) => c.query('select 1')).then(
    () => null,
    (err: unknown) => `PostgreSQL unreachable at ${redact(ADMIN_URL)}: ${(err as Error).message || String(err)}`,
  );
  return availability;
}

export function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

const created = new Set<string>();

export interface BenchDatabase {
  name: string;
  url: string;
  /**
   * Refreshes the planner's statistics, as Retour's worker does every 30 s (planner-statistics)
   * and autovacuum every minute. A server run with WORKER=off would otherwise keep, on each
   * pooled connection, the plans it prepared while the case tables were empty (an index range on
   * the shop filtered by customer: every statement reads all the shop's cases).
   */
  analyze(): Promise<void>;
  drop(): Promise<void>;
}

/** A new, empty, migrated PostgreSQL database `retour_bench_<label>_…`, dropped by drop(). */
export async function createPostgresDatabase(label: string): Promise<BenchDatabase> {
  const name = `retour_bench_${label.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  created.add(name);
  const url = databaseUrlWith(ADMIN_URL, name);
  const handle = await openPostgres(url, 1);
  try {
    await migrate(handle.db);
  } finally {
    await handle.close();
  }
  const analyze = async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      await client.query('analyze');
    } finally {
      await client.end();
    }
  };
  return { name, url, analyze, drop: () => dropDatabase(name) };
}

async function dropDatabase(name: string) {
  await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
  created.delete(name);
}

/** Drops every database this process created and has not dropped yet (after a failure or Ctrl-C). */
export async function dropLeftoverDatabases() {
  for (const name of [...created]) await dropDatabase(name).catch(() => {});
}

export function tempDir(label: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `retour-bench-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Configuration for in-process benchmarks: nothing from the caller's environment leaks in. */
export function benchConfig(dataDir: string, databaseUrl?: string): Config {
  return loadConfig({
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    SECRET_KEY: 'bench-secret-key-that-is-long-enough-0123456789',
    LOG_LEVEL: 'silent',
    DEMO: 'off',
    WORKER: 'off',
  });
}

export interface BenchRuntime {
  kind: 'pglite' | 'postgres';
  ctx: ServiceContext;
  handle: DatabaseHandle;
  /** PostgreSQL only: the benchmark database. */
  databaseUrl?: string;
  /** Closes the connections (once); the database stays until dispose(). */
  close(): Promise<void>;
  /** Closes and removes the database (drops the PostgreSQL database, deletes the PGlite directory). */
  dispose(): Promise<void>;
}

function closeOnce(handle: DatabaseHandle): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= handle.close());
}

/** A fresh migrated database of the given kind with a service context on it. */
export async function openRuntime(kind: 'pglite' | 'postgres', label: string, poolSize = 10): Promise<BenchRuntime> {
  const temp = tempDir(label);
  try {
    if (kind === 'postgres') {
      const database = await createPostgresDatabase(label);
      const handle = await openPostgres(database.url, poolSize);
      const close = closeOnce(handle);
      return {
        kind,
        handle,
        databaseUrl: database.url,
        ctx: { db: handle.db, clock: systemClock, config: benchConfig(temp.dir, database.url) },
        close,
        async dispose() {
          await close();
          await database.drop();
          temp.remove();
        },
      };
    }
    const handle = await openPglite({ dataDir: join(temp.dir, 'pglite') });
    await migrate(handle.db);
    const close = closeOnce(handle);
    return {
      kind,
      handle,
      ctx: { db: handle.db, clock: systemClock, config: benchConfig(temp.dir) },
      close,
      async dispose() {
        await close();
        temp.remove();
      },
    };
  } catch (err) {
    temp.remove();
    throw err;
  }
}

/** Facts about the PostgreSQL server that explain figures (printed in the run header). */
export async function postgresFacts(): Promise<string> {
  return withAdmin(async (c) => {
    const version = (await c.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]?.v;
    const settings = await c.query<{ name: string; setting: string }>(
      `select name, setting from pg_settings where name in ('autovacuum', 'fsync', 'synchronous_commit', 'shared_buffers', 'max_connections') order by name`,
    );
    return `PostgreSQL ${version} (${settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ')})`;
  });
}

/**
 * The indexes that read the most tuples in a benchmark database: a plan gone wrong (an index
 * scanned whole for each lookup) shows here as millions of tuples read. Statistics reach the
 * server when a connection ends, so call this after the benchmark closed its connections.
 */
export async function hotIndexes(url: string, limit = 3): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ index: string; scans: string; read: string }>(
      `select indexrelname as index, idx_scan::text as scans, idx_tup_read::text as read
         from pg_stat_user_indexes where idx_tup_read > 0 order by idx_tup_read desc limit $1`,
      [limit],
    );
    return rows.map((r) => `${r.index} ${Number(r.scans).toLocaleString('en-US')} scans/${Number(r.read).toLocaleString('en-US')} tuples`).join('; ');
  } finally {
    await client.end();
  }
}
