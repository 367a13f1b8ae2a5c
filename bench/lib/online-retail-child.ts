/**
 * Runs one Online Retail import in its own process, so the parent can stop it after a time
 * limit: `node --import tsx bench/lib/online-retail-child.ts postgres URL FILE` (a migrated
 * database the parent created) or `… pglite DIR FILE` (an empty directory). The parent removes
 * the database afterwards. Prints `RESULT {json}` as its last line.
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, queryRows } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { importOnlineRetail, type OnlineRetailReport } from '../../src/services/imports/online-retail/import.js';
import { systemClock } from '../../src/services/context.js';
import { benchConfig } from './databases.js';
import { timed } from './timing.js';

export interface ChildResult {
  ms: number;
  /** CPU ms of the importing process. */
  cpuMs: number;
  report: OnlineRetailReport;
  counts: { orders: number; lines: number; customers: number; variants: number };
}

async function main() {
  const [kind, location, file] = process.argv.slice(2);
  if ((kind !== 'pglite' && kind !== 'postgres') || !location || !file) {
    console.error('usage: online-retail-child.ts postgres URL FILE | pglite DIR FILE');
    process.exit(2);
  }
  const handle = kind === 'postgres' ? await openPostgres(location, 10) : await openPglite({ dataDir: join(location, 'pglite') });
  let result: ChildResult;
  try {
    if (kind === 'pglite') await migrate(handle.db);
    const ctx = { db: handle.db, clock: systemClock, config: benchConfig(location, kind === 'postgres' ? location : undefined) };
    const cpu0 = process.cpuUsage();
    const { result: report, ms } = await timed(() => importOnlineRetail(ctx, file));
    const cpu = process.cpuUsage(cpu0);
    const [counts] = await queryRows<ChildResult['counts']>(
      handle.db,
      sql`select (select count(*)::int from orders) as orders, (select count(*)::int from order_lines) as lines,
                 (select count(*)::int from customers) as customers, (select count(*)::int from variants) as variants`,
    );
    result = { ms, cpuMs: (cpu.user + cpu.system) / 1000, report, counts: counts! };
  } finally {
    await handle.close();
  }
  console.log(`RESULT ${JSON.stringify(result)}`);
}

await main();
