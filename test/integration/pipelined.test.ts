import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, pipelined, queryRows, type DatabaseHandle } from '../../src/db/client.js';
import { createTestDatabase } from '../helpers/db.js';

/** Several statements in one round trip (src/db/pipeline.ts): what the case write path relies on. */
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await handle.db.execute(sql`create table pipeline_probe (n int primary key)`);
});
afterAll(() => handle?.close());

const count = async (db = handle.db) => Number((await queryRows<{ n: number }>(db, sql`select count(*)::int as n from pipeline_probe`))[0]!.n);

describe('pipelined statements', () => {
  it('answers each statement in order, a later one seeing what an earlier one wrote, in one round trip on PostgreSQL', async () => {
    const before = handle.traffic.snapshot();
    const [inserted, seen, typed] = await pipelined(handle.db, [
      sql`insert into pipeline_probe (n) values (${1}), (${2}) returning n`,
      sql`select count(*)::int as n from pipeline_probe`,
      sql`select ${new Date('2026-12-06T08:00:00Z')}::timestamptz as at, ${JSON.stringify({ a: 1 })}::jsonb as doc`,
    ]);
    const after = handle.traffic.snapshot();
    expect(inserted!.map((r) => r.n)).toEqual([1, 2]);
    expect(seen).toEqual([{ n: 2 }]);
    expect(new Date(typed![0]!.at as string).toISOString()).toBe('2026-12-06T08:00:00.000Z');
    expect(typed![0]!.doc).toEqual({ a: 1 });
    expect(after.statements - before.statements).toBe(3);
    expect(after.roundTrips - before.roundTrips).toBe(handle.kind === 'postgres' ? 1 : 3);
  });

  it('on PostgreSQL commits all or nothing: an error in a later statement undoes an earlier one', async () => {
    if (handle.kind !== 'postgres') return; // PGlite runs them one after another (documented in pipelined)
    const before = await count();
    await expect(pipelined(handle.db, [sql`insert into pipeline_probe (n) values (${10})`, sql`select 1 / ${0}::int`])).rejects.toMatchObject({ code: '22012' });
    expect(await count()).toBe(before);
    // The connection went back to the pool usable.
    for (let i = 0; i < 25; i++) await pipelined(handle.db, [sql`select ${i}::int as i`, sql`select 1 as one`]);
  });

  it('on PostgreSQL keeps its prepared statements right on the connection whichever statement failed', async () => {
    if (handle.kind !== 'postgres') return;
    const one = await openPostgres(handle.location, 1); // one connection: every call below reuses it
    try {
      const divide = sql`select 10 / ${0}::int as q`;
      const next = sql`select ${41}::int + 1 as answer`;
      // The first fails at execution, so the second is never parsed: it must be parsed next time.
      await expect(pipelined(one.db, [divide, next])).rejects.toMatchObject({ code: '22012' });
      await expect(pipelined(one.db, [sql`select 10 / ${5}::int as q`, next])).resolves.toEqual([[{ q: 2 }], [{ answer: 42 }]]);
      // Both now parsed: the failing one again, then both in the other order.
      await expect(pipelined(one.db, [next, divide])).rejects.toMatchObject({ code: '22012' });
      await expect(pipelined(one.db, [next, sql`select 10 / ${2}::int as q`])).resolves.toEqual([[{ answer: 42 }], [{ q: 5 }]]);
      // And plain queries on the same connection still find them.
      expect(await queryRows(one.db, next)).toEqual([{ answer: 42 }]);
    } finally {
      await one.close();
    }
  });

  it('inside a transaction runs them there, one after another', async () => {
    await handle.db
      .transaction(async (tx) => {
        const [, seen] = await pipelined(tx, [sql`insert into pipeline_probe (n) values (${20})`, sql`select count(*)::int as n from pipeline_probe where n = ${20}`]);
        expect(seen).toEqual([{ n: 1 }]);
        tx.rollback();
      })
      .catch(() => {});
    expect(Number((await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from pipeline_probe where n = ${20}`))[0]!.n)).toBe(0);
  });
});
