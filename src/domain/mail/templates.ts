import { formatMinor } from '../money/currency.js';

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
  returnShippingPayer?: 'buyer' | 'seller';
  returnAddress?: string | null;
  /** The buyer must ship by then (approved return). */
  shipBy?: Date | null;
  rejectionReason?: string | null;
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
  const value = price(c.amountMinor, f.currency, locale);
  const until = c.expiresAt ? day(c.expiresAt, locale, f.timeZone) : null;
  if (locale === 'zh-CN') {
    if (c.kind === 'points') return `${c.points} 积分`;
    if (c.kind === 'store_credit') return `${value} 店铺余额`;
    return `${value} 优惠券（券码 ${c.couponCode ?? ''}${until ? `，有效期至 ${until}` : ''}）`;
  }
  if (c.kind === 'points') return `${c.points} points`;
  if (c.kind === 'store_credit') return `${value} of store credit`;
  return `a ${value} coupon (code ${c.couponCode ?? ''}${until ? `, valid until ${until}` : ''})`;
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

function zh(t: MailTemplate, f: MailFacts): Body {
  const money = f.refundMinor !== undefined ? price(f.refundMinor, f.currency, 'zh-CN') : '';
  const method = f.refundMethod === 'store_credit' ? '店铺余额' : '原支付方式';
  const how = {
    pickup: '快递员将上门取件，请将商品包装好。',
    drop_off: '请凭二维码到附近的快递点寄件。',
    self_ship: '请自行寄回商品，并在售后页面填写快递公司和运单号。',
    none: '无需寄回商品。',
  } as const;
  const body: Record<MailTemplate, () => Pick<Body, 'subject' | 'paragraphs'>> = {
    request_received: () => ({
      subject: `【${f.shopName}】已收到您的售后申请 ${f.rmaNumber}`,
      paragraphs: [`我们已收到您对订单 ${f.orderNumber} 的售后申请（服务单号 ${f.rmaNumber}），会尽快处理。`, { link: f.caseUrl, label: '查看售后进度' }],
    }),
    approved: () => ({
      subject: `【${f.shopName}】售后申请 ${f.rmaNumber} 已同意`,
      paragraphs: [
        `您的售后申请 ${f.rmaNumber} 已同意。`,
        ...(f.returnMethod ? [how[f.returnMethod]] : []),
        ...(f.returnMethod && f.returnMethod !== 'none' && f.returnShippingPayer ? [f.returnShippingPayer === 'seller' ? '退货运费由商家承担。' : '退货运费由您承担（如有运费险将由保险赔付）。'] : []),
        ...(f.returnAddress && f.returnMethod !== 'none' ? [`退货地址：${f.returnAddress}`] : []),
        ...(f.shipBy ? [`请在 ${day(f.shipBy, 'zh-CN', f.timeZone)} 前寄出，逾期申请将自动关闭。`] : []),
        { link: f.caseUrl, label: f.returnMethod === 'none' ? '查看售后进度' : '打印退货单和二维码' },
      ],
    }),
    ship_reminder: () => ({
      subject: `【${f.shopName}】请尽快寄回售后商品（${f.rmaNumber}）`,
      paragraphs: [
        `服务单 ${f.rmaNumber} 的商品尚未寄出。`,
        ...(f.shipBy ? [`请在 ${day(f.shipBy, 'zh-CN', f.timeZone)} 前寄出，逾期申请将自动关闭。`] : []),
        ...(f.returnAddress ? [`退货地址：${f.returnAddress}`] : []),
        { link: f.caseUrl, label: '填写退货物流' },
      ],
    }),
    offer: () => ({
      subject: `【${f.shopName}】商家为服务单 ${f.rmaNumber} 提出了协商方案`,
      paragraphs: [
        `商家提出部分退款 ${f.offerMinor != null ? price(f.offerMinor, f.currency, 'zh-CN') : ''}，商品无需退回。`,
        ...(f.message ? [`商家留言：${f.message}`] : []),
        '请在售后页面选择接受或拒绝。',
        { link: f.caseUrl, label: '查看并回复' },
      ],
    }),
    shop_message: () => ({
      subject: `【${f.shopName}】商家回复了您的售后申请 ${f.rmaNumber}`,
      paragraphs: [f.message ?? '', { link: f.caseUrl, label: '查看并回复' }],
    }),
    rejected: () => ({
      subject: `【${f.shopName}】售后申请 ${f.rmaNumber} 未通过`,
      paragraphs: [`很抱歉，您的售后申请 ${f.rmaNumber} 未通过。`, `原因：${f.rejectionReason ?? '未说明'}`, '您可以修改申请后重新提交，或申请平台介入。', { link: f.caseUrl, label: '查看详情' }],
    }),
    goods_received: () => ({
      subject: `【${f.shopName}】已收到您退回的商品（${f.rmaNumber}）`,
      paragraphs: [`我们已收到服务单 ${f.rmaNumber} 退回的商品，验收后将尽快为您处理。`, { link: f.caseUrl, label: '查看售后进度' }],
    }),
    nothing_received: () => ({
      subject: `【${f.shopName}】服务单 ${f.rmaNumber} 的包裹中没有商品`,
      paragraphs: [`我们收到了服务单 ${f.rmaNumber} 的包裹，但其中没有您申请退回的商品。`, '如果您已寄出商品，请在售后页面留言并提供快递单号或照片，我们会尽快核实。', { link: f.caseUrl, label: '查看售后进度' }],
    }),
    refunded: () => ({
      subject: `【${f.shopName}】退款 ${money} 已退回`,
      paragraphs: [`服务单 ${f.rmaNumber} 的退款 ${money} 已退回到您的${method}。`, '到账时间以支付渠道为准。', { link: f.caseUrl, label: '查看详情' }],
    }),
    exchange_shipped: () => ({
      subject: `【${f.shopName}】换货商品已发出（${f.rmaNumber}）`,
      paragraphs: [
        `服务单 ${f.rmaNumber} 的换货商品已发出。`,
        ...(f.trackingNumber ? [`快递：${f.carrier ?? ''} ${f.trackingNumber}`.trim()] : []),
        { link: f.caseUrl, label: '查看物流' },
      ],
    }),
    compensation_granted: () => ({
      subject: `【${f.shopName}】给您的售后补偿（${f.rmaNumber}）`,
      paragraphs: [`给您带来不便，非常抱歉。我们为服务单 ${f.rmaNumber} 向您发放了 ${describeCompensation(f, 'zh-CN')}。`, { link: f.caseUrl, label: '查看详情' }],
    }),
    closed_by_deadline: () => ({
      subject: `【${f.shopName}】售后申请 ${f.rmaNumber} 已关闭`,
      paragraphs: [`由于未在规定时间内完成下一步，服务单 ${f.rmaNumber} 已自动关闭。`, '如仍需售后，可在有效期内重新申请。', { link: f.caseUrl, label: '查看详情' }],
    }),
  };
  return { ...body[t](), greeting: `${f.customerName ?? '顾客'}，您好：`, signOff: `${f.shopName} 客服` };
}

function en(t: MailTemplate, f: MailFacts): Body {
  const money = f.refundMinor !== undefined ? price(f.refundMinor, f.currency, 'en') : '';
  const method = f.refundMethod === 'store_credit' ? 'store credit' : 'original payment method';
  const how = {
    pickup: 'A courier will collect the parcel from you; please have it packed.',
    drop_off: 'Take the parcel and its QR code to a drop-off point near you.',
    self_ship: 'Send the parcel back yourself and enter the carrier and tracking number on the case page.',
    none: 'You do not need to send anything back.',
  } as const;
  const body: Record<MailTemplate, () => Pick<Body, 'subject' | 'paragraphs'>> = {
    request_received: () => ({
      subject: `${f.shopName}: we received your return request ${f.rmaNumber}`,
      paragraphs: [`We received your request about order ${f.orderNumber} (return ${f.rmaNumber}) and will answer soon.`, { link: f.caseUrl, label: 'Follow your return' }],
    }),
    approved: () => ({
      subject: `${f.shopName}: return ${f.rmaNumber} approved`,
      paragraphs: [
        `Your return ${f.rmaNumber} is approved.`,
        ...(f.returnMethod ? [how[f.returnMethod]] : []),
        ...(f.returnMethod && f.returnMethod !== 'none' && f.returnShippingPayer ? [f.returnShippingPayer === 'seller' ? 'We pay the return shipping.' : 'Return shipping is at your cost.'] : []),
        ...(f.returnAddress && f.returnMethod !== 'none' ? [`Return address: ${f.returnAddress}`] : []),
        ...(f.shipBy ? [`Please send it by ${day(f.shipBy, 'en', f.timeZone)}; after that the return closes by itself.`] : []),
        { link: f.caseUrl, label: f.returnMethod === 'none' ? 'Follow your return' : 'Print your label and QR code' },
      ],
    }),
    ship_reminder: () => ({
      subject: `${f.shopName}: please send return ${f.rmaNumber} back soon`,
      paragraphs: [
        `The items for return ${f.rmaNumber} have not been sent yet.`,
        ...(f.shipBy ? [`Please send them by ${day(f.shipBy, 'en', f.timeZone)}; after that the return closes by itself.`] : []),
        ...(f.returnAddress ? [`Return address: ${f.returnAddress}`] : []),
        { link: f.caseUrl, label: 'Enter the tracking number' },
      ],
    }),
    offer: () => ({
      subject: `${f.shopName}: an offer for return ${f.rmaNumber}`,
      paragraphs: [
        `We offer a partial refund of ${f.offerMinor != null ? price(f.offerMinor, f.currency, 'en') : ''}, and you keep the items.`,
        ...(f.message ? [`Our note: ${f.message}`] : []),
        'Accept or decline it on your return’s page.',
        { link: f.caseUrl, label: 'See and answer' },
      ],
    }),
    shop_message: () => ({
      subject: `${f.shopName}: a new message about return ${f.rmaNumber}`,
      paragraphs: [f.message ?? '', { link: f.caseUrl, label: 'See and answer' }],
    }),
    rejected: () => ({
      subject: `${f.shopName}: return ${f.rmaNumber} not approved`,
      paragraphs: [`We are sorry: your return ${f.rmaNumber} was not approved.`, `Reason: ${f.rejectionReason ?? 'not given'}`, 'You may change your request and send it again, or ask the marketplace to step in.', { link: f.caseUrl, label: 'See the details' }],
    }),
    goods_received: () => ({
      subject: `${f.shopName}: we received your return ${f.rmaNumber}`,
      paragraphs: [`Your parcel for return ${f.rmaNumber} has arrived. We will check it and finish your return shortly.`, { link: f.caseUrl, label: 'Follow your return' }],
    }),
    nothing_received: () => ({
      subject: `${f.shopName}: nothing arrived for return ${f.rmaNumber}`,
      paragraphs: [`A parcel for return ${f.rmaNumber} reached us, but the items you asked to return were not in it.`, 'If you sent them, reply on the case page with the tracking number or photos and we will look into it.', { link: f.caseUrl, label: 'Follow your return' }],
    }),
    refunded: () => ({
      subject: `${f.shopName}: ${money} refunded`,
      paragraphs: [`We refunded ${money} for return ${f.rmaNumber} to your ${method}.`, 'Your bank or payment provider decides when it shows.', { link: f.caseUrl, label: 'See the details' }],
    }),
    exchange_shipped: () => ({
      subject: `${f.shopName}: your exchange is on its way (${f.rmaNumber})`,
      paragraphs: [`The replacement for return ${f.rmaNumber} has shipped.`, ...(f.trackingNumber ? [`Tracking: ${f.carrier ?? ''} ${f.trackingNumber}`.trim()] : []), { link: f.caseUrl, label: 'Track it' }],
    }),
    compensation_granted: () => ({
      subject: `${f.shopName}: something for the trouble (${f.rmaNumber})`,
      paragraphs: [`We are sorry for the trouble with return ${f.rmaNumber}. Please accept ${describeCompensation(f, 'en')}.`, { link: f.caseUrl, label: 'See the details' }],
    }),
    closed_by_deadline: () => ({
      subject: `${f.shopName}: return ${f.rmaNumber} closed`,
      paragraphs: [`Return ${f.rmaNumber} closed by itself because its next step was not taken in time.`, 'You can open a new request while the item is still returnable.', { link: f.caseUrl, label: 'See the details' }],
    }),
  };
  return { ...body[t](), greeting: `Hello ${f.customerName ?? 'there'},`, signOff: `The ${f.shopName} team` };
}

/** A case's facts as a template's variables, formatted for the buyer's language (issue 20 §3). */
export function templateValues(f: MailFacts, locale: MailLocale): Record<string, string> {
  const values: Record<string, string | null | undefined> = {
    shopName: f.shopName,
    customerName: f.customerName ?? (locale === 'zh-CN' ? '顾客' : 'there'),
    rmaNumber: f.rmaNumber,
    orderNumber: f.orderNumber,
    caseUrl: f.caseUrl,
    returnAddress: f.returnAddress,
    shipBy: f.shipBy ? day(f.shipBy, locale, f.timeZone) : null,
    rejectionReason: f.rejectionReason ?? (locale === 'zh-CN' ? '未说明' : 'not given'),
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
  const b = locale === 'zh-CN' ? zh(template, facts) : en(template, facts);
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
