import type { OrderInput, OrderLineInput } from '../../services/orders/order-input.js';
import { compact, emailOf, isoOf, MappingError, markedRefundId, minorOf, text, type MappedOrder } from '../storefront/mapped-order.js';

/**
 * WooCommerce REST v3 orders (and the `order.created|updated` webhooks, which carry the same
 * object) as Retour orders. Pure. WooCommerce's line amounts exclude tax whatever the shop's
 * display setting, and `total` is after coupons: a line's paid amount is `total + total_tax`.
 */
type Money = string | number | null | undefined;

export interface WooLineItem {
  id: number | string;
  name?: string | null;
  product_id?: number | null;
  variation_id?: number | null;
  sku?: string | null;
  quantity: number;
  subtotal: Money;
  total: Money;
  total_tax?: Money;
}

export interface WooRefundSummary {
  id: number | string;
  total: Money;
  reason?: string | null;
  refund?: string | null;
}

export interface WooOrder {
  id: number | string;
  number?: string | null;
  status?: string | null;
  currency: string;
  date_created_gmt?: string | null;
  date_modified_gmt?: string | null;
  date_paid_gmt?: string | null;
  date_completed_gmt?: string | null;
  shipping_total?: Money;
  shipping_tax?: Money;
  customer_id?: number | null;
  customer_note?: string | null;
  payment_method?: string | null;
  transaction_id?: string | null;
  billing?: { first_name?: string; last_name?: string; email?: string; phone?: string; country?: string } | null;
  shipping?: { first_name?: string; last_name?: string; address_1?: string; address_2?: string; city?: string; state?: string; postcode?: string; country?: string } | null;
  line_items?: WooLineItem[];
  refunds?: WooRefundSummary[];
}

const gmt = (value: string | null | undefined) => (value ? isoOf(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`) : undefined);

function mapLine(li: WooLineItem, currency: string, orderId: string): OrderLineInput {
  const m = (v: Money, what: string) => minorOf(v, currency, `Line ${li.id}: ${what}`, orderId);
  const subtotal = m(li.subtotal, 'subtotal');
  const total = m(li.total, 'total');
  // A unit price in whole minor units: rounded up, the rounding goes into the line's discount.
  const unitPriceMinor = Math.ceil(Math.max(subtotal, total) / li.quantity);
  const sku = text(li.sku, 100) ?? `woo-${li.variation_id || li.product_id || `line-${li.id}`}`;
  return compact({
    externalId: String(li.id),
    sku,
    title: text(li.name, 300) ?? sku,
    quantity: li.quantity,
    unitPriceMinor,
    lineDiscountMinor: unitPriceMinor * li.quantity - total,
    taxMinor: m(li.total_tax, 'tax'),
    product: li.product_id ? { externalId: String(li.product_id) } : undefined,
  });
}

export function mapWooOrder(o: WooOrder): MappedOrder {
  const id = String(o.id);
  const currency = o.currency;
  if (!currency) throw new MappingError(id, 'The order has no currency');
  const items = (o.line_items ?? []).filter((li) => li.quantity > 0);
  if (items.length === 0) throw new MappingError(id, 'The order has no line items');
  const placedAt = gmt(o.date_created_gmt);
  if (!placedAt) throw new MappingError(id, 'The order has no date');
  const m = (v: Money, what: string) => minorOf(v, currency, what, id);
  const b = o.billing ?? {};
  const s = o.shipping;
  const name = (first?: string, last?: string) => text([first, last].filter(Boolean).join(' '), 200);
  const email = emailOf(b.email);
  const order: OrderInput = compact({
    channel: 'woocommerce' as const,
    externalId: id,
    number: text(o.number, 64) ?? id,
    currency,
    pricesIncludeTax: false,
    placedAt,
    paidAt: gmt(o.date_paid_gmt),
    // WooCommerce "completed" means sent: the order left then.
    shippedAt: o.status === 'completed' ? (gmt(o.date_completed_gmt) ?? gmt(o.date_modified_gmt)) : undefined,
    cancelledAt: o.status === 'cancelled' ? gmt(o.date_modified_gmt) : undefined,
    customer: o.customer_id || email ? compact({ externalId: o.customer_id ? String(o.customer_id) : undefined, email, phone: text(b.phone, 50), name: name(b.first_name, b.last_name) }) : undefined,
    email,
    phone: text(b.phone, 50),
    shippingAddress: s
      ? compact({ name: name(s.first_name, s.last_name), country: text(s.country, 100), province: text(s.state, 100), city: text(s.city, 100), line1: text(s.address_1, 300), line2: text(s.address_2, 300), postalCode: text(s.postcode, 20) })
      : undefined,
    lines: items.map((li) => mapLine(li, currency, id)),
    shippingFeeMinor: m(o.shipping_total, 'shipping') + m(o.shipping_tax, 'shipping tax'),
    paymentMethod: text(o.payment_method, 50),
    paymentRef: text(o.transaction_id, 200),
    note: text(o.customer_note, 2000),
  });
  // The order lists its refunds by amount only; their lines come with GET /orders/{id}/refunds.
  const refunds = (o.refunds ?? [])
    .filter((r) => !markedRefundId(r.reason ?? r.refund))
    .map((r) => ({ orderExternalId: id, externalId: String(r.id), currency, amountMinor: m(r.total, `refund ${r.id}`), shippingMinor: 0, lines: [], refundedAt: null }));
  return { order, refunds };
}
