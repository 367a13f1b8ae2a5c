/**
 * Currencies and exact conversion between decimal strings and integer minor units.
 * Amounts never pass through floating point.
 */

const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
const digitsCache = new Map<string, number>();

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && ISO_CURRENCIES.has(code);
}

/** Number of decimal digits of the currency's minor unit (CNY 2, JPY 0, KWD 3). */
export function minorUnitDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    if (!isCurrency(currency)) throw new RangeError(`unknown currency ${currency}`);
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

export type ParseAmountResult =
  | { ok: true; minor: number }
  | { ok: false; reason: 'malformed' | 'too_precise' | 'too_large' };

/**
 * Parses a decimal string ("19.99", "-3", "1,234.50" is refused) into minor units of `currency`.
 * A value with more decimals than the currency has is refused, not rounded: a price of
 * 0.001 GBP cannot be paid and must be treated by the caller, not silently changed.
 */
export function parseDecimalAmount(text: string, currency: string): ParseAmountResult {
  const m = /^\s*([+-]?)(\d+)(?:\.(\d+))?\s*$/.exec(text);
  if (!m) return { ok: false, reason: 'malformed' };
  const [, sign, whole, fractionRaw = ''] = m;
  const digits = minorUnitDigits(currency);
  const fraction = fractionRaw.replace(/0+$/, '');
  if (fraction.length > digits) return { ok: false, reason: 'too_precise' };
  const minor = BigInt(whole!) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'too_large' };
  const value = Number(minor);
  return { ok: true, minor: sign === '-' && value !== 0 ? -value : value };
}

/** Minor units back to a plain decimal string ("1999", "CNY" → "19.99"). */
export function formatMinor(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const negative = minor < 0;
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  const text = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return negative ? `-${text}` : text;
}
