import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressKeyOf, addressMatches, normaliseAddress, normaliseEmail, normaliseListValue, normalisePhone, phoneMatchKey } from './normalise.js';

const fullWidth = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

describe('normaliseEmail', () => {
  it.each([
    ['  Alice@Example.COM ', 'alice@example.com'],
    ['ＢＯＢ＠ｅｘａｍｐｌｅ．ｃｎ', 'bob@example.cn'],
    ['not an address', null],
    ['', null],
    [null, null],
  ])('%j → %j', (raw, normal) => expect(normaliseEmail(raw)).toBe(normal));

  it('is idempotent and blind to case, surrounding blanks and full width', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.stringMatching(/^[ \t]{0,3}$/), (email, pad) => {
        const normal = normaliseEmail(email);
        expect(normaliseEmail(normal)).toBe(normal);
        expect(normaliseEmail(`${pad}${email.toUpperCase()}${pad}`)).toBe(normal);
        expect(normaliseEmail(fullWidth(email))).toBe(normal);
      }),
    );
  });
});

describe('normalisePhone', () => {
  it.each([
    ['+86 138-0013-8000', '+8613800138000'],
    ['13800138000', '+8613800138000'],
    ['0086 138 0013 8000', '+8613800138000'],
    ['１３８００１３８０００', '+8613800138000'],
    ['+44 20 7946 0958', '+442079460958'],
    ['12', null],
    ['', null],
  ])('%j → %j', (raw, normal) => expect(normalisePhone(raw)).toBe(normal));

  it('reads a number without a country code in the default country', () => {
    expect(normalisePhone('(415) 555-2671', 'US')).toBe('+14155552671');
  });

  it('gives one E.164 form for every way of writing a Chinese mobile, and is idempotent', () => {
    fc.assert(
      fc.property(fc.constantFrom('13', '15', '18', '19'), fc.stringMatching(/^\d{9}$/), fc.constantFrom('', '+86 ', '0086', '86-'), fc.boolean(), (prefix, rest, cc, wide) => {
        const national = `${prefix}${rest}`;
        const expected = normalisePhone(national);
        fc.pre(expected !== null);
        const spaced = `${cc}${national.slice(0, 3)} ${national.slice(3, 7)}-${national.slice(7)}`;
        expect(normalisePhone(wide ? fullWidth(spaced) : spaced)).toBe(expected);
        expect(normalisePhone(expected)).toBe(expected);
        expect(expected).toMatch(/^\+86\d{11}$/);
        expect(phoneMatchKey(expected!)).toBe(national);
      }),
    );
  });
});

describe('normaliseAddress', () => {
  it('folds width, case, blanks and punctuation', () => {
    expect(normaliseAddress('浙江省 杭州市，文一西路９６９号')).toBe('浙江省杭州市文一西路969号');
    expect(normaliseAddress('221B  Baker St., London')).toBe('221bbakerstlondon');
    expect(normaliseAddress('  ,. ')).toBeNull();
  });

  it('is idempotent and blind to extra blanks, punctuation, case and full width', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom(' ', '　', ', ', '-', '\t'), (text, sep) => {
        const normal = normaliseAddress(text);
        if (normal === null) return;
        expect(normaliseAddress(normal)).toBe(normal);
        expect(normaliseAddress(text.split('').join(sep))).toBe(normal);
        expect(normaliseAddress(fullWidth(text.toUpperCase()))).toBe(normaliseAddress(text.toUpperCase()));
      }),
    );
  });

  it('matches a listed street inside an order address, never a too-short key', () => {
    const order = addressKeyOf({ province: '浙江省', city: '杭州市', line1: '文一西路969号', postalCode: '310000' });
    expect(addressMatches(normaliseAddress('文一西路 ９６９号')!, order)).toBe(true);
    expect(addressMatches(normaliseAddress('文二西路969号')!, order)).toBe(false);
    expect(addressMatches('969号', order)).toBe(false);
    expect(normaliseListValue('address', '1号')).toBeNull();
  });
});

describe('normaliseListValue', () => {
  it('gives each kind its normal value and match key', () => {
    expect(normaliseListValue('phone', '+86 138 0013 8000')).toEqual({ value: '+8613800138000', matchKey: '13800138000' });
    expect(normaliseListValue('phone', '+44 20 7946 0958', 'GB')).toEqual({ value: '+442079460958', matchKey: '442079460958' });
    expect(normaliseListValue('email', ' A@B.CN ')).toEqual({ value: 'a@b.cn', matchKey: 'a@b.cn' });
    expect(normaliseListValue('customer', '0190AAAA-0000-7000-8000-000000000001')).toEqual({ value: '0190aaaa-0000-7000-8000-000000000001', matchKey: '0190aaaa-0000-7000-8000-000000000001' });
    expect(normaliseListValue('customer', 'nope')).toBeNull();
  });
});
