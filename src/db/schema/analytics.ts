import { bigint, boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, shopId } from './columns.js';

/**
 * Analytics (docs/analytics.md). Dashboards read aggregate tables, never raw rows.
 *
 * The rollup cube holds, per shop, time bucket (a day or a month in the shop's time zone),
 * level (0: the whole shop, 1: one variant), channel ('' = all channels) and reason ('' = all
 * reasons), the measures below. Each measure is dated by its own basis: cohort measures by the
 * day the order was placed, event measures by the day the event happened (see MEASURES).
 * Order writes go to `analytics_deltas` in the transaction of the change (insert-only, so busy
 * rows never serialise them); case and refund writes append `analytics_facts`, which the worker
 * and readers fold into deltas; the worker folds deltas into `analytics_rollups`, and readers add
 * the deltas not folded yet. `retour analytics rebuild` recomputes everything.
 */

/** Variant id of shop-level rows (level 0): the cube's "all variants". */
export const ALL_VARIANTS = '00000000-0000-0000-0000-000000000000';

/** The cube's measures (column names), with what each counts and its date basis. */
export const MEASURES = [
  'orders',
  'sold_lines',
  'sold_units',
  'sold_value_minor',
  'returned_units',
  'returned_value_minor',
  'pending_return_units',
  'paid_orders',
  'cases_requested',
  'units_requested',
  'refunds',
  'refunded_units',
  'refunded_minor',
  'shipping_reimbursed_minor',
  'store_credit_bonus_minor',
  'refunded_cases',
  'quality_refunded_cases',
  'refund_seconds',
  'completed_cases',
  'restocking_fees_minor',
  'written_off_units',
  'written_off_value_minor',
  'deadlines_due',
  'deadlines_met',
  'decisions_system',
  'decisions_staff',
  'decisions_platform',
  /** Refunds of cases whose return shipping the insurer paid (运费险, issue 17): the insured share of the cost. */
  'insured_refunds',
  /** Coupons and store credit granted as compensation (issue 19 §1), by the day granted, shop level only: part of the cost of returns. */
  'care_compensation_minor',
] as const;
export type Measure = (typeof MEASURES)[number];

const count = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

function measureColumns() {
  return Object.fromEntries(MEASURES.map((m) => [m, count(m)])) as { [K in Measure]: ReturnType<typeof count> };
}

const cubeKey = () => ({
  shopId: shopId(),
  /** 'day' or 'month' (first day of the month). */
  grain: text('grain').$type<'day' | 'month'>().notNull(),
  /** 0: the whole shop (variant_id = ALL_VARIANTS); 1: one variant. */
  level: smallint('level').notNull(),
  /** '' = all channels. */
  channel: text('channel').notNull(),
  /** '' = all reasons (order-side measures only exist here). */
  reason: text('reason').notNull(),
  variantId: uuid('variant_id').notNull(),
  bucket: date('bucket', { mode: 'string' }).notNull(),
});

export const analyticsRollups = pgTable(
  'analytics_rollups',
  { ...cubeKey(), ...measureColumns() },
  (t) => [
    primaryKey({ columns: [t.shopId, t.grain, t.level, t.channel, t.reason, t.variantId, t.bucket] }),
    index('analytics_rollups_period_idx').on(t.shopId, t.grain, t.level, t.channel, t.reason, t.bucket),
  ],
);

/** Changes not folded into the rollups yet (`seconds` ≥ 0: a time-to-refund row for analytics_refund_times). */
export const analyticsDeltas = pgTable(
  'analytics_deltas',
  {
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    ...cubeKey(),
    seconds: integer('seconds').notNull().default(-1),
    ...measureColumns(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('analytics_deltas_key_idx').on(t.shopId, t.grain, t.level, t.channel, t.reason, t.bucket)],
);

/**
 * What case and refund writes append instead of computing their analytics (docs/analytics.md):
 * one compact row per change, folded into `analytics_deltas` by the worker or by a reader before
 * it reads, with the same family SQL a rebuild runs. Claimed by deleting them in the folding
 * transaction, so each fact is counted once.
 */
export const analyticsFacts = pgTable(
  'analytics_facts',
  {
    shopId: shopId(),
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    kind: text('kind').$type<'case_opened' | 'case_ended' | 'decision' | 'refund_succeeded' | 'compensation_granted'>().notNull(),
    caseId: uuid('case_id').notNull(),
    orderId: uuid('order_id').notNull(),
    /** `decision`: the event that decided. */
    eventId: uuid('event_id'),
    /** `refund_succeeded`: the refund. */
    refundId: uuid('refund_id'),
    /** `compensation_granted`: the compensation. */
    compensationId: uuid('compensation_id'),
    /** `case_ended`: the case ended cancelled (its request stops counting). */
    cancelled: boolean('cancelled').notNull().default(false),
    /** `refund_succeeded`: the case's first successful refund or fast refund (the refunded case counts). */
    firstRefund: boolean('first_refund').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('analytics_facts_order_idx').on(t.shopId, t.orderId)],
);

/** Time from request to first refund: a histogram (lower bound of each bucket, in seconds) in the cube's key. */
export const analyticsRefundTimes = pgTable(
  'analytics_refund_times',
  { ...cubeKey(), seconds: integer('seconds').notNull(), cases: count('cases') },
  (t) => [primaryKey({ columns: [t.shopId, t.grain, t.level, t.channel, t.reason, t.variantId, t.bucket, t.seconds] })],
);

const customerMeasures = () => ({
  orders: count('orders'),
  soldUnits: count('sold_units'),
  soldValueMinor: count('sold_value_minor'),
  returnedUnits: count('returned_units'),
  returnedValueMinor: count('returned_value_minor'),
  casesRequested: count('cases_requested'),
  refundedMinor: count('refunded_minor'),
});

/** Per buyer and month (cohort month for orders and returns, request month for cases, refund month for money). */
export const analyticsCustomerMonths = pgTable(
  'analytics_customer_months',
  { shopId: shopId(), customerId: uuid('customer_id').notNull(), month: date('month', { mode: 'string' }).notNull(), channel: text('channel').notNull(), ...customerMeasures() },
  (t) => [primaryKey({ columns: [t.shopId, t.customerId, t.month, t.channel] }), index('analytics_customer_months_month_idx').on(t.shopId, t.month)],
);

/** Per buyer, all time: the ranking of buyers by returns reads this index. */
export const analyticsCustomerTotals = pgTable(
  'analytics_customer_totals',
  { shopId: shopId(), customerId: uuid('customer_id').notNull(), ...customerMeasures() },
  (t) => [primaryKey({ columns: [t.shopId, t.customerId] }), index('analytics_customer_totals_returned_idx').on(t.shopId, t.returnedUnits.desc())],
);

/** What each order contributes as analytics last counted it (so a later change of the order is counted exactly once). */
export const analyticsOrderState = pgTable(
  'analytics_order_state',
  {
    shopId: shopId(),
    orderId: uuid('order_id').notNull(),
    /** Paid and not cancelled: its lines count as sold. */
    sold: boolean('sold').notNull(),
    /** In the shop's currency: its money counts in value measures. */
    countsValue: boolean('counts_value').notNull(),
    channel: text('channel').notNull(),
    customerId: uuid('customer_id'),
    placedDay: date('placed_day', { mode: 'string' }).notNull(),
    paidDay: date('paid_day', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.orderId] })],
);

/** Per shop: the time zone and currency the rollups were written in, and whether they must be rebuilt. */
export const analyticsShops = pgTable('analytics_shops', {
  shopId: uuid('shop_id').primaryKey(),
  timezone: text('timezone').notNull(),
  currency: text('currency').notNull(),
  needsRebuild: boolean('needs_rebuild').notNull().default(false),
  rebuiltAt: at('rebuilt_at'),
  createdAt: createdAt(),
});

/** Trained return-risk models, one row per version; the newest is used for scoring. */
export const analyticsModels = pgTable(
  'analytics_models',
  {
    shopId: shopId(),
    id: id(),
    kind: text('kind').$type<'return_risk'>().notNull(),
    version: integer('version').notNull(),
    /** Features (name, mean, std, coefficient), intercept, smoothing priors: everything scoring needs. */
    model: jsonb('model').$type<Record<string, unknown>>().notNull(),
    /** Held-out evaluation: AUC, log loss, Brier score, reliability buckets, row counts. */
    metrics: jsonb('metrics').$type<Record<string, unknown>>().notNull(),
    dataFrom: at('data_from'),
    dataTo: at('data_to'),
    splitAt: at('split_at'),
    trainingMs: integer('training_ms').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), uniqueIndex('analytics_models_version_key').on(t.shopId, t.kind, t.version)],
);

/** Each SKU's predicted return rate under a model: the mean predicted probability over its recent order lines. */
export const analyticsSkuPredictions = pgTable(
  'analytics_sku_predictions',
  {
    shopId: shopId(),
    modelId: uuid('model_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    lines: integer('lines').notNull(),
    predictedRate: doublePrecision('predicted_rate').notNull(),
    observedRate: doublePrecision('observed_rate'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.modelId, t.variantId] }),
    index('analytics_sku_predictions_rank_idx').on(t.shopId, t.modelId, t.predictedRate.desc()),
  ],
);

/** Last evaluation of an alerting metric (quality refund rate), so an alert is sent once per escalation. */
export const analyticsAlertState = pgTable(
  'analytics_alert_state',
  {
    shopId: shopId(),
    metric: text('metric').notNull(),
    level: text('level').notNull(),
    rateBp: integer('rate_bp'),
    projectedBp: integer('projected_bp'),
    alertedLevel: text('alerted_level').notNull().default('ok'),
    alertedAt: at('alerted_at'),
    evaluatedAt: at('evaluated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.metric] })],
);
