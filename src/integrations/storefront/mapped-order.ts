import { parseDecimalAmount } from '../../domain/money/currency.js';
import type { OrderInput } from '../../services/orders/order-input.js';
import type { PlatformRefundInput } from '../../db/repos/platform-refunds-repo.js';

/**
 * What a storefront connector makes of one platform order: the order as Retour takes it, and the
 * refunds the platform made itself (which count against what Retour may still refund).
 */
export interface MappedOrder {
  order: OrderInput;
  refunds: Omit<PlatformRefundInput, 'id'>[];
}

/** A payload Retour cannot take, named by the platform's id for the connection's log. */
export class MappingError extends Error {
  constructor(
    readonly externalId: string | null,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Refunds Retour pushes carry this mark (Shopify `note`, WooCommerce `reason`), so when the
 * platform reports them back (a webhook, the next sync) they are known as Retour's own and are
 * not counted a second time as refunds made on the platform.
 */
export const retourRefundMark = (refundId: string) => `retour:${refundId}`;
const MARK = /retour:([0-9a-f-]{36})/i;
export const markedRefundId = (text: string | null | undefined): string | null => (text ? (MARK.exec(text)?.[1] ?? null) : null);

/** A platform's decimal money ("19.99", 19.99, "-9.00") as integer minor units of `currency`, sign dropped. */
export function minorOf(value: string | number | null | undefined, currency: string, what: string, externalId: string | null): number {
  if (value === null || value === undefined || value === '') return 0;
  const parsed = parseDecimalAmount(typeof value === 'number' ? numberText(value) : value, currency);
  if (!parsed.ok) throw new MappingError(externalId, `${what} "${value}" is not an amount in ${currency} (${parsed.reason})`);
  return Math.abs(parsed.minor);
}

/** A JSON number as a plain decimal (no exponent): 195.66 → "195.66". */
const numberText = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(10).replace(/0+$/, ''));

export const isoOf = (value: string | null | undefined): string | undefined => {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
};

/** Trims and drops empty strings, and cuts to the schema's length. */
export const text = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const s = String(value).trim();
  return s ? s.slice(0, max) : undefined;
};

export const emailOf = (value: unknown): string | undefined => {
  const s = text(value, 254);
  return s && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? s : undefined;
};

export const localeOf = (value: unknown): 'zh-CN' | 'en' | undefined => {
  const s = typeof value === 'string' ? value.toLowerCase() : '';
  return s.startsWith('zh') ? 'zh-CN' : s.startsWith('en') ? 'en' : undefined;
};

/** Drops undefined fields, so strict schemas and JSON stay clean. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
