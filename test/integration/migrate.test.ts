import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '../../src/db/client.js';
import { loadMigrations, migrate, pendingMigrations } from '../../src/db/migrate.js';
import { createTestDatabase, onPostgres } from '../helpers/db.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe('migrations', () => {
  it('are idempotent: a second run applies nothing', async () => {
    const report = await migrate(handle.db);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toBe(loadMigrations().length);
    expect(await pendingMigrations(handle.db)).toEqual([]);
  });

  it('are safe when several processes start at once (advisory lock)', async () => {
    await handle.db.execute(sql`drop schema public cascade`);
    await handle.db.execute(sql`create schema public`);
    expect(await pendingMigrations(handle.db)).toEqual(loadMigrations().map((m) => m.tag));
    const reports = await Promise.all([migrate(handle.db), migrate(handle.db), migrate(handle.db)]);
    // Exactly one run applied everything; the others waited on the lock and found nothing to do.
    expect(reports.map((r) => r.applied.length).sort()).toEqual([0, 0, loadMigrations().length]);
    const [tables] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
    expect(tables!.n).toBeGreaterThan(10);
    if (onPostgres()) {
      // On PostgreSQL the three runs used three pooled connections: the lock really serialised them.
      expect(reports.filter((r) => r.alreadyApplied === loadMigrations().length)).toHaveLength(2);
    }
  });

  it('refuse a migration edited after it was applied', async () => {
    await handle.db.execute(sql`update retour_migrations set hash = 'tampered' where tag = ${loadMigrations()[0]!.tag}`);
    await expect(migrate(handle.db)).rejects.toThrow(/was changed after it was applied/);
  });
});
