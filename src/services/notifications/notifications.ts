import { notFound, unprocessable } from '../../domain/errors.js';
import { mailFromText, templateValues, type MailLocale } from '../../domain/mail/templates.js';
import { CHANNELS, type Channel } from '../../domain/notifications/channels.js';
import { notificationSettingsOf, type NotificationSettings } from '../../domain/notifications/settings.js';
import { renderTemplate, validateTemplate, type NotificationTemplate } from '../../domain/notifications/templates.js';
import { NOTIFICATION_STEPS, variablesOf, type NotificationStep } from '../../domain/notifications/variables.js';
import { mailRepo } from '../../db/repos/mail-repo.js';
import { notificationReadsRepo, notificationsRepo, type SmsRow } from '../../db/repos/notifications-repo.js';
import type { ServiceContext } from '../context.js';
import { decodeTimeCursor, timePage } from '../pagination.js';
import type { PortalScope } from '../portal/index.js';
import { forgetCachedShop } from '../shops/index.js';
import { contactOf, factsOf, smsOf, templateOf } from './queue.js';

export const TEMPLATE_LOCALES = ['zh-CN', 'en'] as const satisfies readonly MailLocale[];

const key = (step: string, locale: string, channel: string) => `${step}|${locale}|${channel}`;

/** Every step × language × channel: the seller's template where there is one, Retour's otherwise, and the variables it may use. */
export async function listTemplates(ctx: ServiceContext, shopId: string) {
  const own = new Map((await notificationsRepo.templates(ctx.db, [shopId])).map((t) => [key(t.step, t.locale, t.channel), t]));
  return {
    data: NOTIFICATION_STEPS.flatMap((step) =>
      TEMPLATE_LOCALES.flatMap((locale) =>
        CHANNELS.map((channel) => {
          const row = own.get(key(step, locale, channel));
          const { template } = templateOf(row, step, locale, channel);
          const fallback = templateOf(undefined, step, locale, channel).template;
          return { step, locale, channel, custom: !!row, ...template, defaultSubject: fallback.subject, defaultBody: fallback.body, variables: variablesOf(step), updatedAt: row?.updatedAt.toISOString() ?? null };
        }),
      ),
    ),
  };
}

function checked(step: NotificationStep, channel: Channel, t: NotificationTemplate) {
  const issues = validateTemplate(step, channel, t);
  if (issues.length) throw unprocessable('notification.template_invalid', issues.map((i) => i.message).join('; '), { issues });
}

export async function saveTemplate(ctx: ServiceContext, shopId: string, step: NotificationStep, locale: MailLocale, channel: Channel, input: { subject?: string | null; body: string; templateCode?: string | null }) {
  const t: NotificationTemplate = { subject: channel === 'email' ? (input.subject ?? null) : null, body: input.body, templateCode: channel === 'sms' ? (input.templateCode?.trim() || null) : null };
  checked(step, channel, t);
  const row = await notificationsRepo.saveTemplate(ctx.db, { shopId, step, locale, channel, ...t, updatedAt: ctx.clock.now() });
  return { step, locale, channel, custom: true, subject: row.subject, body: row.body, templateCode: row.templateCode, variables: variablesOf(step), updatedAt: row.updatedAt.toISOString() };
}

/** Back to Retour's wording. */
export async function resetTemplate(ctx: ServiceContext, shopId: string, step: NotificationStep, locale: MailLocale, channel: Channel) {
  await notificationsRepo.removeTemplate(ctx.db, shopId, step, locale, channel);
}

/**
 * A template (saved or being edited) filled from a real case: the shop's latest unless one is
 * named. Problems come back as issues beside the preview, so the editor shows both.
 */
export async function previewTemplate(
  ctx: ServiceContext,
  shopId: string,
  input: { step: NotificationStep; locale: MailLocale; channel: Channel; subject?: string | null; body: string; templateCode?: string | null; caseId?: string },
) {
  const caseId = input.caseId ?? (await notificationReadsRepo.latestCaseId(ctx.db, shopId));
  if (!caseId) throw unprocessable('notification.no_case', 'The shop has no case yet to fill a preview from');
  // A case of another shop is as unknown as one that does not exist.
  const [c] = (await notificationReadsRepo.caseShop(ctx.db, caseId)) === shopId ? await mailRepo.caseContexts(ctx.db, [caseId]) : [];
  if (!c) throw notFound('case.not_found', 'No such case');
  const template: NotificationTemplate = { subject: input.channel === 'email' ? (input.subject ?? '') : null, body: input.body, templateCode: input.templateCode ?? null };
  const facts = factsOf(ctx.config.publicUrl, c, sampleData(input.step, c.lastShopMessage));
  const values = templateValues(facts, input.locale);
  const issues = validateTemplate(input.step, input.channel, template);
  if (input.channel === 'email') {
    const filled = renderTemplate(template, values);
    const mail = mailFromText(filled.subject ?? '', filled.body, facts.caseUrl, input.locale);
    return { caseId, rmaNumber: c.rmaNumber, subject: mail.subject, text: mail.text, html: mail.html, length: mail.text.length, segments: null, params: null, issues };
  }
  const sms = smsOf(template, values);
  return { caseId, rmaNumber: c.rmaNumber, subject: null, text: sms.body, html: null, length: sms.body.length, segments: smsSegments(sms.body), params: Object.fromEntries(sms.params.map((p) => [p.name, p.value])), issues };
}

/** Data a step's event would carry, for a preview: a sample refund or message where the case has none. */
function sampleData(step: NotificationStep, lastMessage: string | null): Record<string, unknown> {
  if (step === 'refunded') return { refund: { amountMinor: 9_900, compensationMinor: 0, bonusMinor: 0, method: 'original' } };
  if (step === 'shop_message') return { message: { body: lastMessage ?? '…' } };
  if (step === 'offer') return { action: 'offer_partial' };
  return {};
}

/** Segments a carrier bills: 70 characters each for text outside GSM-7 (Chinese), 160 otherwise; longer texts 67/153 per part. */
export function smsSegments(text: string): number {
  const unicode = /[^\x20-\x7e\n\r]/.test(text);
  const [single, part] = unicode ? [70, 67] : [160, 153];
  return text.length <= single ? 1 : Math.ceil(text.length / part);
}

export async function getNotificationSettings(ctx: ServiceContext, shopId: string): Promise<NotificationSettings> {
  return notificationSettingsOf(await notificationsRepo.settings(ctx.db, shopId));
}

export async function updateNotificationSettings(ctx: ServiceContext, shopId: string, patch: Partial<NotificationSettings>): Promise<NotificationSettings> {
  const next = { ...(await getNotificationSettings(ctx, shopId)), ...patch };
  await notificationsRepo.saveSettings(ctx.db, shopId, next);
  forgetCachedShop(shopId);
  return next;
}

export const smsView = (m: SmsRow) => ({
  id: m.id,
  caseId: m.caseId,
  step: m.step,
  locale: m.locale,
  toPhone: m.toPhone,
  body: m.body,
  templateCode: m.templateCode,
  templateParams: Object.fromEntries(m.templateParams.map((p) => [p.name, p.value])),
  transport: m.transport,
  status: m.status,
  attempts: m.attempts,
  lastError: m.lastError,
  providerMessageId: m.providerMessageId,
  sentAt: m.sentAt?.toISOString() ?? null,
  deliveredAt: m.deliveredAt?.toISOString() ?? null,
  createdAt: m.createdAt.toISOString(),
});

/** Text messages to buyers, newest first: the dev outbox without an SMS connection, the send log with one. */
export async function listSms(ctx: ServiceContext, shopId: string, query: { caseId?: string; cursor?: string; limit?: number }) {
  const limit = query.limit ?? 50;
  const page = timePage(await notificationsRepo.listSms(ctx.db, shopId, query, decodeTimeCursor(query.cursor), limit + 1), limit);
  return { data: page.data.map(smsView), nextCursor: page.nextCursor };
}

/** A contact as the portal shows it back: enough to recognise. */
const masked = (channel: Channel, address: string) => (channel === 'email' ? address.replace(/^(.).*(@.*)$/, '$1***$2') : `${address.slice(0, address.length - 8)}****${address.slice(-4)}`);

/** The buyer's channels for this order, and whether they opted out of each (issue 20 §2). */
export async function portalPreferences(ctx: ServiceContext, scope: PortalScope) {
  const contact = await notificationReadsRepo.orderContact(ctx.db, scope.shopId, scope.orderId);
  if (!contact) throw notFound('order.not_found', 'No such order');
  const normal = contactOf(contact);
  const addresses = CHANNELS.map((ch) => (ch === 'email' ? normal.email : normal.phone)).filter((a): a is string => !!a);
  const out = await notificationsRepo.optedOut(ctx.db, [scope.shopId], addresses);
  return {
    data: CHANNELS.flatMap((channel) => {
      const address = channel === 'email' ? normal.email : normal.phone;
      return address ? [{ channel, address: masked(channel, address), optedOut: out.has(`${scope.shopId}|${channel}|${address}`) }] : [];
    }),
  };
}

/** One click from the portal: no more (or again) messages on this channel to this contact; recorded with the order it came from. */
export async function setPortalOptOut(ctx: ServiceContext, scope: PortalScope, channel: Channel, optedOut: boolean) {
  const contact = await notificationReadsRepo.orderContact(ctx.db, scope.shopId, scope.orderId);
  const normal = contact ? contactOf(contact) : null;
  const address = normal ? (channel === 'email' ? normal.email : normal.phone) : null;
  if (!address) throw unprocessable('notification.no_contact', `This order has no ${channel === 'email' ? 'e-mail address' : 'mobile number'} to stop`);
  if (optedOut) await notificationsRepo.optOut(ctx.db, { shopId: scope.shopId, channel, address, orderId: scope.orderId, createdAt: ctx.clock.now() });
  else await notificationsRepo.optIn(ctx.db, scope.shopId, channel, address);
  return portalPreferences(ctx, scope);
}
