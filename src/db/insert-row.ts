import { SQL, sql, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { columnsOf } from './json-rows.js';

interface InsertColumn {
  key: string;
  column: Column;
}
/** Per table: the columns an insert names (Drizzle's order), and their list as SQL. */
const insertColumns = new WeakMap<PgTable, { columns: InsertColumn[]; names: unknown[] } | null>();

function columnsFor(table: PgTable) {
  let found = insertColumns.get(table);
  if (found === undefined) {
    const columns = columnsOf(table)
      // Generated columns are not inserted (Drizzle's own test, internal to its types).
      .filter(([, column]) => !(column as unknown as { shouldDisableInsert(): boolean }).shouldDisableInsert())
      .map(([key, column]) => ({ key, column }));
    // A column named by its key (Drizzle's casing option) is left to Drizzle; Retour names every column.
    found = columns.some((c) => (c.column as unknown as { keyAsName: boolean }).keyAsName) ? null : { columns, names: columns.map((c) => sql.identifier(c.column.name)) };
    insertColumns.set(table, found);
  }
  return found;
}

/**
 * A row to insert with the values Drizzle would make for it in node (`$defaultFn`, `$onUpdateFn`)
 * made once: `write` is what to insert, `stored` the whole row as the table will hold it, or null
 * when the database decides part of it (an SQL default, a value given as SQL, a generated column).
 * The batch inserts `write`, so what it keeps of the row is what was written.
 */
export function completeRow<T extends PgTable>(table: T, row: T['$inferInsert']): { write: T['$inferInsert']; stored: Record<string, unknown> | null } {
  const found = columnsFor(table);
  const given = row as Record<string, unknown>;
  if (!found || found.columns.length !== columnsOf(table).length) return { write: row, stored: null };
  const write: Record<string, unknown> = { ...given };
  const stored: Record<string, unknown> = {};
  let exact = true;
  for (const { key, column } of found.columns) {
    let value = given[key];
    if (value === undefined && column.defaultFn !== undefined) value = write[key] = column.defaultFn();
    else if (value === undefined && !column.default && column.onUpdateFn !== undefined) value = write[key] = column.onUpdateFn();
    if (value === undefined) {
      // Left to the table's default: known when it is a plain value, or when there is none (null).
      if (!column.hasDefault) stored[key] = null;
      else if (column.default !== undefined && !(column.default instanceof SQL)) stored[key] = column.default;
      else exact = false;
    } else {
      if (value instanceof SQL) exact = false;
      // As a read gives it back: JSON without undefined fields, dates from their text, arrays parsed.
      else stored[key] = value === null ? null : column.mapFromDriverValue(column.mapToDriverValue(value));
    }
  }
  return { write: write as T['$inferInsert'], stored: exact ? stored : null };
}

/**
 * The statement `db.insert(table).values(row)` builds, built without the builder: the same text
 * and parameters (defaults, `$defaultFn` and `$onUpdateFn` as Drizzle applies them), so prepared
 * statements keep their names. Drizzle's insert builder told every value and column apart with
 * `is()` prototype walks: about 3 % of the server's CPU on a create, whose write inserts six rows.
 * Returns null for a table whose columns Drizzle names itself (the caller then uses the builder).
 */
export function insertRowSql<T extends PgTable>(table: T, row: T['$inferInsert']): SQL | null {
  const found = columnsFor(table);
  if (!found) return null;
  const values: unknown[] = [];
  const given = row as Record<string, unknown>;
  for (const { key, column } of found.columns) {
    const value = given[key];
    if (value !== undefined) {
      values.push(value instanceof SQL ? value : sql.param(value, column));
    } else if (column.defaultFn !== undefined) {
      const made = column.defaultFn();
      values.push(made instanceof SQL ? made : sql.param(made, column));
    } else if (!column.default && column.onUpdateFn !== undefined) {
      const made = column.onUpdateFn();
      values.push(made instanceof SQL ? made : sql.param(made, column));
    } else {
      values.push(sql`default`);
    }
  }
  return sql`insert into ${table} ${found.names} values ${values}`;
}
