import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.js';
import { rowFromJson, rowsFromJson } from '../json-rows.js';
import { caseEvents, caseMessages, customers, deadlines, evidence, exchanges, orderLines, orders, refunds, returnItems, returnShipments } from '../schema/index.js';

type Json = Record<string, unknown>;

/**
 * Everything shown about one case, in one statement (one round trip instead of eleven): its
 * items, timeline, messages (internal ones only for staff), evidence, shipments, replacements,
 * refunds, clocks, and its order with lines and buyer.
 */
export async function caseDetailRows(db: Executor, shopId: string, caseId: string, orderId: string, customerId: string | null, includeInternal: boolean) {
  const [row] = await queryRows<Record<string, unknown>>(db, caseDetailQuery(shopId, caseId, orderId, customerId, includeInternal));
  return caseDetailFromRow(row);
}

/** The statement `caseDetailRows` sends, for a caller that sends it along with others (WriteBatch.readAfter). */
export function caseDetailQuery(shopId: string, caseId: string, orderId: string, customerId: string | null, includeInternal: boolean) {
  return sql`select
      (select json_agg(to_jsonb(x) order by x.created_at, x.id) from return_items x where x.shop_id = ${shopId} and x.case_id = ${caseId}) as items,
      (select json_agg(to_jsonb(x) order by x.created_at, x.id) from case_events x where x.shop_id = ${shopId} and x.case_id = ${caseId}) as events,
      (select json_agg(to_jsonb(x) order by x.created_at, x.id) from case_messages x
         where x.shop_id = ${shopId} and x.case_id = ${caseId} and (${includeInternal}::boolean or x.visibility = 'public')) as messages,
      (select json_agg(to_jsonb(x) order by x.created_at, x.id) from evidence x where x.shop_id = ${shopId} and x.case_id = ${caseId}) as evidence,
      (select json_agg(to_jsonb(x) order by x.created_at, x.id) from return_shipments x where x.shop_id = ${shopId} and x.case_id = ${caseId}) as shipments,
      (select json_agg(to_jsonb(x) order by x.created_at, x.id) from exchanges x where x.shop_id = ${shopId} and x.case_id = ${caseId}) as exchanges,
      (select json_agg(to_jsonb(x) order by x.created_at, x.id) from refunds x where x.shop_id = ${shopId} and x.case_id = ${caseId}) as refunds,
      (select json_agg(to_jsonb(x) order by x.created_at, x.id) from deadlines x where x.shop_id = ${shopId} and x.case_id = ${caseId}) as deadlines,
      (select to_jsonb(x) from orders x where x.shop_id = ${shopId} and x.id = ${orderId}) as "order",
      (select json_agg(to_jsonb(x) order by x.line_no) from order_lines x where x.shop_id = ${shopId} and x.order_id = ${orderId}) as lines,
      (select to_jsonb(x) from customers x where x.shop_id = ${shopId} and x.id = ${customerId}::uuid) as customer`;
}

/** A case's reply rows; of its order's lines and buyer, only what the reply shows (a create has no more in hand). */
export interface CaseDetailRows {
  items: (typeof returnItems.$inferSelect)[];
  events: (typeof caseEvents.$inferSelect)[];
  messages: (typeof caseMessages.$inferSelect)[];
  evidence: (typeof evidence.$inferSelect)[];
  shipments: (typeof returnShipments.$inferSelect)[];
  replacements: (typeof exchanges.$inferSelect)[];
  refunds: (typeof refunds.$inferSelect)[];
  deadlines: (typeof deadlines.$inferSelect)[];
  order: typeof orders.$inferSelect | undefined;
  lines: Pick<typeof orderLines.$inferSelect, 'id' | 'lineNo' | 'sku' | 'title'>[];
  customer: Pick<typeof customers.$inferSelect, 'id' | 'name' | 'email' | 'phone'> | null;
}

export function caseDetailFromRow(row: Record<string, unknown> | undefined): CaseDetailRows {
  const many = (key: string) => (row?.[key] ?? null) as Json[] | null;
  const one = (key: string) => (row?.[key] ?? null) as Json | null;
  return {
    items: rowsFromJson(returnItems, many('items')),
    events: rowsFromJson(caseEvents, many('events')),
    messages: rowsFromJson(caseMessages, many('messages')),
    evidence: rowsFromJson(evidence, many('evidence')),
    shipments: rowsFromJson(returnShipments, many('shipments')),
    replacements: rowsFromJson(exchanges, many('exchanges')),
    refunds: rowsFromJson(refunds, many('refunds')),
    deadlines: rowsFromJson(deadlines, many('deadlines')),
    order: one('order') ? rowFromJson(orders, one('order')!) : undefined,
    lines: rowsFromJson(orderLines, many('lines')),
    customer: one('customer') ? rowFromJson(customers, one('customer')!) : null,
  };
}
