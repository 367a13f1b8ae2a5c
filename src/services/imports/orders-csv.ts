import type { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { parseDecimalAmount, isCurrency } from '../../domain/money/currency.js';
import { parseTimestamp } from '../../domain/time.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { shopsRepo } from '../../db/repos/shops-repo.js';
import type { ServiceContext } from '../context.js';
import { CHANNELS, OrderInputSchema, type OrderInput } from '../orders/index.js';
import { checkOrderInput } from '../orders/index.js';
import { compileValidator } from '../schema.js';
import { csvRecords } from './csv-records.js';
import { setStockBySku, type StockActor } from '../catalog/index.js';
import { OrderBatcher, type ImportSummary } from './order-batcher.js';
import { COLUMN_ALIASES, ORDER_CSV_COLUMNS } from './orders-csv-format.js';

type Row = Record<string, string>;
interface SourceRow {
  line: number;
  row: Row;
}

class RowError extends Error {
  constructor(
    readonly line: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const validateOrder = compileValidator(OrderInputSchema);
const KNOWN = new Set(ORDER_CSV_COLUMNS.map((c) => c.name));
const ORDER_COLUMNS = ORDER_CSV_COLUMNS.filter((c) => c.level === 'order').map((c) => c.name);

function normalizeHeader(header: string[]): string[] {
  const names = header.map((h) => {
    const n = h.trim().toLowerCase().replace(/[\s-]+/g, '_');
    return COLUMN_ALIASES[n] ?? n;
  });
  const unknown = names.filter((n) => !KNOWN.has(n));
  if (unknown.length > 0) {
    throw invalid('import.unknown_column', `Unknown column(s): ${unknown.join(', ')}. See docs/import-format.md`, { columns: unknown });
  }
  const missing = ORDER_CSV_COLUMNS.filter((c) => c.required && !names.includes(c.name)).map((c) => c.name);
  if (missing.length > 0) throw invalid('import.missing_column', `Missing column(s): ${missing.join(', ')}`, { columns: missing });
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw invalid('import.duplicate_column', `Column ${duplicate} appears twice`);
  return names;
}

/**
 * Imports orders from a CSV stream (format: orders-csv-format.ts). Streams: memory stays flat
 * whatever the file size. Each order is checked completely before anything of it is written;
 * a rejected order is reported with its line and reason and leaves no trace.
 */
export async function importOrdersCsv(
  ctx: ServiceContext,
  shopId: string,
  source: Readable,
  actor: StockActor = { kind: 'system', id: null },
): Promise<ImportSummary & { rows: number; aborted: { line: number; message: string } | null; stock: { updated: number } }> {
  const shop = await shopsRepo.findById(ctx.db, shopId);
  if (!shop) throw notFound('shop.not_found', 'No such shop');
  const batcher = new OrderBatcher(ctx, shop);
  const seen = new Set<string>();
  let group: SourceRow[] = [];
  let rows = 0;
  let aborted: { line: number; message: string } | null = null;
  /** stock_on_hand counts by SKU, with the line that gave each. */
  const stock = new Map<string, { count: number; line: number }>();

  const finishGroup = async () => {
    if (group.length === 0) return;
    const rowsOfOrder = group;
    group = [];
    const first = rowsOfOrder[0]!;
    const orderKey = `${first.row.channel || 'web'}\u0001${first.row.order_id}`;
    try {
      if (seen.has(orderKey)) {
        throw new RowError(first.line, 'import.order_not_consecutive', `Order ${first.row.order_id} appeared earlier in the file; the rows of an order must be consecutive`);
      }
      seen.add(orderKey);
      const input = toOrderInput(rowsOfOrder, shop.timezone);
      const checked = validateOrder(input);
      if (!checked.ok) {
        const issue = checked.issues[0]!;
        const lineIndex = /^\/lines\/(\d+)/.exec(issue.path)?.[1];
        const line = lineIndex !== undefined ? (rowsOfOrder[Number(lineIndex)]?.line ?? first.line) : first.line;
        throw new RowError(line, 'import.row_invalid', `${issue.path.replace(/^\//, '') || 'row'} ${issue.message}`);
      }
      const amounts = checkOrderInput(shop, checked.value);
      const counts = stockCounts(rowsOfOrder);
      await batcher.add({ input: checked.value, amounts, line: first.line });
      for (const [sku, count] of counts) stock.set(sku, count);
    } catch (err) {
      if (err instanceof RowError) batcher.reject({ line: err.line, orderId: first.row.order_id, code: err.code, message: err.message });
      else if (err instanceof AppError) batcher.reject({ line: first.line, orderId: first.row.order_id, code: err.code, message: err.message });
      else throw err;
    }
  };

  const parser = parse({ columns: normalizeHeader, bom: true, skip_empty_lines: true, trim: true, info: true, max_record_size: 64 * 1024 });
  // pipe() does not forward errors: a failing upload must end the parse, not hang it.
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  try {
    for await (const { record, info } of csvRecords<{ record: Row; info: { lines: number } }>(parser)) {
      rows++;
      const current = group[0];
      if (current && (current.row.order_id !== record.order_id || (current.row.channel || 'web') !== (record.channel || 'web'))) {
        await finishGroup();
      }
      group.push({ line: info.lines, row: record });
    }
    await finishGroup();
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines ?? 0;
    aborted = { line, message: err.message };
    source.destroy();
    // The order being read may have had more rows after the broken one: it is not written.
    const cutOff = group[0];
    if (cutOff) {
      batcher.reject({ line: cutOff.line, orderId: cutOff.row.order_id, code: 'import.order_cut_off', message: 'The file broke off before this order ended; it was not imported' });
      group = [];
    }
  }
  const summary = await batcher.finish();
  // After the orders: a SKU the file introduces exists by now.
  const counted = await setStockBySku(ctx.db, shopId, new Map([...stock].map(([sku, s]) => [sku, s.count])), actor, ctx.clock.now());
  for (const sku of counted.unknownSkus) {
    batcher.summary.errors.push({ line: stock.get(sku)!.line, code: 'import.stock_sku_unknown', message: `stock_on_hand of ${sku} not set: the SKU is not in the catalogue (its order was rejected)` });
  }
  return { ...summary, rows, aborted, stock: { updated: counted.updated } };
}

/** The order's stock_on_hand counts by SKU; a count that is not a whole number ≥ 0 rejects the order, naming its line. */
function stockCounts(rows: SourceRow[]): Map<string, { count: number; line: number }> {
  const counts = new Map<string, { count: number; line: number }>();
  for (const { line, row } of rows) {
    const text = row.stock_on_hand;
    if (text === undefined || text === '') continue;
    if (!/^\d{1,9}$/.test(text)) throw new RowError(line, 'import.stock_invalid', `stock_on_hand must be a whole number of units ≥ 0, not "${text}"`);
    counts.set(row.sku ?? '', { count: Number(text), line });
  }
  return counts;
}

/** The order described by its consecutive rows. Throws RowError naming the offending line. */
function toOrderInput(rows: SourceRow[], timeZone: string): OrderInput {
  // PostgreSQL text cannot hold NUL: name the cell here rather than let the write fail later.
  for (const { line, row } of rows) {
    for (const [column, value] of Object.entries(row)) {
      if (value.includes('\u0000')) throw new RowError(line, 'import.cell_invalid', `Line ${line}, column ${column}: contains a NUL character`);
    }
  }
  const header: Row = {};
  for (const { line, row } of rows) {
    for (const column of ORDER_COLUMNS) {
      const value = row[column];
      if (value === undefined || value === '') continue;
      if (header[column] === undefined) header[column] = value;
      else if (header[column] !== value) {
        throw new RowError(line, 'import.order_columns_differ', `${column} is "${value}" here but "${header[column]}" on an earlier row of order ${header.order_id}`);
      }
    }
  }
  const firstLine = rows[0]!.line;
  const currency = header.currency ?? '';
  if (!isCurrency(currency)) throw new RowError(firstLine, 'import.currency_invalid', `currency "${currency}" is not an ISO 4217 code`);

  const money = (line: number, column: string, text: string | undefined): number | undefined => {
    if (text === undefined || text === '') return undefined;
    const parsed = parseDecimalAmount(text, currency);
    if (!parsed.ok) {
      const why = parsed.reason === 'too_precise' ? `has more decimals than ${currency} allows` : parsed.reason === 'too_large' ? 'is too large' : 'is not a number';
      throw new RowError(line, 'import.amount_invalid', `${column} "${text}" ${why}`);
    }
    if (parsed.minor < 0) throw new RowError(line, 'import.amount_invalid', `${column} "${text}" is negative`);
    return parsed.minor;
  };
  const time = (line: number, column: string, text: string | undefined): string | undefined => {
    if (text === undefined || text === '') return undefined;
    const parsed = parseTimestamp(text, timeZone);
    if (!parsed) throw new RowError(line, 'import.time_invalid', `${column} "${text}" is not a date and time`);
    return parsed.toISOString();
  };
  const flag = (line: number, column: string, text: string | undefined): boolean | undefined => {
    if (text === undefined || text === '') return undefined;
    const t = text.toLowerCase();
    if (['true', '1', 'yes', 'y'].includes(t)) return true;
    if (['false', '0', 'no', 'n'].includes(t)) return false;
    throw new RowError(line, 'import.flag_invalid', `${column} "${text}" must be true or false`);
  };
  const quantity = (line: number, text: string | undefined): number => {
    if (!text || !/^\d+$/.test(text) || Number(text) < 1) throw new RowError(line, 'import.quantity_invalid', `quantity "${text ?? ''}" must be a whole number ≥ 1`);
    return Number(text);
  };
  const channel = header.channel ?? 'web';
  if (!(CHANNELS as readonly string[]).includes(channel)) throw new RowError(firstLine, 'import.channel_invalid', `channel "${channel}" is not one of ${CHANNELS.join(', ')}`);

  const placedAt = time(firstLine, 'placed_at', header.placed_at);
  if (!placedAt) throw new RowError(firstLine, 'import.time_invalid', 'placed_at is required');
  const opt = <T>(v: T | undefined | '') => (v === undefined || v === '' ? undefined : v);

  const input: OrderInput = {
    channel: channel as OrderInput['channel'],
    externalId: header.order_id!,
    number: opt(header.order_number),
    currency,
    pricesIncludeTax: flag(firstLine, 'prices_include_tax', header.prices_include_tax),
    locale: opt(header.locale) as OrderInput['locale'],
    placedAt,
    paidAt: time(firstLine, 'paid_at', header.paid_at),
    shippedAt: time(firstLine, 'shipped_at', header.shipped_at),
    deliveredAt: time(firstLine, 'delivered_at', header.delivered_at),
    cancelledAt: time(firstLine, 'cancelled_at', header.cancelled_at),
    customer:
      header.customer_id || header.customer_email || header.customer_phone || header.customer_name
        ? {
            externalId: opt(header.customer_id),
            email: opt(header.customer_email),
            phone: opt(header.customer_phone),
            name: opt(header.customer_name),
            country: opt(header.country),
          }
        : undefined,
    shippingFeeMinor: money(firstLine, 'shipping_fee', header.shipping_fee),
    orderDiscountMinor: money(firstLine, 'order_discount', header.order_discount),
    totalMinor: money(firstLine, 'order_total', header.order_total),
    paymentMethod: opt(header.payment_method),
    paymentRef: opt(header.payment_ref),
    shippingInsurance: flag(firstLine, 'shipping_insurance', header.shipping_insurance),
    note: opt(header.note),
    shipments:
      header.carrier && header.tracking_number
        ? [
            {
              carrier: header.carrier,
              trackingNumber: header.tracking_number,
              shippedAt: time(firstLine, 'shipped_at', header.shipped_at),
              deliveredAt: time(firstLine, 'delivered_at', header.delivered_at),
            },
          ]
        : undefined,
    lines: rows.map(({ line, row }) => {
      const attributes: Record<string, string> = {};
      if (row.size) attributes.size = row.size;
      if (row.colour) attributes.colour = row.colour;
      const flags = {
        customMade: flag(line, 'custom_made', row.custom_made),
        perishable: flag(line, 'perishable', row.perishable),
        digital: flag(line, 'digital', row.digital),
        hygiene: flag(line, 'hygiene', row.hygiene),
        finalSale: flag(line, 'final_sale', row.final_sale),
      };
      const unitPriceMinor = money(line, 'unit_price', row.unit_price);
      if (unitPriceMinor === undefined) throw new RowError(line, 'import.amount_invalid', 'unit_price is required');
      return dropUndefined({
        externalId: opt(row.line_id),
        sku: row.sku ?? '',
        title: row.title ?? '',
        quantity: quantity(line, row.quantity),
        unitPriceMinor,
        lineDiscountMinor: money(line, 'line_discount', row.line_discount),
        taxMinor: money(line, 'line_tax', row.line_tax),
        product: row.product_id || row.category ? dropUndefined({ externalId: opt(row.product_id), category: opt(row.category) }) : undefined,
        attributes: Object.keys(attributes).length ? attributes : undefined,
        returnFlags: Object.values(flags).some((v) => v !== undefined) ? dropUndefined(flags) : undefined,
      });
    }) as OrderInput['lines'],
  };
  if (input.customer) input.customer = dropUndefined(input.customer);
  return dropUndefined(input);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
