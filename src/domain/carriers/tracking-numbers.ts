/**
 * Carriers Retour knows by name, and the shape of their tracking numbers (issue 17 point 7).
 * A buyer who ships on their own types the carrier and the number; when the carrier is one of
 * these, the number must fit its format, so a typo is caught at the door instead of at the
 * carrier's end. Codes are Kuaidi100 company codes (快递100 `com`) for Chinese carriers and
 * EasyPost carrier names for the others. Bare two- or three-letter abbreviations ("SF", "ZTO")
 * are not recognised on purpose: shops have used them as free text with their own references.
 */
export interface CarrierFormat {
  code: string;
  /** Names a buyer or a seller may type (matched case-insensitively, spaces ignored). */
  names: readonly string[];
  /** The number after normalising (upper case, no spaces or hyphens). */
  pattern: RegExp;
  /** An example that fits, for error messages and docs. */
  example: string;
  /** Where its tracking comes from. */
  network: 'kuaidi100' | 'easypost';
}

export const CARRIER_FORMATS: readonly CarrierFormat[] = [
  { code: 'shunfeng', names: ['顺丰', '顺丰速运', 'SF Express', 'shunfeng'], pattern: /^SF\d{12,13}$/, example: 'SF1234567890123', network: 'kuaidi100' },
  { code: 'zhongtong', names: ['中通', '中通快递', 'ZTO Express', 'zhongtong'], pattern: /^[5-7]\d{11,14}$/, example: '73100000000001', network: 'kuaidi100' },
  { code: 'yuantong', names: ['圆通', '圆通速递', 'YTO Express', 'yuantong'], pattern: /^YT\d{13,15}$/, example: 'YT1234567890123', network: 'kuaidi100' },
  { code: 'shentong', names: ['申通', '申通快递', 'STO Express', 'shentong'], pattern: /^77\d{11,13}$/, example: '7700000000001', network: 'kuaidi100' },
  { code: 'yunda', names: ['韵达', '韵达快递', 'Yunda Express', 'yunda'], pattern: /^(\d{13}|\d{15})$/, example: '4312345678901', network: 'kuaidi100' },
  { code: 'jd', names: ['京东', '京东物流', '京东快递', 'JD Logistics', 'jd'], pattern: /^JD[A-Z0-9]{13,15}$/, example: 'JDVA00000000001', network: 'kuaidi100' },
  { code: 'ems', names: ['EMS', '中国邮政', 'China Post', 'ems'], pattern: /^([A-Z]{2}\d{9}[A-Z]{2}|1\d{12})$/, example: 'EA123456789CN', network: 'kuaidi100' },
  { code: 'jtexpress', names: ['极兔', '极兔速递', 'J&T Express', 'jtexpress'], pattern: /^JT\d{13}$/, example: 'JT1234567890123', network: 'kuaidi100' },
  { code: 'UPS', names: ['UPS'], pattern: /^1Z[0-9A-Z]{16}$/, example: '1Z999AA10123456784', network: 'easypost' },
  { code: 'USPS', names: ['USPS'], pattern: /^((94|93|92|95)\d{20}|[A-Z]{2}\d{9}US)$/, example: '9400100000000000000000', network: 'easypost' },
  { code: 'FedEx', names: ['FedEx'], pattern: /^(\d{12}|\d{15}|\d{20})$/, example: '123456789012', network: 'easypost' },
  { code: 'DHLExpress', names: ['DHL', 'DHL Express'], pattern: /^\d{10}$/, example: '1234567890', network: 'easypost' },
  { code: 'RoyalMail', names: ['Royal Mail'], pattern: /^[A-Z]{2}\d{9}GB$/, example: 'AB123456789GB', network: 'easypost' },
  // EasyPost's test mode answers these numbers with scripted trackers (EZ1000000001 … EZ7000000007).
  { code: 'USPS_TEST', names: ['EasyPost Test'], pattern: /^EZ\d{10}$/, example: 'EZ1000000001', network: 'easypost' },
];

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const byName = new Map(CARRIER_FORMATS.flatMap((f) => [f.code, ...f.names].map((n) => [squash(n), f] as const)));

/** The carrier a typed name or code stands for, or null when Retour does not know it. */
export function recogniseCarrier(name: string): CarrierFormat | null {
  return byName.get(squash(name)) ?? null;
}

/** What a scanner or a keyboard adds around a tracking number: spaces, hyphens, full-width letters, lower case. */
export function normaliseTrackingNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\-_]+/g, '').toUpperCase();
}

export type TrackingCheck =
  | { ok: true; trackingNumber: string; carrier: CarrierFormat | null }
  | { ok: false; code: 'tracking.invalid_number'; carrier: CarrierFormat; example: string };

/**
 * A typed tracking number checked against its carrier's format. Unknown carriers pass with the
 * number as typed (trimmed): Retour cannot know their format. Known ones pass normalised.
 */
export function checkTrackingNumber(carrierName: string, raw: string): TrackingCheck {
  const carrier = recogniseCarrier(carrierName);
  if (!carrier) return { ok: true, trackingNumber: raw.trim(), carrier: null };
  const trackingNumber = normaliseTrackingNumber(raw);
  if (!carrier.pattern.test(trackingNumber)) return { ok: false, code: 'tracking.invalid_number', carrier, example: carrier.example };
  return { ok: true, trackingNumber, carrier };
}
