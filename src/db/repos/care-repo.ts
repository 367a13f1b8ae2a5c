import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { pgArrayLiteral } from '../bulk.js';
import { queryRows, type Executor } from '../client.js';
import { careTasks, compensations, couponCodes, exchangeFirstOutcomes, storeCreditLedger } from '../schema/index.js';

export type CompensationRow = typeof compensations.$inferSelect;
export type CareTaskRow = typeof careTasks.$inferSelect;
export type CouponCodeRow = typeof couponCodes.$inferSelect;

export const careRepo = {
  /** One shop's compensation grants happen one after another: the caps are checked against what is already granted. */
  async lockGrants(db: Executor, shopId: string): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`compensations:${shopId}`}, 0))`);
  },

  /** Value and points granted on the case, and by the shop this month in the currency: one statement. */
  async grantedSoFar(db: Executor, shopId: string, caseId: string, currency: string, from: Date, to: Date) {
    const [row] = await queryRows<{ case_minor: string; case_points: string; month_minor: string; month_points: string }>(
      db,
      sql`select
        coalesce(sum(amount_minor) filter (where case_id = ${caseId}), 0) as case_minor,
        coalesce(sum(points) filter (where case_id = ${caseId}), 0) as case_points,
        coalesce(sum(amount_minor) filter (where currency = ${currency} and created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz), 0) as month_minor,
        coalesce(sum(points) filter (where created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz), 0) as month_points
      from ${compensations} where shop_id = ${shopId}`,
    );
    return { caseMinor: Number(row?.case_minor ?? 0), casePoints: Number(row?.case_points ?? 0), monthMinor: Number(row?.month_minor ?? 0), monthPoints: Number(row?.month_points ?? 0) };
  },

  /**
   * Takes one free, unexpired code of the pool (of this value when given, else the oldest) for a
   * compensation. SKIP LOCKED: concurrent grants take different codes, never the same one.
   */
  async claimCoupon(db: Executor, shopId: string, currency: string, valueMinor: number | null, compensationId: string, now: Date): Promise<CouponCodeRow | undefined> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`update ${couponCodes} set compensation_id = ${compensationId}, granted_at = ${now.toISOString()}::timestamptz
        where shop_id = ${shopId} and id = (
          select id from ${couponCodes}
          where shop_id = ${shopId} and compensation_id is null and currency = ${currency}
            and (expires_at is null or expires_at > ${now.toISOString()}::timestamptz)
            ${valueMinor === null ? sql`` : sql`and value_minor = ${valueMinor}`}
          order by created_at, id limit 1 for update skip locked)
          and compensation_id is null
        returning id`,
    );
    if (!rows[0]) return undefined;
    return (await db.select().from(couponCodes).where(and(eq(couponCodes.shopId, shopId), eq(couponCodes.id, rows[0].id))))[0];
  },

  async insertCoupons(db: Executor, rows: (typeof couponCodes.$inferInsert)[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted = await db.insert(couponCodes).values(rows).onConflictDoNothing().returning({ code: couponCodes.code });
    return inserted.map((r) => r.code);
  },

  /** Free codes by currency and value, and how many were handed out. */
  async poolSummary(db: Executor, shopId: string, now: Date) {
    return queryRows<{ currency: string; value_minor: string; free: number; granted: number; expired: number }>(
      db,
      sql`select currency, value_minor,
          count(*) filter (where compensation_id is null and (expires_at is null or expires_at > ${now.toISOString()}::timestamptz))::int as free,
          count(*) filter (where compensation_id is not null)::int as granted,
          count(*) filter (where compensation_id is null and expires_at <= ${now.toISOString()}::timestamptz)::int as expired
        from ${couponCodes} where shop_id = ${shopId} group by currency, value_minor order by currency, value_minor`,
    );
  },

  /** Inserts the compensation; a rule's second grant on the same case inserts nothing (undefined). */
  async insertCompensation(db: Executor, row: typeof compensations.$inferInsert): Promise<CompensationRow | undefined> {
    return (await db.insert(compensations).values(row).onConflictDoNothing().returning())[0];
  },

  async insertStoreCredit(db: Executor, row: typeof storeCreditLedger.$inferInsert): Promise<void> {
    await db.insert(storeCreditLedger).values(row);
  },

  async compensationsOfCase(db: Executor, shopId: string, caseId: string): Promise<CompensationRow[]> {
    return db.select().from(compensations).where(and(eq(compensations.shopId, shopId), eq(compensations.caseId, caseId))).orderBy(asc(compensations.createdAt), asc(compensations.id));
  },

  async compensationsOfCustomer(db: Executor, shopId: string, customerId: string): Promise<CompensationRow[]> {
    return db.select().from(compensations).where(and(eq(compensations.shopId, shopId), eq(compensations.customerId, customerId))).orderBy(desc(compensations.createdAt), desc(compensations.id)).limit(500);
  },

  /** Inserts the tasks that do not exist yet (by their dedup key); returns those inserted. */
  async insertTasks(db: Executor, rows: (typeof careTasks.$inferInsert)[]): Promise<CareTaskRow[]> {
    if (rows.length === 0) return [];
    return db.insert(careTasks).values(rows).onConflictDoNothing().returning();
  },

  async listTasks(db: Executor, shopId: string, filter: { status?: 'open' | 'done' | 'skipped'; role?: string; kind?: string }, limit: number): Promise<CareTaskRow[]> {
    const where = [eq(careTasks.shopId, shopId)];
    if (filter.status) where.push(eq(careTasks.status, filter.status));
    if (filter.role) where.push(eq(careTasks.role, filter.role));
    if (filter.kind) where.push(eq(careTasks.kind, filter.kind as CareTaskRow['kind']));
    return db.select().from(careTasks).where(and(...where)).orderBy(asc(careTasks.dueAt), asc(careTasks.id)).limit(limit);
  },

  /** Open tasks overdue, due before `endOfToday`, and later; closed ones since `since`. */
  async taskCounts(db: Executor, shopId: string, now: Date, endOfToday: Date, since: Date) {
    const [row] = await queryRows<{ overdue: number; today: number; upcoming: number; done: number; skipped: number }>(
      db,
      sql`select
        count(*) filter (where status = 'open' and due_at < ${now.toISOString()}::timestamptz)::int as overdue,
        count(*) filter (where status = 'open' and due_at >= ${now.toISOString()}::timestamptz and due_at < ${endOfToday.toISOString()}::timestamptz)::int as today,
        count(*) filter (where status = 'open' and due_at >= ${endOfToday.toISOString()}::timestamptz)::int as upcoming,
        count(*) filter (where status = 'done' and closed_at >= ${since.toISOString()}::timestamptz)::int as done,
        count(*) filter (where status = 'skipped' and closed_at >= ${since.toISOString()}::timestamptz)::int as skipped
      from ${careTasks} where shop_id = ${shopId}`,
    );
    return row ?? { overdue: 0, today: 0, upcoming: 0, done: 0, skipped: 0 };
  },

  /** Closes an open task; undefined when there is no such task or it is closed already. */
  async closeTask(db: Executor, shopId: string, id: string, patch: { status: 'done' | 'skipped'; note: string | null; closedById: string | null; now: Date }): Promise<CareTaskRow | undefined> {
    return (
      await db
        .update(careTasks)
        .set({ status: patch.status, note: patch.note, closedById: patch.closedById, closedAt: patch.now, updatedAt: patch.now })
        .where(and(eq(careTasks.shopId, shopId), eq(careTasks.id, id), eq(careTasks.status, 'open')))
        .returning()
    )[0];
  },

  async taskById(db: Executor, shopId: string, id: string): Promise<CareTaskRow | undefined> {
    return (await db.select().from(careTasks).where(and(eq(careTasks.shopId, shopId), eq(careTasks.id, id))))[0];
  },

  /**
   * For each SKU of a case's quality items: how many cases of the shop with a quality reason on
   * that SKU were created since `from` (the case itself included).
   */
  async qualityCasesBySku(db: Executor, shopId: string, caseId: string, qualityCodes: string[], from: Date) {
    if (qualityCodes.length === 0) return [];
    return queryRows<{ sku: string; cases: number }>(
      db,
      sql`with skus as (
          select distinct v.sku from return_items ri
          join order_lines ol on ol.shop_id = ri.shop_id and ol.id = ri.order_line_id
          join variants v on v.shop_id = ol.shop_id and v.id = ol.variant_id
          where ri.shop_id = ${shopId} and ri.case_id = ${caseId} and ri.reason_code = any(${pgArrayLiteral(qualityCodes, 'text')}::text[]))
        select v.sku, count(distinct rc.id)::int as cases
        from skus s
        join variants v on v.shop_id = ${shopId} and v.sku = s.sku
        join order_lines ol on ol.shop_id = v.shop_id and ol.variant_id = v.id
        join return_items ri on ri.shop_id = ol.shop_id and ri.order_line_id = ol.id
        join return_cases rc on rc.shop_id = ri.shop_id and rc.id = ri.case_id
        where ri.reason_code = any(${pgArrayLiteral(qualityCodes, 'text')}::text[]) and rc.created_at >= ${from.toISOString()}::timestamptz
        group by v.sku`,
    );
  },

  async insertExchangeFirst(db: Executor, row: typeof exchangeFirstOutcomes.$inferInsert): Promise<void> {
    await db.insert(exchangeFirstOutcomes).values(row).onConflictDoNothing();
  },

  async exchangeFirstOf(db: Executor, shopId: string, caseId: string) {
    return (await db.select().from(exchangeFirstOutcomes).where(and(eq(exchangeFirstOutcomes.shopId, shopId), eq(exchangeFirstOutcomes.caseId, caseId))))[0];
  },

  /** Exchange-first outcomes and compensation in a period, per currency. */
  async careTotals(db: Executor, shopId: string, from: Date, to: Date) {
    const offers = await queryRows<{ currency: string; offers: number; exchanges: number; store_credits: number; refunds: number; kept_minor: string; bonus_minor: string }>(
      db,
      sql`select currency, count(*)::int as offers,
          count(*) filter (where choice = 'exchange')::int as exchanges,
          count(*) filter (where choice = 'store_credit')::int as store_credits,
          count(*) filter (where choice = 'refund')::int as refunds,
          coalesce(sum(kept_minor), 0) as kept_minor, coalesce(sum(bonus_minor), 0) as bonus_minor
        from ${exchangeFirstOutcomes} where shop_id = ${shopId} and created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz
        group by currency order by currency`,
    );
    const granted = await queryRows<{ currency: string; kind: string; grants: number; amount_minor: string; points: string }>(
      db,
      sql`select currency, kind, count(*)::int as grants, coalesce(sum(amount_minor), 0) as amount_minor, coalesce(sum(points), 0) as points
        from ${compensations} where shop_id = ${shopId} and created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz
        group by currency, kind order by currency, kind`,
    );
    return { offers, granted };
  },
};
