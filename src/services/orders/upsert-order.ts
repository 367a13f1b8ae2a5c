import { computeOrderAmounts, type OrderAmounts } from '../../domain/orders/amounts.js';
import { normalizeEmail, normalizePhone } from '../../domain/orders/contact.js';
import { deriveOrderStatus, deriveOrderTimes, type ShipmentState, type ShipmentStatus } from '../../domain/orders/fulfilment.js';
import { isCurrency } from '../../domain/money/currency.js';
import { conflict, unprocessable } from '../../domain/errors.js';
import type { Tx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { catalogRepo } from '../../db/repos/catalog-repo.js';
import { customersRepo } from '../../db/repos/customers-repo.js';
import { ordersRepo, type OrderLineRow, type OrderRow } from '../../db/repos/orders-repo.js';
import type { ShopRow } from '../../db/repos/shops-repo.js';
import type { ServiceContext } from '../context.js';
import { findShop } from '../shops/index.js';
import { recordOrderWrite } from '../analytics/index.js';
import type { OrderInput, ShipmentInput } from './order-input.js';
import { orderView, type OrderView } from './order-view.js';

const date = (s: string | undefined) => (s === undefined ? null : new Date(s));

/** Checks an order against its shop before anything is written: currency, amounts, shipment lines. */
export function checkOrderInput(shop: Pick<ShopRow, 'currencies'>, input: OrderInput): OrderAmounts {
  if (!isCurrency(input.currency)) throw unprocessable('order.currency_unknown', `Unknown currency ${input.currency}`);
  if (!shop.currencies.includes(input.currency)) {
    throw unprocessable('order.currency_not_accepted', `This shop takes ${shop.currencies.join(', ')}, not ${input.currency}`, {
      accepted: shop.currencies,
    });
  }
  input.lines.forEach((line, i) => {
    if (line.currency !== undefined && line.currency !== input.currency) {
      throw unprocessable('order.currency_mismatch', `Line ${i + 1} is in ${line.currency} but the order is in ${input.currency}`, {
        line: i,
      });
    }
  });
  const amounts = computeOrderAmounts({
    pricesIncludeTax: input.pricesIncludeTax ?? true,
    lines: input.lines,
    orderDiscountMinor: input.orderDiscountMinor,
    orderTaxMinor: input.taxMinor,
    shippingFeeMinor: input.shippingFeeMinor,
    claimedTotalMinor: input.totalMinor,
  });
  for (const shipment of input.shipments ?? []) {
    for (const sl of shipment.lines ?? []) {
      const line = input.lines[sl.lineNo - 1];
      if (!line || sl.quantity > line.quantity) {
        throw unprocessable('order.shipment_line_invalid', `Shipment ${shipment.trackingNumber} names line ${sl.lineNo} × ${sl.quantity}, which the order does not have`);
      }
    }
  }
  return amounts;
}

export function shipmentState(s: ShipmentInput): ShipmentState {
  const shippedAt = date(s.shippedAt);
  const deliveredAt = date(s.deliveredAt);
  const status: ShipmentStatus = s.status ?? (deliveredAt ? 'delivered' : shippedAt ? 'shipped' : 'pending');
  return { status, shippedAt: shippedAt ?? (status === 'delivered' ? deliveredAt : null), deliveredAt };
}

/**
 * Creates the order, or updates it when (channel, externalId) is known. An update may change
 * the order's progress (paid, shipped, delivered, cancelled), contact and shipments, never what
 * was bought and paid: refunds are bounded by those amounts.
 */
export async function upsertOrder(ctx: ServiceContext, shopId: string, input: OrderInput): Promise<{ order: OrderView; created: boolean }> {
  const shop = await findShop(ctx, shopId);
  if (!shop) throw unprocessable('shop.not_found', 'No such shop');
  const amounts = checkOrderInput(shop, input);
  try {
    return await ctx.db.transaction((tx) => writeOrder(tx, ctx.clock.now(), shop, input, amounts));
  } catch (err) {
    if (isUniqueViolation(err, 'orders_number_key')) {
      throw conflict('order.number_taken', `Another order already has the number ${input.number ?? input.externalId}`);
    }
    throw err;
  }
}

export async function writeOrder(tx: Tx, now: Date, shop: ShopRow, input: OrderInput, amounts: OrderAmounts) {
  const shopId = shop.id;
  const email = normalizeEmail(input.email ?? input.customer?.email);
  const phone = normalizePhone(input.phone ?? input.customer?.phone ?? input.shippingAddress?.phone);
  const locale = input.locale ?? input.customer?.locale ?? shop.defaultLocale;
  const customer = await customersRepo.resolve(
    tx,
    shopId,
    {
      externalRef: input.customer?.externalId ? `${input.channel}:${input.customer.externalId}` : null,
      email: normalizeEmail(input.customer?.email) ?? email,
      phone: normalizePhone(input.customer?.phone) ?? phone,
      name: input.customer?.name ?? input.shippingAddress?.name ?? null,
      locale: input.customer?.locale ?? input.locale ?? null,
      country: input.customer?.country ?? input.shippingAddress?.country ?? null,
    },
    now,
  );
  const customerId = customer?.id ?? null;
  const variantIds = await catalogRepo.ensureVariants(
    tx,
    shopId,
    input.lines.map((l) => ({
      sku: l.sku,
      title: l.title,
      productRef: l.product?.externalId,
      productTitle: l.product?.title,
      category: l.product?.category,
      attributes: l.attributes,
      priceMinor: l.unitPriceMinor,
      currency: input.currency,
      ...l.returnFlags,
    })),
    now,
  );

  const reported = {
    paidAt: date(input.paidAt),
    shippedAt: date(input.shippedAt),
    deliveredAt: date(input.deliveredAt),
    cancelledAt: date(input.cancelledAt),
  };
  const times = deriveOrderTimes(reported, (input.shipments ?? []).map(shipmentState));
  const inserted = await ordersRepo.insertIfAbsent(tx, {
    shopId,
    channel: input.channel,
    externalId: input.externalId,
    number: input.number ?? input.externalId,
    customerId,
    email,
    phone,
    locale,
    status: deriveOrderStatus(times),
    currency: input.currency,
    pricesIncludeTax: input.pricesIncludeTax ?? true,
    subtotalMinor: amounts.subtotalMinor,
    orderDiscountMinor: input.orderDiscountMinor ?? 0,
    discountMinor: amounts.discountMinor,
    taxMinor: amounts.taxMinor,
    shippingFeeMinor: amounts.shippingFeeMinor,
    totalMinor: amounts.totalMinor,
    paymentMethod: input.paymentMethod ?? null,
    paymentRef: input.paymentRef ?? null,
    shippingInsurance: input.shippingInsurance ?? false,
    shippingAddress: input.shippingAddress ?? null,
    placedAt: new Date(input.placedAt),
    ...times,
    note: input.note ?? null,
    createdAt: now,
    updatedAt: now,
  });

  let order: OrderRow;
  let lines: OrderLineRow[];
  if (inserted) {
    order = inserted;
    lines = await ordersRepo.insertLines(
      tx,
      input.lines.map((l, i) => ({
        shopId,
        orderId: order.id,
        lineNo: i + 1,
        externalId: l.externalId ?? null,
        variantId: variantIds.get(l.sku)!,
        sku: l.sku,
        title: l.title,
        quantity: l.quantity,
        unitPriceMinor: l.unitPriceMinor,
        lineDiscountMinor: amounts.lines[i]!.lineDiscountMinor,
        orderDiscountShareMinor: amounts.lines[i]!.orderDiscountShareMinor,
        taxMinor: amounts.lines[i]!.taxMinor,
        paidMinor: amounts.lines[i]!.paidMinor,
        createdAt: now,
      })),
    );
  } else {
    const existing = (await ordersRepo.findByExternalForUpdate(tx, shopId, input.channel, input.externalId))!;
    lines = await ordersRepo.linesOf(tx, shopId, existing.id);
    assertSamePurchase(existing, lines, input, amounts);
    order = existing;
  }

  const written = [];
  for (const s of input.shipments ?? []) {
    const state = shipmentState(s);
    written.push(await ordersRepo.upsertShipment(tx, {
      shopId,
      orderId: order.id,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      status: state.status,
      lines: s.lines ?? [],
      shippedAt: state.shippedAt,
      deliveredAt: state.deliveredAt,
      createdAt: now,
      updatedAt: now,
    }));
  }
  // A new order's shipments are the ones just written; an existing one may have others too.
  const shipments = inserted ? written : await ordersRepo.shipmentsOf(tx, shopId, order.id);

  if (!inserted) {
    const merged = deriveOrderTimes(
      {
        paidAt: reported.paidAt ?? order.paidAt,
        shippedAt: reported.shippedAt ?? order.shippedAt,
        deliveredAt: reported.deliveredAt ?? order.deliveredAt,
        cancelledAt: reported.cancelledAt ?? order.cancelledAt,
      },
      shipments,
    );
    order = await ordersRepo.update(tx, shopId, order.id, {
      ...merged,
      status: deriveOrderStatus(merged),
      customerId: customerId ?? order.customerId,
      email: email ?? order.email,
      phone: phone ?? order.phone,
      number: input.number ?? order.number,
      locale: input.locale ?? order.locale,
      paymentMethod: input.paymentMethod ?? order.paymentMethod,
      paymentRef: input.paymentRef ?? order.paymentRef,
      shippingInsurance: input.shippingInsurance ?? order.shippingInsurance,
      shippingAddress: input.shippingAddress ?? order.shippingAddress,
      note: input.note ?? order.note,
    });
  }
  await recordOrderWrite(tx, shop, order.id);
  const orderCustomer = order.customerId === customer?.id ? customer : order.customerId ? await customersRepo.findById(tx, shopId, order.customerId) : null;
  return { order: orderView(order, lines, shipments, orderCustomer), created: inserted !== undefined };
}

/** What was bought and paid is fixed once recorded: refunds are bounded by it. */
function assertSamePurchase(existing: OrderRow, lines: OrderLineRow[], input: OrderInput, amounts: OrderAmounts) {
  const differences: string[] = [];
  if (existing.currency !== input.currency) differences.push('currency');
  if (existing.totalMinor !== amounts.totalMinor) differences.push('totalMinor');
  if (existing.shippingFeeMinor !== amounts.shippingFeeMinor) differences.push('shippingFeeMinor');
  if (lines.length !== input.lines.length) differences.push('lines');
  input.lines.forEach((l, i) => {
    const stored = lines[i];
    const computed = amounts.lines[i]!;
    if (stored && (stored.sku !== l.sku || stored.quantity !== l.quantity || stored.paidMinor !== computed.paidMinor || stored.taxMinor !== computed.taxMinor)) {
      differences.push(`lines[${i}]`);
    }
  });
  if (differences.length > 0) {
    throw conflict('order.purchase_changed', 'An existing order cannot change what was bought or paid; only its progress and contact', {
      fields: differences,
    });
  }
}
