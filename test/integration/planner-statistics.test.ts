import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '../../src/db/client.js';
import { refreshPlannerStatistics } from '../../src/db/planner-statistics.js';
import { JOBS, PLANNER_STATISTICS_JOB, jobsBesideRequests } from '../../src/worker/worker.js';
import { createTestDatabase } from '../helpers/db.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await handle.db.execute(sql`create table planner_probe (id int primary key, note text)`);
});
afterAll(() => handle.close());

/** Writes `rows` more rows, and has this backend's activity counts published when it next goes idle. */
async function grow(from: number, rows: number) {
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`insert into planner_probe select g, 'x' from generate_series(${from}::int, ${from + rows - 1}::int) g`);
    await tx.execute(sql`select pg_stat_force_next_flush()`);
  });
}

/** What refreshPlannerStatistics analysed, asked until it analyses something or 10 s pass (counts are published asynchronously). */
async function refreshUntilDue(): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const analysed = await refreshPlannerStatistics(handle.db, { tables: ['planner_probe'] });
    if (analysed.length > 0 || Date.now() > deadline) return analysed;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const estimatedRows = async () =>
  Number((await queryRows<{ reltuples: number }>(handle.db, sql`select reltuples from pg_class where relname = 'planner_probe'`))[0]!.reltuples);

describe('planner statistics', () => {
  it('analyses a table once it has changed by a fifth since its last analysis, and not before', async () => {
    await grow(1, 400);
    expect(await refreshUntilDue()).toEqual(['planner_probe']);
    expect(await estimatedRows()).toBe(400);

    // 60 rows more is under a fifth of 400 (80): not due yet.
    await grow(401, 60);
    expect(await refreshPlannerStatistics(handle.db, { tables: ['planner_probe'] })).toEqual([]);
    expect(await estimatedRows()).toBe(400);

    await grow(461, 100);
    expect(await refreshUntilDue()).toEqual(['planner_probe']);
    expect(await estimatedRows()).toBe(560);
  });
});

describe('jobs beside requests', () => {
  it('runs every job with the worker in the process, and on PGlite the planner statistics even without it', () => {
    expect(jobsBesideRequests(true, 'postgres')).toBe(JOBS);
    expect(jobsBesideRequests(true, 'pglite')).toBe(JOBS);
    expect(JOBS).toContain(PLANNER_STATISTICS_JOB);
    // PostgreSQL has autovacuum and other processes (`retour worker`) for it; PGlite has neither.
    expect(jobsBesideRequests(false, 'postgres')).toEqual([]);
    expect(jobsBesideRequests(false, 'pglite')).toEqual([PLANNER_STATISTICS_JOB]);
  });
});
