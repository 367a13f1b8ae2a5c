/** Contact details are compared in one normal form, so a buyer typing them differently still matches. */

export function normalizeEmail(email: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
}

/**
 * Digits only, without an international prefix for mainland China: "+86 138-0013-8000",
 * "0086 13800138000" and "13800138000" all become "13800138000". Other numbers keep their
 * country code as digits ("+44 20 7946 0000" → "442079460000").
 */
export function normalizePhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (digits.length === 13 && digits.startsWith('861')) digits = digits.slice(2);
  return digits.length >= 5 ? digits : null;
}
