import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { parseTimestamp } from '../../domain/time.js';
import { AppError } from '../../domain/errors.js';
import { shopsRepo, type ShopRow } from '../../db/repos/shops-repo.js';
import type { ServiceContext } from '../../services/context.js';
import { csvRecords } from '../../services/imports/csv-records.js';
import { OrderBatcher, type ImportSummary } from '../../services/imports/order-batcher.js';
import type { OrderInput } from '../../services/orders/order-input.js';
import { checkOrderInput } from '../../services/orders/upsert-order.js';
import { createShop } from '../../services/shops/shops.js';
import { classifyRow, customerIdOf, isReturnInvoice, pricePence, ReturnAttributor, type RetailRow, type RowKind } from './mapping.js';

export const ONLINE_RETAIL_TIMEZONE = 'Europe/London';

export interface OnlineRetailReport {
  rows: number;
  invoices: number;
  orderInvoices: number;
  invoicesWithoutMerchandise: number;
  rowsByKind: Record<RowKind, number>;
  returns: {
    invoices: number;
    rows: number;
    units: number;
    attributableUnits: number;
    unattributableUnits: number;
    unattributableWithoutCustomer: number;
  };
  import: ImportSummary;
}

async function ensureShop(ctx: ServiceContext, slug: string): Promise<ShopRow> {
  return (
    (await shopsRepo.findBySlug(ctx.db, slug)) ??
    createShop(ctx, { slug, name: 'Online Retail (UCI)', currency: 'GBP', timezone: ONLINE_RETAIL_TIMEZONE, defaultLocale: 'en', locales: ['en', 'zh-CN'] })
  );
}

/**
 * Imports the dataset's orders into the shop `slug` (created when missing) and reports the
 * returns it holds, attributed by the dataset README's rule. Re-running it updates nothing that
 * is already there (orders are keyed by invoice number).
 */
export async function importOnlineRetail(ctx: ServiceContext, file: string, slug = 'online-retail'): Promise<OnlineRetailReport> {
  const shop = await ensureShop(ctx, slug);
  const batcher = new OrderBatcher(ctx, shop);
  const attributor = new ReturnAttributor();
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
  let group: { line: number; row: RetailRow }[] = [];

  const finishInvoice = async () => {
    if (group.length === 0) return;
    const invoice = group;
    group = [];
    invoices++;
    const first = invoice[0]!;
    if (isReturnInvoice(first.row.invoiceNo)) {
      returns.invoices++;
      for (const { row } of invoice) {
        const kind = classifyRow(row);
        rowsByKind[kind]++;
        if (kind !== 'return') continue;
        const units = -row.quantity;
        returns.rows++;
        returns.units += units;
        const { unattributed } = attributor.attribute(row.customerId, row.stockCode, units);
        returns.attributableUnits += units - unattributed;
        returns.unattributableUnits += unattributed;
        if (row.customerId === null) returns.unattributableWithoutCustomer += unattributed;
      }
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
    if (group.length > 0 && group[0]!.row.invoiceNo !== row.invoiceNo) await finishInvoice();
    group.push({ line: info.lines, row });
  }
  await finishInvoice();
  return { rows, invoices, orderInvoices, invoicesWithoutMerchandise, rowsByKind, returns, import: await batcher.finish() };
}
