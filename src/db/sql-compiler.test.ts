import fc from 'fast-check';
import { alias, integer, jsonb, PgDialect, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { drizzle as mockDrizzle } from 'drizzle-orm/node-postgres';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { compileSql, sqlCompilerChecks } from './sql-compiler.js';

// Builds statements without a database.
const qb = mockDrizzle.mock();
const dialect = (qb as unknown as { dialect: PgDialect }).dialect;
const mood = pgEnum('mood', ['sad', 'ok']);
const things = pgTable('things', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  count: integer('count').default(0),
  meta: jsonb('meta').$type<Record<string, unknown>>(),
  at: timestamp('at', { withTimezone: true }).defaultNow(),
});
const other = alias(things, 'other');

/** Drizzle's own compilation, without the typings node-postgres and PGlite ignore. */
const drizzle = (query: SQL) => {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { sql: text, params };
};

describe('compileSql', () => {
  it('compiles statements of every builder exactly as Drizzle does', () => {
    const id = '0190a000-0000-7000-8000-000000000000';
    const at = new Date('2026-12-06T10:00:00Z');
    const statements: SQL[] = [
      qb.select().from(things).where(and(eq(things.id, id), inArray(things.name, ['a', 'b']))).limit(1).getSQL(),
      qb.select({ n: things.name, c: sql<number>`count(*)`.as('c') }).from(things).innerJoin(other, eq(other.id, things.id)).groupBy(things.name).getSQL(),
      qb.insert(things).values([{ id, name: 'x"y', meta: { a: [1, 2] }, at }, { id, name: "it's" }]).returning({ id: things.id }).getSQL(),
      qb.update(things).set({ count: sql`${things.count} + ${3}`, meta: null, at }).where(eq(things.id, id)).getSQL(),
      qb.delete(things).where(eq(things.id, id)).getSQL(),
      sql`with w0 as (${qb.insert(things).values({ id, name: 'n' }).getSQL()}) select ${sql.identifier('a"b')}, ${sql.raw('1')}, ${[1, 'two', null]}, ${undefined}, ${{ plain: 'object' }}`,
      sql`select * from ${things} where ${things.id} in ${qb.select({ id: things.id }).from(things)}`,
      sql`select ${sql.param(at, things.at)}, ${sql.param({ j: 1 }, things.meta)}, ${things.name} from ${other}`,
    ];
    for (const statement of statements) expect(compileSql(statement, dialect)).toEqual(drizzle(statement));
  });

  it('leaves what it does not compile to Drizzle: placeholders, subqueries, enums, inlined parameters', () => {
    const statements: SQL[] = [
      sql`select ${sql.placeholder('p')}`,
      qb.select().from(things).where(eq(things.id, sql.placeholder('id'))).getSQL(),
      sql`select * from ${qb.select().from(things).as('sub')}`,
      sql`select ${mood}`,
      sql`select ${'inlined'}`.inlineParams(),
    ];
    for (const statement of statements) expect(compileSql(statement, dialect)).toEqual(dialect.sqlToQuery(statement));
  });

  it('agrees with Drizzle on any nesting of strings, names, parameters, columns, tables, lists and wrappers', () => {
    const leaf = fc.oneof(
      fc.string().map((s) => sql.raw(s)),
      fc.string().map((s) => sql`${sql.identifier(s)}`),
      fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true })).map((v) => sql`${v}`),
      fc.constantFrom(things.id, things.meta, other.name, things.at).map((c) => sql`${c}`),
      fc.constantFrom(things, other).map((t) => sql`${t}`),
      fc.record({ j: fc.integer() }, { noNullPrototype: true }).map((v) => sql`${sql.param(v, things.meta)}`),
    );
    const tree = fc.letrec<{ node: SQL }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }).map((parts) => sql.join(parts, sql`, `)),
        fc.array(tie('node'), { maxLength: 3 }).map((parts) => sql`(${parts})`),
        tie('node').map((inner) => sql`select ${inner} as x`),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (statement) => {
        expect(compileSql(statement, dialect)).toEqual(drizzle(statement));
      }),
      { numRuns: 500 },
    );
  });

  it('fails when checked against Drizzle and the two differ', () => {
    expect(sqlCompilerChecks.againstDrizzle).toBe(true);
    const statement = sql`select ${things.name} from ${things} where ${things.id} = ${'x'}`;
    expect(() => compileSql(statement, dialect)).not.toThrow();
    const drizzleSays = vi.spyOn(PgDialect.prototype, 'sqlToQuery').mockReturnValue({ sql: 'select "things"."name" from "things" where "things"."id" = $1', params: ['y'] });
    try {
      expect(() => compileSql(statement, dialect)).toThrow(/differs from Drizzle/);
    } finally {
      drizzleSays.mockRestore();
    }
  });
});
