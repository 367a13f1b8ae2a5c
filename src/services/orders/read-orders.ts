import { normalizeEmail, normalizePhone } from '../../domain/orders/contact.js';
import { invalid, notFound } from '../../domain/errors.js';
import { customersRepo } from '../../db/repos/customers-repo.js';
import { ordersRepo, type OrderCursor, type OrderFilter } from '../../db/repos/orders-repo.js';
import type { ServiceContext } from '../context.js';
import { orderSummaryView, orderView, type OrderView } from './order-view.js';
import { decodeCursor, encodeCursor } from '../pagination.js';

export async function getOrder(ctx: ServiceContext, shopId: string, id: string): Promise<OrderView> {
  const order = await ordersRepo.findById(ctx.db, shopId, id);
  if (!order) throw notFound('order.not_found', 'No such order');
  const [lines, shipments, customer] = await Promise.all([
    ordersRepo.linesOf(ctx.db, shopId, id),
    ordersRepo.shipmentsOf(ctx.db, shopId, id),
    order.customerId ? customersRepo.findById(ctx.db, shopId, order.customerId) : null,
  ]);
  return orderView(order, lines, shipments, customer);
}

export interface ListOrdersQuery extends Omit<OrderFilter, 'placedFrom' | 'placedTo'> {
  placedFrom?: string;
  placedTo?: string;
  cursor?: string;
  limit?: number;
}

export async function listOrders(ctx: ServiceContext, shopId: string, query: ListOrdersQuery) {
  const limit = query.limit ?? 50;
  const cursor = query.cursor ? decodeCursor<{ p: string; i: string }>(query.cursor) : undefined;
  const keyset: OrderCursor | undefined = cursor ? { placedAt: new Date(cursor.p), id: cursor.i } : undefined;
  if (keyset && Number.isNaN(keyset.placedAt.getTime())) throw invalid('request.cursor_invalid', 'The cursor is not one this API issued');
  const rows = await ordersRepo.list(
    ctx.db,
    shopId,
    {
      number: query.number,
      email: normalizeEmail(query.email) ?? undefined,
      phone: normalizePhone(query.phone) ?? (query.phone ? '-' : undefined),
      channel: query.channel,
      status: query.status,
      customerId: query.customerId,
      placedFrom: query.placedFrom ? new Date(query.placedFrom) : undefined,
      placedTo: query.placedTo ? new Date(query.placedTo) : undefined,
    },
    keyset,
    limit,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: page.map((r) => ({ ...orderSummaryView(r.order, r.customer?.id ? r.customer : null), lineCount: r.lineCount })),
    nextCursor: rows.length > limit && last ? encodeCursor({ p: last.order.placedAt.toISOString(), i: last.order.id }) : null,
  };
}
