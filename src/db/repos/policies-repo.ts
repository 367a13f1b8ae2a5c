import { and, desc, eq, lte, asc } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { policies } from '../schema/index.js';

export type PolicyRow = typeof policies.$inferSelect;

/**
 * Policy versions this process has read, by id. A version never changes once saved, so a read may
 * send only the ids of versions kept here instead of their documents (`orderWithFacts`), and every
 * request judged by a version shares one document object: what is derived from it once (the policy
 * index, a WeakMap on the document) is not built again per request.
 */
const versionsKept = new Map<string, PolicyRow>();
const idsByShop = new Map<string, string[]>();
const MAX_VERSIONS_KEPT = 1000;

export const policyVersions = {
  get: (id: string): PolicyRow | undefined => versionsKept.get(id),
  /** The kept row for this version (the first one kept wins, so its derived data is reused). */
  keep(row: PolicyRow): PolicyRow {
    const kept = versionsKept.get(row.id);
    if (kept) return kept;
    if (versionsKept.size >= MAX_VERSIONS_KEPT) {
      versionsKept.clear();
      idsByShop.clear();
    }
    versionsKept.set(row.id, row);
    idsByShop.set(row.shopId, [...(idsByShop.get(row.shopId) ?? []), row.id]);
    return row;
  },
  /** Ids of the shop's versions kept here: a read need not send these documents. */
  idsOf: (shopId: string): string[] => idsByShop.get(shopId) ?? [],
};

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
