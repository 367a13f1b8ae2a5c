import { and, asc, count, desc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { anyOf } from '../bulk.js';
import { queryRows, type Executor } from '../client.js';
import { caseEvents, notificationOptOuts, notificationTemplates, shops, smsMessages } from '../schema/index.js';

export type SmsRow = typeof smsMessages.$inferSelect;
export type TemplateRow = typeof notificationTemplates.$inferSelect;

/** Text messages, sellers' templates, buyers' opt-outs and the shop's notification settings (issue 20). */
export const notificationsRepo = {
  async insertSms(db: Executor, rows: (typeof smsMessages.$inferInsert)[]) {
    // One message per case and step (or per event of a repeating step): a second dispatch adds nothing.
    if (rows.length > 0) await db.insert(smsMessages).values(rows).onConflictDoNothing();
  },
  async claimDueSms(db: Executor, now: Date, limit: number): Promise<SmsRow[]> {
    return db
      .select()
      .from(smsMessages)
      .where(and(eq(smsMessages.status, 'pending'), lte(smsMessages.nextAttemptAt, now)))
      .orderBy(asc(smsMessages.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
  },
  async updateSms(db: Executor, m: Pick<SmsRow, 'shopId' | 'id'>, set: Partial<typeof smsMessages.$inferInsert>) {
    await db.update(smsMessages).set(set).where(and(eq(smsMessages.shopId, m.shopId), eq(smsMessages.id, m.id)));
  },
  /** Messages handed to a provider since `since`: what the daily cap counts. */
  async smsSentSince(db: Executor, shopId: string, since: Date): Promise<number> {
    const [row] = await db.select({ n: count() }).from(smsMessages).where(and(eq(smsMessages.shopId, shopId), gte(smsMessages.sentAt, since)));
    return Number(row?.n ?? 0);
  },
  /** Settles the messages a receipt names; returns those that changed (a repeated receipt changes nothing). */
  async settleSms(db: Executor, connectionId: string, providerMessageId: string, delivered: boolean, error: string | null, now: Date): Promise<SmsRow[]> {
    return db
      .update(smsMessages)
      .set({ status: delivered ? 'delivered' : 'undelivered', deliveredAt: delivered ? now : null, lastError: error })
      .where(and(eq(smsMessages.connectionId, connectionId), eq(smsMessages.providerMessageId, providerMessageId), eq(smsMessages.status, 'sent')))
      .returning();
  },
  /** The dev outbox and the send log, newest first. */
  async listSms(db: Executor, shopId: string, filter: { caseId?: string }, cursor: { createdAt: Date; id: string } | undefined, limit: number): Promise<SmsRow[]> {
    return db
      .select()
      .from(smsMessages)
      .where(
        and(
          eq(smsMessages.shopId, shopId),
          filter.caseId ? eq(smsMessages.caseId, filter.caseId) : undefined,
          cursor ? or(lt(smsMessages.createdAt, cursor.createdAt), and(eq(smsMessages.createdAt, cursor.createdAt), lt(smsMessages.id, cursor.id))) : undefined,
        ),
      )
      .orderBy(desc(smsMessages.createdAt), desc(smsMessages.id))
      .limit(limit);
  },
  async templates(db: Executor, shopIds: string[]): Promise<TemplateRow[]> {
    if (shopIds.length === 0) return [];
    return db.select().from(notificationTemplates).where(anyOf(notificationTemplates.shopId, shopIds, 'uuid'));
  },
  async saveTemplate(db: Executor, row: typeof notificationTemplates.$inferInsert): Promise<TemplateRow> {
    const [saved] = await db
      .insert(notificationTemplates)
      .values(row)
      .onConflictDoUpdate({
        target: [notificationTemplates.shopId, notificationTemplates.step, notificationTemplates.locale, notificationTemplates.channel],
        set: { subject: row.subject, body: row.body, templateCode: row.templateCode, updatedAt: row.updatedAt },
      })
      .returning();
    return saved!;
  },
  async removeTemplate(db: Executor, shopId: string, step: string, locale: string, channel: 'email' | 'sms'): Promise<boolean> {
    const gone = await db
      .delete(notificationTemplates)
      .where(and(eq(notificationTemplates.shopId, shopId), eq(notificationTemplates.step, step), eq(notificationTemplates.locale, locale), eq(notificationTemplates.channel, channel)))
      .returning({ step: notificationTemplates.step });
    return gone.length > 0;
  },
  async optOut(db: Executor, row: typeof notificationOptOuts.$inferInsert) {
    await db.insert(notificationOptOuts).values(row).onConflictDoNothing();
  },
  async optIn(db: Executor, shopId: string, channel: 'email' | 'sms', address: string) {
    await db.delete(notificationOptOuts).where(and(eq(notificationOptOuts.shopId, shopId), eq(notificationOptOuts.channel, channel), eq(notificationOptOuts.address, address)));
  },
  /** The opt-outs among these contacts (normal forms), as `shop|channel|address`. */
  async optedOut(db: Executor, shopIds: string[], addresses: string[]): Promise<Set<string>> {
    if (shopIds.length === 0 || addresses.length === 0) return new Set();
    const rows = await db
      .select({ shopId: notificationOptOuts.shopId, channel: notificationOptOuts.channel, address: notificationOptOuts.address })
      .from(notificationOptOuts)
      .where(and(anyOf(notificationOptOuts.shopId, shopIds, 'uuid'), inArray(notificationOptOuts.address, addresses)));
    return new Set(rows.map((r) => `${r.shopId}|${r.channel}|${r.address}`));
  },
  /** Merged into the shop's settings in one statement, so a concurrent change of other settings is kept. */
  async saveSettings(db: Executor, shopId: string, notifications: Record<string, unknown>) {
    await db
      .update(shops)
      .set({ settings: sql`${shops.settings} || jsonb_build_object('notifications', ${JSON.stringify(notifications)}::jsonb)`, updatedAt: new Date() })
      .where(eq(shops.id, shopId));
  },
  async settings(db: Executor, shopId: string): Promise<Record<string, unknown> | null> {
    const [row] = await db.select({ n: sql<Record<string, unknown> | null>`${shops.settings}->'notifications'` }).from(shops).where(eq(shops.id, shopId));
    return row?.n ?? null;
  },
  async caseEvent(db: Executor, row: typeof caseEvents.$inferInsert) {
    await db.insert(caseEvents).values(row);
  },
};

/** Reads for previews and the portal's preferences. */
export const notificationReadsRepo = {
  /** The shop's most recent case: what a template preview is filled from when no case is named. */
  async latestCaseId(db: Executor, shopId: string): Promise<string | null> {
    const [row] = await queryRows<{ id: string }>(db, sql`select id from return_cases where shop_id = ${shopId} order by created_at desc limit 1`);
    return row?.id ?? null;
  },
  async caseShop(db: Executor, caseId: string): Promise<string | null> {
    const [row] = await queryRows<{ shopId: string }>(db, sql`select shop_id as "shopId" from return_cases where id = ${caseId}`);
    return row?.shopId ?? null;
  },
  async orderContact(db: Executor, shopId: string, orderId: string): Promise<{ email: string | null; phone: string | null; country: string | null; locale: string } | null> {
    const [row] = await queryRows<{ email: string | null; phone: string | null; country: string | null; locale: string }>(
      db,
      sql`select coalesce(o.email, cu.email) as email, coalesce(o.phone, cu.phone) as phone, o.shipping_address->>'country' as country, o.locale
          from orders o left join customers cu on cu.shop_id = o.shop_id and cu.id = o.customer_id where o.shop_id = ${shopId} and o.id = ${orderId}`,
    );
    return row ?? null;
  },
};
