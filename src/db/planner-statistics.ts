import { sql } from 'drizzle-orm';
import { pgArrayLiteral } from './bulk.js';
import { queryRows, type Executor } from './client.js';

/**
 * Refreshes planner statistics (ANALYZE) of the tables that changed a lot since their last
 * analysis. PostgreSQL's autovacuum normally does this, but it may be off or lagging (it is off
 * on some hosts, and a bulk import outruns it); meanwhile plans chosen on an empty table — such
 * as checking each new order line's foreign key through the wrong index — make writes hundreds
 * of times slower. Cheap when nothing is due: one catalogue query.
 */
export async function refreshPlannerStatistics(db: Executor, options: { tables?: readonly string[]; minChanges?: number } = {}): Promise<string[]> {
  const only = options.tables ? sql`and relname = any(${pgArrayLiteral(options.tables, 'text')}::text[])` : sql``;
  const due = await queryRows<{ relname: string }>(
    db,
    sql`select relname from pg_stat_user_tables
        where schemaname = 'public' ${only}
          and n_mod_since_analyze > greatest(${options.minChanges ?? 50}, n_live_tup * 0.2)`,
  );
  for (const { relname } of due) {
    if (/^[a-z_]+$/.test(relname)) await db.execute(sql.raw(`analyze "${relname}"`));
  }
  return due.map((d) => d.relname);
}

/** The tables an order import grows (and whose foreign-key checks need good plans). */
export const ORDER_TABLES = ['orders', 'order_lines', 'customers', 'products', 'variants', 'shipments'] as const;
