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
