import { getTableColumns, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/** A table's columns by key, listed once per table (Drizzle copies them on every call). */
const columnLists = new WeakMap<PgTable, [string, Column][]>();
export const columnsOf = (table: PgTable) => {
  let columns = columnLists.get(table);
  if (!columns) {
    columns = Object.entries(getTableColumns(table));
    columnLists.set(table, columns);
  }
  return columns;
};

/**
 * A row that came back inside JSON (`to_jsonb(t)` in a one-statement read) as the same typed
 * row a select of the table gives: keys by the schema's names, values through each column's own
 * mapping (timestamps become Dates, int8 numbers, jsonb objects).
 */
export function rowFromJson<T extends PgTable>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of columnsOf(table)) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}

export const rowsFromJson = <T extends PgTable>(table: T, json: Record<string, unknown>[] | null): T['$inferSelect'][] =>
  (json ?? []).map((j) => rowFromJson(table, j));
