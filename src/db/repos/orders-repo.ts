import { and, asc, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { OrderStatus } from '../../domain/orders/fulfilment.js';
import type { Executor } from '../client.js';
import { customers, orderLines, orders, shipments } from '../schema/index.js';

export type OrderRow = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type NewOrderLine = typeof orderLines.$inferInsert;
export type ShipmentRow = typeof shipments.$inferSelect;
export type NewShipment = typeof shipments.$inferInsert;

export interface OrderFilter {
  number?: string;
  email?: string;
  phone?: string;
  channel?: string;
  status?: OrderStatus;
  customerId?: string;
  placedFrom?: Date;
  placedTo?: Date;
}

export interface OrderCursor {
  placedAt: Date;
  id: string;
}

export const ordersRepo = {
  async findById(db: Executor, shopId: string, id: string): Promise<OrderRow | undefined> {
    return (await db.select().from(orders).where(and(eq(orders.shopId, shopId), eq(orders.id, id))).limit(1))[0];
  },
  async findByIdForUpdate(db: Executor, shopId: string, id: string): Promise<OrderRow | undefined> {
    return (await db.select().from(orders).where(and(eq(orders.shopId, shopId), eq(orders.id, id))).limit(1).for('update'))[0];
  },
  async findByExternalForUpdate(db: Executor, shopId: string, channel: string, externalId: string): Promise<OrderRow | undefined> {
    return (
      await db
        .select()
        .from(orders)
        .where(and(eq(orders.shopId, shopId), eq(orders.channel, channel), eq(orders.externalId, externalId)))
        .limit(1)
        .for('update')
    )[0];
  },
  /** Inserts the order unless (channel, external id) exists already; undefined then. */
  async insertIfAbsent(db: Executor, order: NewOrder): Promise<OrderRow | undefined> {
    return (
      await db
        .insert(orders)
        .values(order)
        .onConflictDoNothing({ target: [orders.shopId, orders.channel, orders.externalId] })
        .returning()
    )[0];
  },
  async update(db: Executor, shopId: string, id: string, patch: Partial<NewOrder>): Promise<OrderRow> {
    return (
      await db
        .update(orders)
        .set({ ...patch, version: sql`${orders.version} + 1`, updatedAt: new Date() })
        .where(and(eq(orders.shopId, shopId), eq(orders.id, id)))
        .returning()
    )[0]!;
  },
  async insertLines(db: Executor, lines: NewOrderLine[]): Promise<OrderLineRow[]> {
    return db.insert(orderLines).values(lines).returning();
  },
  async linesOf(db: Executor, shopId: string, orderId: string): Promise<OrderLineRow[]> {
    return db
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.shopId, shopId), eq(orderLines.orderId, orderId)))
      .orderBy(asc(orderLines.lineNo));
  },
  async shipmentsOf(db: Executor, shopId: string, orderId: string): Promise<ShipmentRow[]> {
    return db
      .select()
      .from(shipments)
      .where(and(eq(shipments.shopId, shopId), eq(shipments.orderId, orderId)))
      .orderBy(asc(shipments.createdAt), asc(shipments.id));
  },
  async findShipmentForUpdate(db: Executor, shopId: string, orderId: string, id: string): Promise<ShipmentRow | undefined> {
    return (
      await db
        .select()
        .from(shipments)
        .where(and(eq(shipments.shopId, shopId), eq(shipments.orderId, orderId), eq(shipments.id, id)))
        .limit(1)
        .for('update')
    )[0];
  },
  async upsertShipment(db: Executor, shipment: NewShipment): Promise<ShipmentRow> {
    return (
      await db
        .insert(shipments)
        .values(shipment)
        .onConflictDoUpdate({
          target: [shipments.shopId, shipments.orderId, shipments.carrier, shipments.trackingNumber],
          set: {
            status: sql`excluded.status`,
            lines: sql`excluded.lines`,
            shippedAt: sql`coalesce(excluded.shipped_at, ${shipments.shippedAt})`,
            deliveredAt: sql`coalesce(excluded.delivered_at, ${shipments.deliveredAt})`,
            updatedAt: sql`excluded.updated_at`,
          },
        })
        .returning()
    )[0]!;
  },
  async updateShipment(db: Executor, shipment: ShipmentRow): Promise<ShipmentRow> {
    return (
      await db
        .update(shipments)
        .set({ status: shipment.status, shippedAt: shipment.shippedAt, deliveredAt: shipment.deliveredAt, updatedAt: new Date() })
        .where(and(eq(shipments.shopId, shipment.shopId), eq(shipments.id, shipment.id)))
        .returning()
    )[0]!;
  },

  /** Newest first, keyset-paginated on (placed_at, id). */
  async list(db: Executor, shopId: string, filter: OrderFilter, cursor: OrderCursor | undefined, limit: number) {
    const conditions: (SQL | undefined)[] = [eq(orders.shopId, shopId)];
    if (filter.number) conditions.push(eq(orders.number, filter.number));
    if (filter.email) conditions.push(or(eq(orders.email, filter.email), eq(customers.email, filter.email)));
    if (filter.phone) conditions.push(or(eq(orders.phone, filter.phone), eq(customers.phone, filter.phone)));
    if (filter.channel) conditions.push(eq(orders.channel, filter.channel));
    if (filter.status) conditions.push(eq(orders.status, filter.status));
    if (filter.customerId) conditions.push(eq(orders.customerId, filter.customerId));
    if (filter.placedFrom) conditions.push(gte(orders.placedAt, filter.placedFrom));
    if (filter.placedTo) conditions.push(lt(orders.placedAt, filter.placedTo));
    if (cursor) {
      conditions.push(or(lt(orders.placedAt, cursor.placedAt), and(eq(orders.placedAt, cursor.placedAt), lt(orders.id, cursor.id))));
    }
    return db
      .select({
        order: orders,
        customer: { id: customers.id, name: customers.name, email: customers.email, phone: customers.phone },
        lineCount: sql<number>`(select count(*)::int from ${orderLines} where ${orderLines.shopId} = ${orders.shopId} and ${orderLines.orderId} = ${orders.id})`,
      })
      .from(orders)
      .leftJoin(customers, and(eq(customers.shopId, orders.shopId), eq(customers.id, orders.customerId)))
      .where(and(...conditions))
      .orderBy(desc(orders.placedAt), desc(orders.id))
      .limit(limit + 1);
  },
};
