import { and, desc, eq, or, sql } from 'drizzle-orm';
import { pgArrayLiteral } from '../bulk.js';
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
  async resolve(tx: Executor, shopId: string, who: CustomerIdentity, now: Date): Promise<CustomerRow | null> {
    const keys = [who.externalRef && `ref:${who.externalRef}`, who.email && `email:${who.email}`, who.phone && `phone:${who.phone}`]
      .filter((k): k is string => Boolean(k))
      .map((k) => `${shopId}:customer:${k}`)
      .sort();
    if (keys.length === 0) return null;
    // Sorted, in one statement: two orders of one new buyer never deadlock, and wait for each other.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(${pgArrayLiteral(keys, 'text')}::text[]) as k`);
    const matches = await tx
      .select()
      .from(customers)
      .where(
        and(
          eq(customers.shopId, shopId),
          or(
            who.externalRef ? eq(customers.externalRef, who.externalRef) : undefined,
            who.email ? eq(customers.email, who.email) : undefined,
            who.phone ? eq(customers.phone, who.phone) : undefined,
          ),
        ),
      )
      .orderBy(desc(customers.createdAt));
    const existing =
      (who.externalRef ? matches.find((c) => c.externalRef === who.externalRef) : undefined) ??
      (who.email ? matches.find((c) => c.email === who.email) : undefined) ??
      (who.phone ? matches.find((c) => c.phone === who.phone) : undefined);

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
        .returning();
      return row!;
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
    if (!changed) return existing;
    const [updated] = await tx
      .update(customers)
      .set({ ...patch, updatedAt: now })
      .where(and(eq(customers.shopId, shopId), eq(customers.id, existing.id)))
      .returning();
    return updated!;
  },
};
