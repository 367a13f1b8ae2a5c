import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.js';
import { deadlines, marketplaceCases, returnCases } from '../schema/index.js';

export type MarketplaceCaseRow = typeof marketplaceCases.$inferSelect;
export type NewMarketplaceCase = typeof marketplaceCases.$inferInsert;

export const marketplaceCasesRepo = {
  /** A page's records already known, by the platform's id: one statement per page. */
  async byExternalIds(db: Executor, shopId: string, connectionId: string, externalIds: string[]): Promise<Map<string, MarketplaceCaseRow>> {
    if (externalIds.length === 0) return new Map();
    const rows = await db
      .select()
      .from(marketplaceCases)
      .where(and(eq(marketplaceCases.shopId, shopId), eq(marketplaceCases.connectionId, connectionId), inArray(marketplaceCases.externalId, externalIds)));
    return new Map(rows.map((r) => [r.externalId, r]));
  },
  async byCase(db: Executor, shopId: string, caseId: string): Promise<MarketplaceCaseRow | undefined> {
    return (await db.select().from(marketplaceCases).where(and(eq(marketplaceCases.shopId, shopId), eq(marketplaceCases.caseId, caseId))).limit(1))[0];
  },
  async insert(db: Executor, row: NewMarketplaceCase): Promise<void> {
    await db.insert(marketplaceCases).values(row);
  },
  async update(db: Executor, shopId: string, id: string, patch: Partial<NewMarketplaceCase>): Promise<void> {
    await db.update(marketplaceCases).set(patch).where(and(eq(marketplaceCases.shopId, shopId), eq(marketplaceCases.id, id)));
  },
  /** Cases of a connection that Retour moved since it last agreed with the platform: decisions to push. */
  async pendingPushes(db: Executor, shopId: string, connectionId: string, limit: number) {
    return db
      .select({ link: marketplaceCases, c: returnCases })
      .from(marketplaceCases)
      .innerJoin(returnCases, and(eq(returnCases.shopId, marketplaceCases.shopId), eq(returnCases.id, marketplaceCases.caseId)))
      .where(and(eq(marketplaceCases.shopId, shopId), eq(marketplaceCases.connectionId, connectionId), sql`${returnCases.status} <> ${marketplaceCases.syncedStatus}`))
      .limit(limit);
  },
  /** The platform's deadline replaces the clock Retour started for the case's current state. */
  async setPendingDeadline(db: Executor, shopId: string, caseId: string, dueAt: Date, rule: string): Promise<void> {
    await db
      .update(deadlines)
      .set({ dueAt, rule })
      .where(and(eq(deadlines.shopId, shopId), eq(deadlines.caseId, caseId), eq(deadlines.status, 'pending')));
  },
  /** Order lines of a connection's orders by the platform's order ids: `orderExternalId → lines`. */
  async orderLines(db: Executor, shopId: string, channel: string, orderExternalIds: string[]) {
    if (orderExternalIds.length === 0) return new Map<string, { orderId: string; lines: { id: string; externalId: string | null; sku: string }[] }>();
    const rows = await queryRows<{ order_id: string; order_external_id: string; line_id: string; line_external_id: string | null; sku: string }>(
      db,
      sql`select o.id as order_id, o.external_id as order_external_id, l.id as line_id, l.external_id as line_external_id, l.sku
          from orders o join order_lines l on l.shop_id = o.shop_id and l.order_id = o.id
          where o.shop_id = ${shopId} and o.channel = ${channel} and o.external_id in ${sql`(${sql.join(orderExternalIds.map((e) => sql`${e}`), sql`, `)})`}`,
    );
    const out = new Map<string, { orderId: string; lines: { id: string; externalId: string | null; sku: string }[] }>();
    for (const r of rows) {
      const entry = out.get(r.order_external_id) ?? { orderId: r.order_id, lines: [] };
      entry.lines.push({ id: r.line_id, externalId: r.line_external_id, sku: r.sku });
      out.set(r.order_external_id, entry);
    }
    return out;
  },
  /** A case's link with its connection's name, for the case page. */
  async viewOfCase(db: Executor, shopId: string, caseId: string) {
    const rows = await queryRows<MarketplaceLinkView>(
      db,
      sql`select m.platform, m.external_id, m.order_external_id, m.platform_status, m.platform_type, m.platform_modified_at, m.platform_deadline_at, m.synced_status, m.push_error, m.connection_id, c.name as connection_name,
                 (select d.due_at from deadlines d where d.shop_id = m.shop_id and d.case_id = m.case_id and d.status = 'pending' order by d.due_at limit 1) as due_at,
                 (select d.rule from deadlines d where d.shop_id = m.shop_id and d.case_id = m.case_id and d.status = 'pending' order by d.due_at limit 1) as due_rule
          from marketplace_cases m left join connections c on c.shop_id = m.shop_id and c.id = m.connection_id
          where m.shop_id = ${shopId} and m.case_id = ${caseId}`,
    );
    return rows[0];
  },
};

export interface MarketplaceLinkView {
  platform: string;
  external_id: string;
  order_external_id: string;
  platform_status: string;
  platform_type: string;
  platform_modified_at: Date | string;
  platform_deadline_at: Date | string | null;
  synced_status: string;
  push_error: string | null;
  connection_id: string;
  connection_name: string | null;
  due_at: Date | string | null;
  due_rule: string | null;
}
