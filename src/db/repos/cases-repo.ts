import { and, asc, desc, eq, gte, inArray, lt, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { CaseStatus } from '../../domain/cases/model.js';
import { uuidv7 } from 'uuidv7';
import { queryRows, type Executor } from '../client.js';
import { batchOf, save } from '../write-batch.js';
import { caseEvents, caseMessages, customers, deadlines, evidence, exchanges, orderLines, orders, policies, products, refunds, returnAddresses, returnCases, returnItems, returnShipments, variants } from '../schema/index.js';
import { rowFromJson, rowsFromJson } from '../json-rows.js';
import { policiesRepo, policyVersions } from './policies-repo.js';

export type CaseRow = typeof returnCases.$inferSelect;
export type NewCase = typeof returnCases.$inferInsert;
export type ItemRow = typeof returnItems.$inferSelect;
export type EventRow = typeof caseEvents.$inferSelect;
export type MessageRow = typeof caseMessages.$inferSelect;
export type EvidenceRow = typeof evidence.$inferSelect;
export type ReturnShipmentRow = typeof returnShipments.$inferSelect;
export type ExchangeRow = typeof exchanges.$inferSelect;

/** A policy version as JSON, or only its id when this process keeps it (`kept.ids`, policyVersions). */
const policyJson = sql`case when p.id = any(kept.ids) then jsonb_build_object('id', p.id) else to_jsonb(p) end`;

/** Cases that no longer hold on to their units: the buyer may ask again for those. */
const RELEASED: CaseStatus[] = ['cancelled', 'closed'];

export interface CaseFilter {
  status?: CaseStatus[];
  type?: string;
  reasonCode?: string;
  sku?: string;
  customerId?: string;
  orderId?: string;
  channel?: string;
  createdFrom?: Date;
  createdTo?: Date;
  needsReview?: boolean;
  /** Cases whose pending deadline ran out by then (the worker applies it or alerts). */
  overdueAt?: Date;
  q?: string;
}

/** What `orderWithFacts` reads besides the order and its lines' facts. */
export interface OrderReadOptions {
  lock: boolean;
  excludeCaseId?: string;
  rmaSequence?: string;
  withPolicies?: boolean;
  /** The order's buyer, as a reply about a case of the order shows them. */
  withCustomer?: boolean;
}

/** The row `orderWithFacts` reads: the order's columns (by their SQL names) and what was read along. */
type OrderWithFactsRow = Record<string, unknown> & {
  lines: OrderFactLine[];
  refundedMinor: string | number;
  shippingRefundedMinor: string | number;
  caseRefunds: number;
  rmaCounter: string | number | null;
  policies: (Record<string, unknown> | null)[] | null;
  buyerHistory: Record<string, unknown> | string | null;
  defaultReturnAddress: Record<string, unknown> | null;
  customer: Record<string, unknown> | null;
};

/** A line of `orderWithFacts` (JSON, so numbers are numbers and names are the columns'). */
export interface OrderFactLine {
  id: string;
  line_no: number;
  sku: string;
  title: string;
  quantity: number;
  unit_price_minor: number;
  line_discount_minor: number;
  order_discount_share_minor: number;
  tax_minor: number;
  paid_minor: number;
  variant_id: string;
  product_id: string;
  category: string | null;
  custom_made: boolean;
  perishable: boolean;
  digital: boolean;
  hygiene: boolean;
  final_sale: boolean;
  attributes: Record<string, string>;
  claimed: number;
  refunded_quantity: number;
  refunded_minor: number;
}

export const casesRepo = {
  async insert(db: Executor, row: NewCase): Promise<CaseRow> {
    return (await db.insert(returnCases).values(row).returning())[0]!;
  },
  async insertItems(db: Executor, rows: (typeof returnItems.$inferInsert)[]): Promise<ItemRow[]> {
    return db.insert(returnItems).values(rows).returning();
  },
  /** Batched in a batched transaction (the caller gets the id it set or one made here). */
  async insertEvent(db: Executor, row: typeof caseEvents.$inferInsert): Promise<{ id: string }> {
    const withId = { ...row, id: row.id ?? uuidv7() };
    const batch = batchOf(db);
    if (batch) batch.insert(caseEvents, withId);
    else await db.insert(caseEvents).values(withId);
    return { id: withId.id };
  },
  async insertMessage(db: Executor, row: typeof caseMessages.$inferInsert): Promise<typeof row & { id: string }> {
    const withId = { ...row, id: row.id ?? uuidv7() };
    const batch = batchOf(db);
    if (batch) batch.insert(caseMessages, withId);
    else await db.insert(caseMessages).values(withId);
    return withId;
  },
  async insertReturnShipment(db: Executor, row: typeof returnShipments.$inferInsert): Promise<{ id: string }> {
    const withId = { ...row, id: row.id ?? uuidv7() };
    const batch = batchOf(db);
    if (batch) batch.insert(returnShipments, withId);
    else await db.insert(returnShipments).values(withId);
    return { id: withId.id };
  },
  async insertExchanges(db: Executor, rows: (typeof exchanges.$inferInsert)[]): Promise<void> {
    if (rows.length === 0) return;
    const batch = batchOf(db);
    if (batch) for (const row of rows) batch.insert(exchanges, row);
    else await db.insert(exchanges).values(rows);
  },

  async findById(db: Executor, shopId: string, id: string): Promise<CaseRow | undefined> {
    return (await db.select().from(returnCases).where(and(eq(returnCases.shopId, shopId), eq(returnCases.id, id))).limit(1))[0];
  },
  /**
   * A case with what an action on it reads (its items, its pending deadlines, the shop's default
   * return address), in one statement: an optimistic action reads once, then writes once. Found by
   * its id, or by one of its refunds' (a settlement), then with all its refunds too.
   */
  async findWithParts(db: Executor, shopId: string, ref: string | { refundId: string }) {
    const caseId = typeof ref === 'string' ? sql`${ref}::uuid` : sql`(select r.case_id from ${refunds} r where r.shop_id = ${shopId} and r.id = ${ref.refundId})`;
    // One SQL template, not Drizzle's select builder (see orderWithFacts): every action reads this.
    const [row] = await queryRows<
      Record<string, unknown> & { items: Record<string, unknown>[]; pendingDeadlines: Record<string, unknown>[]; defaultReturnAddress: Record<string, unknown> | null; refunds: Record<string, unknown>[] | null }
    >(
      db,
      sql`select ${returnCases}.*,
        (select coalesce(json_agg(to_jsonb(i) order by i.created_at, i.id), '[]'::json) from ${returnItems} i
            where i.shop_id = ${shopId} and i.case_id = ${caseId}) as "items",
        (select coalesce(json_agg(to_jsonb(d) order by d.due_at), '[]'::json) from ${deadlines} d
            where d.shop_id = ${shopId} and d.case_id = ${caseId} and d.status = 'pending') as "pendingDeadlines",
        (select to_jsonb(a) from ${returnAddresses} a where a.shop_id = ${shopId} and a.is_default) as "defaultReturnAddress",
        ${
          typeof ref === 'string'
            ? sql`null::json`
            : sql`(select coalesce(json_agg(to_jsonb(r) order by r.created_at, r.id), '[]'::json) from ${refunds} r
            where r.shop_id = ${shopId} and r.case_id = ${caseId})`
        } as "refunds"
      from ${returnCases} where ${returnCases.shopId} = ${shopId} and ${returnCases.id} = ${caseId}`,
    );
    if (!row) return undefined;
    return {
      c: rowFromJson(returnCases, row),
      items: rowsFromJson(returnItems, row.items),
      pendingDeadlines: rowsFromJson(deadlines, row.pendingDeadlines),
      defaultReturnAddress: row.defaultReturnAddress && rowFromJson(returnAddresses, row.defaultReturnAddress),
      refunds: row.refunds ? rowsFromJson(refunds, row.refunds) : [],
    };
  },
  async findByIdForUpdate(db: Executor, shopId: string, id: string): Promise<CaseRow | undefined> {
    return (await db.select().from(returnCases).where(and(eq(returnCases.shopId, shopId), eq(returnCases.id, id))).limit(1).for('update'))[0];
  },
  async findByRma(db: Executor, shopId: string, rmaNumber: string): Promise<CaseRow | undefined> {
    return (await db.select().from(returnCases).where(and(eq(returnCases.shopId, shopId), eq(returnCases.rmaNumber, rmaNumber))).limit(1))[0];
  },
  async update(db: Executor, shopId: string, id: string, patch: Partial<NewCase>): Promise<CaseRow> {
    return (
      await db
        .update(returnCases)
        .set({ ...patch, version: sql`${returnCases.version} + 1`, updatedAt: patch.updatedAt ?? new Date() })
        .where(and(eq(returnCases.shopId, shopId), eq(returnCases.id, id)))
        .returning()
    )[0]!;
  },
  async updateItem(db: Executor, shopId: string, id: string, patch: Partial<typeof returnItems.$inferInsert>) {
    await save(db, db.update(returnItems).set(patch).where(and(eq(returnItems.shopId, shopId), eq(returnItems.id, id))), returnItems);
  },

  async itemsOf(db: Executor, shopId: string, caseId: string): Promise<ItemRow[]> {
    return db.select().from(returnItems).where(and(eq(returnItems.shopId, shopId), eq(returnItems.caseId, caseId))).orderBy(asc(returnItems.createdAt), asc(returnItems.id));
  },
  /** Whether the policy granted a fast refund when the case was opened (recorded in its `case.created` event). */
  async grantedFastRefund(db: Executor, shopId: string, caseId: string): Promise<boolean> {
    const [row] = await queryRows<{ granted: boolean | null }>(
      db,
      sql`select e.payload->'automation'->'fastRefund' = 'true'::jsonb as granted from ${caseEvents} e
          where e.shop_id = ${shopId} and e.case_id = ${caseId} and e.type = 'case.created' limit 1`,
    );
    return row?.granted === true;
  },
  async messagesOf(db: Executor, shopId: string, caseId: string, includeInternal: boolean): Promise<MessageRow[]> {
    const conditions = [eq(caseMessages.shopId, shopId), eq(caseMessages.caseId, caseId)];
    if (!includeInternal) conditions.push(eq(caseMessages.visibility, 'public'));
    return db.select().from(caseMessages).where(and(...conditions)).orderBy(asc(caseMessages.createdAt), asc(caseMessages.id));
  },
  async evidenceOf(db: Executor, shopId: string, caseId: string): Promise<EvidenceRow[]> {
    return db.select().from(evidence).where(and(eq(evidence.shopId, shopId), eq(evidence.caseId, caseId))).orderBy(asc(evidence.createdAt), asc(evidence.id));
  },
  async shipmentsOf(db: Executor, shopId: string, caseId: string): Promise<ReturnShipmentRow[]> {
    return db.select().from(returnShipments).where(and(eq(returnShipments.shopId, shopId), eq(returnShipments.caseId, caseId))).orderBy(asc(returnShipments.createdAt));
  },
  async exchangesOf(db: Executor, shopId: string, caseId: string): Promise<ExchangeRow[]> {
    return db.select().from(exchanges).where(and(eq(exchanges.shopId, shopId), eq(exchanges.caseId, caseId))).orderBy(asc(exchanges.createdAt));
  },

  /** Units of each line held by cases that are not cancelled or closed (inspection may have accepted fewer). */
  async claimedQuantities(db: Executor, shopId: string, orderId: string, excludeCaseId?: string): Promise<Map<string, number>> {
    const conditions = [eq(returnCases.shopId, shopId), eq(returnCases.orderId, orderId), notInArray(returnCases.status, RELEASED)];
    if (excludeCaseId) conditions.push(ne(returnCases.id, excludeCaseId));
    const rows = await db
      .select({ lineId: returnItems.orderLineId, claimed: sql<number>`sum(coalesce(${returnItems.acceptedQuantity}, ${returnItems.quantity}))::int` })
      .from(returnItems)
      .innerJoin(returnCases, and(eq(returnCases.shopId, returnItems.shopId), eq(returnCases.id, returnItems.caseId)))
      .where(and(...conditions))
      .groupBy(returnItems.orderLineId);
    return new Map(rows.map((r) => [r.lineId, r.claimed]));
  },

  /** Newest first, keyset-paginated on (created_at, id). */
  async list(db: Executor, shopId: string, filter: CaseFilter, cursor: { createdAt: Date; id: string } | undefined, limit: number) {
    const c: (SQL | undefined)[] = [eq(returnCases.shopId, shopId)];
    if (filter.status?.length) c.push(inArray(returnCases.status, filter.status));
    if (filter.type) c.push(eq(returnCases.type, filter.type as CaseRow['type']));
    if (filter.customerId) c.push(eq(returnCases.customerId, filter.customerId));
    if (filter.orderId) c.push(eq(returnCases.orderId, filter.orderId));
    if (filter.channel) c.push(eq(orders.channel, filter.channel));
    if (filter.needsReview !== undefined) c.push(eq(returnCases.needsReview, filter.needsReview));
    if (filter.overdueAt) {
      c.push(sql`exists (select 1 from deadlines d where d.shop_id = ${returnCases.shopId} and d.case_id = ${returnCases.id} and d.status = 'pending' and d.due_at <= ${filter.overdueAt.toISOString()}::timestamptz)`);
    }
    if (filter.createdFrom) c.push(gte(returnCases.createdAt, filter.createdFrom));
    if (filter.createdTo) c.push(lt(returnCases.createdAt, filter.createdTo));
    if (filter.reasonCode || filter.sku) {
      const itemConditions = [sql`i.shop_id = ${returnCases.shopId}`, sql`i.case_id = ${returnCases.id}`];
      if (filter.reasonCode) itemConditions.push(sql`i.reason_code = ${filter.reasonCode}`);
      if (filter.sku) itemConditions.push(sql`l.sku = ${filter.sku}`);
      c.push(sql`exists (select 1 from ${returnItems} i join ${orderLines} l on l.shop_id = i.shop_id and l.id = i.order_line_id where ${sql.join(itemConditions, sql` and `)})`);
    }
    if (filter.q) {
      const q = filter.q.trim();
      c.push(
        or(
          eq(returnCases.rmaNumber, q.toUpperCase()),
          eq(orders.number, q),
          eq(orders.email, q.toLowerCase()),
          eq(orders.phone, q.replace(/\D/g, '')),
          sql`exists (select 1 from ${returnShipments} s where s.shop_id = ${returnCases.shopId} and s.case_id = ${returnCases.id} and s.tracking_number = ${q})`,
        ),
      );
    }
    if (cursor) c.push(or(lt(returnCases.createdAt, cursor.createdAt), and(eq(returnCases.createdAt, cursor.createdAt), lt(returnCases.id, cursor.id))));
    return db
      .select({ case: returnCases, orderNumber: orders.number, channel: orders.channel, customerName: customers.name })
      .from(returnCases)
      .innerJoin(orders, and(eq(orders.shopId, returnCases.shopId), eq(orders.id, returnCases.orderId)))
      .leftJoin(customers, and(eq(customers.shopId, returnCases.shopId), eq(customers.id, returnCases.customerId)))
      .where(and(...c))
      .orderBy(desc(returnCases.createdAt), desc(returnCases.id))
      .limit(limit + 1);
  },

  /** Item summaries (with their line's SKU and title) for many cases at once. */
  async itemSummaries(db: Executor, shopId: string, caseIds: string[]) {
    if (caseIds.length === 0) return [];
    return db
      .select({ caseId: returnItems.caseId, sku: orderLines.sku, title: orderLines.title, quantity: returnItems.quantity, reasonCode: returnItems.reasonCode })
      .from(returnItems)
      .innerJoin(orderLines, and(eq(orderLines.shopId, returnItems.shopId), eq(orderLines.id, returnItems.orderLineId)))
      .where(and(eq(returnItems.shopId, shopId), inArray(returnItems.caseId, caseIds)));
  },

  /**
   * An order with everything the rules need, in one statement: its lines with their variant's
   * category and return flags, the units other cases hold, and what was refunded per line and in
   * all. With `lock`, the order row is locked for the transaction (FOR UPDATE of the order only).
   */
  async orderWithFacts(
    db: Executor,
    shopId: string,
    orderId: string,
    options: OrderReadOptions & { /** A buyer's history (buyerHistorySql) read along. */ buyerHistory?: SQL | null },
  ) {
    const exclude = options.excludeCaseId ?? '00000000-0000-0000-0000-000000000000';
    // One SQL template, not Drizzle's select builder: building that select (its 42 fields, each
    // told apart by several `is()` walks) cost about 0.5 ms of node CPU per request, a tenth of a create.
    const query = sql`select ${orders}.*,
        (select coalesce(json_agg(x order by x.line_no), '[]'::json) from (
            select l.id, l.line_no, l.sku, l.title, l.quantity, l.unit_price_minor, l.line_discount_minor, l.order_discount_share_minor,
                   l.tax_minor, l.paid_minor, l.variant_id, v.product_id, p.category, v.custom_made, v.perishable, v.digital, v.hygiene,
                   v.final_sale, v.attributes,
                   (select coalesce(sum(coalesce(i.accepted_quantity, i.quantity)), 0) from return_items i
                      join return_cases c on c.shop_id = i.shop_id and c.id = i.case_id
                      where i.shop_id = l.shop_id and i.order_line_id = l.id and c.status not in ('cancelled', 'closed') and c.id <> ${exclude}) as claimed,
                   (select coalesce(sum(rl.quantity), 0) from refund_lines rl join refunds r on r.shop_id = rl.shop_id and r.id = rl.refund_id
                      where rl.shop_id = l.shop_id and rl.order_line_id = l.id and r.status in ('pending', 'succeeded'))
                   + (select coalesce(sum((e->>'quantity')::int), 0) from platform_refunds pr, jsonb_array_elements(pr.lines) e
                      where pr.shop_id = l.shop_id and pr.order_id = l.order_id and e->>'lineExternalId' = l.external_id) as refunded_quantity,
                   (select coalesce(sum(rl.amount_minor), 0) from refund_lines rl join refunds r on r.shop_id = rl.shop_id and r.id = rl.refund_id
                      where rl.shop_id = l.shop_id and rl.order_line_id = l.id and r.status in ('pending', 'succeeded'))
                   + (select coalesce(sum((e->>'amountMinor')::bigint), 0) from platform_refunds pr, jsonb_array_elements(pr.lines) e
                      where pr.shop_id = l.shop_id and pr.order_id = l.order_id and e->>'lineExternalId' = l.external_id) as refunded_minor
            from order_lines l
            join variants v on v.shop_id = l.shop_id and v.id = l.variant_id
            join products p on p.shop_id = v.shop_id and p.id = v.product_id
            where l.shop_id = orders.shop_id and l.order_id = orders.id) x) as "lines",
        -- Refunds the storefront made itself (platform_refunds) count too: never refund twice.
        ((select coalesce(sum(r.amount_minor), 0) from refunds r
            where r.shop_id = orders.shop_id and r.order_id = orders.id and r.status in ('pending', 'succeeded'))
          + (select coalesce(sum(pr.amount_minor), 0) from platform_refunds pr where pr.shop_id = orders.shop_id and pr.order_id = orders.id))::bigint as "refundedMinor",
        ((select coalesce(sum(r.shipping_minor), 0) from refunds r
            where r.shop_id = orders.shop_id and r.order_id = orders.id and r.status in ('pending', 'succeeded'))
          + (select coalesce(sum(pr.shipping_minor), 0) from platform_refunds pr where pr.shop_id = orders.shop_id and pr.order_id = orders.id))::bigint as "shippingRefundedMinor",
        -- The case's refunds so far number its next one (the provider's idempotency key).
        ${options.excludeCaseId ? sql`(select count(*) from refunds r where r.shop_id = orders.shop_id and r.case_id = ${options.excludeCaseId})::int` : sql`0`} as "caseRefunds",
        -- A create takes its RMA counter in the same round trip (a refused request leaves a gap).
        ${options.rmaSequence ? sql`nextval(${options.rmaSequence}::regclass)` : sql`null::bigint`} as "rmaCounter",
        -- A request is judged by a policy version: the current one, the one in force when the
        -- order was placed, and the first (an order older than every version) — read here too.
        -- Versions this process keeps (policyVersions) come back as their id alone.
        ${options.withPolicies
          ? sql`(select json_build_array(
              (select ${policyJson} from policies p where p.shop_id = orders.shop_id order by p.version desc limit 1),
              (select ${policyJson} from policies p where p.shop_id = orders.shop_id and p.created_at <= orders.placed_at order by p.version desc limit 1),
              (select ${policyJson} from policies p where p.shop_id = orders.shop_id order by p.version asc limit 1))
              from (select string_to_array(${policyVersions.idsOf(shopId).join(',')}, ',')::uuid[] as ids) kept)`
          : sql`null::json`} as "policies",
        ${options.buyerHistory ?? sql`null::jsonb`} as "buyerHistory",
        -- …and the address an approval in the same write would send the goods back to.
        ${options.withPolicies ? sql`(select to_jsonb(a) from ${returnAddresses} a where a.shop_id = orders.shop_id and a.is_default)` : sql`null::jsonb`} as "defaultReturnAddress",
        ${options.withCustomer ? sql`(select to_jsonb(cu) from ${customers} cu where cu.shop_id = orders.shop_id and cu.id = orders.customer_id)` : sql`null::jsonb`} as "customer"
      from ${orders} where ${orders.shopId} = ${shopId} and ${orders.id} = ${orderId}`;
    if (options.lock) {
      // The lock is its own statement: a statement that waits for a lock still reads the other
      // tables as they were when it began, so claims and refunds committed meanwhile would be
      // missed (READ COMMITTED). The read after it sees everything committed before the lock.
      const locked = await db.select({ id: orders.id }).from(orders).where(and(eq(orders.shopId, shopId), eq(orders.id, orderId))).for('update');
      if (locked.length === 0) return undefined;
    }
    const [row] = await queryRows<OrderWithFactsRow>(db, query);
    if (!row) return undefined;
    const policyRow = async (json: Record<string, unknown> | null | undefined) => {
      if (!json) return null;
      if (json.document !== undefined) return policyVersions.keep(rowFromJson(policies, json));
      // Sent as its id because it was kept; if it has been let go since, read it again.
      const id = json.id as string;
      return policyVersions.get(id) ?? policyVersions.keep((await policiesRepo.byId(db, shopId, id))!);
    };
    const versions = row.policies && { current: await policyRow(row.policies[0]), inForce: await policyRow(row.policies[1]), first: await policyRow(row.policies[2]) };
    const defaultReturnAddress = options.withPolicies ? (row.defaultReturnAddress ? rowFromJson(returnAddresses, row.defaultReturnAddress) : null) : undefined;
    return {
      order: rowFromJson(orders, row),
      lines: row.lines,
      buyerHistory: row.buyerHistory,
      policies: versions,
      defaultReturnAddress,
      customer: options.withCustomer ? (row.customer ? rowFromJson(customers, row.customer) : null) : undefined,
      caseRefunds: Number(row.caseRefunds),
      refundedMinor: Number(row.refundedMinor),
      shippingRefundedMinor: Number(row.shippingRefundedMinor),
      rmaCounter: row.rmaCounter === null ? null : Number(row.rmaCounter),
    };
  },

  /** Order lines with their variant's category and return flags: the facts the policy needs. */
  async linesWithFlags(db: Executor, shopId: string, orderId: string) {
    return queryRows<{
      id: string;
      line_no: number;
      sku: string;
      title: string;
      quantity: number;
      unit_price_minor: number;
      line_discount_minor: number;
      order_discount_share_minor: number;
      tax_minor: number;
      paid_minor: number;
      variant_id: string;
      product_id: string;
      category: string | null;
      custom_made: boolean;
      perishable: boolean;
      digital: boolean;
      hygiene: boolean;
      final_sale: boolean;
      attributes: Record<string, string>;
    }>(
      db,
      sql`select l.id, l.line_no, l.sku, l.title, l.quantity, l.unit_price_minor, l.line_discount_minor, l.order_discount_share_minor,
                 l.tax_minor, l.paid_minor, l.variant_id, v.product_id, p.category, v.custom_made, v.perishable, v.digital, v.hygiene,
                 v.final_sale, v.attributes
          from ${orderLines} l
          join ${variants} v on v.shop_id = l.shop_id and v.id = l.variant_id
          join ${products} p on p.shop_id = v.shop_id and p.id = v.product_id
          where l.shop_id = ${shopId} and l.order_id = ${orderId}
          order by l.line_no`,
    );
  },
};
