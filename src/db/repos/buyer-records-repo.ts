import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.js';
import { buyerListEntries, customerNotes } from '../schema/index.js';

export type ListEntryRow = typeof buyerListEntries.$inferSelect;
export type NoteRow = typeof customerNotes.$inferSelect;

export interface CustomerHit {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  orders: number;
  cases: number;
  matchedOrder: string | null;
}

/** Buyer records (issue 19.4): search, what the buyer page shows, notes, and the block/allow lists. */
export const buyerRecordsRepo = {
  /**
   * Buyers whose name, e-mail or phone contains the text, or who placed an order of that number
   * (or platform id). `phoneDigits` is the text's digits when it has enough of them.
   */
  async search(db: Executor, shopId: string, text: string, phoneDigits: string | null, limit: number): Promise<CustomerHit[]> {
    const like = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const rows = await queryRows<CustomerHit & { orders: string | number; cases: string | number }>(
      db,
      sql`with hits as (
          select c.id, null::text as matched_order from customers c
            where c.shop_id = ${shopId} and (c.name ilike ${like} or c.email ilike ${like} ${phoneDigits ? sql`or c.phone like ${`%${phoneDigits}%`}` : sql``})
          union all
          select o.customer_id, o.number from orders o
            where o.shop_id = ${shopId} and o.customer_id is not null and (o.number = ${text} or o.external_id = ${text})
        ), distinct_hits as (select id, max(matched_order) as matched_order from hits group by id)
        select c.id, c.name, c.email, c.phone, h.matched_order as "matchedOrder",
          (select count(*) from orders o where o.shop_id = c.shop_id and o.customer_id = c.id) as "orders",
          (select count(*) from return_cases r where r.shop_id = c.shop_id and r.customer_id = c.id) as "cases"
        from distinct_hits h join customers c on c.shop_id = ${shopId} and c.id = h.id
        order by h.matched_order is null, c.name nulls last, c.id
        limit ${limit}`,
    );
    return rows.map((r) => ({ ...r, orders: Number(r.orders), cases: Number(r.cases) }));
  },

  /** The buyer's orders, cases (with the risk each was opened with), recent messages and notes: one statement. */
  async record(db: Executor, shopId: string, customerId: string) {
    const [row] = await queryRows<{ orders: unknown; cases: unknown; messages: unknown; notes: unknown }>(
      db,
      sql`select
        (select coalesce(json_agg(x order by x."placedAt" desc), '[]'::json) from (
          select o.id, o.number, o.channel, o.status, o.currency, o.total_minor as "totalMinor", o.placed_at as "placedAt", o.delivered_at as "deliveredAt"
          from orders o where o.shop_id = ${shopId} and o.customer_id = ${customerId} order by o.placed_at desc limit 200) x) as "orders",
        (select coalesce(json_agg(x order by x."createdAt" desc), '[]'::json) from (
          select c.id, c.rma_number as "rmaNumber", c.order_id as "orderId", c.type, c.status, c.currency, c.resolution, c.needs_review as "needsReview",
            c.risk_score as "riskScore", c.risk_reasons as "riskReasons", c.refunded_minor as "refundedMinor", c.created_at as "createdAt", c.closed_at as "closedAt"
          from return_cases c where c.shop_id = ${shopId} and c.customer_id = ${customerId} order by c.created_at desc limit 200) x) as "cases",
        (select coalesce(json_agg(x order by x."createdAt" desc), '[]'::json) from (
          select m.id, m.case_id as "caseId", c.rma_number as "rmaNumber", m.visibility, m.author_kind as "authorKind", m.body, m.created_at as "createdAt"
          from case_messages m join return_cases c on c.shop_id = m.shop_id and c.id = m.case_id
          where c.shop_id = ${shopId} and c.customer_id = ${customerId} order by m.created_at desc limit 50) x) as "messages",
        (select coalesce(json_agg(x order by x."createdAt" desc), '[]'::json) from (
          select n.id, n.body, n.author_id as "authorId", n.author_name as "authorName", n.created_at as "createdAt", n.updated_at as "updatedAt"
          from customer_notes n where n.shop_id = ${shopId} and n.customer_id = ${customerId} order by n.created_at desc limit 200) x) as "notes"`,
    );
    const parse = <T>(v: unknown): T[] => (typeof v === 'string' ? JSON.parse(v) : (v as T[]) ?? []);
    return { orders: parse<Record<string, unknown>>(row?.orders), cases: parse<Record<string, unknown>>(row?.cases), messages: parse<Record<string, unknown>>(row?.messages), notes: parse<Record<string, unknown>>(row?.notes) };
  },

  async insertNote(db: Executor, row: typeof customerNotes.$inferInsert): Promise<NoteRow> {
    return (await db.insert(customerNotes).values(row).returning())[0]!;
  },
  async updateNote(db: Executor, shopId: string, customerId: string, id: string, body: string, now: Date): Promise<NoteRow | undefined> {
    return (
      await db
        .update(customerNotes)
        .set({ body, updatedAt: now })
        .where(and(eq(customerNotes.shopId, shopId), eq(customerNotes.customerId, customerId), eq(customerNotes.id, id)))
        .returning()
    )[0];
  },

  async listEntries(db: Executor, shopId: string, filter: { list?: string; customerId?: string } = {}): Promise<ListEntryRow[]> {
    const where = [eq(buyerListEntries.shopId, shopId)];
    if (filter.list) where.push(eq(buyerListEntries.list, filter.list as ListEntryRow['list']));
    return db.select().from(buyerListEntries).where(and(...where)).orderBy(asc(buyerListEntries.list), desc(buyerListEntries.createdAt), asc(buyerListEntries.id));
  },
  /** Inserts the entry; undefined when the same value is already on that list. */
  async insertEntry(db: Executor, row: typeof buyerListEntries.$inferInsert): Promise<ListEntryRow | undefined> {
    return (await db.insert(buyerListEntries).values(row).onConflictDoNothing().returning())[0];
  },
  async deleteEntry(db: Executor, shopId: string, id: string): Promise<boolean> {
    return (await db.delete(buyerListEntries).where(and(eq(buyerListEntries.shopId, shopId), eq(buyerListEntries.id, id))).returning({ id: buyerListEntries.id })).length > 0;
  },
};
