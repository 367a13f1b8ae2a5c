import { formatMinor, minorUnitDigits } from '../money/currency.js';

/**
 * Amounts as payment rails want them, from Retour's integer minor units (ISO 4217 digits),
 * exactly: no floating point, and an amount a rail cannot express is refused, never rounded.
 */

/** Stripe's zero-decimal currencies: the amount is in whole units (https://docs.stripe.com/currencies#zero-decimal). */
const STRIPE_ZERO_DECIMAL: ReadonlySet<string> = new Set([
  'BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
]);

/** Digits of the unit Stripe counts in: 0 for its zero-decimal list, 3 for three-decimal currencies, else 2 (also ISK and HUF). */
export function stripeDigits(currency: string): number {
  if (STRIPE_ZERO_DECIMAL.has(currency)) return 0;
  return minorUnitDigits(currency) === 3 ? 3 : 2;
}

export type ProviderAmount = { ok: true; amount: number } | { ok: false; reason: string };

/** Retour minor units → Stripe's integer `amount` in `currency`. */
export function toStripeAmount(minor: number, currency: string): ProviderAmount {
  if (!Number.isSafeInteger(minor) || minor <= 0) return { ok: false, reason: `a refund amount must be a positive integer, not ${minor}` };
  const ours = minorUnitDigits(currency);
  const theirs = stripeDigits(currency);
  if (theirs >= ours) {
    const amount = minor * 10 ** (theirs - ours);
    if (!Number.isSafeInteger(amount)) return { ok: false, reason: 'the amount is too large' };
    // Stripe takes three-decimal amounts only in whole tens (5.120 KWD, not 5.124).
    if (theirs === 3 && amount % 10 !== 0) return { ok: false, reason: `Stripe refunds ${currency} only in multiples of 0.010; ${formatMinor(minor, currency)} is not one` };
    return { ok: true, amount };
  }
  const factor = 10 ** (ours - theirs);
  if (minor % factor !== 0) return { ok: false, reason: `Stripe refunds ${currency} in whole units; ${formatMinor(minor, currency)} is not one` };
  return { ok: true, amount: minor / factor };
}

/** Stripe's integer `amount` → Retour minor units (exact; the inverse of toStripeAmount). */
export function fromStripeAmount(amount: number, currency: string): number | null {
  const ours = minorUnitDigits(currency);
  const theirs = stripeDigits(currency);
  if (theirs >= ours) {
    const factor = 10 ** (theirs - ours);
    return amount % factor === 0 ? amount / factor : null;
  }
  return amount * 10 ** (ours - theirs);
}

/** Retour minor units → Alipay's `refund_amount`, a yuan string with at most two decimals ("12.30"). Alipay trades are in CNY. */
export function toAlipayAmount(minor: number, currency: string): { ok: true; amount: string } | { ok: false; reason: string } {
  if (currency !== 'CNY') return { ok: false, reason: `Alipay refunds are in CNY; this refund is in ${currency}` };
  if (!Number.isSafeInteger(minor) || minor <= 0) return { ok: false, reason: `a refund amount must be a positive integer, not ${minor}` };
  return { ok: true, amount: formatMinor(minor, 'CNY') };
}
