import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * A phone number in E.164 (+8613800138000), the form every SMS provider takes, or null when it
 * is not a number a text message can reach. A number without a country code is read in the
 * order's country (mainland China for a Chinese order without one).
 */
export function toE164(raw: string | null | undefined, country: string | null | undefined): string | null {
  if (!raw?.trim()) return null;
  const cc = country && /^[A-Z]{2}$/i.test(country) ? (country.toUpperCase() as CountryCode) : undefined;
  const text = raw.trim();
  const digits = text.replace(/\D/g, '');
  // Contacts are stored in digits only ("14155552671"): read in the country first, else as carrying their country code.
  const candidates = [text, ...(digits.startsWith('00') ? [`+${digits.slice(2)}`] : []), `+${digits}`];
  const parsed = candidates.map((c) => parsePhoneNumberFromString(c, cc ? { defaultCountry: cc } : undefined)).find((p) => p?.isValid());
  if (!parsed) return null;
  const type = parsed.getType();
  // A landline cannot take a text; an unknown type (some countries do not say) is tried.
  if (type === 'FIXED_LINE') return null;
  return parsed.number;
}

/** The country code and national number apart, as Tencent and Aliyun's reports give them. */
export function splitE164(e164: string): { countryCode: string; national: string } | null {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? { countryCode: parsed.countryCallingCode, national: parsed.nationalNumber } : null;
}
