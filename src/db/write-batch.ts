import { and, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { pipelined, type Database, type Executor, type Tx } from './client.js';
import { isRetryableTransactionError } from './errors.js';
import { completeRow, insertRowSql } from './insert-row.js';
import { AppError } from '../domain/errors.js';
import { isReadPhaseWrite, readingPhase, ReadPhaseWrite, type ReadingPhase } from './read-phase.js';
import { orders, returnCases, variants } from './schema/index.js';

/** A read sent with a batch's write (in its round trip on PostgreSQL), and what to do with its rows once it has committed. */
export interface ReadAfter {
  query: SQL;
  use: (rows: Record<string, unknown>[]) => void;
}

/**
 * The writes of one use case, sent as ONE statement (data-modifying CTEs) just before its
 * transaction commits (docs/architecture.md, The write path: round trips are the cost, not rows). Writers that only need
 * their rows stored (events, outbox, deadlines, messages, shipments, stock) add them here instead
 * of sending each; the case row is updated once however many moves a use case makes.
 *
 * One statement cannot change a row twice, so changes to one row are merged before they are sent:
 * the case's patches (`patchCase`), stock increments per variant (`addStock`), and rows inserted by
 * `insert` stay plain objects until the flush, so a writer may still change them (a deadline
 * written and settled by two moves of one action is stored once, settled).
 */
export class WriteBatch {
  private readonly writes: ({ sql: SQLWrapper; table: PgTable } | { table: PgTable; row: Record<string, unknown> })[] = [];
  private readonly casePatches = new Map<string, { shopId: string; id: string; patch: Record<string, unknown>; moves: number; readVersion: number }>();
  /** Orders whose facts (claims, refunds) this use case read and relies on: the version it read. */
  private readonly orderGuards = new Map<string, { shopId: string; id: string; version: number }>();
  private readonly stock = new Map<string, { shopId: string; variantId: string; delta: number; at: Date }>();
  /** Writes that must each change exactly one row (returning `1`), like the case and order guards. */
  private readonly rowGuards: SQLWrapper[] = [];
  private readonly afterFlush: ((tx: Tx) => Promise<void>)[] = [];
  private readonly readsAfter: ReadAfter[] = [];
  private readonly replies: { fromWrite: (written: WrittenRows) => boolean; read: ReadAfter }[] = [];
  /** Per-use-case views that writers keep in step with what they batch (e.g. a case's pending deadlines). */
  readonly memo = new Map<string, unknown>();
  private readonly insertedCases = new Map<string, Record<string, unknown>>();

  /** A new case row: later moves in the same batch change the row to insert instead of sending an update. */
  insertCase(row: typeof returnCases.$inferInsert & { shopId: string; id: string }) {
    const copy = { ...row } as Record<string, unknown>;
    this.insertedCases.set(`${row.shopId}/${row.id}`, copy);
    this.insert(returnCases, copy as typeof returnCases.$inferInsert);
  }

  /**
   * @param optimistic the use case read without a transaction or lock (batchedWrite): its write
   * must hold only if nothing it read has changed since, which the version guards check.
   */
  constructor(
    private readonly tx: Tx,
    readonly optimistic = false,
  ) {}

  /** A write given as SQL, and the table it changes (so the batch knows which rows it can no longer tell). */
  add(write: SQLWrapper, table: PgTable) {
    this.writes.push({ sql: write, table });
  }

  /** A row to insert; the object is read at flush time, so it may still be changed until then. */
  insert<T extends PgTable>(table: T, row: T['$inferInsert']) {
    this.writes.push({ table, row: row as Record<string, unknown> });
  }

  /**
   * A change of a case row read at `readVersion`: patches of one case merge (later fields win); the
   * version goes up by one per patch, as if each were sent. The update applies only if the row is
   * still at the version read (under a lock it always is; without one, another writer may have won).
   */
  patchCase(shopId: string, id: string, patch: Record<string, unknown>, readVersion: number) {
    const key = `${shopId}/${id}`;
    const inserted = this.insertedCases.get(key);
    if (inserted) {
      // Opened by this batch (a case approved as it is created): the row to insert takes the change.
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) inserted[k] = v;
      inserted.version = (inserted.version as number) + 1;
      return;
    }
    const current = this.casePatches.get(key) ?? { shopId, id, patch: {}, moves: 0, readVersion };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) current.patch[k] = v;
    current.moves++;
    this.casePatches.set(key, current);
  }

  addStock(shopId: string, variantId: string, delta: number, at: Date) {
    const key = `${shopId}/${variantId}`;
    const current = this.stock.get(key);
    this.stock.set(key, { shopId, variantId, delta: (current?.delta ?? 0) + delta, at });
  }

  /**
   * The use case decided on the order's claims and refunds as read at `version`: its write bumps the
   * order's version, and applies only if no other write did so first (two requests for the last
   * unit, two refunds against one payment: one wins, the other runs again and sees it).
   */
  guardOrder(shopId: string, id: string, version: number) {
    const key = `${shopId}/${id}`;
    if (!this.orderGuards.has(key)) this.orderGuards.set(key, { shopId, id, version });
  }

  /**
   * A read of what the write leaves (the reply a request answers with), sent in the write's round
   * trip on PostgreSQL (`pipelined`); `use` gets its rows once the write has committed.
   */
  readAfter(query: SQL, use: (rows: Record<string, unknown>[]) => void) {
    this.readsAfter.push({ query, use });
  }

  /**
   * A reply built from the rows this batch writes (`fromWrite`, true when it could), without reading
   * them back; where it could not (a row the database completes, a table changed by SQL), `read`
   * goes with the write instead, as readAfter.
   */
  replyFromWrite(fromWrite: (written: WrittenRows) => boolean, read: ReadAfter) {
    this.replies.push({ fromWrite, read });
  }

  /**
   * A write that must change exactly one row, returning `1` for it (an update whose where clause
   * says the row is still as read): otherwise the whole write fails and the use case runs again.
   */
  guard(write: SQLWrapper) {
    this.rowGuards.push(write);
  }

  /** Work that must see the batch's rows: it runs in the same transaction, right after the flush. */
  then(fn: (tx: Tx) => Promise<void>) {
    this.afterFlush.push(fn);
  }

  async flush() {
    const tx = this.tx;
    if (this.optimistic && this.afterFlush.length > 0) throw new ReadPhaseWrite('work after the write needs a transaction');
    // Guards change one row each and say so (returning 1); the statement fails unless all did.
    const guards: SQLWrapper[] = [
      ...[...this.orderGuards.values()].map((o) =>
        tx
          .update(orders)
          .set({ version: sql`${orders.version} + 1` })
          .where(and(eq(orders.shopId, o.shopId), eq(orders.id, o.id), eq(orders.version, o.version)))
          .returning({ one: sql`1` }),
      ),
      ...[...this.casePatches.values()].map((c) =>
        tx
          .update(returnCases)
          .set({ ...c.patch, version: sql`${returnCases.version} + ${c.moves}` })
          .where(and(eq(returnCases.shopId, c.shopId), eq(returnCases.id, c.id), eq(returnCases.version, c.readVersion)))
          .returning({ one: sql`1` }),
      ),
      ...this.rowGuards,
    ];
    // Rows are completed and kept only for a reply built from them (replyFromWrite).
    const written = this.replies.length > 0 ? new WrittenRows() : null;
    if (this.stock.size > 0) written?.changedBySql(variants);
    // The guards change the cases' own columns, which the use case has in hand, and the orders' versions.
    for (const o of this.orderGuards.values()) written?.orderVersions.set(o.id, o.version + 1);
    const parts: SQLWrapper[] = [
      ...this.writes.map((w) => {
        if ('sql' in w) {
          written?.changedBySql(w.table);
          return w.sql;
        }
        if (!written) return insertRowSql(w.table, w.row) ?? tx.insert(w.table).values(w.row);
        const { write, stored } = completeRow(w.table, w.row);
        written.inserted(w.table, stored);
        return insertRowSql(w.table, write) ?? tx.insert(w.table).values(write);
      }),
      ...[...this.stock.values()]
        .filter((s) => s.delta !== 0)
        .map((s) =>
          tx
            .update(variants)
            .set({ stockOnHand: sql`${variants.stockOnHand} + ${s.delta}`, updatedAt: s.at })
            .where(and(eq(variants.shopId, s.shopId), eq(variants.id, s.variantId))),
        ),
    ];
    this.writes.length = 0;
    this.casePatches.clear();
    this.orderGuards.clear();
    this.rowGuards.length = 0;
    this.stock.clear();
    this.memo.clear();
    this.insertedCases.clear();
    const reads = this.readsAfter.splice(0);
    for (const reply of this.replies.splice(0)) if (!reply.fromWrite(written!)) reads.push(reply.read);
    const write = guards.length > 0 ? guardedStatement(guards, parts) : parts.length === 1 ? parts[0]!.getSQL() : parts.length > 1 ? oneStatement(parts) : null;
    if (reads.length === 0) {
      if (write) await tx.execute(write);
    } else {
      const results = await pipelined(tx, [...(write ? [write] : []), ...reads.map((r) => r.query)]);
      reads.forEach((r, i) => r.use(results[i + (write ? 1 : 0)]!));
    }
    for (const fn of this.afterFlush.splice(0)) await fn(tx);
  }
}

function oneStatement(parts: SQLWrapper[]): SQL {
  const ctes = parts.map((p, i) => sql`${sql.raw(`w${i}`)} as (${p.getSQL()})`);
  return sql`with ${sql.join(ctes, sql`, `)} select 1`;
}

/** The writes and their guards as one statement that fails as a whole (40001) unless every guard changed its row. */
function guardedStatement(guards: SQLWrapper[], parts: SQLWrapper[]): SQL {
  const ctes = [...guards.map((g, i) => sql`${sql.raw(`g${i}`)} as (${g.getSQL()})`), ...parts.map((p, i) => sql`${sql.raw(`w${i}`)} as (${p.getSQL()})`)];
  const changed = sql.join(
    guards.map((_, i) => sql.raw(`(select count(*) from g${i})`)),
    sql` + `,
  );
  return sql`with ${sql.join(ctes, sql`, `)} select retour_write_guard(${changed} = ${guards.length})`;
}

const batches = new WeakMap<object, WriteBatch>();

/** The batch of a transaction opened by `batchedTransaction`; undefined elsewhere (writers then write at once). */
export const batchOf = (db: Executor): WriteBatch | undefined => batches.get(db);

/** Stores a write: in the transaction's batch when it has one, else at once. */
export async function save(db: Executor, write: SQLWrapper & PromiseLike<unknown>, table: PgTable): Promise<void> {
  const batch = batchOf(db);
  if (batch) batch.add(write, table);
  else await write;
}

const isTransaction = (db: Executor) => typeof (db as Partial<Tx>).rollback === 'function';

/** Optimistic runs before a use case falls back to a transaction with locks (which always progresses). */
const OPTIMISTIC_ATTEMPTS = 3;

/**
 * Use cases this process ran again: an optimistic run whose guard failed (another writer won) or
 * that was refused on reads in more than one statement (which may not be one snapshot, so the
 * locked run decides; a refusal on a single read stands and counts none), and a transaction
 * PostgreSQL aborted to break a deadlock. Each rerun repeats the use case's statements; /metrics
 * reports them (retour_db_write_reruns_total).
 */
export const writeReruns = { optimistic: 0, transaction: 0 };

/**
 * A use case that reads without a transaction or lock and writes once: its batched writes go as
 * ONE autocommit statement, guarded by the versions of the case and order it read (docs/architecture.md, The write path:
 * read, decide, write — two round trips where BEGIN, a lock and COMMIT made five). When another
 * writer won the race, the statement changes nothing and the use case runs again on fresh reads.
 * A use case that needs more than one write (a direct write, a locking read, work after the
 * flush) is refused before it writes anything and runs in `batchedTransaction` instead.
 */
export async function batchedWrite<T>(db: Database, fn: (tx: Tx, batch: WriteBatch) => Promise<T>): Promise<T> {
  // Inside a caller's transaction (a test rolled back at its end, a use case within another) a
  // failed guard would abort the caller's transaction: lock and write in a savepoint instead.
  if (isTransaction(db)) return batchedTransaction(db, fn);
  for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
    let writing = false;
    let reading: ReadingPhase | undefined;
    try {
      return await readingPhase(async (phase) => {
        reading = phase;
        // Its own identity, so the batch is found from it (batchOf); it queries as `db` does.
        const tx = Object.create(db) as Tx;
        const batch = new WriteBatch(tx, true);
        batches.set(tx, batch);
        const result = await fn(tx, batch);
        phase.writing();
        writing = true;
        await batch.flush();
        return result;
      });
    } catch (err) {
      if (isReadPhaseWrite(err)) break;
      if (isRetryableTransactionError(err)) {
        writeReruns.optimistic++;
        continue;
      }
      // A refusal read in one statement was read in one snapshot: it holds as of that snapshot, and
      // the locked run would only repeat the read (a create for more units than are left: 1
      // statement instead of 3 in 5 round trips).
      if (!writing && err instanceof AppError && (reading?.reads ?? 0) <= 1) throw err;
      // Reads in several statements are not one snapshot: a rule they seem to break (no unit left
      // to refund) can be another writer's commit seen by one read and not by the one before it
      // (the case still requested). Nothing was written: the locked run, whose reads agree, decides.
      if (!writing) {
        writeReruns.optimistic++;
        break;
      }
      throw err;
    }
  }
  return batchedTransaction(db, fn);
}

/** Runs of a transaction that PostgreSQL aborted to break a deadlock (or a serialization failure). */
const TRANSACTION_ATTEMPTS = 5;

/**
 * A transaction whose batched writes are flushed, as one statement, before it commits. A deadlock
 * between it and an optimistic write (which takes its row and unique-index locks in the order of
 * its statement's plan, not the case-then-order order of a transaction) is broken by PostgreSQL
 * aborting one of them: nothing of the aborted one was committed, so it runs again on fresh reads.
 * `fn` must therefore start from scratch on each run. Inside a caller's transaction the error
 * goes to the caller, whose transaction is aborted anyway.
 */
export async function batchedTransaction<T>(db: Database, fn: (tx: Tx, batch: WriteBatch) => Promise<T>): Promise<T> {
  const run = () =>
    db.transaction(async (tx) => {
      const batch = new WriteBatch(tx);
      batches.set(tx, batch);
      const result = await fn(tx, batch);
      await batch.flush();
      return result;
    });
  if (isTransaction(db)) return run();
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isRetryableTransactionError(err)) throw err;
      writeReruns.transaction++;
    }
  }
}

/**
 * What one flush wrote, row by row where the batch knows each row exactly as stored
 * (`completeRow`): a reply can be built from it instead of reading the rows back. A table that
 * a write changed by SQL, or that got a row the database completes, is unknown.
 */
export class WrittenRows {
  private readonly rows = new Map<PgTable, Record<string, unknown>[] | null>();
  /** The version each order guarded by the write (WriteBatch.guardOrder) has after it. */
  readonly orderVersions = new Map<string, number>();

  inserted(table: PgTable, stored: Record<string, unknown> | null) {
    const rows = this.rows.get(table);
    if (rows === null) return;
    if (stored === null) this.rows.set(table, null);
    else if (rows) rows.push(stored);
    else this.rows.set(table, [stored]);
  }

  changedBySql(table: PgTable) {
    this.rows.set(table, null);
  }

  /** The rows inserted into `table` that `keep` accepts, or null if the batch cannot tell them. */
  of<T extends PgTable>(table: T, keep: (row: T['$inferSelect']) => boolean): T['$inferSelect'][] | null {
    const rows = this.rows.get(table);
    if (rows === null) return null;
    return ((rows ?? []) as T['$inferSelect'][]).filter(keep);
  }

  /** Whether this flush inserted into `table` or changed it by SQL (the version guards are not counted). */
  touched(table: PgTable): boolean {
    return this.rows.has(table);
  }
}
