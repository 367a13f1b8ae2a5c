import { NOTIFICATION_DEFAULTS } from '../../i18n/catalog.js';
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

/** Retour's wording of a step: the starting point of a seller's own. */
export function defaultTemplate(step: NotificationStep, locale: MailLocale, channel: Channel): NotificationTemplate {
  // The words live in the server catalog (src/i18n/catalog.ts), read as written: `{x}` is the seller's variable syntax, not i18next's.
  const text = (field: 'subject' | 'email' | 'sms') => NOTIFICATION_DEFAULTS[`${step}.${field}`]![locale];
  return channel === 'email' ? { subject: text('subject'), body: text('email'), templateCode: null } : { subject: null, body: text('sms'), templateCode: null };
}
