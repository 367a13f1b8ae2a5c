import { mailText } from '../../i18n/messages.js';
import { REJECTION_REASONS, type RejectionCode } from '../cases/rejection-reasons.js';
import { formatMinor } from '../money/currency.js';
import type { ShippingPayer } from '../refunds/compute.js';

/** The e-mails a buyer gets about their case (issue 4 §5), each in zh-CN and English. */
export const MAIL_TEMPLATES = [
  'request_received',
  'approved',
  'ship_reminder',
  'rejected',
  'goods_received',
  'nothing_received',
  'refunded',
  'offer',
  'shop_message',
  'exchange_shipped',
  'closed_by_deadline',
  'compensation_granted',
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];
export type MailLocale = 'zh-CN' | 'en';

export interface MailFacts {
  shopName: string;
  customerName: string | null;
  rmaNumber: string;
  orderNumber: string;
  /** Where the buyer follows the case (the portal), and prints the label when there is one. */
  caseUrl: string;
  currency: string;
  refundMinor?: number;
  refundMethod?: 'original' | 'store_credit';
  returnMethod?: 'pickup' | 'drop_off' | 'self_ship' | 'none';
  /** Who pays the return label; a shipping insurer (运费险) pays the buyer back, so the buyer's wording says so. */
  returnShippingPayer?: ShippingPayer;
  returnAddress?: string | null;
  /** The buyer must ship by then (approved return). */
  shipBy?: Date | null;
  /** The seller's words when refusing, and the coded reason (read in the buyer's language). */
  rejectionReason?: string | null;
  rejectionCode?: RejectionCode | null;
  /** A partial refund the shop offers (the buyer keeps the goods). */
  offerMinor?: number | null;
  /** What the shop wrote to the buyer (a message, or the note with an offer). */
  message?: string | null;
  carrier?: string | null;
  trackingNumber?: string | null;
  timeZone: string;
  /** Compensation granted for the trouble (issue 19 §1). */
  compensation?: { kind: 'coupon' | 'store_credit' | 'points'; amountMinor: number; points: number; couponCode: string | null; expiresAt: Date | null } | null;
}

/** A compensation in words: "a coupon of ¥20.00 (code RT-…, valid until …)". */
export function describeCompensation(f: MailFacts, locale: MailLocale): string {
  const c = f.compensation;
  if (!c) return '';
  const amount = price(c.amountMinor, f.currency, locale);
  if (c.kind === 'points') return mailText(locale, 'compensation.points', { points: c.points });
  if (c.kind === 'store_credit') return mailText(locale, 'compensation.store_credit', { amount });
  const code = c.couponCode ?? '';
  return c.expiresAt ? mailText(locale, 'compensation.coupon_until', { amount, code, until: day(c.expiresAt, locale, f.timeZone) }) : mailText(locale, 'compensation.coupon', { amount, code });
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The order's language decides; anything Chinese reads zh-CN, everything else English. */
export const mailLocaleOf = (orderLocale: string | null | undefined): MailLocale => (orderLocale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

/** A return address on one line: the buyer's script first, the other form after it when there is one. */
export function formatReturnAddress(
  a: { name: string; phone: string; addressZh: string | null; addressLatin: string | null; postalCode: string | null } | null,
  locale: MailLocale,
): string | null {
  if (!a) return null;
  const forms = locale === 'zh-CN' ? [a.addressZh, a.addressLatin] : [a.addressLatin, a.addressZh];
  const [first, second] = forms.filter((x): x is string => !!x).map((x) => x.replace(/\s*\n\s*/g, ' '));
  return [`${a.name} ${a.phone}`, [first, a.postalCode].filter(Boolean).join(' '), second ? `(${second})` : null].filter(Boolean).join(', ');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

type Paragraph = string | { link: string; label: string };
interface Body {
  subject: string;
  greeting: string;
  paragraphs: Paragraph[];
  signOff: string;
}

/** Formatted from the exact decimal string, never through a float. */
const price = (minor: number, currency: string, locale: MailLocale) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(formatMinor(minor, currency) as unknown as number);

const day = (d: Date, locale: MailLocale, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);

/** The words of each e-mail come from the server catalog (src/i18n/catalog.ts, MAIL_TEXTS); this lays them out. */
function body(t: MailTemplate, f: MailFacts, locale: MailLocale): Body {
  const x = (key: string, values: Record<string, string | number> = {}) => mailText(locale, key, { shop: f.shopName, rma: f.rmaNumber, order: f.orderNumber, ...values });
  const link = (label: string): Paragraph => ({ link: f.caseUrl, label: x(`link.${label}`) });
  const amount = f.refundMinor !== undefined ? price(f.refundMinor, f.currency, locale) : '';
  const shipBy = (key: string) => (f.shipBy ? [x(key, { date: day(f.shipBy, locale, f.timeZone) })] : []);
  const address = f.returnAddress ? [x('returnAddress', { address: f.returnAddress })] : [];
  const parts: Record<MailTemplate, () => Paragraph[]> = {
    request_received: () => [x('request_received.body'), link('follow')],
    approved: () => [
      x('approved.body'),
      ...(f.returnMethod ? [x(`how.${f.returnMethod}`)] : []),
      ...(f.returnMethod && f.returnMethod !== 'none' && f.returnShippingPayer ? [x(f.returnShippingPayer === 'seller' ? 'shipping.seller' : 'shipping.buyer')] : []),
      ...(f.returnMethod !== 'none' ? address : []),
      ...shipBy('approved.ship_by'),
      link(f.returnMethod === 'none' ? 'follow' : 'print'),
    ],
    ship_reminder: () => [x('ship_reminder.body'), ...shipBy('ship_reminder.ship_by'), ...address, link('enter_tracking')],
    offer: () => [
      x('offer.body', { amount: f.offerMinor != null ? price(f.offerMinor, f.currency, locale) : '' }),
      ...(f.message ? [x('offer.note', { message: f.message })] : []),
      x('offer.answer'),
      link('answer'),
    ],
    shop_message: () => [f.message ?? '', link('answer')],
    rejected: () => {
      // The coded reason in the buyer's language; the seller's own words beside it, as written.
      const coded = codedReason(f, locale);
      const note = f.rejectionReason?.trim() || null;
      const reason = coded ?? note ?? x('rejected.no_reason');
      return [x('rejected.body'), x('rejected.reason', { reason }), ...(coded && note && note !== coded ? [x('rejected.note', { note })] : []), x('rejected.next'), link('details')];
    },
    goods_received: () => [x('goods_received.body'), link('follow')],
    nothing_received: () => [x('nothing_received.body'), x('nothing_received.next'), link('follow')],
    refunded: () => [x('refunded.body', { amount, method: x(`refundMethod.${f.refundMethod === 'store_credit' ? 'store_credit' : 'original'}`) }), x('refunded.timing'), link('details')],
    exchange_shipped: () => [
      x('exchange_shipped.body'),
      ...(f.trackingNumber ? [x('exchange_shipped.tracking', { tracking: `${f.carrier ?? ''} ${f.trackingNumber}`.trim() })] : []),
      link('track'),
    ],
    compensation_granted: () => [x('compensation_granted.body', { compensation: describeCompensation(f, locale) }), link('details')],
    closed_by_deadline: () => [x('closed_by_deadline.body'), x('closed_by_deadline.next'), link('details')],
  };
  return {
    subject: x(`${t}.subject`, { amount }),
    paragraphs: parts[t](),
    greeting: x('greeting', { name: f.customerName ?? x('greeting.anonymous') }),
    signOff: x('signOff'),
  };
}

/** The coded rejection reason in the buyer's language (a code this version does not know reads as none). */
const codedReason = (f: MailFacts, locale: MailLocale) => (f.rejectionCode && Object.hasOwn(REJECTION_REASONS, f.rejectionCode) ? REJECTION_REASONS[f.rejectionCode][locale] : null);

/** Why a request was refused, for a seller's template: the coded reason in the buyer's language, then the seller's words. */
function rejectionReasonOf(f: MailFacts, locale: MailLocale): string {
  const coded = codedReason(f, locale);
  const note = f.rejectionReason?.trim() || null;
  if (coded && note && note !== coded) return mailText(locale, 'rejected.coded_with_note', { reason: coded, note });
  return coded ?? note ?? mailText(locale, 'rejected.no_reason');
}

/** A case's facts as a template's variables, formatted for the buyer's language (issue 20 §3). */
export function templateValues(f: MailFacts, locale: MailLocale): Record<string, string> {
  const values: Record<string, string | null | undefined> = {
    shopName: f.shopName,
    customerName: f.customerName ?? mailText(locale, 'greeting.anonymous'),
    rmaNumber: f.rmaNumber,
    orderNumber: f.orderNumber,
    caseUrl: f.caseUrl,
    returnAddress: f.returnAddress,
    shipBy: f.shipBy ? day(f.shipBy, locale, f.timeZone) : null,
    rejectionReason: rejectionReasonOf(f, locale),
    refundAmount: f.refundMinor !== undefined ? price(f.refundMinor, f.currency, locale) : null,
    offerAmount: f.offerMinor != null ? price(f.offerMinor, f.currency, locale) : null,
    message: f.message,
    carrier: f.carrier,
    trackingNumber: f.trackingNumber,
    compensation: f.compensation ? describeCompensation(f, locale) : null,
  };
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * An e-mail from a seller's own template (subject and plain text with variables filled in): the
 * HTML is the text, escaped, a paragraph per blank line, with the case's link made a button.
 */
export function mailFromText(subject: string, text: string, caseUrl: string, locale: MailLocale): RenderedMail {
  const paragraphs = text.split(/\n\s*\n/).map((p) =>
    escapeHtml(p)
      .replace(/\n/g, '<br>')
      .replace(escapeHtml(caseUrl), `<a href="${escapeHtml(caseUrl)}" style="color:#1677ff">${escapeHtml(caseUrl)}</a>`),
  );
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,-apple-system,'PingFang SC','Noto Sans CJK SC',sans-serif;color:#1f2328;line-height:1.6;max-width:560px">
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</body></html>`;
  return { subject: subject.replace(/[\r\n]+/g, ' '), text, html };
}

/** Plain text and HTML of one e-mail. Everything that comes from people is escaped in the HTML. */
export function renderMail(template: MailTemplate, locale: MailLocale, facts: MailFacts): RenderedMail {
  const b = body(template, facts, locale);
  const text = [b.greeting, '', ...b.paragraphs.map((p) => (typeof p === 'string' ? p : `${p.label}: ${p.link}`)), '', b.signOff].join('\n');
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,-apple-system,'PingFang SC','Noto Sans CJK SC',sans-serif;color:#1f2328;line-height:1.6;max-width:560px">
<p>${escapeHtml(b.greeting)}</p>
${b.paragraphs
  .map((p) =>
    typeof p === 'string'
      ? `<p>${escapeHtml(p)}</p>`
      : `<p><a href="${escapeHtml(p.link)}" style="display:inline-block;padding:8px 16px;background:#1677ff;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(p.label)}</a></p>`,
  )
  .join('\n')}
<p style="color:#59636e">${escapeHtml(b.signOff)}</p>
</body></html>`;
  return { subject: b.subject.replace(/[\r\n]+/g, ' '), text, html };
}
