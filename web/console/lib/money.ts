import { formatMoney } from '../../shared/money.js';

/** Digits after the decimal point of a currency (2 for CNY, 0 for JPY). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export const toMajor = (minor: number, currency: string) => minor / 10 ** currencyDigits(currency);
export const toMinor = (major: number, currency: string) => Math.round(major * 10 ** currencyDigits(currency));

export const money = (minor: number, currency: string, locale: string) => formatMoney(minor, currency, locale);

/** Basis points as a percentage text: 142 → "1.42%". */
export const percent = (bp: number, locale: string) => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(bp / 10_000);
