import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.js';
import { isDuplicateObject, isUniqueViolation } from '../errors.js';

/**
 * RMA numbers: R + yymmdd (the shop's day) + the shop's own counter (4 digits, more if it must),
 * e.g. R2612040127. The counter is a PostgreSQL sequence per shop: taking a number locks nothing
 * and is never rolled back, so no hot row serialises a shop's requests (a refused request leaves a
 * gap). Numbers stay unique per shop and in the order the cases were opened.
 */
export const rmaSequence = (shopId: string): string => {
  const hex = shopId.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`not a shop id: ${shopId}`);
  return `rma_seq_${hex}`;
};

export const formatRma = (localDay: string, n: number) => `R${localDay.slice(2).replace(/-/g, '')}${String(n).padStart(4, '0')}`;

/** Shops whose sequence this process has made sure of (it never goes away). */
const ensured = new Set<string>();

export async function ensureRmaSequence(db: Executor, shopId: string): Promise<string> {
  const name = rmaSequence(shopId);
  if (!ensured.has(shopId)) {
    try {
      await db.execute(sql.raw(`create sequence if not exists ${name}`));
    } catch (err) {
      // "if not exists" does not hold between concurrent sessions: the loser of the race finds
      // the catalogue row the winner just wrote — the sequence exists, which is all we need.
      if (!isUniqueViolation(err, 'pg_class_relname_nsp_index') && !isDuplicateObject(err)) throw err;
    }
    ensured.add(shopId);
  }
  return name;
}

/** `count` numbers of the shop's counter, in order (imports number many cases at once). */
export async function takeRmaCounters(db: Executor, shopId: string, count: number): Promise<number[]> {
  const name = await ensureRmaSequence(db, shopId);
  const rows = await queryRows<{ n: number }>(db, sql`select nextval(${name}::regclass) as n from generate_series(1, ${count}::int) order by 1`);
  return rows.map((r) => Number(r.n));
}
