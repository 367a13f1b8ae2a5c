import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CASE_STATUSES } from '../../../domain/cases/model.js';
import { StringEnum } from '../../../domain/typebox.js';
import { todayDashboard } from '../../../services/console/dashboard.js';
import { closed, DateTime, errorResponses, Explanation } from '../../schemas/common.js';

const Count = Type.Integer({ minimum: 0 });

export const DashboardSchema = Type.Object({
  now: DateTime,
  timezone: Type.String(),
  currency: Type.String(),
  dayStart: DateTime,
  open: Type.Object({
    total: Count,
    overdue: Count,
    dueSoon: Count,
    dueSoonHours: Count,
    byStatus: Type.Array(Type.Object({ status: StringEnum(CASE_STATUSES), count: Count, overdue: Count, dueSoon: Count }, closed)),
  }, closed),
  today: Type.Object({
    requests: Count,
    requestsWaiting: Count,
    refunds: Type.Array(Type.Object({ currency: Type.String(), count: Count, amountMinor: Type.Integer() }, closed)),
    refundsPending: Count,
    refundsAwaitingConfirmation: Count,
    refundsFailed: Count,
  }, closed),
  qualityRefundRate: Type.Object({
    method: Type.Literal('rolling_window', { description: "The analytics measure (GET /api/v1/analytics/quality-refund-rate), its window ending today: the same figure on both pages" }),
    definition: Explanation,
    windowDays: Count,
    windowFrom: Type.String({ description: 'First day of the window (YYYY-MM-DD, shop time zone)' }),
    windowTo: Type.String({ description: 'Last day of the window: today in the shop time zone' }),
    qualityCases: Count,
    paidOrders: Count,
    rateBp: Type.Union([Count, Type.Null()], { description: 'null when no order was paid in the window' }),
    warnAtBp: Count,
    limitBp: Count,
    level: StringEnum(['ok', 'projected_warn', 'warn', 'projected_limit', 'limit'] as const),
    rebuildPending: Type.Boolean({ description: 'The analytics figures are being rebuilt: they may lag behind the cases' }),
    qualityReasons: Type.Array(Type.String()),
  }, closed),
}, closed);

/** The console's Today page in one call. */
export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/dashboard',
    {
      config: { permission: 'cases:read' },
      schema: {
        tags: ['returns'],
        summary: "Today: open cases by state, overdue and due within 24 h, the day's requests and refunds, the quality refund rate",
        description:
          "The day is the shop's calendar day. The quality refund rate is the analytics measure (see GET /api/v1/analytics/quality-refund-rate and its `definition`) for the policy's window ending today.",
        response: { 200: DashboardSchema, ...errorResponses },
      },
    },
    async (req) => todayDashboard(app.ctx, req.principal!.shopId),
  );
};
