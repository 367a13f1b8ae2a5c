import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { returnAddresses } from '../schema/index.js';

export type ReturnAddressRow = typeof returnAddresses.$inferSelect;
export type NewReturnAddress = typeof returnAddresses.$inferInsert;

export const returnAddressesRepo = {
  /** The default first, then oldest first. */
  async list(db: Executor, shopId: string): Promise<ReturnAddressRow[]> {
    return db.select().from(returnAddresses).where(eq(returnAddresses.shopId, shopId)).orderBy(desc(returnAddresses.isDefault), asc(returnAddresses.createdAt), asc(returnAddresses.id));
  },
  async byId(db: Executor, shopId: string, id: string): Promise<ReturnAddressRow | undefined> {
    return (await db.select().from(returnAddresses).where(and(eq(returnAddresses.shopId, shopId), eq(returnAddresses.id, id))).limit(1))[0];
  },
  async defaultOf(db: Executor, shopId: string): Promise<ReturnAddressRow | undefined> {
    return (await db.select().from(returnAddresses).where(and(eq(returnAddresses.shopId, shopId), eq(returnAddresses.isDefault, true))).limit(1))[0];
  },
  /** Locks the shop's book: default changes of one shop happen one after another. */
  /**
   * Locks the shop's address book for a change of its default. An empty book has no rows to lock,
   * so the book itself is locked too (two first addresses at once would otherwise both be default).
   */
  async lockAll(db: Executor, shopId: string): Promise<ReturnAddressRow[]> {
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`return_addresses:${shopId}`}, 0))`);
    return db.select().from(returnAddresses).where(eq(returnAddresses.shopId, shopId)).orderBy(asc(returnAddresses.createdAt), asc(returnAddresses.id)).for('update');
  },
  async clearDefault(db: Executor, shopId: string, except: string): Promise<void> {
    await db.update(returnAddresses).set({ isDefault: false }).where(and(eq(returnAddresses.shopId, shopId), eq(returnAddresses.isDefault, true), ne(returnAddresses.id, except)));
  },
  async insert(db: Executor, row: NewReturnAddress): Promise<ReturnAddressRow> {
    return (await db.insert(returnAddresses).values(row).returning())[0]!;
  },
  async update(db: Executor, shopId: string, id: string, patch: Partial<NewReturnAddress>): Promise<ReturnAddressRow> {
    return (await db.update(returnAddresses).set(patch).where(and(eq(returnAddresses.shopId, shopId), eq(returnAddresses.id, id))).returning())[0]!;
  },
  async remove(db: Executor, shopId: string, id: string): Promise<void> {
    await db.delete(returnAddresses).where(and(eq(returnAddresses.shopId, shopId), eq(returnAddresses.id, id)));
  },
};
