import { parse, PGlite, protocol } from '@electric-sql/pglite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preparedStatements, type PgliteQuery } from './pglite-prepared.js';

let pg: PGlite;
let plain: PgliteQuery;
let prepare: ReturnType<typeof preparedStatements>;
let query: PgliteQuery;
/** The texts prepared on the session, in text order (prepare_time can tie). */
const preparedTexts = async () => (await pg.query<{ statement: string }>('select statement from pg_prepared_statements order by statement collate "C"')).rows.map((r) => r.statement);
const rowsAndFields = (result: unknown) => {
  const { rows, fields } = result as { rows: unknown[]; fields: unknown[] };
  return { rows, fields };
};

beforeEach(async () => {
  pg = new PGlite();
  await pg.exec('create table probe (n int primary key, at timestamptz, doc jsonb, big int8)');
  plain = pg.query.bind(pg) as PgliteQuery;
  prepare = preparedStatements(pg, { protocol, parse }, { maxStatements: 3, maxParams: 4 });
  query = prepare(plain, false);
});
afterEach(() => pg?.close());

describe('PGlite statements prepared once', () => {
  it('answers as PGlite\'s query does, for every type and row mode, and parses each text once', async () => {
    const at = new Date('2026-12-06T08:00:00Z');
    const insert = 'insert into probe (n, at, doc, big) values ($1, $2, $3, $4) returning n, at, doc, big';
    expect(rowsAndFields(await query(insert, [1, at, JSON.stringify({ a: [1] }), 9_007_199_254_740_991n]))).toMatchObject({ rows: [{ n: 1, at, doc: { a: [1] }, big: 9_007_199_254_740_991 }] });
    await query(insert, [2, null, null, null]);
    const select = 'select n, at, doc, big from probe where n = any($1::int[]) order by n';
    // Drizzle passes parsers of its own (timestamps as text), over PGlite's, each time the same object.
    const asText = { 1184: (value: string) => `text:${value}` };
    for (const options of [undefined, { rowMode: 'array' }, { parsers: asText }, { rowMode: 'array', parsers: asText }]) {
      expect(rowsAndFields(await query(select, [[1, 2]], options))).toEqual(rowsAndFields(await plain(select, [[1, 2]], options)));
    }
    expect(rowsAndFields(await query(select, [[1]], { parsers: asText })).rows).toEqual([{ n: 1, at: 'text:2026-12-06 08:00:00+00', doc: { a: [1] }, big: 9_007_199_254_740_991 }]);
    expect((await query(select, [[2]], { rowMode: 'array' }) as { rows: unknown[] }).rows).toEqual([[2, null, null, null]]);
    expect(await preparedTexts()).toEqual([insert, select].sort());
  });

  it('keeps a statement that failed as it ran, and forgets one that never parsed', async () => {
    const divide = 'select 10 / $1::int as q';
    await expect(query(divide, [0])).rejects.toMatchObject({ code: '22012', query: divide, params: [0] });
    expect(await query(divide, [5])).toMatchObject({ rows: [{ q: 2 }] });
    await expect(query('select * from nowhere where n = $1', [1])).rejects.toMatchObject({ code: '42P01' });
    expect(await preparedTexts()).toEqual([divide]);
  });

  it('keeps a statement prepared in a transaction that rolled back', async () => {
    const count = 'select count(*)::int as c from probe where n > $1';
    await pg.transaction(async (tx) => {
      const txQuery = prepare(tx.query.bind(tx) as PgliteQuery, true);
      await txQuery('insert into probe (n) values ($1)', [7]);
      expect(await txQuery(count, [0])).toMatchObject({ rows: [{ c: 1 }] });
      await tx.rollback();
    });
    expect(await query(count, [0])).toMatchObject({ rows: [{ c: 0 }] });
    expect(await preparedTexts()).toEqual(['insert into probe (n) values ($1)', count].sort());
  });

  it('leaves to PGlite\'s query what it does not prepare: other statements, many parameters, past the cap', async () => {
    await query('create temporary table scratch (n int)');
    expect(await query('select $1::int + $2::int + $3::int + $4::int + $5::int as s', [1, 2, 3, 4, 5])).toMatchObject({ rows: [{ s: 15 }] });
    for (const k of [1, 2, 3]) await query(`select $1::int * ${k} as d`, [1]);
    expect(await query('select $1::int * 4 as d', [21])).toMatchObject({ rows: [{ d: 84 }] });
    expect(await preparedTexts()).toEqual([1, 2, 3].map((k) => `select $1::int * ${k} as d`));
  });
});
