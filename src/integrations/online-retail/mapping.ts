/**
 * How the UCI "Online Retail" dataset maps onto Retour (../shared/data/online-retail/README.md).
 * Pure: classification of rows and attribution of returned units. The importer and the
 * analytics tests share these rules, so the treatment of every row is stated once, here.
 *
 * - An invoice without `C` is an order (channel web, GBP, prices include VAT), one line per
 *   merchandise row.
 * - POST, DOT (postage) and C2 (carriage) rows are the order's shipping fee, not merchandise.
 * - M / m (manual), D (discount), S (samples), B (bad-debt adjustment), BANK CHARGES, AMAZONFEE,
 *   CRUK (commission) and PADS (priced 0.001 £) are bookkeeping adjustments: skipped, counted.
 * - Rows with a price ≤ 0, or a price finer than a penny, are skipped and counted.
 * - Negative quantities outside a `C` invoice are stock adjustments: skipped, counted.
 * - A `C` invoice's merchandise rows are returns; its fee rows are reversed fees, counted.
 */
export const SHIPPING_CODES: ReadonlySet<string> = new Set(['POST', 'DOT', 'C2']);
export const ADJUSTMENT_CODES: ReadonlySet<string> = new Set(['M', 'm', 'D', 'S', 'B', 'BANK CHARGES', 'AMAZONFEE', 'CRUK', 'PADS']);

export interface RetailRow {
  invoiceNo: string;
  stockCode: string;
  description: string;
  quantity: number;
  invoiceDate: string;
  unitPrice: string;
  customerId: string | null;
  country: string;
}

export type RowKind =
  | 'merchandise'
  | 'shipping'
  | 'adjustment'
  | 'stock_adjustment'
  | 'non_positive_price'
  | 'sub_penny_price'
  | 'return'
  | 'reversed_fee';

export const isReturnInvoice = (invoiceNo: string) => invoiceNo.startsWith('C');

/** Unit price in pence, or null when it is not a whole number of pence. */
export function pricePence(unitPrice: string): number | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(unitPrice.trim());
  if (!m) return null;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return null;
  return Number(m[1]) * 100 + Number(fraction.padEnd(2, '0') || '0');
}

export function classifyRow(row: RetailRow): RowKind {
  const fee = SHIPPING_CODES.has(row.stockCode) || ADJUSTMENT_CODES.has(row.stockCode);
  if (isReturnInvoice(row.invoiceNo)) {
    if (fee || row.quantity >= 0) return 'reversed_fee';
    return 'return';
  }
  if (row.quantity < 0) return 'stock_adjustment';
  if (ADJUSTMENT_CODES.has(row.stockCode)) return 'adjustment';
  if (!(Number(row.unitPrice) > 0)) return 'non_positive_price';
  if (pricePence(row.unitPrice) === null) return 'sub_penny_price';
  return SHIPPING_CODES.has(row.stockCode) ? 'shipping' : 'merchandise';
}

/** The dataset writes customer ids as floats ("17850.0"). */
export function customerIdOf(raw: string | undefined): string | null {
  const t = raw?.trim();
  if (!t) return null;
  return t.replace(/\.0+$/, '');
}

export interface Allocation {
  invoiceNo: string;
  lineNo: number;
  quantity: number;
}

interface Purchase extends Allocation {
  remaining: number;
}

/**
 * Attributes returned units to purchases: each unit goes to the customer's most recent earlier
 * purchase of the same StockCode that still has units left to return. Feed rows in file order
 * (the file is in date order); units with no such purchase are reported as unattributed.
 */
export class ReturnAttributor {
  private readonly purchases = new Map<string, Purchase[]>();

  recordPurchase(customerId: string, stockCode: string, invoiceNo: string, lineNo: number, quantity: number) {
    const key = `${customerId}\u0001${stockCode}`;
    let list = this.purchases.get(key);
    if (!list) this.purchases.set(key, (list = []));
    list.push({ invoiceNo, lineNo, quantity, remaining: quantity });
  }

  attribute(customerId: string | null, stockCode: string, units: number): { allocations: Allocation[]; unattributed: number } {
    const allocations: Allocation[] = [];
    let left = units;
    const list = customerId === null ? undefined : this.purchases.get(`${customerId}\u0001${stockCode}`);
    for (let i = (list?.length ?? 0) - 1; i >= 0 && left > 0; i--) {
      const p = list![i]!;
      if (p.remaining === 0) continue;
      const take = Math.min(p.remaining, left);
      p.remaining -= take;
      left -= take;
      allocations.push({ invoiceNo: p.invoiceNo, lineNo: p.lineNo, quantity: take });
    }
    return { allocations, unattributed: left };
  }
}
