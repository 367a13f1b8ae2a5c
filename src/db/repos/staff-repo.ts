import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { shops, staffSessions, staffUsers } from '../schema/index.js';

export type StaffRow = typeof staffUsers.$inferSelect;
export type NewStaff = typeof staffUsers.$inferInsert;

export const staffRepo = {
  async insert(db: Executor, staff: NewStaff): Promise<StaffRow> {
    return (await db.insert(staffUsers).values(staff).returning())[0]!;
  },
  async findById(db: Executor, shopId: string, id: string): Promise<StaffRow | undefined> {
    return (await db.select().from(staffUsers).where(and(eq(staffUsers.shopId, shopId), eq(staffUsers.id, id))).limit(1))[0];
  },
  async findByEmail(db: Executor, shopId: string, email: string): Promise<StaffRow | undefined> {
    return (await db.select().from(staffUsers).where(and(eq(staffUsers.shopId, shopId), eq(staffUsers.email, email))).limit(1))[0];
  },
  /** Every account with this e-mail, across shops, with its shop's slug: login picks among them. */
  async findAllByEmail(db: Executor, email: string) {
    return db
      .select({ staff: staffUsers, shopSlug: shops.slug })
      .from(staffUsers)
      .innerJoin(shops, eq(shops.id, staffUsers.shopId))
      .where(eq(staffUsers.email, email));
  },
  async list(db: Executor, shopId: string): Promise<StaffRow[]> {
    return db.select().from(staffUsers).where(eq(staffUsers.shopId, shopId)).orderBy(asc(staffUsers.createdAt), asc(staffUsers.id));
  },
  async update(db: Executor, shopId: string, id: string, patch: Partial<NewStaff>): Promise<StaffRow | undefined> {
    return (
      await db
        .update(staffUsers)
        .set({ ...patch, updatedAt: new Date() })
        .where(and(eq(staffUsers.shopId, shopId), eq(staffUsers.id, id)))
        .returning()
    )[0];
  },
  async countActiveOwners(db: Executor, shopId: string): Promise<number> {
    const rows = await db
      .select({ id: staffUsers.id, disabledAt: staffUsers.disabledAt })
      .from(staffUsers)
      .where(and(eq(staffUsers.shopId, shopId), eq(staffUsers.role, 'owner')))
      .for('update');
    return rows.filter((r) => r.disabledAt === null).length;
  },
};

export const sessionsRepo = {
  async insert(db: Executor, session: typeof staffSessions.$inferInsert) {
    await db.insert(staffSessions).values(session);
  },
  /** The live session for a token hash, with its staff member (who must not be disabled). */
  async findLive(db: Executor, tokenHash: string, now: Date) {
    const rows = await db
      .select({ session: staffSessions, staff: staffUsers })
      .from(staffSessions)
      .innerJoin(staffUsers, and(eq(staffUsers.shopId, staffSessions.shopId), eq(staffUsers.id, staffSessions.staffUserId)))
      .where(and(eq(staffSessions.tokenHash, tokenHash), gt(staffSessions.expiresAt, now)))
      .limit(1);
    return rows[0];
  },
  async delete(db: Executor, tokenHash: string) {
    await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
  },
  async deleteForStaff(db: Executor, shopId: string, staffUserId: string) {
    await db.delete(staffSessions).where(and(eq(staffSessions.shopId, shopId), eq(staffSessions.staffUserId, staffUserId)));
  },
  async deleteExpired(db: Executor, now: Date) {
    await db.delete(staffSessions).where(lt(staffSessions.expiresAt, now));
  },
};
