import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { queryRows, type Executor } from './client.js';

export type PgArrayType = 'uuid' | 'text' | 'int4' | 'int8' | 'bool' | 'timestamptz' | 'jsonb';
export type BulkColumn = readonly [name: string, type: PgArrayType];

/** One element of a PostgreSQL array literal; NULL stays bare, everything else is quoted and escaped. */
function element(value: unknown, type: PgArrayType): string {
  if (value === null || value === undefined) return 'NULL';
  let text: string;
  if (value instanceof Date) text = value.toISOString();
  else if (type === 'jsonb') text = JSON.stringify(value);
  else if (type === 'bool') text = value ? 't' : 'f';
  else text = String(value);
  return NEEDS_ESCAPE.test(text) ? `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : `"${text}"`;
}

const NEEDS_ESCAPE = /["\\]/;

/** `column = any(array)` with the whole list as one parameter (an IN list costs one parameter per value). */
export function anyOf(column: SQLWrapper, values: readonly unknown[], type: PgArrayType): SQL {
  return sql`${column} = any(${pgArrayLiteral(values, type)}::${sql.raw(type)}[])`;
}

export function pgArrayLiteral(values: readonly unknown[], type: PgArrayType): string {
  return `{${values.map((v) => element(v, type)).join(',')}}`;
}

/**
 * INSERT … SELECT FROM unnest(…): one parameter per column whatever the number of rows, which
 * is many times faster than a VALUES list for bulk writes (imports, seeding) on both drivers.
 * `rows` hold values in `columns` order.
 */
export async function bulkInsert<R = never>(
  db: Executor,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  tail: SQL = sql``,
): Promise<R[]> {
  if (rows.length === 0) return [];
  const names = sql.raw(columns.map(([name]) => `"${name}"`).join(', '));
  const arrays = sql.join(
    columns.map(([, type], i) => sql`${pgArrayLiteral(rows.map((r) => r[i]), type)}::${sql.raw(type)}[]`),
    sql`, `,
  );
  return queryRows<R>(db, sql`insert into ${sql.raw(`"${table}"`)} (${names}) select * from unnest(${arrays}) ${tail}`);
}
