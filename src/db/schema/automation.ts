import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DeadlineKind } from '../../domain/cases/deadline-rules.js';
import type { CaseAction, CaseStatus } from '../../domain/cases/model.js';
import { at, createdAt, id, shopId, updatedAt } from './columns.js';
import { returnCases } from './cases.js';
import { shops } from './shops.js';


/**
 * A clock on a case (docs/architecture.md, Deadlines and events): written when the case enters a state, applied by the worker
 * when it runs out (through the same service a person uses), cancelled when a person acts first.
 */
export const deadlines = pgTable(
  'deadlines',
  {
    shopId: shopId(),
    id: id(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind').$type<DeadlineKind>().notNull(),
    /** The case status the deadline belongs to: moot once the case leaves it. */
    forStatus: text('for_status').$type<CaseStatus>().notNull(),
    /** What happens when it runs out (an action of the state machine, or 'alert'). */
    outcome: text('outcome').$type<CaseAction | 'alert'>().notNull(),
    /** The policy rule behind it, named in the event when it is applied. */
    rule: text('rule').notNull(),
    dueAt: at('due_at').notNull(),
    status: text('status').$type<'pending' | 'applied' | 'cancelled' | 'failed'>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** A worker applying it holds it until then; if that worker dies, another takes it after. */
    leasedUntil: at('leased_until'),
    lastError: text('last_error'),
    appliedAt: at('applied_at'),
    cancelledAt: at('cancelled_at'),
    /** A buyer's deadline: when the buyer was reminded of it (issue 20), so they are reminded once. */
    remindedAt: at('reminded_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('deadlines_due_idx').on(t.dueAt).where(sql`${t.status} = 'pending'`),
    index('deadlines_case_idx').on(t.shopId, t.caseId),
    foreignKey({ columns: [t.shopId, t.caseId], foreignColumns: [returnCases.shopId, returnCases.id] }).onDelete('cascade'),
  ],
);

/**
 * Everything that must leave Retour (webhooks, e-mails), written in the transaction of the
 * change it reports, so a crash can neither lose it nor send it for a change that rolled back.
 */
export const outbox = pgTable(
  'outbox',
  {
    shopId: shopId(),
    id: id(),
    eventType: text('event_type').notNull(),
    caseId: uuid('case_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    dispatchedAt: at('dispatched_at'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('outbox_pending_idx').on(t.createdAt).where(sql`${t.dispatchedAt} is null`)],
);

export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    shopId: shopId().references(() => shops.id),
    id: id(),
    url: text('url').notNull(),
    description: text('description'),
    /** Encrypted with a key derived from SECRET_KEY (AES-256-GCM): a database dump does not leak it. */
    secretEncrypted: text('secret_encrypted').notNull(),
    eventTypes: text('event_types').array().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] })],
);

/** One event for one endpoint. Its id is the `webhook-id` header: the same on every retry and replay. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    shopId: shopId(),
    id: id(),
    endpointId: uuid('endpoint_id').notNull(),
    outboxId: uuid('outbox_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<'pending' | 'delivered' | 'dead'>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at'),
    lastAttemptAt: at('last_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: at('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('webhook_deliveries_outbox_endpoint_key').on(t.shopId, t.outboxId, t.endpointId),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_endpoint_idx').on(t.shopId, t.endpointId, t.createdAt.desc()),
    foreignKey({ columns: [t.shopId, t.endpointId], foreignColumns: [webhookEndpoints.shopId, webhookEndpoints.id] }).onDelete('cascade'),
  ],
);

/** E-mails to buyers: sent through SMTP, or kept here as the dev mailbox when SMTP is not configured. */
export const mailMessages = pgTable(
  'mail_messages',
  {
    shopId: shopId(),
    id: id(),
    outboxId: uuid('outbox_id'),
    caseId: uuid('case_id'),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    transport: text('transport').$type<'smtp' | 'dev'>().notNull(),
    status: text('status').$type<'pending' | 'sent' | 'dead'>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at'),
    lastError: text('last_error'),
    messageId: text('message_id'),
    sentAt: at('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('mail_messages_outbox_template_key').on(t.shopId, t.outboxId, t.template),
    index('mail_messages_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('mail_messages_case_idx').on(t.shopId, t.caseId),
  ],
);
