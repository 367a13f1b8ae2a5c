import { applyShipmentEvent, deriveOrderStatus, deriveOrderTimes, type ShipmentEventType, type ShipmentStatus } from '../../domain/orders/fulfilment.js';
import { conflict, notFound, unprocessable } from '../../domain/errors.js';
import { isUniqueViolation } from '../../db/errors.js';
import { ordersRepo, type OrderRow } from '../../db/repos/orders-repo.js';
import type { Tx } from '../../db/client.js';
import type { ServiceContext } from '../context.js';
import type { ShipmentInput } from './order-input.js';
import { shipmentView } from './order-view.js';
import { keyedTransaction, type KeyedReplyOf } from '../idempotency/index.js';


async function refreshOrderProgress(tx: Tx, order: OrderRow) {
  const shipments = await ordersRepo.shipmentsOf(tx, order.shopId, order.id);
  const times = deriveOrderTimes(order, shipments);
  const status = deriveOrderStatus(times);
  const unchanged =
    status === order.status &&
    times.shippedAt?.getTime() === order.shippedAt?.getTime() &&
    times.deliveredAt?.getTime() === order.deliveredAt?.getTime();
  if (!unchanged) await ordersRepo.update(tx, order.shopId, order.id, { ...times, status });
}

/** Adds a parcel to an order (a split shipment, or one the channel did not send with the order). */
export async function addShipment(ctx: ServiceContext, shopId: string, orderId: string, input: ShipmentInput, reply?: KeyedReplyOf<ReturnType<typeof shipmentView>>) {
  try {
    return await keyedTransaction(ctx.db, reply, async (tx) => {
      const order = await ordersRepo.findByIdForUpdate(tx, shopId, orderId);
      if (!order) throw notFound('order.not_found', 'No such order');
      const lines = await ordersRepo.linesOf(tx, shopId, orderId);
      for (const sl of input.lines ?? []) {
        const line = lines.find((l) => l.lineNo === sl.lineNo);
        if (!line || sl.quantity > line.quantity) {
          throw unprocessable('order.shipment_line_invalid', `The order has no line ${sl.lineNo} with ${sl.quantity} units`);
        }
      }
      const shippedAt = input.shippedAt ? new Date(input.shippedAt) : null;
      const deliveredAt = input.deliveredAt ? new Date(input.deliveredAt) : null;
      const status: ShipmentStatus = input.status ?? (deliveredAt ? 'delivered' : shippedAt ? 'shipped' : 'pending');
      const existing = (await ordersRepo.shipmentsOf(tx, shopId, orderId)).find(
        (s) => s.carrier === input.carrier && s.trackingNumber === input.trackingNumber,
      );
      if (existing) throw conflict('shipment.exists', `The order already has ${input.carrier} ${input.trackingNumber}`, { shipmentId: existing.id });
      const now = ctx.clock.now();
      const shipment = await ordersRepo.upsertShipment(tx, {
        shopId,
        orderId,
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        status,
        lines: input.lines ?? [],
        shippedAt: shippedAt ?? (status === 'delivered' ? deliveredAt : null),
        deliveredAt,
        createdAt: now,
        updatedAt: now,
      });
      await refreshOrderProgress(tx, order);
      return shipmentView(shipment);
    });
  } catch (err) {
    if (isUniqueViolation(err, 'shipments_order_tracking_key')) {
      throw conflict('shipment.exists', `The order already has ${input.carrier} ${input.trackingNumber}`);
    }
    throw err;
  }
}

/** A carrier scan: the parcel shipped, arrived, came back or was lost. Repeats are harmless. */
export async function recordShipmentEvent(
  ctx: ServiceContext,
  shopId: string,
  orderId: string,
  shipmentId: string,
  event: { type: ShipmentEventType; at?: string },
) {
  return ctx.db.transaction(async (tx) => {
    const order = await ordersRepo.findByIdForUpdate(tx, shopId, orderId);
    if (!order) throw notFound('order.not_found', 'No such order');
    const shipment = await ordersRepo.findShipmentForUpdate(tx, shopId, orderId, shipmentId);
    if (!shipment) throw notFound('shipment.not_found', 'No such shipment on this order');
    const at = event.at ? new Date(event.at) : ctx.clock.now();
    const { next, changed } = applyShipmentEvent({ ...shipment, status: shipment.status as ShipmentStatus }, event.type, at);
    if (!changed) return shipmentView(shipment);
    const saved = await ordersRepo.updateShipment(tx, { ...shipment, ...next });
    await refreshOrderProgress(tx, order);
    return shipmentView(saved);
  });
}
