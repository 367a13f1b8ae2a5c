import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CompensationKind, TaskKind } from '../../domain/care/settings.js';
import { at, createdAt, id, minor, shopId, updatedAt } from './columns.js';
import { returnCases } from './cases.js';
import { customers } from './customers.js';
import { shops } from './shops.js';

/**
 * After-sales care (issue 19 §1–3): compensation granted on cases, the shop's coupon-code pool,
 * follow-up tasks, and the outcomes of exchange-first offers.
 */

/** Coupon codes a shop uploads; each is handed out once (claimed with SKIP LOCKED). */
export const couponCodes = pgTable(
  'coupon_codes',
  {
    shopId: shopId().references(() => shops.id),
    id: id(),
    code: text('code').notNull(),
    valueMinor: minor('value_minor').notNull(),
    currency: text('currency').notNull(),
    expiresAt: at('expires_at'),
    /** The compensation that used it; null while it is free. */
    compensationId: uuid('compensation_id'),
    grantedAt: at('granted_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('coupon_codes_code_key').on(t.shopId, t.code),
    index('coupon_codes_free_idx').on(t.shopId, t.currency, t.valueMinor, t.createdAt).where(sql`${t.compensationId} is null`),
    check('coupon_codes_value_positive', sql`${t.valueMinor} > 0`),
  ],
);

/** Compensation (补偿) granted to a buyer on a case: a coupon, store credit or points. */
export const compensations = pgTable(
  'compensations',
  {
    shopId: shopId(),
    id: id(),
    caseId: uuid('case_id').notNull(),
    customerId: uuid('customer_id'),
    kind: text('kind').$type<CompensationKind>().notNull(),
    /** Coupon or store-credit value, minor units of `currency`; 0 for points. */
    amountMinor: minor('amount_minor').notNull(),
    points: integer('points').notNull().default(0),
    currency: text('currency').notNull(),
    couponCode: text('coupon_code'),
    couponSource: text('coupon_source').$type<'pool' | 'generated'>(),
    expiresAt: at('expires_at'),
    note: text('note'),
    /** The policy rule that granted it by itself; null when a person did. */
    rule: text('rule'),
    grantedByKind: text('granted_by_kind').$type<'staff' | 'system' | 'platform'>().notNull(),
    grantedById: uuid('granted_by_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('compensations_case_idx').on(t.shopId, t.caseId),
    index('compensations_customer_idx').on(t.shopId, t.customerId, t.createdAt),
    index('compensations_created_idx').on(t.shopId, t.createdAt),
    /** A policy rule grants once per case, however often its event is handed over. */
    uniqueIndex('compensations_case_rule_key').on(t.shopId, t.caseId, t.rule),
    foreignKey({ columns: [t.shopId, t.caseId], foreignColumns: [returnCases.shopId, returnCases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.shopId, t.customerId], foreignColumns: [customers.shopId, customers.id] }),
    check('compensations_non_negative', sql`${t.amountMinor} >= 0 and ${t.points} >= 0`),
  ],
);

/** Follow-up tasks (回访): created by rules after an outcome, done or skipped by staff with a note. */
export const careTasks = pgTable(
  'care_tasks',
  {
    shopId: shopId(),
    id: id(),
    kind: text('kind').$type<TaskKind>().notNull(),
    caseId: uuid('case_id'),
    sku: text('sku'),
    role: text('role').notNull(),
    status: text('status').$type<'open' | 'done' | 'skipped'>().notNull(),
    dueAt: at('due_at').notNull(),
    rule: text('rule').notNull(),
    /** What makes creating it twice impossible (e.g. `review_request:<case>`). */
    dedupKey: text('dedup_key').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    note: text('note'),
    closedAt: at('closed_at'),
    closedById: uuid('closed_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('care_tasks_dedup_key').on(t.shopId, t.dedupKey),
    index('care_tasks_open_idx').on(t.shopId, t.dueAt).where(sql`${t.status} = 'open'`),
    foreignKey({ columns: [t.shopId, t.caseId], foreignColumns: [returnCases.shopId, returnCases.id] }).onDelete('cascade'),
  ],
);

/**
 * What a buyer chose when the portal offered an exchange or store credit before a refund
 * (exchange-first, issue 19 §3): `keptMinor` is the money that stayed in the shop.
 */
export const exchangeFirstOutcomes = pgTable(
  'exchange_first_outcomes',
  {
    shopId: shopId(),
    caseId: uuid('case_id').notNull(),
    choice: text('choice').$type<'exchange' | 'store_credit' | 'refund'>().notNull(),
    currency: text('currency').notNull(),
    keptMinor: minor('kept_minor').notNull(),
    bonusMinor: minor('bonus_minor').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.caseId] }),
    index('exchange_first_created_idx').on(t.shopId, t.createdAt),
    foreignKey({ columns: [t.shopId, t.caseId], foreignColumns: [returnCases.shopId, returnCases.id] }).onDelete('cascade'),
  ],
);
