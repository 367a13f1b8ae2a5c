import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type DatabaseHandle } from '../../src/db/client.js';
import { createTestDatabase } from '../helpers/db.js';

/** DB_IDLE_TIMEOUT_S: an idle pooled connection, with its prepared statements, stays open that long. */
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

const backendPid = async (h: DatabaseHandle) => Number((await queryRows<{ pid: number }>(h.db, sql`select pg_backend_pid() as pid`))[0]!.pid);
const isOpen = async (pid: number) => Number((await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from pg_stat_activity where pid = ${pid}`))[0]!.n) === 1;

describe('idle pooled connections', () => {
  it('on PostgreSQL are closed after DB_IDLE_TIMEOUT_S and kept until then', async () => {
    if (handle.kind !== 'postgres') return; // PGlite has no connections
    const open = (seconds: number) => openDatabase({ databaseUrl: handle.location, dbPoolSize: 1, dataDir: '/nonexistent', dbIdleTimeoutS: seconds });
    const [short, long] = await Promise.all([open(1), open(60)]);
    try {
      const [shortPid, longPid] = await Promise.all([backendPid(short), backendPid(long)]);
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      expect(await isOpen(shortPid)).toBe(false);
      expect(await isOpen(longPid)).toBe(true);
      // The kept connection is the one the next statement uses.
      expect(await backendPid(long)).toBe(longPid);
    } finally {
      await Promise.all([short.close(), long.close()]);
    }
  });
});
