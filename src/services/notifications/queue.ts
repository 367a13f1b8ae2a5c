import { uuidv7 } from 'uuidv7';
import { mailTemplateFor } from '../../domain/mail/triggers.js';
import { mailFromText, mailLocaleOf, renderMail, templateValues, type MailFacts, type MailLocale } from '../../domain/mail/templates.js';
import { channelsFor, type Channel } from '../../domain/notifications/channels.js';
import { toE164 } from '../../domain/notifications/phone.js';
import { notificationSettingsOf } from '../../domain/notifications/settings.js';
import { defaultTemplate, renderTemplate, type NotificationTemplate } from '../../domain/notifications/templates.js';
import { REPEATING_STEPS, variablesIn, type NotificationStep } from '../../domain/notifications/variables.js';
import { normalizeEmail } from '../../domain/orders/contact.js';
import { mailRepo, type CaseMailContext } from '../../db/repos/mail-repo.js';
import { notificationsRepo, type TemplateRow } from '../../db/repos/notifications-repo.js';
import type { OutboxRow } from '../../db/repos/outbox-repo.js';
import type { Tx } from '../../db/client.js';
import type { ServiceContext } from '../context.js';

/**
 * The portal page of one case, with the order number filled in (issue 13.5): the buyer confirms
 * their contact and lands on the case.
 */
export const caseLink = (publicUrl: string, c: { shopSlug: string; caseId: string; orderNumber: string }) =>
  `${publicUrl}/portal/${encodeURIComponent(c.shopSlug)}/returns/${encodeURIComponent(c.caseId)}?order=${encodeURIComponent(c.orderNumber)}`;

type RefundData = { amountMinor: number; compensationMinor: number; bonusMinor: number; method: string };

function compensationOf(data: Record<string, unknown>): MailFacts['compensation'] {
  const c = data.compensation as { kind: 'coupon' | 'store_credit' | 'points'; amountMinor: number; points: number; couponCode: string | null; expiresAt: string | null } | undefined;
  return c ? { kind: c.kind, amountMinor: c.amountMinor, points: c.points, couponCode: c.couponCode, expiresAt: c.expiresAt ? new Date(c.expiresAt) : null } : null;
}

/** What one notification about a case says: the facts every channel's template fills in. */
export function factsOf(publicUrl: string, c: CaseMailContext, data: Record<string, unknown>): MailFacts {
  const refund = data.refund as RefundData | undefined;
  const message = (data.message as { body?: string } | undefined)?.body;
  return {
    shopName: c.shopName,
    customerName: c.customerName,
    rmaNumber: c.rmaNumber,
    orderNumber: c.orderNumber,
    caseUrl: caseLink(publicUrl, c),
    currency: c.currency,
    refundMinor: refund ? refund.amountMinor + refund.compensationMinor + refund.bonusMinor : undefined,
    refundMethod: refund ? (refund.method === 'store_credit' ? 'store_credit' : 'original') : c.refundMethod,
    returnMethod: c.returnMethod,
    returnShippingPayer: c.returnShippingPayer,
    returnAddress: c.returnAddress,
    shipBy: c.shipBy,
    rejectionReason: c.rejectionReason,
    rejectionCode: c.rejectionCode,
    offerMinor: c.offerMinor,
    message: message ?? (data.action === 'offer_partial' ? c.lastShopMessage : null),
    carrier: c.carrier,
    trackingNumber: c.trackingNumber,
    timeZone: c.timezone,
    compensation: compensationOf(data),
  };
}

/** The buyer's contact in the normal forms opt-outs are kept in. */
export function contactOf(c: Pick<CaseMailContext, 'email' | 'phone' | 'country' | 'locale'>) {
  // The address's country when it is a code ("CN"), else the order's language: a Chinese order's number is read in China.
  const country = c.country && /^[A-Z]{2}$/i.test(c.country) ? c.country : mailLocaleOf(c.locale) === 'zh-CN' ? 'CN' : null;
  return { email: normalizeEmail(c.email), phone: toE164(c.phone, country) };
}

const templateKey = (shopId: string, step: string, locale: string, channel: Channel) => `${shopId}|${step}|${locale}|${channel}`;

export const templateOf = (row: TemplateRow | undefined, step: NotificationStep, locale: MailLocale, channel: Channel): { template: NotificationTemplate; own: boolean } =>
  row ? { template: { subject: row.subject, body: row.body, templateCode: row.templateCode }, own: true } : { template: defaultTemplate(step, locale, channel), own: false };

/** An SMS template filled in, and the variables template-based providers get (in order of appearance). */
export function smsOf(template: NotificationTemplate, values: Record<string, string>) {
  const order = variablesIn(template.body);
  return { body: renderTemplate(template, values).body, templateCode: template.templateCode, params: order.map((name) => ({ name, value: values[name] ?? '' })) };
}

/**
 * The buyer's e-mails and text messages for a batch of events, queued in the dispatcher's
 * transaction (so each event notifies once). Per buyer the order's contact, the shop's preference
 * and the buyer's opt-outs pick the channels (domain/notifications/channels.ts); each channel uses
 * the seller's template of the step, or Retour's. Three reads for the whole batch.
 */
export async function queueBuyerNotifications(ctx: ServiceContext, tx: Tx, rows: OutboxRow[], now: Date) {
  await queueNotifications(
    ctx,
    tx,
    rows.flatMap((r) => {
      const data = (r.payload.data ?? {}) as Record<string, unknown>;
      const step = r.caseId ? mailTemplateFor(r.eventType, data) : null;
      return step ? [{ row: { id: r.id, shopId: r.shopId, caseId: r.caseId }, step, data }] : [];
    }),
    now,
  );
}

/** One notification to queue: the step of a case, and what caused it (an outbox event, or a deadline for a reminder: its id dedups the e-mail). */
export interface NotificationCause {
  row: { id: string; shopId: string; caseId: string | null };
  step: NotificationStep;
  data: Record<string, unknown>;
}

export async function queueNotifications(ctx: ServiceContext, tx: Tx, wanted: NotificationCause[], now: Date) {
  if (wanted.length === 0) return;
  const contexts = new Map((await mailRepo.caseContexts(tx, [...new Set(wanted.map((w) => w.row.caseId!))])).map((c) => [c.caseId, c]));
  const shopIds = [...new Set(wanted.map((w) => w.row.shopId))];
  const contacts = new Map([...contexts.values()].map((c) => [c.caseId, contactOf(c)]));
  const addresses = [...contacts.values()].flatMap((c) => [c.email, c.phone]).filter((a): a is string => !!a);
  const [own, optedOut] = await Promise.all([notificationsRepo.templates(tx, shopIds), notificationsRepo.optedOut(tx, shopIds, addresses)]);
  const templates = new Map(own.map((t) => [templateKey(t.shopId, t.step, t.locale, t.channel as Channel), t]));
  const transport = ctx.config.smtpUrl ? ('smtp' as const) : ('dev' as const);
  const mails: Parameters<typeof mailRepo.insert>[1] = [];
  const texts: Parameters<typeof notificationsRepo.insertSms>[1] = [];
  for (const { row, step, data } of wanted) {
    const c = contexts.get(row.caseId!);
    if (!c) continue;
    const contact = contacts.get(c.caseId)!;
    const out = new Set((['email', 'sms'] as const).filter((ch) => optedOut.has(`${row.shopId}|${ch}|${ch === 'email' ? contact.email : contact.phone}`)));
    const channels = channelsFor(contact, notificationSettingsOf(c.notificationSettings).channelPreference, out);
    const locale = mailLocaleOf(c.locale);
    const facts = factsOf(ctx.config.publicUrl, c, data);
    const values = templateValues(facts, locale);
    if (channels.includes('email')) {
      const { template, own: isOwn } = templateOf(templates.get(templateKey(row.shopId, step, locale, 'email')), step, locale, 'email');
      // Retour's own e-mail is richer than its editable text (return method, who pays shipping); a seller's replaces it.
      const mail = isOwn ? mailFromText(renderTemplate(template, values).subject ?? '', renderTemplate(template, values).body, facts.caseUrl, locale) : renderMail(step, locale, facts);
      mails.push({ shopId: row.shopId, id: uuidv7(), outboxId: row.id, caseId: row.caseId, template: step, locale, toAddress: c.email!, ...mail, transport, status: 'pending', nextAttemptAt: now, createdAt: now });
    }
    if (channels.includes('sms')) {
      const { template } = templateOf(templates.get(templateKey(row.shopId, step, locale, 'sms')), step, locale, 'sms');
      const sms = smsOf(template, values);
      texts.push({
        shopId: row.shopId,
        id: uuidv7(),
        outboxId: row.id,
        caseId: row.caseId,
        step,
        dedupKey: REPEATING_STEPS.has(step) ? `${step}:${row.id}` : step,
        locale,
        toPhone: contact.phone!,
        body: sms.body,
        templateCode: sms.templateCode,
        templateParams: sms.params,
        status: 'pending',
        nextAttemptAt: now,
        createdAt: now,
      });
    }
  }
  await mailRepo.insert(tx, mails);
  await notificationsRepo.insertSms(tx, texts);
}
