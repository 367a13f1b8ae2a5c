import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { customerProfile } from '../../../services/customers/customer-profile.js';
import { confirmManualRefund } from '../../../services/cases/refunds/confirm-refund.js';
import { errorResponses, IdParams, Uuid } from '../../schemas/common.js';

export const customerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/customers/:id',
    {
      config: { permission: 'customers:read' },
      schema: {
        tags: ['customers'],
        summary: "A buyer's after-sales history, return rate and risk (with its reasons)",
        params: IdParams,
        response: { 200: Type.Object({ id: Uuid, risk: Type.Object({ score: Type.Integer() }, { additionalProperties: true }) }, { additionalProperties: true }), ...errorResponses },
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
        response: { 200: Type.Object({ id: Uuid, status: Type.String() }, { additionalProperties: true }), ...errorResponses },
      },
    },
    async (req) => {
      const r = await confirmManualRefund(app.ctx, req.principal!.shopId, req.params.id, req.body.reference);
      return { id: r.id, status: r.status, providerRef: r.providerRef, amountMinor: r.amountMinor, settledAt: r.settledAt?.toISOString() ?? null };
    },
  );
};
