import { formatMoney } from '../../../shared/money.js';
import type { Bilingual } from './api.js';

/** A fraction as a percentage with two decimals (0.015296 → "1.53%"); "—" when there is none. */
export const pct = (rate: number | null | undefined, locale: string) =>
  rate === null || rate === undefined ? '—' : new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(rate);

/** Basis points as a percentage (142 → "1.42%"). */
export const bp = (value: number | null | undefined, locale: string) => (value === null || value === undefined ? '—' : pct(value / 10_000, locale));

export const num = (n: number | null | undefined, locale: string) => (n === null || n === undefined ? '—' : new Intl.NumberFormat(locale).format(n));

export const money = (minor: number, currency: string, locale: string) => formatMoney(minor, currency, locale);

/** Minor units as major (for chart axes): 12900 CNY → 129. */
export function major(minor: number, currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return minor / 10 ** digits;
}

/** A rate for a chart axis: percent with two decimals. */
export const ratePoint = (rate: number | null | undefined) => (rate === null || rate === undefined ? null : Math.round(rate * 10_000) / 100);

/** A duration in seconds as people read it: minutes, hours or days. */
export function duration(seconds: number | null | undefined, t: (key: string, o?: Record<string, unknown>) => string): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 3600) return t('analytics.units.minutes', { value: Math.round(seconds / 60) });
  if (seconds < 2 * 86_400) return t('analytics.units.hours', { value: (seconds / 3600).toFixed(1) });
  return t('analytics.units.days', { value: (seconds / 86_400).toFixed(1) });
}

export const text = (b: Bilingual | null | undefined, locale: string) => (b ? (locale === 'zh-CN' ? b['zh-CN'] : b.en) : '');
