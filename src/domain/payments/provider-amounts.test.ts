import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimalAmount } from '../money/currency.js';
import { fromStripeAmount, stripeDigits, toAlipayAmount, toStripeAmount } from './provider-amounts.js';

describe('Stripe amounts', () => {
  it.each([
    [1999, 'USD', 1999],
    [1999, 'CNY', 1999],
    [500, 'JPY', 500],
    [12000, 'KRW', 12000],
    [5120, 'KWD', 5120],
    [1230, 'BHD', 1230],
    // ISK and HUF have no minor unit in ISO but Stripe counts them in hundredths.
    [500, 'ISK', 50000],
    [1990, 'HUF', 199000],
  ])('%i minor %s → amount %i', (minor, currency, amount) => {
    expect(toStripeAmount(minor, currency)).toEqual({ ok: true, amount });
    expect(fromStripeAmount(amount, currency)).toBe(minor);
  });

  it('refuses a three-decimal amount that is not a whole ten, and non-positive amounts', () => {
    expect(toStripeAmount(5124, 'KWD')).toMatchObject({ ok: false, reason: expect.stringMatching(/5\.124/) });
    expect(toStripeAmount(0, 'USD').ok).toBe(false);
    expect(toStripeAmount(-5, 'USD').ok).toBe(false);
    expect(toStripeAmount(1.5, 'USD').ok).toBe(false);
  });

  it('knows the zero-decimal currencies', () => {
    expect(stripeDigits('JPY')).toBe(0);
    expect(stripeDigits('VND')).toBe(0);
    expect(stripeDigits('EUR')).toBe(2);
    expect(stripeDigits('TND')).toBe(3);
  });

  it('round-trips every representable amount exactly (property)', () => {
    const currency = fc.constantFrom('USD', 'CNY', 'JPY', 'KRW', 'KWD', 'BHD', 'JOD', 'ISK', 'HUF', 'EUR', 'TWD');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e12 }), currency, (minor, c) => {
        const out = toStripeAmount(minor, c);
        if (!out.ok) {
          expect(stripeDigits(c)).toBe(3);
          expect(minor % 10).not.toBe(0);
          return;
        }
        expect(Number.isSafeInteger(out.amount)).toBe(true);
        expect(fromStripeAmount(out.amount, c)).toBe(minor);
      }),
    );
  });
});

describe('Alipay amounts', () => {
  it.each([
    [1, '0.01'],
    [10, '0.10'],
    [1230, '12.30'],
    [100000000, '1000000.00'],
  ])('%i fen → "%s"', (minor, yuan) => {
    expect(toAlipayAmount(minor, 'CNY')).toEqual({ ok: true, amount: yuan });
  });

  it('refuses other currencies and non-positive amounts', () => {
    expect(toAlipayAmount(100, 'USD').ok).toBe(false);
    expect(toAlipayAmount(0, 'CNY').ok).toBe(false);
  });

  it('the yuan string parses back to the same fen (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (minor) => {
        const out = toAlipayAmount(minor, 'CNY');
        expect(out.ok).toBe(true);
        if (out.ok) expect(parseDecimalAmount(out.amount, 'CNY')).toEqual({ ok: true, minor });
      }),
    );
  });
});
