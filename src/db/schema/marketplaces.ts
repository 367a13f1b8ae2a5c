import { foreignKey, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CaseStatus } from '../../domain/cases/model.js';
import { at, createdAt, id, shopId, updatedAt } from './columns.js';
import { returnCases } from './cases.js';

/**
 * A marketplace's after-sales record (Taobao refund, PDD after-sales, JD refund application or
 * service order, Douyin after-sale) and the Retour case it became (issue 17). Unique on the
 * platform's id per connection, so pulling the same record again never opens a second case.
 */
export const marketplaceCases = pgTable(
  'marketplace_cases',
  {
    shopId: shopId(),
    id: id(),
    connectionId: uuid('connection_id').notNull(),
    /** `taobao`, `pinduoduo`, `jd`, `douyin`. */
    platform: text('platform').notNull(),
    /** The platform's id of the after-sales record (refund_id, after-sales id, service id). */
    externalId: text('external_id').notNull(),
    orderExternalId: text('order_external_id').notNull(),
    caseId: uuid('case_id').notNull(),
    /** The platform's own status and type codes as last pulled. */
    platformStatus: text('platform_status').notNull(),
    platformType: text('platform_type').notNull(),
    /** The record's modified time as last pulled: an older or equal one changes nothing. */
    platformModifiedAt: at('platform_modified_at').notNull(),
    /** The platform's deadline for the current step (Taobao refund_remind_timeout, Douyin status_deadline). */
    platformDeadlineAt: at('platform_deadline_at'),
    /** The case status the platform and Retour last agreed on: a case that moved away from it has a decision to push. */
    syncedStatus: text('synced_status').$type<CaseStatus>().notNull(),
    /** What the push needs to name the record again (Taobao refund_version, JD service id kind, …). */
    handle: jsonb('handle').$type<Record<string, unknown>>().notNull().default({}),
    /** The last push that failed (kept until one succeeds), for the console. */
    pushError: text('push_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('marketplace_cases_record_key').on(t.shopId, t.connectionId, t.externalId),
    uniqueIndex('marketplace_cases_case_key').on(t.shopId, t.caseId),
    index('marketplace_cases_connection_idx').on(t.shopId, t.connectionId),
    foreignKey({ columns: [t.shopId, t.caseId], foreignColumns: [returnCases.shopId, returnCases.id] }).onDelete('cascade'),
  ],
);
