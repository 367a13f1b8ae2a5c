import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { lazyModule } from '../lazy-module.js';
import { DB_IDLE_TIMEOUT_S, PGLITE_SHARED_BUFFERS_MB, type Config } from '../config.js';
import * as schema from './schema/index.js';
import { runPipeline } from './pipeline.js';
import { useFastSqlCompiler } from './sql-compiler.js';
import { preparedStatements, type PgliteQuery } from './pglite-prepared.js';
import { statementName } from './statement-name.js';
import { assertMaySend } from './read-phase.js';

/**
 * Each driver loads with the first database of its kind (with Drizzle's adapter for it, which
 * imports it): a process on PostgreSQL never loads PGlite's WebAssembly Postgres, nor one on
 * PGlite node-postgres (docs/operations.md, Memory).
 */
const loadPostgresDriver = lazyModule(async () => {
  const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  // int8 comes back from node-postgres as a string; Retour's int8 columns hold minor units and
  // counts that stay far below 2^53, so a safe number is the right type (and PGlite agrees).
  pg.types.setTypeParser(20, (value: string) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} exceeds the safe integer range`);
    return n;
  });
  loadedPg = pg;
  return { pg, drizzle };
});
const loadPgliteDriver = lazyModule(async () => {
  const [{ PGlite, protocol, parse }, { drizzle }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
  return { PGlite, drizzle, modules: { protocol, parse } };
});
/** node-postgres, once a PostgreSQL database was opened: `pipelined` recognises its pools by it. */
let loadedPg: typeof pg | null = null;

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything queries run on: the database or an open transaction. Repositories take this. */
export type Executor = Database | Tx;

/** Rows of a raw SQL query (both drivers answer `{ rows }`). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for logs: a directory or a URL without its password. */
  location: string;
  /** What was sent to the database since the handle was opened (the statement budget test reads it). */
  traffic: DatabaseTraffic;
  /** DATABASE_READ_URL's pool, opened read-only: the analytics reports read through it. */
  reader?: { db: Database; traffic: DatabaseTraffic; location: string };
  close(): Promise<void>;
}

/**
 * Messages sent to the database: every one is a round trip; statements are the ones that are not
 * transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT). Counts are deterministic, unlike timings.
 */
export class DatabaseTraffic {
  roundTrips = 0;
  statements = 0;
  /** The SQL of each statement, while someone is recording (tests). */
  log: string[] | null = null;

  record(text: string) {
    this.roundTrips++;
    processTraffic.roundTrips++;
    if (TRANSACTION_CONTROL.test(text)) return;
    this.statements++;
    processTraffic.statements++;
    this.log?.push(text);
  }

  /** Statements sent together, answered in one round trip (`pipelined`). */
  recordPipeline(texts: string[]) {
    this.roundTrips++;
    processTraffic.roundTrips++;
    this.statements += texts.length;
    processTraffic.statements += texts.length;
    this.log?.push(...texts);
  }

  snapshot() {
    return { roundTrips: this.roundTrips, statements: this.statements };
  }
}
/** Every database this process opened, summed: Prometheus reads it (retour_db_statements_total). */
export const processTraffic = { roundTrips: 0, statements: 0 };
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

/**
 * Named (prepared) statements on PostgreSQL: the server parses and plans a statement text once
 * per connection instead of on every call (planning was half of its time on the case write path).
 * The name is a hash of the text, so equal texts share a plan and different ones never clash.
 * Statements with many parameters are bulk writes whose text varies with the batch: left unnamed,
 * as is anything past a per-connection cap, so a connection never piles up plans without bound.
 */
const PREPARED_PER_CONNECTION = 2000;
const CHECKED = Symbol('checked by assertMaySend');
const PREPARE_MAX_PARAMS = 256;

/** What `pipelined` finds on a pooled connection: sends statements in one round trip, named and counted as `query` does. */
const PIPELINE = Symbol('pipeline');
type PipelineClient = pg.PoolClient & { [PIPELINE]: (statements: { text: string; values: unknown[] }[]) => Promise<Record<string, unknown>[][]> };

function instrumentPgClient(pgModule: typeof pg, client: pg.PoolClient, traffic: DatabaseTraffic) {
  const prepared = new Set<string>();
  const nameFor = (text: string, params: number): string | undefined => {
    if (params > PREPARE_MAX_PARAMS || TRANSACTION_CONTROL.test(text)) return undefined;
    const name = statementName(text);
    if (!prepared.has(name) && prepared.size >= PREPARED_PER_CONNECTION) return undefined;
    prepared.add(name);
    return name;
  };
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, ...rest: unknown[]) => {
    if (typeof config === 'string') {
      assertMaySend(config);
      traffic.record(config);
      return query(config, ...rest);
    }
    const q = config as { text?: string; name?: string; values?: unknown[]; [CHECKED]?: true };
    if (q && typeof q.text === 'string') {
      // A transaction's statements come straight here from their caller (pool.query's were checked).
      if (!q[CHECKED]) assertMaySend(q.text);
      traffic.record(q.text);
      const name = q.name ? undefined : nameFor(q.text, q.values?.length ?? 0);
      if (name) return query({ ...q, name }, ...rest);
    }
    return query(config, ...rest);
  };
  (client as PipelineClient)[PIPELINE] = (statements) => {
    for (const s of statements) assertMaySend(s.text);
    traffic.recordPipeline(statements.map((s) => s.text));
    return runPipeline(pgModule, client, statements.map((s) => ({ ...s, name: nameFor(s.text, s.values.length) })));
  };
}

/**
 * Runs `queries` in ONE round trip where the database is across a network (a pooled PostgreSQL
 * connection, outside any transaction: they commit together at the end, or not at all); on PGlite
 * or inside a transaction, one after another. The rows of each, in order.
 */
export async function pipelined(db: Executor, queries: SQL[]): Promise<Record<string, unknown>[][]> {
  const pool = (db as unknown as { $client?: unknown }).$client;
  // Without node-postgres loaded, nothing here is a PostgreSQL pool.
  const pg = loadedPg;
  if (!pg || !(pool instanceof pg.Pool) || typeof (db as Partial<Tx>).rollback === 'function') {
    const results: Record<string, unknown>[][] = [];
    for (const q of queries) results.push(await queryRows<Record<string, unknown>>(db, q));
    return results;
  }
  const dialect = (db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } }).dialect;
  const statements = queries.map((q) => {
    const { sql: text, params } = dialect.sqlToQuery(q);
    return { text, values: params };
  });
  const client = (await pool.connect()) as PipelineClient;
  try {
    const rows = await client[PIPELINE](statements);
    client.release();
    return rows;
  } catch (err) {
    // An error the server answered leaves the connection usable; anything else may not have.
    client.release(err instanceof pg.DatabaseError ? undefined : (err as Error));
    throw err;
  }
}

export async function openPostgres(url: string, poolSize: number, options: { readOnly?: boolean; idleTimeoutS?: number } = {}): Promise<DatabaseHandle> {
  const { pg, drizzle: drizzlePg } = await loadPostgresDriver();
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // A new connection prepares and plans every statement again (the create's read plans in ~7 ms, five times
    // before PostgreSQL settles on a generic plan): creates 11 s apart took 29–48 ms on new connections, 18–39 ms on kept ones.
    idleTimeoutMillis: (options.idleTimeoutS ?? DB_IDLE_TIMEOUT_S) * 1000,
    // Idle connections never hold a process open (a CLI command's, say); a server stays up by its listener.
    allowExitOnIdle: true,
    application_name: options.readOnly ? 'retour-reader' : 'retour',
    // A replica refuses writes anyway; a read-only role on the primary must too, so a report can never write.
    ...(options.readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  const traffic = new DatabaseTraffic();
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  pool.on('connect', (client) => instrumentPgClient(pg, client, traffic));
  // Statements outside a transaction come through the pool, in their caller's async context.
  const poolQuery = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, ...rest: unknown[]) => {
    const text = typeof config === 'string' ? config : (config as { text?: string } | null)?.text;
    if (typeof text !== 'string') return poolQuery(config, ...rest);
    assertMaySend(text);
    // Checked here: the pooled connection may run it later from another caller's async context.
    return poolQuery(typeof config === 'string' ? { text, [CHECKED]: true } : { ...(config as object), [CHECKED]: true }, ...rest);
  };
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  useFastSqlCompiler(db);
  const location = new URL(url);
  location.password = location.password ? '***' : '';
  return { db, kind: 'postgres', location: location.toString(), traffic, close: () => pool.end() };
}

/**
 * PGlite is one Postgres backend inside this process: its directory must never be opened by
 * two processes at once, so a lock file guards it. In-memory databases (tests) pass no dir.
 * Its buffer pool is `sharedBuffersMb` (PGLITE_SHARED_BUFFERS_MB): in WebAssembly memory the
 * whole pool is resident, and PostgreSQL's default of 128 MiB made a quarter of the server's
 * memory under load (docs/operations.md).
 */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob; sharedBuffersMb?: number } = {}): Promise<DatabaseHandle> {
  const { PGlite, drizzle: drizzlePglite, modules } = await loadPgliteDriver();
  let releaseLock = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    releaseLock = lockDirectory(options.dataDir);
  }
  let client: PGlite;
  try {
    client = new PGlite({
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir,
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${options.sharedBuffersMb ?? PGLITE_SHARED_BUFFERS_MB}MB`],
    });
    await client.waitReady;
  } catch (err) {
    releaseLock();
    throw err;
  }
  const traffic = new DatabaseTraffic();
  countPgliteTraffic(client, traffic, preparedStatements(client, modules, { maxStatements: PREPARED_PER_CONNECTION, maxParams: PREPARE_MAX_PARAMS }));
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  useFastSqlCompiler(db);
  return {
    db,
    kind: 'pglite',
    traffic,
    location: options.dataDir ?? 'memory',
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/** PGlite runs in this process: its "round trips" are calls, counted the way PostgreSQL's are. Statements are prepared (`preparedStatements`). */
function countPgliteTraffic(client: PGlite, traffic: DatabaseTraffic, prepared: ReturnType<typeof preparedStatements>) {
  const query = prepared(client.query.bind(client) as PgliteQuery, false);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = ((text: string, ...rest: unknown[]) => {
    assertMaySend(text);
    traffic.record(text);
    return (query as (...a: unknown[]) => unknown)(text, ...rest);
  }) as PGlite['query'];
  client.exec = ((text: string, ...rest: unknown[]) => {
    assertMaySend(text);
    traffic.record(text);
    return (exec as (...a: unknown[]) => unknown)(text, ...rest);
  }) as PGlite['exec'];
  client.transaction = (async (fn: (tx: Parameters<Parameters<PGlite['transaction']>[0]>[0]) => Promise<unknown>) => {
    traffic.record('begin');
    try {
      return await transaction(async (tx) => {
        const txQuery = prepared(tx.query.bind(tx) as PgliteQuery, true);
        const txExec = tx.exec.bind(tx);
        tx.query = ((text: string, ...rest: unknown[]) => {
          assertMaySend(text);
          traffic.record(text);
          return (txQuery as (...a: unknown[]) => unknown)(text, ...rest);
        }) as typeof tx.query;
        tx.exec = ((text: string, ...rest: unknown[]) => {
          assertMaySend(text);
          traffic.record(text);
          return (txExec as (...a: unknown[]) => unknown)(text, ...rest);
        }) as typeof tx.exec;
        return fn(tx);
      });
    } finally {
      traffic.record('commit');
    }
  }) as PGlite['transaction'];
}

export class DatabaseLockedError extends Error {}

function lockDirectory(dir: string): () => void {
  const lockFile = join(dir, 'retour.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(lockFile, 'utf8').trim());
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new DatabaseLockedError(
          `The embedded database in ${dir} is in use by process ${holder}. PGlite serves one process; ` +
            'stop the other one, or set DATABASE_URL to share a PostgreSQL database between processes.',
        );
      }
      rmSync(lockFile, { force: true }); // left behind by a process that died
    }
  }
  throw new DatabaseLockedError(`Could not lock ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dbPoolSize' | 'dataDir'> & Partial<Pick<Config, 'databaseReadUrl' | 'pgliteSharedBuffersMb' | 'dbIdleTimeoutS'>>,
): Promise<DatabaseHandle> {
  if (!config.databaseUrl) return openPglite({ dataDir: join(config.dataDir, 'pglite'), sharedBuffersMb: config.pgliteSharedBuffersMb });
  const idleTimeoutS = config.dbIdleTimeoutS;
  const primary = await openPostgres(config.databaseUrl, config.dbPoolSize, { idleTimeoutS });
  if (!config.databaseReadUrl) return primary;
  const replica = await openPostgres(config.databaseReadUrl, config.dbPoolSize, { readOnly: true, idleTimeoutS });
  return {
    ...primary,
    reader: { db: replica.db, traffic: replica.traffic, location: replica.location },
    close: async () => {
      await Promise.all([primary.close(), replica.close()]);
    },
  };
}
