import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, shopId, updatedAt } from './columns.js';

/**
 * Text messages (短信) to buyers about their case (issue 20). Queued by the outbox dispatcher
 * beside the e-mails, sent by the worker through the shop's SMS connection (or kept for the dev
 * outbox when the shop has none), retried with backoff; a provider's receipt settles them.
 */
export const smsMessages = pgTable(
  'sms_messages',
  {
    shopId: shopId(),
    id: id(),
    outboxId: uuid('outbox_id'),
    caseId: uuid('case_id'),
    step: text('step').notNull(),
    /** One message per case and step; a step that repeats (a shop message, an offer) adds its event id. */
    dedupKey: text('dedup_key').notNull(),
    locale: text('locale').notNull(),
    /** E.164 (+8613800138000). */
    toPhone: text('to_phone').notNull(),
    body: text('body').notNull(),
    /** What template-based providers (Aliyun, Tencent) get: the approved template's code and its variables, in the text's order (Tencent's are positional). */
    templateCode: text('template_code'),
    templateParams: jsonb('template_params').$type<{ name: string; value: string }[]>().notNull().default([]),
    /** `dev` (kept, not sent), or the connection kind that sent it: `aliyun_sms`, `tencent_sms`, `twilio`. */
    transport: text('transport'),
    connectionId: uuid('connection_id'),
    /** `pending` → `sent` → `delivered` | `undelivered`; `dead` when every retry failed. */
    status: text('status').$type<'pending' | 'sent' | 'delivered' | 'undelivered' | 'dead'>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at'),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    sentAt: at('sent_at'),
    deliveredAt: at('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('sms_messages_dedup_key').on(t.shopId, t.caseId, t.dedupKey),
    index('sms_messages_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('sms_messages_case_idx').on(t.shopId, t.caseId),
    index('sms_messages_sent_idx').on(t.shopId, t.sentAt),
    index('sms_messages_provider_idx').on(t.connectionId, t.providerMessageId),
  ],
);

/** A seller's wording of one step, per language and channel; a step without a row uses Retour's default. */
export const notificationTemplates = pgTable(
  'notification_templates',
  {
    shopId: shopId(),
    step: text('step').notNull(),
    locale: text('locale').notNull(),
    channel: text('channel').$type<'email' | 'sms'>().notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    /** Aliyun/Tencent: the pre-approved template (模板 CODE / 模板 ID) this step is sent with. */
    templateCode: text('template_code'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.step, t.locale, t.channel] })],
);

/** A buyer's "no more messages on this channel": one click from the portal, kept per contact. */
export const notificationOptOuts = pgTable(
  'notification_opt_outs',
  {
    shopId: shopId(),
    channel: text('channel').$type<'email' | 'sms'>().notNull(),
    /** The normal form of the contact: a lower-case e-mail or an E.164 phone number. */
    address: text('address').notNull(),
    orderId: uuid('order_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.channel, t.address] })],
);
