import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TObject, type TSchema } from 'typebox';
import { StringEnum } from '../../../domain/typebox.js';
import { invalid } from '../../../domain/errors.js';
import { GROUPS } from '../../../services/analytics/filters.js';
import { CHANNELS } from '../../../services/orders/order-input.js';
import { topCustomers, CUSTOMER_SORTS } from '../../../services/analytics/customers.js';
import { returnCost } from '../../../services/analytics/cost.js';
import { listModels, rankSkus, scoreOrder } from '../../../services/analytics/predictions.js';
import { qualityRefundRate } from '../../../services/analytics/quality-rate.js';
import { reasons } from '../../../services/analytics/reasons.js';
import { returnRate, RETURN_RATE_SORTS } from '../../../services/analytics/return-rate.js';
import { timeToRefund } from '../../../services/analytics/time-to-refund.js';
import { closed, DateTime, errorResponses, Explanation, Nullable, Uuid } from '../../schemas/common.js';
import { languageFromHeaders, withCategoryNames } from '../../../i18n/messages.js';
import { shopLanguage } from '../../../services/i18n/language.js';

const Day = (description: string) => Type.String({ format: 'date', description });
const Int = (description?: string) => Type.Integer(description ? { description } : {});
const Rate = (description: string) => Nullable(Type.Number({ description }));
const Text = Explanation;

const FILTERS = {
  from: Type.Optional(Day("First day of the period (shop time zone), default 89 days before `to`")),
  to: Type.Optional(Day("Last day of the period (shop time zone), default today")),
  channel: Type.Optional(StringEnum(CHANNELS, { description: 'Only orders of this channel' })),
  sku: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only this SKU' })),
  productId: Type.Optional(Type.String({ format: 'uuid', description: "Only this product's SKUs" })),
  category: Type.Optional(Type.String({ maxLength: 100, description: "Only this category's SKUs ('' = no category)" })),
  reason: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{1,40}$', description: "Only cases giving this reason code (of the shop's policy)" })),
  groupBy: Type.Optional(StringEnum(GROUPS, { description: 'day | week (ISO, keyed by its Monday) | month | sku | product | category | reason | channel | none' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, description: 'Groups per page for dimension groupings (default 100); time groupings return every bucket' })),
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'nextCursor of the previous page' })),
};
const Query = (extra: Record<string, TSchema> = {}) => Type.Object({ ...FILTERS, ...extra }, { additionalProperties: false });

const Period = Type.Object({ from: Type.String(), to: Type.String(), timezone: Type.String(), granularity: StringEnum(['day', 'month'] as const) }, closed);
const Filters = Type.Object(
  { channel: Nullable(Type.String()), sku: Nullable(Type.String()), productId: Nullable(Uuid), category: Nullable(Type.String()), reason: Nullable(Type.String()) },
  { ...closed, description: 'The filters applied (null: not filtered)' },
);

const Envelope = (metric: string, totals: TObject, group: TSchema, extra: Record<string, TSchema> = {}) =>
  Type.Object(
    {
      metric: Type.Literal(metric),
      definition: Text,
      period: Period,
      filters: Filters,
      groupBy: StringEnum(GROUPS),
      rebuildPending: Type.Boolean({ description: 'The cube awaits a rebuild by the worker: figures may be incomplete' }),
      totals,
      groups: Type.Array(group, { description: 'One per group: `key` (a day, ISO week Monday, month, SKU variant id, product id, category, reason or channel) with labels and the figures' }),
      nextCursor: Nullable(Type.String()),
      ...extra,
    },
    closed,
  );

/** The labels a dimension group carries beside its key (which ones depends on groupBy). */
const groupLabels = {
  variantId: Type.Optional(Uuid),
  sku: Type.Optional(Type.String()),
  title: Type.Optional(Nullable(Type.String())),
  productId: Type.Optional(Nullable(Uuid)),
  category: Type.Optional(Nullable(Type.String())),
  categoryName: Type.Optional(Nullable(Type.String({ description: "The category's name in the reader's language" }))),
  reason: Type.Optional(Type.String()),
  label: Type.Optional(Explanation),
  fault: Type.Optional(StringEnum(['seller', 'buyer', 'carrier'] as const)),
  quality: Type.Optional(Type.Boolean()),
  channel: Type.Optional(Type.String()),
};

const ReturnFigures = Type.Object(
  {
    orders: Int('Orders placed in the period (sold: paid, not cancelled)'),
    soldLines: Int(),
    soldUnits: Int(),
    soldValueMinor: Int(),
    returnedUnits: Int('Units accepted back in completed return cases, from these orders'),
    returnedValueMinor: Int(),
    pendingReturnUnits: Int('Units of these orders in return cases still open'),
    unitRate: Rate('returnedUnits / soldUnits'),
    valueRate: Rate('returnedValueMinor / soldValueMinor'),
  },
  closed,
);
const CostFigures = Type.Object(
  {
    refundedMinor: Int(),
    refunds: Int(),
    refundedUnits: Int(),
    shippingReimbursedMinor: Int(),
    storeCreditBonusMinor: Int(),
    restockingFeesMinor: Int(),
    writtenOffUnits: Int(),
    writtenOffValueMinor: Int(),
    completedCases: Int(),
    insuredRefunds: Int('Refunds of cases whose return shipping the insurer paid (运费险): not in shippingReimbursedMinor'),
    insuredShare: Rate('insuredRefunds / refunds'),
    totalMinor: Int('refunded + shipping reimbursed + bonuses + written off − restocking fees'),
  },
  closed,
);
const TimeFigures = Type.Object(
  {
    refundedCases: Int(),
    completedCases: Int(),
    p50Seconds: Nullable(Type.Number()),
    p90Seconds: Nullable(Type.Number()),
    meanSeconds: Nullable(Type.Number()),
    p50Hours: Nullable(Type.Number()),
    p90Hours: Nullable(Type.Number()),
    meanHours: Nullable(Type.Number()),
    deadlineCompliance: Nullable(Type.Object({ deadlines: Type.Integer(), met: Type.Integer(), rate: Rate('met / deadlines') }, closed)),
    decisions: Type.Object({ automatic: Type.Integer(), manual: Type.Integer(), platform: Type.Integer(), automaticShare: Rate('automatic / all decisions') }, closed),
  },
  closed,
);
const ReasonFigures = Type.Object({ casesRequested: Int(), unitsRequested: Int(), returnedUnits: Int() }, closed);
const QualityFigures = Type.Object({ qualityRefundedCases: Int(), refundedCases: Int(), paidOrders: Int(), rate: Rate('quality / paid'), rateBp: Nullable(Type.Integer()) }, closed);
const Grouped = (figures: TObject, extra: Record<string, TSchema> = {}) => Type.Object({ key: Type.String(), ...groupLabels, ...figures.properties, ...extra }, closed);
const ReasonGroup = Grouped(ReasonFigures, {
  shareOfCases: Type.Optional(Rate('casesRequested / all cases (of the group)')),
  topReasons: Type.Optional(
    Type.Array(
      Type.Object(
        {
          reason: Type.String(),
          label: Type.Optional(Explanation),
          fault: Type.Optional(StringEnum(['seller', 'buyer', 'carrier'] as const)),
          quality: Type.Optional(Type.Boolean()),
          ...ReasonFigures.properties,
          shareOfCases: Rate('casesRequested / the group’s cases'),
        },
        closed,
      ),
      { description: 'groupBy sku, product or category: the group’s top reasons' },
    ),
  ),
});

export const ModelSchema = Type.Object(
  {
    id: Uuid,
    version: Type.Integer(),
    trainedAt: DateTime,
    algorithm: Type.Literal('logistic_regression_l2_newton'),
    label: Type.String(),
    split: Type.Object({ trainFrom: DateTime, splitAt: DateTime, testTo: DateTime }, closed),
    rows: Type.Object({ train: Type.Integer(), test: Type.Integer(), trainPositives: Type.Integer(), testPositives: Type.Integer(), immature: Type.Integer() }, closed),
    auc: Nullable(Type.Number()),
    baselineSkuRateAuc: Nullable(Type.Number()),
    logLoss: Type.Number(),
    brier: Type.Number(),
    calibrationError: Type.Number(),
    calibration: Type.Array(Type.Object({ from: Type.Number(), to: Type.Number(), rows: Type.Integer(), meanPredicted: Type.Number(), observedRate: Type.Number() }, closed)),
    intercept: Type.Number(),
    features: Type.Array(Type.Object({ name: Type.String(), label: Explanation, coefficient: Type.Number(), mean: Type.Number(), std: Type.Number() }, closed)),
  },
  closed,
);

/** GET /analytics/predictions: one order's lines scored, or SKUs ranked. */
export const PredictionsSchema = Type.Union([
  Type.Object(
    {
      metric: Type.Literal('predictions'),
      definition: Text,
      model: Type.Object({ id: Uuid, version: Type.Integer(), trainedAt: DateTime, auc: Nullable(Type.Number()) }, closed),
      orderId: Uuid,
      lines: Type.Array(
        Type.Object(
          {
            lineId: Uuid,
            sku: Type.String(),
            title: Type.String(),
            quantity: Type.Integer(),
            probability: Type.Number(),
            logOdds: Type.Number(),
            topFeatures: Type.Array(Type.Object({ feature: Type.String(), label: Explanation, value: Type.Number(), contribution: Type.Number() }, closed)),
          },
          closed,
        ),
      ),
    },
    closed,
  ),
  Type.Object(
    {
      metric: Type.Literal('predictions'),
      definition: Text,
      model: ModelSchema,
      skus: Type.Array(
        Type.Object(
          {
            variantId: Uuid,
            sku: Type.String(),
            title: Type.String(),
            category: Nullable(Type.String()),
            categoryName: Type.Optional(Nullable(Type.String())),
            lines: Type.Integer(),
            predictedRate: Type.Number(),
            observedRate: Nullable(Type.Number()),
          },
          closed,
        ),
      ),
      nextCursor: Nullable(Type.String()),
    },
    closed,
  ),
]);

const tags = ['analytics'];
const config = { permission: 'analytics:read' } as const;

export const analyticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Category names in the reader's language (Accept-Language, else the shop's): see withCategoryNames.
  app.addHook('preSerialization', async (req, reply, payload) => {
    if (reply.statusCode >= 400 || !req.principal) return payload;
    return withCategoryNames(payload, languageFromHeaders(req.headers) ?? (await shopLanguage(app.ctx, req.principal.shopId)));
  });
  app.get(
    '/analytics/return-rate',
    {
      config,
      schema: {
        tags,
        summary: 'Return rate by units and by value, by order-date cohort',
        description: 'Returned ÷ sold units (and value) of the orders placed in the period; see `definition` in the reply and docs/analytics.md.',
        querystring: Query({
          sort: Type.Optional(StringEnum(RETURN_RATE_SORTS, { description: 'Order of dimension groups (largest first); default returnedUnits' })),
          minSoldUnits: Type.Optional(Type.Integer({ minimum: 0, description: 'Leave out groups that sold fewer units (when ranking by rate)' })),
        }),
        response: { 200: Envelope('return_rate', ReturnFigures, Grouped(ReturnFigures), { currency: Type.String() }), ...errorResponses },
      },
    },
    async (req) => returnRate(app.ctx, req.principal!.shopId, req.query),
  );

  app.get(
    '/analytics/quality-refund-rate',
    {
      config,
      schema: {
        tags,
        summary: 'Quality refund rate (品质退款率) over the policy window, thresholds, 7-day projection',
        description:
          '`series`: the rolling-window rate for every day of the period. `current`: the window ending on `to`. `level`: ok, projected_warn, warn, projected_limit or limit. ' +
          'Groups: per bucket for time groupings, the window ending on `to` for dimensions. The worker alerts (webhook event analytics.quality_refund_rate and an e-mail to the owners) when the level rises.',
        querystring: Query(),
        response: {
          200: Type.Object(
            {
              metric: Type.Literal('quality_refund_rate'),
              definition: Text,
              period: Period,
              filters: Filters,
              groupBy: StringEnum(GROUPS),
              rebuildPending: Type.Boolean({ description: 'The cube awaits a rebuild by the worker: figures may be incomplete' }),
              thresholds: Type.Object({ windowDays: Type.Integer(), warnAtBp: Type.Integer(), limitBp: Type.Integer() }, closed),
              current: Type.Object({ windowFrom: Type.String(), windowTo: Type.String(), qualityRefundedCases: Type.Integer(), paidOrders: Type.Integer(), rate: Rate('quality / paid'), rateBp: Nullable(Type.Integer()) }, closed),
              trend: Type.Object(
                {
                  fittedDays: Type.Integer(),
                  slopeBpPerDay: Nullable(Type.Number()),
                  horizonDays: Type.Integer(),
                  projectedBp: Nullable(Type.Number()),
                  note: Type.Optional(Type.String({ description: 'Why there is no trend' })),
                },
                closed,
              ),
              level: StringEnum(['ok', 'projected_warn', 'warn', 'projected_limit', 'limit'] as const),
              lastAlert: Nullable(Type.Object({ level: Type.String(), at: Nullable(Type.String()), evaluatedAt: Type.String() }, closed)),
              series: Type.Array(Type.Object({ day: Type.String(), qualityRefundedCases: Type.Integer(), paidOrders: Type.Integer(), rate: Rate(''), rateBp: Nullable(Type.Integer()) }, closed)),
              groupsPeriod: Nullable(Type.Object({ from: Type.String(), to: Type.String() }, closed)),
              groups: Type.Array(Grouped(QualityFigures)),
              nextCursor: Nullable(Type.String()),
            },
            closed,
          ),
          ...errorResponses,
        },
      },
    },
    async (req) => qualityRefundRate(app.ctx, req.principal!.shopId, req.query),
  );

  app.get(
    '/analytics/cost',
    {
      config,
      schema: {
        tags,
        summary: 'Cost of returns: refunds, return shipping reimbursed, store-credit bonuses, written-off stock, less restocking fees',
        querystring: Query(),
        response: {
          200: Envelope('cost', CostFigures, Grouped(CostFigures), {
            currency: Type.String(),
            compensationMinor: Int('Coupons and store credit granted as compensation in the period (whole shop: only the period narrows it)'),
            totalWithCompensationMinor: Int('totalMinor + compensationMinor'),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => returnCost(app.ctx, req.principal!.shopId, req.query),
  );

  app.get(
    '/analytics/time-to-refund',
    {
      config,
      schema: {
        tags,
        summary: 'Time from request to refund (p50, p90), deadline compliance, automatic vs manual decisions',
        querystring: Query(),
        response: {
          200: Envelope('time_to_refund', TimeFigures, Grouped(TimeFigures), {
            distribution: Type.Array(Type.Object({ fromSeconds: Type.Number(), cases: Type.Integer() }, closed), { description: 'The histogram the percentiles come from' }),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => timeToRefund(app.ctx, req.principal!.shopId, req.query),
  );

  app.get(
    '/analytics/reasons',
    {
      config,
      schema: {
        tags,
        summary: 'Reasons for returns; the top reasons of each SKU, product or category',
        description: 'groupBy reason (default) lists reasons; groupBy sku, product or category lists the top groups by cases, each with `topReasons`.',
        querystring: Query({ topReasons: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, description: 'Reasons listed per group (default 5)' })) }),
        response: { 200: Envelope('reasons', ReasonFigures, ReasonGroup), ...errorResponses },
      },
    },
    async (req) => reasons(app.ctx, req.principal!.shopId, req.query),
  );

  app.get(
    '/analytics/customers',
    {
      config,
      schema: {
        tags,
        summary: 'Buyers with the most returns, with their return rates',
        description: 'All time without `from`/`to`; otherwise the whole months the period touches. Filter by channel; SKU, category and reason filters are refused (analytics.filter_unsupported).',
        querystring: Query({
          sort: Type.Optional(StringEnum(CUSTOMER_SORTS, { description: 'default returnedUnits' })),
          minSoldUnits: Type.Optional(Type.Integer({ minimum: 0, description: 'Only buyers who bought at least this many units' })),
        }),
        response: {
          200: Type.Object(
            {
              metric: Type.Literal('customers'),
              definition: Text,
              period: Nullable(Type.Object({ fromMonth: Type.String(), toMonth: Type.String(), timezone: Type.String() }, closed)),
              filters: Type.Object({ channel: Nullable(Type.String()) }, closed),
              sort: StringEnum(CUSTOMER_SORTS),
              currency: Type.String(),
              rebuildPending: Type.Boolean(),
              customers: Type.Array(
                Type.Object(
                  {
                    customerId: Uuid,
                    name: Nullable(Type.String()),
                    email: Nullable(Type.String()),
                    externalRef: Nullable(Type.String()),
                    orders: Type.Integer(),
                    soldUnits: Type.Integer(),
                    soldValueMinor: Type.Integer(),
                    returnedUnits: Type.Integer(),
                    returnedValueMinor: Type.Integer(),
                    returnRate: Rate('returnedUnits / soldUnits'),
                    casesRequested: Type.Integer(),
                    refundedMinor: Type.Integer(),
                  },
                  closed,
                ),
              ),
              nextCursor: Nullable(Type.String()),
            },
            closed,
          ),
          ...errorResponses,
        },
      },
    },
    async (req) => topCustomers(app.ctx, req.principal!.shopId, req.query),
  );

  app.get(
    '/analytics/predictions',
    {
      config,
      schema: {
        tags,
        summary: 'Return risk: score an order (or a line) with its top features, or rank SKUs by predicted return rate',
        description:
          'With `orderId` or `lineId`: each line\'s probability of a return and the features that drive it (coefficient × standardised value). ' +
          'Otherwise: SKUs ranked by predicted return rate (filter by sku, productId or category), with the model, its AUC and calibration. 404 analytics.model_not_found before `retour analytics train`.',
        querystring: Type.Object(
          {
            orderId: Type.Optional(Uuid),
            lineId: Type.Optional(Uuid),
            top: Type.Optional(Type.Integer({ minimum: 1, maximum: 30, description: 'Features listed per line (default 5)' })),
            sku: FILTERS.sku,
            productId: FILTERS.productId,
            category: FILTERS.category,
            minLines: Type.Optional(Type.Integer({ minimum: 1, description: 'Only SKUs scored on at least this many recent lines' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
            cursor: FILTERS.cursor,
          },
          { additionalProperties: false },
        ),
        response: { 200: PredictionsSchema, ...errorResponses },
      },
    },
    async (req) => {
      const q = req.query;
      if (q.orderId && q.lineId) throw invalid('analytics.predictions_target', 'Give orderId or lineId, not both');
      if (q.orderId || q.lineId) return scoreOrder(app.ctx, req.principal!.shopId, q.orderId ? { orderId: q.orderId } : { lineId: q.lineId! }, q.top);
      return rankSkus(app.ctx, req.principal!.shopId, q);
    },
  );

  app.get(
    '/analytics/models',
    {
      config,
      schema: {
        tags,
        summary: 'Trained return-risk model versions, newest first, with their held-out AUC, calibration and coefficients',
        response: { 200: Type.Object({ data: Type.Array(ModelSchema) }, closed), ...errorResponses },
      },
    },
    async (req) => ({ data: await listModels(app.ctx, req.principal!.shopId) }),
  );
};
