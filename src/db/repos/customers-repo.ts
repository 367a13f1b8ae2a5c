import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { customers } from '../schema/index.js';

export type CustomerRow = typeof customers.$inferSelect;

export interface CustomerIdentity {
  externalRef?: string | null;
  email?: string | null;
  phone?: string | null;
  name?: string | null;
  locale?: string | null;
  country?: string | null;
}

export const customersRepo = {
  async findById(db: Executor, shopId: string, id: string): Promise<CustomerRow | undefined> {
    return (await db.select().from(customers).where(and(eq(customers.shopId, shopId), eq(customers.id, id))).limit(1))[0];
  },

  /**
   * The customer with this identity (matched by external reference, then e-mail, then phone),
   * created when there is none and completed with details it lacked. Identities are locked for
   * the transaction so two orders of one new buyer arriving together make one customer.
   * A buyer with no reference, e-mail or phone is a guest: null.
   */
  async resolve(tx: Executor, shopId: string, who: CustomerIdentity, now: Date): Promise<string | null> {
    const keys = [who.externalRef && `ref:${who.externalRef}`, who.email && `email:${who.email}`, who.phone && `phone:${who.phone}`]
      .filter((k): k is string => Boolean(k))
      .sort();
    if (keys.length === 0) return null;
    for (const key of keys) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${shopId}:customer:${key}`}, 0))`);
    }
    const byField = async (condition: ReturnType<typeof eq>) =>
      (await tx.select().from(customers).where(and(eq(customers.shopId, shopId), condition)).orderBy(desc(customers.createdAt)).limit(1))[0];
    const existing =
      (who.externalRef ? await byField(eq(customers.externalRef, who.externalRef)) : undefined) ??
      (who.email ? await byField(eq(customers.email, who.email)) : undefined) ??
      (who.phone ? await byField(eq(customers.phone, who.phone)) : undefined);

    if (!existing) {
      const [row] = await tx
        .insert(customers)
        .values({
          shopId,
          externalRef: who.externalRef ?? null,
          email: who.email ?? null,
          phone: who.phone ?? null,
          name: who.name ?? null,
          locale: who.locale ?? null,
          country: who.country ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: customers.id });
      return row!.id;
    }
    const patch = {
      externalRef: existing.externalRef ?? who.externalRef ?? undefined,
      email: existing.email ?? who.email ?? undefined,
      phone: existing.phone ?? who.phone ?? undefined,
      name: existing.name ?? who.name ?? undefined,
      locale: existing.locale ?? who.locale ?? undefined,
      country: existing.country ?? who.country ?? undefined,
    };
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).some((k) => patch[k] !== undefined && patch[k] !== existing[k]);
    if (changed) {
      await tx.update(customers).set({ ...patch, updatedAt: now }).where(and(eq(customers.shopId, shopId), eq(customers.id, existing.id)));
    }
    return existing.id;
  },
};
