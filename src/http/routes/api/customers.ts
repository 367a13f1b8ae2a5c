import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { customerProfile } from '../../../services/customers/customer-profile.js';
import { confirmManualRefund } from '../../../services/cases/refunds/confirm-refund.js';
import { closed, DateTime, errorResponses, Explanation, IdParams, Nullable, Uuid } from '../../schemas/common.js';

const Count = Type.Integer;

/** GET /customers/:id: a buyer's after-sales history, return rate and risk. */
export const CustomerProfileSchema = Type.Object(
  {
    id: Uuid,
    name: Nullable(Type.String()),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    locale: Nullable(Type.String()),
    country: Nullable(Type.String()),
    tier: Nullable(Type.String()),
    createdAt: DateTime,
    history: Type.Object(
      {
        returnRateBp: Type.Integer({ description: 'Units returned ÷ units bought, in basis points' }),
        casesByStatus: Type.Record(Type.String(), Count(), { description: 'Case count per status' }),
        orders: Count(),
        completedOrders: Count(),
        unitsBought: Count(),
        cases: Count(),
        casesLast30Days: Count(),
        unitsReturned: Count(),
        refundedMinor: Type.Integer(),
        inspectionMismatches: Count(),
        disputesLost: Count(),
        keptGoodsClaims: Count(),
        goodsNotReturned: Count(),
        recentRequests: Count(),
        contradictedReasons: Count(),
        wardrobingReturns: Count(),
        sharedContactAccounts: Count(),
      },
      closed,
    ),
    risk: Type.Object(
      { score: Type.Integer(), factors: Type.Array(Type.Object({ code: Type.String(), points: Type.Integer(), ...Explanation.properties }, closed)) },
      closed,
    ),
    storeCreditMinor: Type.Integer(),
  },
  closed,
);

export const ConfirmedRefundSchema = Type.Object(
  { id: Uuid, status: Type.String(), providerRef: Nullable(Type.String()), amountMinor: Type.Integer(), settledAt: Nullable(DateTime) },
  closed,
);

export const customerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/customers/:id',
    {
      config: { permission: 'customers:read' },
      schema: {
        tags: ['customers'],
        summary: "A buyer's after-sales history, return rate and risk (with its reasons)",
        params: IdParams,
        response: { 200: CustomerProfileSchema, ...errorResponses },
      },
    },
    async (req) => customerProfile(app.ctx, req.principal!.shopId, req.params.id),
  );

  app.post(
    '/refunds/:id/confirm',
    {
      config: { permission: 'refunds:issue' },
      schema: {
        tags: ['refunds'],
        summary: 'Confirm a manual refund was paid outside Retour',
        params: IdParams,
        body: Type.Object({ reference: Type.String({ minLength: 1, maxLength: 200, description: 'The payment reference' }) }, { additionalProperties: false }),
        response: { 200: ConfirmedRefundSchema, ...errorResponses },
      },
    },
    async (req) => {
      const r = await confirmManualRefund(app.ctx, req.principal!.shopId, req.params.id, req.body.reference);
      return { id: r.id, status: r.status, providerRef: r.providerRef, amountMinor: r.amountMinor, settledAt: r.settledAt?.toISOString() ?? null };
    },
  );
};
