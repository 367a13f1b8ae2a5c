import type { OrderInput, OrderLineInput, ShipmentInput } from '../../services/orders/order-input.js';
import { compact, emailOf, isoOf, localeOf, MappingError, markedRefundId, minorOf, text, type MappedOrder } from '../storefront/mapped-order.js';

/**
 * Shopify REST orders (Admin API 2026-07) as Retour orders. Pure: the payload in, the order and
 * the refunds Shopify made out; a payload Retour cannot take throws a MappingError naming it.
 * Ids are read as strings (the SDK parses them losslessly; webhooks give numbers).
 */
type Id = string | number;
type Money = string | number | null | undefined;

export interface ShopifyLineItem {
  id: Id;
  variant_id?: Id | null;
  product_id?: Id | null;
  sku?: string | null;
  name?: string | null;
  title?: string | null;
  variant_title?: string | null;
  quantity: number;
  price: Money;
  discount_allocations?: { amount: Money }[];
  tax_lines?: { price: Money }[];
}

export interface ShopifyRefund {
  id: Id;
  order_id?: Id;
  note?: string | null;
  created_at?: string | null;
  processed_at?: string | null;
  refund_line_items?: { line_item_id: Id; quantity: number; subtotal?: Money; total_tax?: Money }[];
  transactions?: { kind?: string; status?: string; amount: Money }[];
  refund_shipping_lines?: { subtotal_amount_set?: { shop_money?: { amount: Money } } }[];
  order_adjustments?: { kind?: string; amount: Money; tax_amount?: Money }[];
}

export interface ShopifyFulfillment {
  id: Id;
  status?: string | null;
  shipment_status?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
  tracking_company?: string | null;
  tracking_number?: string | null;
  line_items?: { id: Id; quantity: number }[];
}

export interface ShopifyOrder {
  id: Id;
  name?: string | null;
  currency: string;
  taxes_included?: boolean | null;
  email?: string | null;
  contact_email?: string | null;
  phone?: string | null;
  customer_locale?: string | null;
  created_at?: string | null;
  processed_at?: string | null;
  updated_at?: string | null;
  cancelled_at?: string | null;
  financial_status?: string | null;
  payment_gateway_names?: string[] | null;
  note?: string | null;
  line_items?: ShopifyLineItem[];
  shipping_lines?: { price: Money; discounted_price?: Money; tax_lines?: { price: Money }[] }[];
  customer?: { id: Id; email?: string | null; phone?: string | null; first_name?: string | null; last_name?: string | null; locale?: string | null } | null;
  shipping_address?: { name?: string | null; phone?: string | null; country?: string | null; province?: string | null; city?: string | null; address1?: string | null; address2?: string | null; zip?: string | null } | null;
  fulfillments?: ShopifyFulfillment[];
  refunds?: ShopifyRefund[];
}

const PAID = new Set(['paid', 'partially_refunded', 'refunded', 'partially_paid']);

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function mapLine(li: ShopifyLineItem, currency: string, orderId: string): OrderLineInput {
  const m = (v: Money, what: string) => minorOf(v, currency, `Line ${li.id}: ${what}`, orderId);
  const sku = text(li.sku, 100) ?? (li.variant_id ? `shopify-variant-${li.variant_id}` : `shopify-line-${li.id}`);
  return compact({
    externalId: String(li.id),
    sku,
    title: text(li.name, 300) ?? text(li.title, 300) ?? sku,
    quantity: li.quantity,
    unitPriceMinor: m(li.price, 'price'),
    // Shopify allocates every discount (line and order codes) to the lines: nothing is left at order level.
    lineDiscountMinor: sum((li.discount_allocations ?? []).map((a) => m(a.amount, 'discount allocation'))),
    taxMinor: sum((li.tax_lines ?? []).map((t) => m(t.price, 'tax line'))),
    product: compact({ externalId: li.product_id ? String(li.product_id) : undefined, title: text(li.title, 300) }),
    attributes: li.variant_title ? { variant: li.variant_title.slice(0, 100) } : undefined,
  });
}

/** Fulfilments that left with a tracking number become shipments; a failed or cancelled one is not a shipment. */
function mapShipments(o: ShopifyOrder, lineNo: Map<string, number>): ShipmentInput[] {
  return (o.fulfillments ?? [])
    .filter((f) => f.status !== 'failure' && f.status !== 'cancelled' && f.status !== 'error' && text(f.tracking_number, 100))
    .map((f) => {
      const delivered = f.shipment_status === 'delivered';
      const lines = (f.line_items ?? []).filter((l) => lineNo.has(String(l.id)) && l.quantity > 0).map((l) => ({ lineNo: lineNo.get(String(l.id))!, quantity: l.quantity }));
      return compact({
        carrier: text(f.tracking_company, 50) ?? 'other',
        trackingNumber: text(f.tracking_number, 100)!,
        status: delivered ? ('delivered' as const) : ('shipped' as const),
        shippedAt: isoOf(f.created_at),
        // REST fulfilments carry no delivery date: the update that set `delivered` is when it was known.
        deliveredAt: delivered ? isoOf(f.updated_at) : undefined,
        lines: lines.length ? lines : undefined,
      });
    });
}

/** A refund made in Shopify: money from its successful refund transactions, units and amounts per line, shipping. */
export function mapShopifyRefund(r: ShopifyRefund, orderId: string, currency: string, taxesIncluded: boolean): MappedOrder['refunds'][number] {
  const m = (v: Money, what: string) => minorOf(v, currency, `Refund ${r.id}: ${what}`, orderId);
  const transactions = (r.transactions ?? []).filter((t) => (t.kind ?? 'refund') === 'refund' && !['failure', 'error'].includes(t.status ?? 'success'));
  const shippingLines = sum((r.refund_shipping_lines ?? []).map((s) => m(s.subtotal_amount_set?.shop_money?.amount, 'shipping line')));
  const shippingAdjustments = sum((r.order_adjustments ?? []).filter((a) => a.kind === 'shipping_refund').map((a) => m(a.amount, 'shipping adjustment') + m(a.tax_amount, 'shipping tax')));
  return {
    orderExternalId: orderId,
    externalId: String(r.id),
    currency,
    amountMinor: sum(transactions.map((t) => m(t.amount, 'transaction'))),
    shippingMinor: shippingLines + shippingAdjustments,
    lines: (r.refund_line_items ?? [])
      .filter((l) => l.quantity > 0)
      .map((l) => ({
        lineExternalId: String(l.line_item_id),
        quantity: l.quantity,
        // Retour's line amounts include tax: a tax-inclusive shop's subtotal already does.
        amountMinor: m(l.subtotal, 'line subtotal') + (taxesIncluded ? 0 : m(l.total_tax, 'line tax')),
      })),
    refundedAt: isoOf(r.processed_at ?? r.created_at) ?? null,
  };
}

export function mapShopifyOrder(o: ShopifyOrder): MappedOrder {
  const id = String(o.id);
  if (!o.currency) throw new MappingError(id, 'The order has no currency');
  const currency = o.currency;
  const taxesIncluded = o.taxes_included === true;
  const items = (o.line_items ?? []).filter((li) => li.quantity > 0);
  if (items.length === 0) throw new MappingError(id, 'The order has no line items');
  const lines = items.map((li) => mapLine(li, currency, id));
  const lineNo = new Map(lines.map((l, i) => [l.externalId!, i + 1]));
  const m = (v: Money, what: string) => minorOf(v, currency, what, id);
  // Shipping the buyer paid, after its discounts; a tax-exclusive shop's shipping tax is paid on top.
  const shippingFeeMinor = sum(
    (o.shipping_lines ?? []).map((s) => m(s.discounted_price ?? s.price, 'shipping price') + (taxesIncluded ? 0 : sum((s.tax_lines ?? []).map((t) => m(t.price, 'shipping tax'))))),
  );
  const placedAt = isoOf(o.processed_at) ?? isoOf(o.created_at);
  if (!placedAt) throw new MappingError(id, 'The order has no date');
  const c = o.customer;
  const a = o.shipping_address;
  const order: OrderInput = compact({
    channel: 'shopify' as const,
    externalId: id,
    number: text(o.name, 64) ?? id,
    currency,
    pricesIncludeTax: taxesIncluded,
    locale: localeOf(o.customer_locale ?? c?.locale),
    placedAt,
    paidAt: PAID.has(o.financial_status ?? '') ? placedAt : undefined,
    cancelledAt: isoOf(o.cancelled_at),
    customer: c
      ? compact({
          externalId: String(c.id),
          email: emailOf(c.email),
          phone: text(c.phone, 50),
          name: text([c.first_name, c.last_name].filter(Boolean).join(' '), 200),
        })
      : undefined,
    email: emailOf(o.email) ?? emailOf(o.contact_email),
    phone: text(o.phone, 50),
    shippingAddress: a
      ? compact({
          name: text(a.name, 200),
          phone: text(a.phone, 50),
          country: text(a.country, 100),
          province: text(a.province, 100),
          city: text(a.city, 100),
          line1: text(a.address1, 300),
          line2: text(a.address2, 300),
          postalCode: text(a.zip, 20),
        })
      : undefined,
    lines,
    shippingFeeMinor,
    paymentMethod: text(o.payment_gateway_names?.[0], 50),
    note: typeof o.note === 'string' && o.note ? o.note.slice(0, 2000) : undefined,
    shipments: undefined as ShipmentInput[] | undefined,
  });
  const shipments = mapShipments(o, lineNo);
  if (shipments.length) order.shipments = shipments;
  else {
    // Fulfilled without tracking: the order still shipped then (the return window may count from it).
    const shipped = (o.fulfillments ?? []).filter((f) => f.status === 'success').map((f) => isoOf(f.created_at)).filter((d): d is string => !!d).sort()[0];
    if (shipped) order.shippedAt = shipped;
  }
  const refunds = (o.refunds ?? []).filter((r) => !markedRefundId(r.note)).map((r) => mapShopifyRefund(r, id, currency, taxesIncluded));
  return { order, refunds };
}
