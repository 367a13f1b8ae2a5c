import type { CustomerRow } from '../../db/repos/customers-repo.js';
import type { OrderLineRow, OrderRow, ShipmentRow } from '../../db/repos/orders-repo.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function shipmentView(s: ShipmentRow) {
  return {
    id: s.id,
    carrier: s.carrier,
    trackingNumber: s.trackingNumber,
    status: s.status,
    lines: s.lines,
    shippedAt: iso(s.shippedAt),
    deliveredAt: iso(s.deliveredAt),
  };
}

export function customerSummary(c: Pick<CustomerRow, 'id' | 'name' | 'email' | 'phone'> | null | undefined) {
  return c ? { id: c.id, name: c.name, email: c.email, phone: c.phone } : null;
}

export function orderSummaryView(o: OrderRow, customer: Pick<CustomerRow, 'id' | 'name' | 'email' | 'phone'> | null | undefined) {
  return {
    id: o.id,
    channel: o.channel,
    externalId: o.externalId,
    number: o.number,
    status: o.status,
    currency: o.currency,
    pricesIncludeTax: o.pricesIncludeTax,
    locale: o.locale,
    customer: customerSummary(customer),
    email: o.email,
    phone: o.phone,
    placedAt: o.placedAt.toISOString(),
    paidAt: iso(o.paidAt),
    shippedAt: iso(o.shippedAt),
    deliveredAt: iso(o.deliveredAt),
    cancelledAt: iso(o.cancelledAt),
    amounts: {
      subtotalMinor: o.subtotalMinor,
      discountMinor: o.discountMinor,
      orderDiscountMinor: o.orderDiscountMinor,
      taxMinor: o.taxMinor,
      shippingFeeMinor: o.shippingFeeMinor,
      totalMinor: o.totalMinor,
    },
    paymentMethod: o.paymentMethod,
    paymentRef: o.paymentRef,
    shippingInsurance: o.shippingInsurance,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export function orderView(
  o: OrderRow,
  lines: OrderLineRow[],
  shipments: ShipmentRow[],
  customer: Pick<CustomerRow, 'id' | 'name' | 'email' | 'phone'> | null | undefined,
) {
  return {
    ...orderSummaryView(o, customer),
    shippingAddress: o.shippingAddress,
    note: o.note,
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.lineNo,
      externalId: l.externalId,
      variantId: l.variantId,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      lineDiscountMinor: l.lineDiscountMinor,
      orderDiscountShareMinor: l.orderDiscountShareMinor,
      taxMinor: l.taxMinor,
      paidMinor: l.paidMinor,
    })),
    shipments: shipments.map(shipmentView),
  };
}

export type OrderView = ReturnType<typeof orderView>;
export type OrderSummaryView = ReturnType<typeof orderSummaryView>;
