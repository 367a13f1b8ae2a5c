import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from './client.js';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
/** Arbitrary constant shared by every Retour process: the advisory lock serialising migrations. */
const MIGRATION_LOCK_KEY = 7_411_302_611;

interface Migration {
  tag: string;
  hash: string;
  statements: string[];
}

let cached: Migration[] | undefined;

/** The migrations drizzle-kit generated, in journal order. */
export function loadMigrations(): Migration[] {
  cached ??= readMigrations();
  return cached;
}

function readMigrations(): Migration[] {
  const journal = JSON.parse(readFileSync(new URL('meta/_journal.json', MIGRATIONS_DIR), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const text = readFileSync(new URL(`${tag}.sql`, MIGRATIONS_DIR), 'utf8');
      return {
        tag,
        hash: createHash('sha256').update(text).digest('hex'),
        statements: text.split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean),
      };
    });
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies every migration not yet applied, in one transaction holding an advisory lock, so two
 * processes starting together neither fail nor apply anything twice. Running it again is a no-op.
 * A migration edited after it was applied is refused: committed migrations are immutable.
 */
export async function migrate(db: Database): Promise<MigrationReport> {
  const migrations = loadMigrations();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`
      create table if not exists retour_migrations (
        tag text primary key,
        hash text not null,
        applied_at timestamptz not null default now()
      )`);
    const done = new Map(
      (await queryRows<{ tag: string; hash: string }>(tx, sql`select tag, hash from retour_migrations`)).map((r) => [r.tag, r.hash]),
    );
    const applied: string[] = [];
    for (const m of migrations) {
      const previous = done.get(m.tag);
      if (previous !== undefined) {
        if (previous !== m.hash) throw new Error(`Migration ${m.tag} was changed after it was applied; add a new migration instead`);
        continue;
      }
      for (const statement of m.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into retour_migrations (tag, hash) values (${m.tag}, ${m.hash})`);
      applied.push(m.tag);
    }
    return { applied, alreadyApplied: done.size };
  });
}

/** Tags of the migrations the database still lacks (empty when up to date). Used by /readyz. */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const [exists] = await queryRows<{ present: boolean }>(db, sql`select to_regclass('retour_migrations') is not null as present`);
  const done = exists?.present
    ? new Set((await queryRows<{ tag: string }>(db, sql`select tag from retour_migrations`)).map((r) => r.tag))
    : new Set<string>();
  return loadMigrations()
    .map((m) => m.tag)
    .filter((tag) => !done.has(tag));
}
