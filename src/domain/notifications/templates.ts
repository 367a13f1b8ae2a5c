import type { MailLocale } from '../mail/templates.js';
import type { Channel } from './channels.js';
import { fillTemplate, variablesIn, variablesOf, type NotificationStep, type TemplateValues } from './variables.js';

/** A seller's (or Retour's default) wording of one step on one channel in one language. */
export interface NotificationTemplate {
  subject: string | null;
  body: string;
  /** SMS on Aliyun or Tencent: the code of the template the provider approved for this step. */
  templateCode: string | null;
}

/**
 * Carriers split a text into 70-character (Chinese) or 160-character segments and charge each;
 * Aliyun and Tencent refuse a message above 500 characters. What a template may be, filled in.
 */
export const SMS_MAX_LENGTH = 500;
/** Providers (and spam filters) allow one link per message. */
export const SMS_MAX_LINKS = 1;
export const SUBJECT_MAX_LENGTH = 200;
export const BODY_MAX_LENGTH = 5_000;

/** How long a variable may read once filled: what length checks assume before a real case fills it. */
const TYPICAL_LENGTH: Record<string, number> = {
  shopName: 12,
  customerName: 8,
  rmaNumber: 16,
  orderNumber: 20,
  caseUrl: 60,
  returnAddress: 60,
  shipBy: 18,
  rejectionReason: 40,
  refundAmount: 10,
  offerAmount: 10,
  message: 120,
  carrier: 8,
  trackingNumber: 16,
};

export interface TemplateIssue {
  field: 'subject' | 'body' | 'templateCode';
  code: 'required' | 'unknown_variable' | 'too_long' | 'too_many_links';
  message: string;
}

const links = (text: string) => (text.match(/\{caseUrl\}/g)?.length ?? 0) + (text.match(/https?:\/\/\S+/gi)?.length ?? 0);

/** What is wrong with a template a seller wrote: unknown variables, length, links; empty when nothing. */
export function validateTemplate(step: NotificationStep, channel: Channel, t: NotificationTemplate): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const allowed = new Set(variablesOf(step));
  const check = (field: 'subject' | 'body', text: string) => {
    for (const v of variablesIn(text)) {
      if (!allowed.has(v)) issues.push({ field, code: 'unknown_variable', message: `{${v}} is not a variable of this step; it may use ${[...allowed].map((a) => `{${a}}`).join(', ')}` });
    }
  };
  if (!t.body.trim()) issues.push({ field: 'body', code: 'required', message: 'The text may not be empty' });
  check('body', t.body);
  if (channel === 'email') {
    if (!t.subject?.trim()) issues.push({ field: 'subject', code: 'required', message: 'An e-mail needs a subject' });
    else {
      check('subject', t.subject);
      if (t.subject.length > SUBJECT_MAX_LENGTH) issues.push({ field: 'subject', code: 'too_long', message: `A subject may have at most ${SUBJECT_MAX_LENGTH} characters` });
    }
    if (t.body.length > BODY_MAX_LENGTH) issues.push({ field: 'body', code: 'too_long', message: `An e-mail may have at most ${BODY_MAX_LENGTH} characters` });
  } else {
    const filled = t.body.replace(/\{([a-zA-Z]+)\}/g, (_m, v: string) => 'x'.repeat(TYPICAL_LENGTH[v] ?? 10));
    if (filled.length > SMS_MAX_LENGTH) {
      issues.push({ field: 'body', code: 'too_long', message: `Filled in, this text would be about ${filled.length} characters; a text message may have at most ${SMS_MAX_LENGTH}` });
    }
    if (links(t.body) > SMS_MAX_LINKS) issues.push({ field: 'body', code: 'too_many_links', message: 'A text message may carry one link only' });
    if (t.templateCode !== null && !/^[A-Za-z0-9_-]{1,64}$/.test(t.templateCode)) {
      issues.push({ field: 'templateCode', code: 'unknown_variable', message: 'A template code is the letters, digits, "_" or "-" the provider gave (SMS_123456789, 1234567)' });
    }
  }
  return issues;
}

/** A template filled in from one case. */
export function renderTemplate(t: NotificationTemplate, values: TemplateValues): { subject: string | null; body: string } {
  return { subject: t.subject === null ? null : fillTemplate(t.subject, values).replace(/[\r\n]+/g, ' '), body: fillTemplate(t.body, values) };
}

type Defaults = Record<NotificationStep, { subject: string; email: string; sms: string }>;

const ZH: Defaults = {
  request_received: {
    subject: '【{shopName}】已收到您的售后申请 {rmaNumber}',
    email: '{customerName}，您好：\n\n我们已收到您对订单 {orderNumber} 的售后申请（服务单号 {rmaNumber}），会尽快处理。\n\n查看售后进度：{caseUrl}',
    sms: '【{shopName}】已收到您订单 {orderNumber} 的售后申请 {rmaNumber}，我们会尽快处理。进度：{caseUrl}',
  },
  approved: {
    subject: '【{shopName}】售后申请 {rmaNumber} 已同意',
    email: '{customerName}，您好：\n\n您的售后申请 {rmaNumber} 已同意。\n退货地址：{returnAddress}\n请在 {shipBy} 前寄出，逾期申请将自动关闭。\n\n打印退货单：{caseUrl}',
    sms: '【{shopName}】售后 {rmaNumber} 已同意，请在 {shipBy} 前寄回：{returnAddress}。详情：{caseUrl}',
  },
  ship_reminder: {
    subject: '【{shopName}】请尽快寄回售后商品（{rmaNumber}）',
    email: '{customerName}，您好：\n\n服务单 {rmaNumber} 的商品尚未寄出，请在 {shipBy} 前寄出。\n退货地址：{returnAddress}\n\n填写退货物流：{caseUrl}',
    sms: '【{shopName}】售后 {rmaNumber} 的商品请在 {shipBy} 前寄出，逾期将自动关闭。填写物流：{caseUrl}',
  },
  rejected: {
    subject: '【{shopName}】售后申请 {rmaNumber} 未通过',
    email: '{customerName}，您好：\n\n很抱歉，您的售后申请 {rmaNumber} 未通过。\n原因：{rejectionReason}\n\n查看详情：{caseUrl}',
    sms: '【{shopName}】售后 {rmaNumber} 未通过，原因：{rejectionReason}。详情：{caseUrl}',
  },
  goods_received: {
    subject: '【{shopName}】已收到您退回的商品（{rmaNumber}）',
    email: '{customerName}，您好：\n\n我们已收到服务单 {rmaNumber} 退回的商品，验收后将尽快为您处理。\n\n查看售后进度：{caseUrl}',
    sms: '【{shopName}】已收到售后 {rmaNumber} 退回的商品，验收后尽快处理。进度：{caseUrl}',
  },
  nothing_received: {
    subject: '【{shopName}】服务单 {rmaNumber} 的包裹中没有商品',
    email: '{customerName}，您好：\n\n我们收到了服务单 {rmaNumber} 的包裹，但其中没有您申请退回的商品。如果您已寄出商品，请在售后页面留言并提供快递单号或照片，我们会尽快核实。\n\n查看售后进度：{caseUrl}',
    sms: '【{shopName}】售后 {rmaNumber} 的包裹中没有退回的商品，如已寄出请在售后页留言：{caseUrl}',
  },
  refunded: {
    subject: '【{shopName}】退款 {refundAmount} 已退回',
    email: '{customerName}，您好：\n\n服务单 {rmaNumber} 的退款 {refundAmount} 已退回，到账时间以支付渠道为准。\n\n查看详情：{caseUrl}',
    sms: '【{shopName}】售后 {rmaNumber} 已退款 {refundAmount}，到账时间以支付渠道为准。详情：{caseUrl}',
  },
  offer: {
    subject: '【{shopName}】商家为服务单 {rmaNumber} 提出了协商方案',
    email: '{customerName}，您好：\n\n商家提出部分退款 {offerAmount}，商品无需退回。\n商家留言：{message}\n\n接受或拒绝：{caseUrl}',
    sms: '【{shopName}】售后 {rmaNumber}：商家提出部分退款 {offerAmount}，商品无需退回。请回复：{caseUrl}',
  },
  shop_message: {
    subject: '【{shopName}】商家回复了您的售后申请 {rmaNumber}',
    email: '{customerName}，您好：\n\n{message}\n\n查看并回复：{caseUrl}',
    sms: '【{shopName}】售后 {rmaNumber} 有新回复：{message} 查看：{caseUrl}',
  },
  exchange_shipped: {
    subject: '【{shopName}】换货商品已发出（{rmaNumber}）',
    email: '{customerName}，您好：\n\n服务单 {rmaNumber} 的换货商品已发出，快递：{carrier} {trackingNumber}\n\n查看物流：{caseUrl}',
    sms: '【{shopName}】售后 {rmaNumber} 的换货已发出，{carrier} {trackingNumber}。详情：{caseUrl}',
  },
  closed_by_deadline: {
    subject: '【{shopName}】售后申请 {rmaNumber} 已关闭',
    email: '{customerName}，您好：\n\n由于未在规定时间内完成下一步，服务单 {rmaNumber} 已自动关闭。\n\n查看详情：{caseUrl}',
    sms: '【{shopName}】售后 {rmaNumber} 因超时已自动关闭。详情：{caseUrl}',
  },
  compensation_granted: {
    subject: '【{shopName}】给您的售后补偿（{rmaNumber}）',
    email: '{customerName}，您好：\n\n给您带来不便，非常抱歉。我们为服务单 {rmaNumber} 向您发放了 {compensation}。\n\n查看详情：{caseUrl}',
    sms: '【{shopName}】售后 {rmaNumber}：给您带来不便非常抱歉，已向您发放 {compensation}。详情：{caseUrl}',
  },
};

const EN: Defaults = {
  request_received: {
    subject: '{shopName}: we received your return request {rmaNumber}',
    email: 'Hello {customerName},\n\nWe received your request about order {orderNumber} (return {rmaNumber}) and will answer soon.\n\nFollow your return: {caseUrl}',
    sms: '{shopName}: we received return request {rmaNumber} for order {orderNumber}. Follow it: {caseUrl}',
  },
  approved: {
    subject: '{shopName}: return {rmaNumber} approved',
    email: 'Hello {customerName},\n\nYour return {rmaNumber} is approved.\nReturn address: {returnAddress}\nPlease send it by {shipBy}.\n\nPrint your label: {caseUrl}',
    sms: '{shopName}: return {rmaNumber} approved. Send it by {shipBy} to {returnAddress}. Details: {caseUrl}',
  },
  ship_reminder: {
    subject: '{shopName}: please send return {rmaNumber} back soon',
    email: 'Hello {customerName},\n\nThe items for return {rmaNumber} have not been sent yet. Please send them by {shipBy} to {returnAddress}.\n\nEnter the tracking number: {caseUrl}',
    sms: '{shopName}: please send return {rmaNumber} by {shipBy}, or it closes. Tracking: {caseUrl}',
  },
  rejected: {
    subject: '{shopName}: return {rmaNumber} not approved',
    email: 'Hello {customerName},\n\nWe are sorry: your return {rmaNumber} was not approved.\nReason: {rejectionReason}\n\nSee the details: {caseUrl}',
    sms: '{shopName}: return {rmaNumber} was not approved. Reason: {rejectionReason}. Details: {caseUrl}',
  },
  goods_received: {
    subject: '{shopName}: we received your return {rmaNumber}',
    email: 'Hello {customerName},\n\nYour parcel for return {rmaNumber} has arrived. We will check it and finish your return shortly.\n\nFollow your return: {caseUrl}',
    sms: '{shopName}: your parcel for return {rmaNumber} arrived. Follow it: {caseUrl}',
  },
  nothing_received: {
    subject: '{shopName}: nothing arrived for return {rmaNumber}',
    email: 'Hello {customerName},\n\nA parcel for return {rmaNumber} reached us, but the items you asked to return were not in it. If you sent them, reply on the case page with the tracking number or photos and we will look into it.\n\nFollow your return: {caseUrl}',
    sms: '{shopName}: the parcel for return {rmaNumber} held none of the items. If you sent them, reply here: {caseUrl}',
  },
  refunded: {
    subject: '{shopName}: {refundAmount} refunded',
    email: 'Hello {customerName},\n\nWe refunded {refundAmount} for return {rmaNumber}.\n\nSee the details: {caseUrl}',
    sms: '{shopName}: {refundAmount} refunded for return {rmaNumber}. Details: {caseUrl}',
  },
  offer: {
    subject: '{shopName}: an offer for return {rmaNumber}',
    email: 'Hello {customerName},\n\nWe offer a partial refund of {offerAmount}, and you keep the items.\nOur note: {message}\n\nAccept or decline: {caseUrl}',
    sms: '{shopName}: for return {rmaNumber} we offer {offerAmount} back, you keep the items. Answer: {caseUrl}',
  },
  shop_message: {
    subject: '{shopName}: a new message about return {rmaNumber}',
    email: 'Hello {customerName},\n\n{message}\n\nSee and answer: {caseUrl}',
    sms: '{shopName} about return {rmaNumber}: {message} Answer: {caseUrl}',
  },
  exchange_shipped: {
    subject: '{shopName}: your exchange is on its way ({rmaNumber})',
    email: 'Hello {customerName},\n\nThe replacement for return {rmaNumber} has shipped: {carrier} {trackingNumber}\n\nTrack it: {caseUrl}',
    sms: '{shopName}: replacement for return {rmaNumber} shipped, {carrier} {trackingNumber}. {caseUrl}',
  },
  closed_by_deadline: {
    subject: '{shopName}: return {rmaNumber} closed',
    email: 'Hello {customerName},\n\nReturn {rmaNumber} closed by itself because its next step was not taken in time.\n\nSee the details: {caseUrl}',
    sms: '{shopName}: return {rmaNumber} closed because its next step was not taken in time. {caseUrl}',
  },
  compensation_granted: {
    subject: '{shopName}: something for the trouble ({rmaNumber})',
    email: 'Hello {customerName},\n\nWe are sorry for the trouble with return {rmaNumber}. Please accept {compensation}.\n\nSee the details: {caseUrl}',
    sms: '{shopName}: sorry for the trouble with return {rmaNumber}. We sent you {compensation}. {caseUrl}',
  },
};

/** Retour's wording of a step: the starting point of a seller's own. */
export function defaultTemplate(step: NotificationStep, locale: MailLocale, channel: Channel): NotificationTemplate {
  const d = (locale === 'zh-CN' ? ZH : EN)[step];
  return channel === 'email' ? { subject: d.subject, body: d.email, templateCode: null } : { subject: null, body: d.sms, templateCode: null };
}
