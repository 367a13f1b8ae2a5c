import { and, desc, eq, lte, asc } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { policies } from '../schema/index.js';

export type PolicyRow = typeof policies.$inferSelect;

export const policiesRepo = {
  async current(db: Executor, shopId: string): Promise<PolicyRow | undefined> {
    return (await db.select().from(policies).where(eq(policies.shopId, shopId)).orderBy(desc(policies.version)).limit(1))[0];
  },
  async byId(db: Executor, shopId: string, id: string): Promise<PolicyRow | undefined> {
    return (await db.select().from(policies).where(and(eq(policies.shopId, shopId), eq(policies.id, id))).limit(1))[0];
  },
  async byVersion(db: Executor, shopId: string, version: number): Promise<PolicyRow | undefined> {
    return (await db.select().from(policies).where(and(eq(policies.shopId, shopId), eq(policies.version, version))).limit(1))[0];
  },
  /** The version in force at `at`: the newest created at or before it, else the first one. */
  async inForceAt(db: Executor, shopId: string, at: Date): Promise<PolicyRow | undefined> {
    return (
      (await db.select().from(policies).where(and(eq(policies.shopId, shopId), lte(policies.createdAt, at))).orderBy(desc(policies.version)).limit(1))[0] ??
      (await db.select().from(policies).where(eq(policies.shopId, shopId)).orderBy(asc(policies.version)).limit(1))[0]
    );
  },
  async list(db: Executor, shopId: string): Promise<PolicyRow[]> {
    return db.select().from(policies).where(eq(policies.shopId, shopId)).orderBy(desc(policies.version));
  },
  /** Inserts the next version unless another writer took that number first (then undefined: retry). */
  async insertVersion(db: Executor, row: typeof policies.$inferInsert): Promise<PolicyRow | undefined> {
    return (await db.insert(policies).values(row).onConflictDoNothing().returning())[0];
  },
};
