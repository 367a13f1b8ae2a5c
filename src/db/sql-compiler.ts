import { Column, entityKind, is, Name, Param, Placeholder, SQL, StringChunk, Subquery, Table, View } from 'drizzle-orm';
import { inspect, isDeepStrictEqual } from 'node:util';
import { PgDialect } from 'drizzle-orm/pg-core';

/** What a statement compiles to: its text with $n parameters, and their values in order. */
export interface CompiledQuery {
  sql: string;
  params: unknown[];
}

/** A chunk this compiler leaves to Drizzle (views, subqueries, enums, inlined parameters, another Drizzle's classes). */
class Unsupported extends Error {}

/** As Drizzle's `is()` looks: through the prototype, not the object, which may be a proxy (a subquery's fields). */
const isEntity = (value: unknown): value is object => {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (Object.getPrototypeOf(value) as { constructor?: unknown } | null)?.constructor;
  return typeof kind === 'function' && entityKind in kind;
};
/** Kinds whose instances reaching the generic branch are another Drizzle's, or need what only Drizzle does. */
const LEFT_TO_DRIZZLE = [SQL, Table, Column, Param, StringChunk, Name, Placeholder, Subquery, View];
/** A Drizzle entity that only wraps SQL (a query builder): its SQL goes in parentheses. */
const isSqlWrapper = (value: object) => typeof (value as { getSQL?: unknown }).getSQL === 'function' && !LEFT_TO_DRIZZLE.some((kind) => is(value, kind));

const escapeName = (name: string) => `"${name.replace(/"/g, '""')}"`;

// Drizzle's own keys for a table's name, schema and alias flag (internal to its types, global symbols at run time).
const TABLE_NAME = Symbol.for('drizzle:Name');
const TABLE_SCHEMA = Symbol.for('drizzle:Schema');
const IS_ALIAS = Symbol.for('drizzle:IsAlias');
type TableKeys = Record<symbol, string | boolean | undefined>;
const tableRef = (table: TableKeys) => {
  const schema = table[TABLE_SCHEMA] as string | undefined;
  const name = escapeName(table[TABLE_NAME] as string);
  return schema === undefined || table[IS_ALIAS] ? name : `${escapeName(schema)}.${name}`;
};

/**
 * Drizzle's SQL tree to text and parameters, exactly as `PgDialect.sqlToQuery` makes them, for
 * the chunks Retour's statements are made of. Drizzle tells a chunk's kind with `is()`, which
 * for each chunk tries up to ten classes by walking the chunk's prototype chain, and types each
 * parameter (`prepareTyping`, five more walks) for drivers that are not node-postgres or PGlite:
 * that was 17 % of node's CPU on the case write path, whose statements have thousands of chunks.
 * One Drizzle is installed, so `instanceof` tells the same; anything else is compiled by Drizzle.
 */
export function compileSql(root: SQL, dialect: PgDialect): CompiledQuery {
  const params: unknown[] = [];
  let text = '';
  const casing = (dialect as unknown as { casing: { getColumnCasing(column: Column): string } }).casing;
  const drizzleCompile = () => PgDialect.prototype.sqlToQuery.call(dialect, root);

  const visit = (chunks: unknown[]): void => {
    for (const chunk of chunks) {
      if (chunk instanceof StringChunk) {
        text += chunk.value.join('');
      } else if (chunk instanceof SQL) {
        if ((chunk as unknown as { shouldInlineParams: boolean }).shouldInlineParams) throw new Unsupported();
        visit(chunk.queryChunks);
      } else if (chunk === undefined) {
        continue;
      } else if (chunk instanceof Name) {
        text += escapeName(chunk.value);
      } else if (Array.isArray(chunk)) {
        text += '(';
        chunk.forEach((item, i) => {
          if (i > 0) text += ', ';
          visit([item]);
        });
        text += ')';
      } else if (chunk instanceof Table) {
        text += tableRef(chunk as unknown as TableKeys);
      } else if (chunk instanceof Column) {
        text += `${tableRef(chunk.table as unknown as TableKeys)}.${escapeName(casing.getColumnCasing(chunk))}`;
      } else if (chunk instanceof Param) {
        if (chunk.value instanceof Placeholder) throw new Unsupported();
        const mapped: unknown = chunk.value === null ? null : chunk.encoder.mapToDriverValue(chunk.value);
        if (mapped instanceof SQL) {
          visit([mapped]);
        } else {
          params.push(mapped);
          text += `$${params.length}`;
        }
      } else if (chunk instanceof SQL.Aliased && chunk.fieldAlias !== undefined) {
        text += escapeName(chunk.fieldAlias);
      } else if (typeof chunk === 'function' || (isEntity(chunk) && !(chunk instanceof SQL.Aliased) && !isSqlWrapper(chunk))) {
        // An enum, a placeholder, a subquery, a view, or a class of another Drizzle install.
        throw new Unsupported();
      } else if (typeof chunk === 'object' && chunk !== null && typeof (chunk as { getSQL?: unknown }).getSQL === 'function') {
        const wrapper = chunk as { getSQL(): SQL; shouldOmitSQLParens?: () => boolean };
        if (wrapper.shouldOmitSQLParens?.()) {
          visit([wrapper.getSQL()]);
        } else {
          text += '(';
          visit([wrapper.getSQL()]);
          text += ')';
        }
      } else {
        params.push(chunk);
        text += `$${params.length}`;
      }
    }
  };

  try {
    visit([root]);
  } catch (err) {
    if (!(err instanceof Unsupported)) throw err;
    return drizzleCompile();
  }
  if (sqlCompilerChecks.againstDrizzle) {
    const expected = drizzleCompile();
    if (expected.sql !== text || !isDeepStrictEqual(expected.params, params)) {
      throw new Error(`compileSql differs from Drizzle's sqlToQuery:\n${text}\n${inspect(params, { depth: 1 })}\nDrizzle:\n${expected.sql}\n${inspect(expected.params, { depth: 1 })}`);
    }
  }
  return { sql: text, params };
}

/** The test suite compiles every statement with Drizzle too and fails on any difference (test/helpers/check-sql-compiler.ts). */
export const sqlCompilerChecks = { againstDrizzle: false };

/**
 * Has a database's dialect, which its sessions, transactions and query builders share, compile
 * with `compileSql`. Typings (for the AWS Data API driver) are no longer computed: node-postgres
 * and PGlite ignore them. Index definitions (drizzle-kit) still go through Drizzle.
 */
export function useFastSqlCompiler(db: object) {
  const dialect = (db as { dialect: PgDialect }).dialect;
  dialect.sqlToQuery = (query: SQL, invokeSource?: 'indexes') => (invokeSource === undefined ? compileSql(query, dialect) : PgDialect.prototype.sqlToQuery.call(dialect, query, invokeSource));
}
