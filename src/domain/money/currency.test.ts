import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatMinor, isCurrency, minorUnitDigits, parseDecimalAmount } from './currency.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('isCurrency', () => {
  it.each(['CNY', 'JPY', 'KWD', 'GBP', 'EUR', 'USD'])('accepts %s', (code) => {
    expect(isCurrency(code)).toBe(true);
  });

  it.each(['cny', 'Cny', 'CN', 'CNYY', '', ' CNY', 'CNY ', 'ABC', '123', 'XXX'])('refuses %j', (code) => {
    expect(isCurrency(code)).toBe(false);
  });
});

describe('minorUnitDigits', () => {
  it.each([
    ['CNY', 2],
    ['GBP', 2],
    ['EUR', 2],
    ['USD', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['BHD', 3],
  ])('%s has %i decimals', (currency, digits) => {
    expect(minorUnitDigits(currency)).toBe(digits);
    // Second call is served from the cache and must agree.
    expect(minorUnitDigits(currency)).toBe(digits);
  });

  it('refuses an unknown currency', () => {
    expect(() => minorUnitDigits('ABC')).toThrow(RangeError);
    expect(() => minorUnitDigits('cny')).toThrow(RangeError);
  });
});

describe('parseDecimalAmount', () => {
  it.each([
    ['19.99', 'CNY', 1999],
    ['0.29', 'CNY', 29], // 0.29 × 100 is 28.999… in floating point
    ['4.35', 'CNY', 435], // 4.35 × 100 is 434.999… in floating point
    ['1', 'CNY', 100],
    ['1.5', 'CNY', 150],
    ['1.500', 'CNY', 150], // trailing zeros beyond the precision are fine
    ['1.5000000000', 'CNY', 150],
    ['007.50', 'CNY', 750],
    ['0', 'CNY', 0],
    ['0.00', 'CNY', 0],
    ['  12.5  ', 'CNY', 1250],
    ['+3', 'CNY', 300],
    ['-3', 'CNY', -300],
    ['-0.01', 'CNY', -1],
    ['1999', 'JPY', 1999],
    ['100.0', 'JPY', 100],
    ['-5', 'JPY', -5],
    ['1.234', 'KWD', 1234],
    ['1.005', 'KWD', 1005],
    ['0.1', 'KWD', 100],
    ['0.01', 'GBP', 1],
    ['90071992547409.91', 'CNY', MAX],
    ['-90071992547409.91', 'CNY', -MAX],
    ['9007199254740991', 'JPY', MAX],
  ])('parses %j %s as %i', (text, currency, minor) => {
    expect(parseDecimalAmount(text, currency)).toEqual({ ok: true, minor });
  });

  it('never returns negative zero', () => {
    for (const text of ['-0', '-0.00', '-0.000']) {
      const r = parseDecimalAmount(text, 'CNY');
      expect(r).toEqual({ ok: true, minor: 0 });
      expect(r.ok && Object.is(r.minor, -0)).toBe(false);
    }
  });

  it.each([
    ['1.505', 'CNY'],
    ['0.001', 'GBP'], // the dataset's PADS price: refused, not rounded to 0
    ['-0.001', 'GBP'],
    ['1.5', 'JPY'],
    ['-1.01', 'JPY'],
    ['1.2345', 'KWD'],
    ['1.0001', 'KWD'],
  ])('refuses %j %s as too precise', (text, currency) => {
    expect(parseDecimalAmount(text, currency)).toEqual({ ok: false, reason: 'too_precise' });
  });

  it.each(['1,234.50', '1e3', '', '   ', '.5', '1.', 'abc', '--1', '+-1', '1 000', '1.2.3', 'NaN', 'Infinity', '0x10', '¥12', '12元', '１２'])(
    'refuses %j as malformed',
    (text) => {
      expect(parseDecimalAmount(text, 'CNY')).toEqual({ ok: false, reason: 'malformed' });
    },
  );

  it.each([
    ['90071992547409.92', 'CNY'],
    ['-90071992547409.92', 'CNY'],
    ['9007199254740992', 'JPY'],
    ['100000000000000000000', 'CNY'],
    ['9007199254740.992', 'KWD'],
  ])('refuses %j %s as too large', (text, currency) => {
    expect(parseDecimalAmount(text, currency)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('throws for an unknown currency', () => {
    expect(() => parseDecimalAmount('1', 'ABC')).toThrow(RangeError);
  });

  it('agrees with an exact BigInt reading of any digit string', () => {
    const currencies = fc.constantFrom('CNY', 'JPY', 'KWD', 'GBP');
    fc.assert(
      fc.property(
        fc.constantFrom('', '+', '-'),
        fc.stringMatching(/^\d{1,20}$/),
        fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }),
        currencies,
        (sign, whole, fraction, currency) => {
          const text = `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}`;
          const digits = minorUnitDigits(currency);
          const significant = (fraction ?? '').replace(/0+$/, '');
          const result = parseDecimalAmount(text, currency);
          if (significant.length > digits) {
            expect(result).toEqual({ ok: false, reason: 'too_precise' });
            return;
          }
          const magnitude = BigInt(whole) * 10n ** BigInt(digits) + BigInt(significant.padEnd(digits, '0') || '0');
          if (magnitude > BigInt(MAX)) {
            expect(result).toEqual({ ok: false, reason: 'too_large' });
            return;
          }
          const expected = Number(sign === '-' ? -magnitude : magnitude);
          expect(result).toEqual({ ok: true, minor: expected === 0 ? 0 : expected });
        },
      ),
    );
  });
});

describe('formatMinor', () => {
  it.each([
    [1999, 'CNY', '19.99'],
    [5, 'CNY', '0.05'],
    [-5, 'CNY', '-0.05'],
    [0, 'CNY', '0.00'],
    [100, 'GBP', '1.00'],
    [-123456, 'GBP', '-1234.56'],
    [1999, 'JPY', '1999'],
    [0, 'JPY', '0'],
    [-7, 'JPY', '-7'],
    [5, 'KWD', '0.005'],
    [-1234, 'KWD', '-1.234'],
    [1000, 'KWD', '1.000'],
    [MAX, 'CNY', '90071992547409.91'],
    [-MAX, 'JPY', '-9007199254740991'],
  ])('formats %i %s as %j', (minor, currency, text) => {
    expect(formatMinor(minor, currency)).toBe(text);
  });

  it('formats with exactly the currency’s number of decimals and no grouping', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), fc.constantFrom('CNY', 'JPY', 'KWD'), (minor, currency) => {
        const digits = minorUnitDigits(currency);
        const pattern = digits === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${digits}}$`);
        expect(formatMinor(minor, currency)).toMatch(pattern);
      }),
    );
  });
});

describe('formatMinor ∘ parseDecimalAmount', () => {
  it('round-trips every safe integer in CNY, JPY and KWD', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: -MAX, max: MAX })),
        fc.constantFrom('CNY', 'JPY', 'KWD'),
        (minor, currency) => {
          expect(parseDecimalAmount(formatMinor(minor, currency), currency)).toEqual({ ok: true, minor });
        },
      ),
    );
  });
});
