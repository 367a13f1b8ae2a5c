import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CASE_STATUSES } from '../../../domain/cases/model.js';
import { StringEnum } from '../../../domain/typebox.js';
import { todayDashboard } from '../../../services/console/dashboard.js';
import { DateTime, errorResponses } from '../../schemas/common.js';

const Count = Type.Integer({ minimum: 0 });

const DashboardSchema = Type.Object({
  now: DateTime,
  timezone: Type.String(),
  currency: Type.String(),
  dayStart: DateTime,
  open: Type.Object({
    total: Count,
    overdue: Count,
    dueSoon: Count,
    dueSoonHours: Count,
    byStatus: Type.Array(Type.Object({ status: StringEnum(CASE_STATUSES), count: Count, overdue: Count, dueSoon: Count })),
  }),
  today: Type.Object({
    requests: Count,
    requestsWaiting: Count,
    refunds: Type.Array(Type.Object({ currency: Type.String(), count: Count, amountMinor: Type.Integer() })),
    refundsPending: Count,
    refundsAwaitingConfirmation: Count,
    refundsFailed: Count,
  }),
  qualityRefundRate: Type.Object({
    method: Type.Literal('simple'),
    definition: Type.String(),
    windowDays: Count,
    qualityCases: Count,
    paidOrders: Count,
    rateBp: Count,
    warnAtBp: Count,
    limitBp: Count,
    level: StringEnum(['ok', 'warn', 'limit'] as const),
    qualityReasons: Type.Array(Type.String()),
  }),
});

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
          "The day is the shop's calendar day. The quality refund rate here is a simple one (cases with a quality reason that were refunded ÷ paid orders, over the policy's window); the analytics API has the full measure.",
        response: { 200: DashboardSchema, ...errorResponses },
      },
    },
    async (req) => todayDashboard(app.ctx, req.principal!.shopId),
  );
};
