/** PostgreSQL errors reach us wrapped (Drizzle wraps the driver's error); both drivers set `code`. */
interface PgErrorLike {
  code?: string;
  constraint?: string;
  constraint_name?: string;
  message?: string;
  cause?: unknown;
}

function pgError(err: unknown): PgErrorLike | undefined {
  for (let e = err as PgErrorLike | undefined, depth = 0; e && depth < 5; e = e.cause as PgErrorLike | undefined, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  }
  return undefined;
}

/** True when `err` is a unique violation, of `constraint` when one is named. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = pgError(err);
  if (e?.code !== '23505') return false;
  if (!constraint) return true;
  const name = e.constraint ?? e.constraint_name;
  return name === constraint || (name === undefined && (e.message ?? '').includes(constraint));
}

/** A CREATE of a table, sequence or type that another session created first (42P07 duplicate_table, 42710 duplicate_object). */
export function isDuplicateObject(err: unknown): boolean {
  const code = pgError(err)?.code;
  return code === '42P07' || code === '42710';
}

/** Serialization failures and deadlocks: the transaction may simply be run again. */
export function isRetryableTransactionError(err: unknown): boolean {
  const code = pgError(err)?.code;
  return code === '40001' || code === '40P01';
}
