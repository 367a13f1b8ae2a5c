import { parseDecimalAmount } from '../../domain/money/currency.js';

/** A platform's yuan amount ("99.00", 99) as integer fen; unreadable → null. */
export function fenOfYuan(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const parsed = parseDecimalAmount(typeof value === 'number' ? value.toFixed(2) : String(value), 'CNY');
  return parsed.ok ? Math.abs(parsed.minor) : null;
}

/** A platform's integer fen amount (PDD, Douyin) as a number; unreadable → null. */
export function fenOf(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

export const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
