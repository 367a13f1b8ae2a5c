import { MAIL_TEMPLATES, type MailTemplate } from '../mail/templates.js';

/** The steps a buyer is told of (issue 20 §3, issue 13.5): the same on every channel. */
export const NOTIFICATION_STEPS = MAIL_TEMPLATES;
export type NotificationStep = MailTemplate;

/** Steps that happen more than once on a case: deduplicated per event rather than per case. */
export const REPEATING_STEPS: ReadonlySet<NotificationStep> = new Set(['offer', 'shop_message']);

/** Every step may name these. */
const COMMON = ['shopName', 'customerName', 'rmaNumber', 'orderNumber', 'caseUrl'] as const;

/** What a template of each step may name besides the common ones. */
const BY_STEP: Record<NotificationStep, readonly string[]> = {
  request_received: [],
  approved: ['returnAddress', 'shipBy'],
  ship_reminder: ['returnAddress', 'shipBy'],
  rejected: ['rejectionReason'],
  goods_received: [],
  nothing_received: [],
  refunded: ['refundAmount'],
  offer: ['offerAmount', 'message'],
  shop_message: ['message'],
  exchange_shipped: ['carrier', 'trackingNumber'],
  closed_by_deadline: [],
  compensation_granted: ['compensation'],
};

export const variablesOf = (step: NotificationStep): string[] => [...COMMON, ...BY_STEP[step]];

/** The values one notification fills in, already formatted for the buyer's language. */
export type TemplateValues = Partial<Record<string, string>>;

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** `{name}` replaced by its value; a variable without a value reads as empty. */
export const fillTemplate = (text: string, values: TemplateValues): string => text.replace(PLACEHOLDER, (_m, name: string) => values[name] ?? '');

/** The variables a text names, in the order they first appear (Tencent's parameters are positional). */
export function variablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}
