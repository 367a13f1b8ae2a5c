import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { normalizePhone as phoneDigits } from '../orders/contact.js';

/**
 * One normal form per kind of buyer identifier, so a block- or allowlist entry matches however the
 * buyer (or the storefront) typed it. Pure; each function is idempotent.
 */

export const LIST_KINDS = ['customer', 'email', 'phone', 'address'] as const;
export type ListKind = (typeof LIST_KINDS)[number];
export const LISTS = ['block', 'allow'] as const;
export type ListName = (typeof LISTS)[number];

/** Lower-case, without surrounding blanks; null when nothing is left or it is not an address. */
export function normaliseEmail(raw: string | null | undefined): string | null {
  const e = raw?.normalize('NFKC').trim().toLowerCase();
  return e && /^[^\s@]+@[^\s@]+$/.test(e) ? e : null;
}

/**
 * E.164 (+8613800138000) by libphonenumber-js: a number without a country code is read in
 * `defaultCountry` (mainland China when not told). Full-width digits (１３８…) count as digits.
 * Null when it is not a valid number.
 */
export function normalisePhone(raw: string | null | undefined, defaultCountry = 'CN'): string | null {
  const text = raw?.normalize('NFKC').trim();
  if (!text) return null;
  const cc = /^[A-Z]{2}$/i.test(defaultCountry) ? (defaultCountry.toUpperCase() as CountryCode) : undefined;
  const digits = text.replace(/\D/g, '');
  const candidates = [text, ...(digits.startsWith('00') ? [`+${digits.slice(2)}`] : [])];
  const parsed = candidates.map((c) => parsePhoneNumberFromString(c, cc ? { defaultCountry: cc } : undefined)).find((p) => p?.isValid());
  return parsed ? parsed.number : null;
}

/**
 * The form customers' and orders' phones are stored and compared in (digits; mainland China
 * without +86): what a phone list entry is matched on.
 */
export function phoneMatchKey(e164: string): string | null {
  return phoneDigits(e164);
}

/**
 * An address as one comparable key: Unicode NFKC (full-width letters, digits and blanks become
 * their ASCII forms: "１２号" → "12号"), lower-case, with every blank and punctuation mark removed.
 */
export function normaliseAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const key = raw.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
  return key.length > 0 ? key : null;
}

export interface AddressParts {
  country?: string;
  province?: string;
  city?: string;
  district?: string;
  line1?: string;
  line2?: string;
  postalCode?: string;
}

/** An order's shipping address as one key, largest place first (as a Chinese address is written). */
export function addressKeyOf(a: AddressParts | null | undefined): string | null {
  if (!a) return null;
  return normaliseAddress([a.province, a.city, a.district, a.line1, a.line2, a.postalCode].filter(Boolean).join(' '));
}

/** Shortest address key a list entry may have: "1号" must not match every address with a 1 in it. */
export const MIN_ADDRESS_KEY = 6;

/** A listed address matches an order's address when its key is part of the order's (street without city matches the full address). */
export function addressMatches(listedKey: string, orderKey: string | null): boolean {
  return orderKey !== null && listedKey.length >= MIN_ADDRESS_KEY && orderKey.includes(listedKey);
}

/** The normal form of an entry's value, or null when the value cannot be one of its kind. */
export function normaliseListValue(kind: ListKind, raw: string, defaultCountry = 'CN'): { value: string; matchKey: string } | null {
  switch (kind) {
    case 'customer': {
      const id = raw.trim().toLowerCase();
      return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? { value: id, matchKey: id } : null;
    }
    case 'email': {
      const e = normaliseEmail(raw);
      return e ? { value: e, matchKey: e } : null;
    }
    case 'phone': {
      const p = normalisePhone(raw, defaultCountry);
      const key = p ? phoneMatchKey(p) : null;
      return p && key ? { value: p, matchKey: key } : null;
    }
    case 'address': {
      const a = normaliseAddress(raw);
      return a && a.length >= MIN_ADDRESS_KEY ? { value: raw.normalize('NFKC').replace(/\s+/g, ' ').trim(), matchKey: a } : null;
    }
  }
}
