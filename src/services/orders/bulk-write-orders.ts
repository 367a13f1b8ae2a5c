import { and, eq, or, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { normalizeEmail, normalizePhone } from '../../domain/orders/contact.js';
import { deriveOrderStatus, deriveOrderTimes } from '../../domain/orders/fulfilment.js';
import type { OrderAmounts } from '../../domain/orders/amounts.js';
import { AppError } from '../../domain/errors.js';
import type { Tx } from '../../db/client.js';
import { catalogRepo } from '../../db/repos/catalog-repo.js';
import type { ShopRow } from '../../db/repos/shops-repo.js';
import { anyOf, bulkInsert, type BulkColumn } from '../../db/bulk.js';
import { customers, orders } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';
import { recordOrdersInserted } from '../analytics/index.js';
import type { OrderInput } from './order-input.js';
import { shipmentState, writeOrder } from './upsert-order.js';

/** An order already checked by `checkOrderInput`, with where it came from for error reports. */
export interface PreparedOrder {
  input: OrderInput;
  amounts: OrderAmounts;
  /** First source line (CSV) of the order, for error reports. */
  line?: number;
}

export interface BulkRejection {
  order: PreparedOrder;
  code: string;
  message: string;
}

export interface BulkResult {
  created: number;
  updated: number;
  lines: number;
  rejected: BulkRejection[];
}

const LINE_CHUNK = 10_000;
const date = (s: string | undefined) => (s === undefined ? null : new Date(s));

/**
 * Writes many checked orders in one transaction with set-based statements (imports, seeding).
 * Orders the shop already has go through the same update path as the API. If the batch fails
 * as a whole, each order is written alone, so one bad order never takes the others with it,
 * and nothing of a rejected order is written.
 */
export async function bulkWriteOrders(ctx: ServiceContext, shop: ShopRow, batch: PreparedOrder[]): Promise<BulkResult> {
  try {
    return await ctx.db.transaction((tx) => writeBatch(tx, ctx.clock.now(), shop, batch));
  } catch {
    const result: BulkResult = { created: 0, updated: 0, lines: 0, rejected: [] };
    for (const order of batch) {
      try {
        const { created } = await ctx.db.transaction((tx) => writeOrder(tx, ctx.clock.now(), shop, order.input, order.amounts));
        if (created) result.created++;
        else result.updated++;
        result.lines += order.input.lines.length;
      } catch (err) {
        result.rejected.push(
          err instanceof AppError
            ? { order, code: err.code, message: err.message }
            : // The driver's message holds the SQL and internal ids: the log may see it, the importer never.
              { order, code: 'import.write_failed', message: 'The database refused this order; check its values (line numbers name the rows)' },
        );
      }
    }
    return result;
  }
}

async function writeBatch(tx: Tx, now: Date, shop: ShopRow, batch: PreparedOrder[]): Promise<BulkResult> {
  const shopId = shop.id;
  const result: BulkResult = { created: 0, updated: 0, lines: 0, rejected: [] };
  // One import at a time per shop, so concurrent imports never create the same customer twice.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${shopId}:import`}, 0))`);

  const key = (o: OrderInput) => `${o.channel}\u0001${o.externalId}`;
  const existingRows = await tx
    .select({ channel: orders.channel, externalId: orders.externalId })
    .from(orders)
    .where(and(eq(orders.shopId, shopId), anyOf(orders.externalId, [...new Set(batch.map((o) => o.input.externalId))], 'text')));
  const existing = new Set(existingRows.map((r) => `${r.channel}\u0001${r.externalId}`));

  const fresh: PreparedOrder[] = [];
  for (const order of batch) {
    if (existing.has(key(order.input))) {
      await writeOrder(tx, now, shop, order.input, order.amounts);
      result.updated++;
      result.lines += order.input.lines.length;
    } else {
      fresh.push(order);
    }
  }
  if (fresh.length === 0) return result;

  const numberOf = (o: OrderInput) => o.number ?? o.externalId;
  const taken = new Set(
    (
      await tx
        .select({ number: orders.number })
        .from(orders)
        .where(and(eq(orders.shopId, shopId), anyOf(orders.number, fresh.map((o) => numberOf(o.input)), 'text')))
    ).map((r) => r.number),
  );
  const writable: PreparedOrder[] = [];
  for (const order of fresh) {
    const number = numberOf(order.input);
    if (taken.has(number)) {
      result.rejected.push({ order, code: 'order.number_taken', message: `Another order already has the number ${number}` });
    } else {
      taken.add(number);
      writable.push(order);
    }
  }
  if (writable.length === 0) return result;

  const customerIds = await resolveCustomers(tx, shopId, writable.map((o) => o.input), now);
  const variantIds = await catalogRepo.ensureVariants(
    tx,
    shopId,
    writable.flatMap((o) =>
      o.input.lines.map((l) => ({
        sku: l.sku,
        title: l.title,
        productRef: l.product?.externalId,
        productTitle: l.product?.title,
        category: l.product?.category,
        attributes: l.attributes,
        priceMinor: l.unitPriceMinor,
        currency: o.input.currency,
        ...l.returnFlags,
      })),
    ),
    now,
  );

  const orderColumns: BulkColumn[] = [
    ['shop_id', 'uuid'], ['id', 'uuid'], ['channel', 'text'], ['external_id', 'text'], ['number', 'text'], ['customer_id', 'uuid'],
    ['email', 'text'], ['phone', 'text'], ['locale', 'text'], ['status', 'text'], ['currency', 'text'], ['prices_include_tax', 'bool'],
    ['subtotal_minor', 'int8'], ['order_discount_minor', 'int8'], ['discount_minor', 'int8'], ['tax_minor', 'int8'],
    ['shipping_fee_minor', 'int8'], ['total_minor', 'int8'], ['payment_method', 'text'], ['payment_ref', 'text'], ['shipping_insurance', 'bool'],
    ['shipping_address', 'jsonb'], ['placed_at', 'timestamptz'], ['paid_at', 'timestamptz'], ['shipped_at', 'timestamptz'],
    ['delivered_at', 'timestamptz'], ['cancelled_at', 'timestamptz'], ['note', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
  ];
  const orderIds = writable.map(() => uuidv7());
  const orderRows = writable.map(({ input, amounts }, i) => {
    const times = deriveOrderTimes(
      { paidAt: date(input.paidAt), shippedAt: date(input.shippedAt), deliveredAt: date(input.deliveredAt), cancelledAt: date(input.cancelledAt) },
      (input.shipments ?? []).map(shipmentState),
    );
    return [
      shopId, orderIds[i], input.channel, input.externalId, numberOf(input), customerIds[i] ?? null,
      normalizeEmail(input.email ?? input.customer?.email), normalizePhone(input.phone ?? input.customer?.phone ?? input.shippingAddress?.phone),
      input.locale ?? input.customer?.locale ?? shop.defaultLocale, deriveOrderStatus(times), input.currency, input.pricesIncludeTax ?? true,
      amounts.subtotalMinor, input.orderDiscountMinor ?? 0, amounts.discountMinor, amounts.taxMinor,
      amounts.shippingFeeMinor, amounts.totalMinor, input.paymentMethod ?? null, input.paymentRef ?? null, input.shippingInsurance ?? false,
      input.shippingAddress ?? null, new Date(input.placedAt), times.paidAt, times.shippedAt,
      times.deliveredAt, times.cancelledAt, input.note ?? null, now, now,
    ];
  });
  await bulkInsert(tx, 'orders', orderColumns, orderRows);

  const lineColumns: BulkColumn[] = [
    ['shop_id', 'uuid'], ['id', 'uuid'], ['order_id', 'uuid'], ['line_no', 'int4'], ['external_id', 'text'], ['variant_id', 'uuid'],
    ['sku', 'text'], ['title', 'text'], ['quantity', 'int4'], ['unit_price_minor', 'int8'], ['line_discount_minor', 'int8'],
    ['order_discount_share_minor', 'int8'], ['tax_minor', 'int8'], ['paid_minor', 'int8'], ['created_at', 'timestamptz'],
  ];
  const lineRows = writable.flatMap(({ input, amounts }, o) =>
    input.lines.map((l, i) => {
      const a = amounts.lines[i]!;
      return [
        shopId, uuidv7(), orderIds[o], i + 1, l.externalId ?? null, variantIds.get(l.sku)!,
        l.sku, l.title, l.quantity, l.unitPriceMinor, a.lineDiscountMinor,
        a.orderDiscountShareMinor, a.taxMinor, a.paidMinor, now,
      ];
    }),
  );
  for (let i = 0; i < lineRows.length; i += LINE_CHUNK) await bulkInsert(tx, 'order_lines', lineColumns, lineRows.slice(i, i + LINE_CHUNK));

  const shipmentColumns: BulkColumn[] = [
    ['shop_id', 'uuid'], ['id', 'uuid'], ['order_id', 'uuid'], ['carrier', 'text'], ['tracking_number', 'text'], ['status', 'text'],
    ['lines', 'jsonb'], ['shipped_at', 'timestamptz'], ['delivered_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
  ];
  const shipmentRows = writable.flatMap(({ input }, o) =>
    (input.shipments ?? []).map((s) => {
      const state = shipmentState(s);
      return [shopId, uuidv7(), orderIds[o], s.carrier, s.trackingNumber, state.status, s.lines ?? [], state.shippedAt, state.deliveredAt, now, now];
    }),
  );
  await bulkInsert(tx, 'shipments', shipmentColumns, shipmentRows, sql`on conflict do nothing`);
  await recordOrdersInserted(tx, shop, orderIds);

  result.created += writable.length;
  result.lines += lineRows.length;
  return result;
}

/** Customer ids for a batch of orders (null for guests), matched as `customersRepo.resolve` does. */
async function resolveCustomers(tx: Tx, shopId: string, inputs: OrderInput[], now: Date): Promise<(string | null)[]> {
  const identities = inputs.map((o) => ({
    externalRef: o.customer?.externalId ? `${o.channel}:${o.customer.externalId}` : null,
    email: normalizeEmail(o.customer?.email ?? o.email),
    phone: normalizePhone(o.customer?.phone ?? o.phone ?? o.shippingAddress?.phone),
    name: o.customer?.name ?? o.shippingAddress?.name ?? null,
    locale: o.customer?.locale ?? o.locale ?? null,
    country: o.customer?.country ?? o.shippingAddress?.country ?? null,
  }));
  const refs = [...new Set(identities.map((i) => i.externalRef).filter((v): v is string => v !== null))];
  const emails = [...new Set(identities.map((i) => i.email).filter((v): v is string => v !== null))];
  const phones = [...new Set(identities.map((i) => i.phone).filter((v): v is string => v !== null))];
  const byRef = new Map<string, string>();
  const byEmail = new Map<string, string>();
  const byPhone = new Map<string, string>();
  const remember = (r: { id: string; externalRef: string | null; email: string | null; phone: string | null }) => {
    if (r.externalRef && !byRef.has(r.externalRef)) byRef.set(r.externalRef, r.id);
    if (r.email && !byEmail.has(r.email)) byEmail.set(r.email, r.id);
    if (r.phone && !byPhone.has(r.phone)) byPhone.set(r.phone, r.id);
  };
  if (refs.length + emails.length + phones.length > 0) {
    const conditions = [
      refs.length ? anyOf(customers.externalRef, refs, 'text') : undefined,
      emails.length ? anyOf(customers.email, emails, 'text') : undefined,
      phones.length ? anyOf(customers.phone, phones, 'text') : undefined,
    ].filter((c) => c !== undefined);
    const found = await tx
      .select({ id: customers.id, externalRef: customers.externalRef, email: customers.email, phone: customers.phone })
      .from(customers)
      .where(and(eq(customers.shopId, shopId), or(...conditions)));
    found.forEach(remember);
  }
  const lookup = (i: (typeof identities)[number]) =>
    (i.externalRef ? byRef.get(i.externalRef) : undefined) ??
    (i.email ? byEmail.get(i.email) : undefined) ??
    (i.phone ? byPhone.get(i.phone) : undefined);

  const toCreate = new Map<string, (typeof identities)[number]>();
  for (const i of identities) {
    const k = i.externalRef ?? i.email ?? i.phone;
    if (k && !lookup(i) && !toCreate.has(k)) toCreate.set(k, i);
  }
  if (toCreate.size > 0) {
    const created = await bulkInsert<{ id: string; external_ref: string | null; email: string | null; phone: string | null }>(
      tx,
      'customers',
      [['shop_id', 'uuid'], ['id', 'uuid'], ['external_ref', 'text'], ['email', 'text'], ['phone', 'text'], ['name', 'text'], ['locale', 'text'], ['country', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
      [...toCreate.values()].map((i) => [shopId, uuidv7(), i.externalRef, i.email, i.phone, i.name, i.locale, i.country, now, now]),
      sql`returning id, external_ref, email, phone`,
    );
    created.forEach((c) => remember({ id: c.id, externalRef: c.external_ref, email: c.email, phone: c.phone }));
  }
  return identities.map((i) => lookup(i) ?? null);
}
