import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '../../src/db/client.js';
import { batchedTransaction } from '../../src/db/write-batch.js';
import { createTestDatabase } from '../helpers/db.js';

/**
 * A transaction PostgreSQL aborts to break a deadlock runs again (src/db/write-batch.ts,
 * batchedTransaction): what keeps concurrent refunds of one order from answering 500 when an
 * optimistic write and a locking transaction take the same rows in opposite orders.
 */
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await handle.db.execute(sql`create table deadlock_probe (n int primary key, v int not null default 0)`);
  await handle.db.execute(sql`insert into deadlock_probe (n) values (1), (2)`);
});
afterAll(() => handle?.close());

describe('batchedTransaction', () => {
  it('runs a transaction aborted by a deadlock again, so both of two crossing transactions commit', async () => {
    if (handle.kind !== 'postgres') return; // PGlite has one connection: its transactions never overlap
    let bothHoldOne!: () => void;
    const barrier = new Promise<void>((resolve) => (bothHoldOne = resolve));
    let holding = 0;
    let runs = 0;
    const crossing = (first: number, second: number) =>
      batchedTransaction(handle.db, async (tx) => {
        runs++;
        await tx.execute(sql`set local deadlock_timeout = '50ms'`);
        await tx.execute(sql`update deadlock_probe set v = v + 1 where n = ${first}`);
        if (++holding === 2) bothHoldOne();
        await barrier;
        await tx.execute(sql`update deadlock_probe set v = v + 1 where n = ${second}`);
      });
    await Promise.all([crossing(1, 2), crossing(2, 1)]);
    // One of them was the deadlock's victim and ran a second time; each committed once.
    expect(runs).toBe(3);
    const rows = await queryRows<{ n: number; v: number }>(handle.db, sql`select n, v from deadlock_probe order by n`);
    expect(rows).toEqual([
      { n: 1, v: 2 },
      { n: 2, v: 2 },
    ]);
  });

  it('does not run again what failed for another reason', async () => {
    let runs = 0;
    await expect(
      batchedTransaction(handle.db, async (tx) => {
        runs++;
        await tx.execute(sql`select 1 / ${0}::int`);
      }),
    ).rejects.toMatchObject({ cause: { code: '22012' } });
    expect(runs).toBe(1);
  });
});
