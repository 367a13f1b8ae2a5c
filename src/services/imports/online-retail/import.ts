import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { parseTimestamp } from '../../../domain/time.js';
import { AppError } from '../../../domain/errors.js';
import { shopsRepo, type ShopRow } from '../../../db/repos/shops-repo.js';
import type { ServiceContext } from '../../context.js';
import { csvRecords } from '../csv-records.js';
import { OrderBatcher, type ImportSummary } from '../order-batcher.js';
import type { OrderInput } from '../../orders/index.js';
import { checkOrderInput } from '../../orders/index.js';
import { createShop } from '../../shops/index.js';
import { catchUpOrders, trackShop, withDeferredRollups } from '../../analytics/index.js';
import { ANALYTICS_TABLES } from '../../analytics/index.js';
import { refreshPlannerStatistics } from '../../../db/planner-statistics.js';
import { policyWithImportReason, writeReturnCases, type ReturnCasesReport, type ReturnInvoice } from './returns.js';
import { classifyRow, customerIdOf, isReturnInvoice, pricePence, ReturnAttributor, type RetailRow, type RowKind } from '../../../integrations/online-retail/mapping.js';

export const ONLINE_RETAIL_TIMEZONE = 'Europe/London';

export interface OnlineRetailReport {
  rows: number;
  invoices: number;
  orderInvoices: number;
  invoicesWithoutMerchandise: number;
  /** Rows of an invoice that came after OPEN_INVOICES other invoices had started: skipped and counted (none in the dataset). */
  rowsAfterTheirInvoice: number;
  rowsByKind: Record<RowKind, number>;
  returns: {
    invoices: number;
    rows: number;
    units: number;
    attributableUnits: number;
    unattributableUnits: number;
    unattributableWithoutCustomer: number;
    /** The attributed units written as completed return cases with settled refunds. */
    cases: ReturnCasesReport;
  };
  import: ImportSummary;
  /** Milliseconds: reading and writing orders; counting them for analytics; writing the returns (with their analytics). */
  timings: { ordersMs: number; analyticsMs: number; returnsMs: number };
}

async function ensureShop(ctx: ServiceContext, slug: string): Promise<ShopRow> {
  return (
    (await shopsRepo.findBySlug(ctx.db, slug)) ??
    createShop(ctx, { slug, name: 'Online Retail (UCI)', currency: 'GBP', timezone: ONLINE_RETAIL_TIMEZONE, defaultLocale: 'en', locales: ['en', 'zh-CN'] })
  );
}

/** How many invoices stay open for late rows (see importOnlineRetail). */
export const OPEN_INVOICES = 100;

/**
 * Imports the dataset's orders into the shop `slug` (created when missing), and its returns as
 * completed return cases attributed by the dataset README's rule (units that cannot be attributed
 * are reported, never invented). Orders and returns are written set-based and counted for
 * analytics in one pass at the end. Re-running it updates nothing that is already there (orders
 * are keyed by invoice number, cases by return invoice and order).
 */
export async function importOnlineRetail(ctx: ServiceContext, file: string, slug = 'online-retail'): Promise<OnlineRetailReport> {
  const started = performance.now();
  const shopRow = await ensureShop(ctx, slug);
  const policy = await policyWithImportReason(ctx, shopRow.id);
  await trackShop(ctx, shopRow.id);
  const shop = withDeferredRollups(shopRow);
  const batcher = new OrderBatcher(ctx, shop);
  const attributor = new ReturnAttributor();
  const returnInvoices: ReturnInvoice[] = [];
  /** Units of each purchase (invoice + line) attributed so far: where the next returned unit's share starts. */
  const returnedSoFar = new Map<string, number>();
  const rowsByKind: Record<RowKind, number> = {
    merchandise: 0,
    shipping: 0,
    adjustment: 0,
    stock_adjustment: 0,
    non_positive_price: 0,
    sub_penny_price: 0,
    return: 0,
    reversed_fee: 0,
  };
  const returns = { invoices: 0, rows: 0, units: 0, attributableUnits: 0, unattributableUnits: 0, unattributableWithoutCustomer: 0 };
  let rows = 0;
  let invoices = 0;
  let orderInvoices = 0;
  let invoicesWithoutMerchandise = 0;
  type Group = { line: number; row: RetailRow }[];
  // An invoice is all the rows with its number. The file is in date order, so an invoice's rows
  // are together, except where another invoice of the same minute interleaves (542806 around
  // C542805): the last OPEN_INVOICES invoices stay open for rows that come late. Invoices are
  // then taken in the order they first appear.
  const open = new Map<string, Group>();
  const closed = new Set<string>();
  let rowsAfterTheirInvoice = 0;

  const finishInvoice = async (invoice: Group) => {
    invoices++;
    const first = invoice[0]!;
    if (isReturnInvoice(first.row.invoiceNo)) {
      returns.invoices++;
      const returnInvoice: ReturnInvoice = { invoiceNo: first.row.invoiceNo, at: parseTimestamp(first.row.invoiceDate, ONLINE_RETAIL_TIMEZONE)!, allocations: [] };
      for (const { row } of invoice) {
        const kind = classifyRow(row);
        rowsByKind[kind]++;
        if (kind !== 'return') continue;
        const units = -row.quantity;
        returns.rows++;
        returns.units += units;
        const { allocations, unattributed } = attributor.attribute(row.customerId, row.stockCode, units);
        for (const a of allocations) {
          const key = `${a.invoiceNo}\u0001${a.lineNo}`;
          const before = returnedSoFar.get(key) ?? 0;
          returnedSoFar.set(key, before + a.quantity);
          returnInvoice.allocations.push({ ...a, returnedBefore: before });
        }
        returns.attributableUnits += units - unattributed;
        returns.unattributableUnits += unattributed;
        if (row.customerId === null) returns.unattributableWithoutCustomer += unattributed;
      }
      if (returnInvoice.allocations.length > 0) returnInvoices.push(returnInvoice);
      return;
    }
    orderInvoices++;
    let shippingFeeMinor = 0;
    const lines: OrderInput['lines'] = [];
    for (const { row } of invoice) {
      const kind = classifyRow(row);
      rowsByKind[kind]++;
      const pence = pricePence(row.unitPrice)!;
      if (kind === 'shipping') shippingFeeMinor += pence * row.quantity;
      if (kind !== 'merchandise') continue;
      lines.push({ sku: row.stockCode, title: row.description || row.stockCode, quantity: row.quantity, unitPriceMinor: pence });
      if (row.customerId !== null) attributor.recordPurchase(row.customerId, row.stockCode, row.invoiceNo, lines.length, row.quantity);
    }
    if (lines.length === 0) {
      invoicesWithoutMerchandise++;
      return;
    }
    const placedAt = parseTimestamp(first.row.invoiceDate, ONLINE_RETAIL_TIMEZONE)!.toISOString();
    const customerId = first.row.customerId;
    const input: OrderInput = {
      channel: 'web',
      externalId: first.row.invoiceNo,
      currency: 'GBP',
      pricesIncludeTax: true,
      locale: 'en',
      placedAt,
      paidAt: placedAt,
      customer: customerId ? { externalId: customerId, country: first.row.country } : undefined,
      shippingAddress: first.row.country ? { country: first.row.country } : undefined,
      lines,
      shippingFeeMinor,
    };
    try {
      await batcher.add({ input, amounts: checkOrderInput(shop, input), line: first.line });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      batcher.reject({ line: first.line, orderId: input.externalId, code: err.code, message: err.message });
    }
  };

  const parser = parse({ columns: true, bom: true, skip_empty_lines: true, info: true });
  pipeline(createReadStream(file), createGunzip(), parser, () => {});
  for await (const { record, info } of csvRecords<{ record: Record<string, string>; info: { lines: number } }>(parser)) {
    rows++;
    const row: RetailRow = {
      invoiceNo: record.InvoiceNo!,
      stockCode: record.StockCode!,
      description: record.Description?.trim() ?? '',
      quantity: Number(record.Quantity),
      invoiceDate: record.InvoiceDate!,
      unitPrice: record.UnitPrice!,
      customerId: customerIdOf(record.CustomerID),
      country: record.Country ?? '',
    };
    const group = open.get(row.invoiceNo);
    if (group) {
      group.push({ line: info.lines, row });
    } else if (closed.has(row.invoiceNo)) {
      rowsAfterTheirInvoice++;
    } else {
      open.set(row.invoiceNo, [{ line: info.lines, row }]);
      if (open.size > OPEN_INVOICES) {
        const [oldest, rows] = open.entries().next().value!;
        open.delete(oldest);
        closed.add(oldest);
        await finishInvoice(rows);
      }
    }
  }
  for (const [invoiceNo, rows] of open) {
    closed.add(invoiceNo);
    await finishInvoice(rows);
  }
  const summary = await batcher.finish();
  const ordersDone = performance.now();
  await catchUpOrders(ctx, shopRow.id);
  const analyticsDone = performance.now();
  const cases = await writeReturnCases(ctx, shopRow, policy, returnInvoices);
  await refreshPlannerStatistics(ctx.db, { tables: [...ANALYTICS_TABLES, 'return_cases', 'return_items', 'refunds', 'refund_lines', 'case_events'] });
  const timings = { ordersMs: Math.round(ordersDone - started), analyticsMs: Math.round(analyticsDone - ordersDone), returnsMs: Math.round(performance.now() - analyticsDone) };
  return { rows, invoices, orderInvoices, invoicesWithoutMerchandise, rowsAfterTheirInvoice, rowsByKind, returns: { ...returns, cases }, import: summary, timings };
}
