import { sql } from 'drizzle-orm';
import { pendingMigrations } from '../../db/migrate.js';
import type { ServiceContext } from '../context.js';

export type Readiness = { ready: true } | { ready: false; pendingMigrations: string[] };

/** The database answers and has every migration this code needs (throws when it does not answer). */
export async function databaseReadiness(ctx: Pick<ServiceContext, 'db'>): Promise<Readiness> {
  await ctx.db.execute(sql`select 1`);
  const pending = await pendingMigrations(ctx.db);
  return pending.length > 0 ? { ready: false, pendingMigrations: pending } : { ready: true };
}
