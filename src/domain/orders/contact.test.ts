import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { normalizeEmail, normalizePhone } from './contact.js';

describe('normalizeEmail', () => {
  it.each([
    ['alice@example.com', 'alice@example.com'],
    ['  Alice@Example.COM ', 'alice@example.com'],
    ['\tBOB@EXAMPLE.CN\n', 'bob@example.cn'],
  ])('%j → %j', (raw, normal) => {
    expect(normalizeEmail(raw)).toBe(normal);
  });

  it.each([[''], ['   '], [null], [undefined]])('%j → null', (raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });

  it('is idempotent and insensitive to case and surrounding blanks', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.stringMatching(/^[ \t]{0,3}$/), fc.stringMatching(/^[ \t]{0,3}$/), (email, pre, post) => {
        const normal = normalizeEmail(email);
        expect(normalizeEmail(`${pre}${email.toUpperCase()}${post}`)).toBe(normal);
        expect(normalizeEmail(normal)).toBe(normal);
      }),
    );
  });
});

describe('normalizePhone', () => {
  it.each([
    ['+86 138-0013-8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['13800138000', '13800138000'],
    ['+86 (138) 0013 8000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
  ])('mainland China mobile %j → %j', (raw, normal) => {
    expect(normalizePhone(raw)).toBe(normal);
  });

  it.each([
    ['+44 20 7946 0000', '442079460000'],
    ['0044 20 7946 0000', '442079460000'],
    ['+44 (0)7700 900123', '4407700900123'],
    ['+1 (415) 555-2671', '14155552671'],
  ])('other countries keep their code: %j → %j', (raw, normal) => {
    expect(normalizePhone(raw)).toBe(normal);
  });

  it.each([[''], [null], [undefined], ['1234'], ['+86'], ['abc'], ['--- ---'], ['00 12 3']])('%j → null', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });

  it('keeps a five-digit service number', () => {
    expect(normalizePhone('95588')).toBe('95588');
  });

  it('any way of writing a mainland mobile gives the bare 11 digits', () => {
    const mobile = fc.stringMatching(/^1[3-9]\d{9}$/);
    fc.assert(
      fc.property(mobile, fc.constantFrom('', '+86', '+86 ', '0086', '0086-', '86', '(+86) '), (m, prefix) => {
        const spaced = `${m.slice(0, 3)} ${m.slice(3, 7)}-${m.slice(7)}`;
        expect(normalizePhone(`${prefix}${m}`)).toBe(m);
        expect(normalizePhone(`${prefix}${spaced}`)).toBe(m);
      }),
    );
  });

  it('punctuation and spacing never change the result', () => {
    const separators = fc.constantFrom(' ', '-', '.', '(', ')', '/', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), separators), { minLength: 1, maxLength: 16 }), (parts) => {
        const digits = parts.map(([d]) => d).join('');
        const written = parts.map(([d, sep]) => `${d}${sep}`).join('');
        expect(normalizePhone(written)).toBe(normalizePhone(digits));
        const normal = normalizePhone(written);
        if (normal !== null) expect(normal).toMatch(/^\d{5,}$/);
      }),
    );
  });
});
