import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CASE_STATUSES, CASE_TYPES, type CaseAction } from '../../../domain/cases/model.js';
import { CONDITIONS } from '../../../domain/policy/schema.js';
import { StringEnum } from '../../../domain/typebox.js';
import { createReturnGroup, GROUP_ACTION_INPUTS, GROUP_ACTIONS, groupAction, findGroup, returnGroupDetail, ReturnGroupRequestSchema } from '../../../services/cases/return-groups.js';
import { actorOf, assertMayEverTake } from '../../actor.js';
import { DateTime, errorResponses, Nullable, Uuid } from '../../schemas/common.js';

const closed = { additionalProperties: false } as const;

const GroupItemSchema = Type.Object(
  {
    id: Uuid,
    sku: Type.String(),
    title: Type.String(),
    quantity: Type.Integer(),
    reasonCode: Type.String(),
    condition: StringEnum(CONDITIONS),
    receivedQuantity: Nullable(Type.Integer()),
    acceptedQuantity: Nullable(Type.Integer()),
    grade: Nullable(Type.String()),
  },
  closed,
);

/** A return across several orders: its code (on the label, scanned by the warehouse) and one case per order. */
export const ReturnGroupSchema = Type.Object(
  {
    id: Uuid,
    code: Type.String({ description: 'G + the first case’s RMA number: printed on the label, scanned at the warehouse' }),
    customerId: Nullable(Uuid),
    createdAt: DateTime,
    cases: Type.Array(
      Type.Object(
        {
          id: Uuid,
          rmaNumber: Type.String(),
          orderId: Uuid,
          orderNumber: Type.String(),
          type: StringEnum(CASE_TYPES),
          status: StringEnum(CASE_STATUSES),
          currency: Type.String(),
          refundMinor: Type.Integer({ description: 'This case’s refund as last computed (each order’s money is its own)' }),
          items: Type.Array(GroupItemSchema),
        },
        closed,
      ),
    ),
  },
  closed,
);

const RefParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 64, description: 'The group’s id or code' }) }, closed);

export const returnGroupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/return-groups',
    {
      config: { permission: 'cases:create' },
      schema: {
        tags: ['returns'],
        summary: 'One return across several orders: one parcel, one code, one case per order',
        description:
          'All or nothing: every order must be this shop’s, of one buyer, and eligible (422 case.not_eligible, 409 case.quantity_exceeds_returnable, 422 group.several_buyers, 422 group.duplicate_order).',
        body: ReturnGroupRequestSchema,
        response: { 201: ReturnGroupSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const shopId = req.principal!.shopId;
      const { group } = await createReturnGroup(app.ctx, shopId, req.body, actorOf(req));
      return reply.code(201).header('location', `/api/v1/return-groups/${group.code}`).send(await returnGroupDetail(app.ctx.db, shopId, group));
    },
  );

  app.get(
    '/return-groups/:ref',
    {
      config: { permission: 'cases:read' },
      schema: { tags: ['returns'], summary: 'A return group by id or code (the warehouse scans the code): all its cases and items', params: RefParams, response: { 200: ReturnGroupSchema, ...errorResponses } },
    },
    async (req) => {
      const shopId = req.principal!.shopId;
      return returnGroupDetail(app.ctx.db, shopId, await findGroup(app.ctx.db, shopId, req.params.ref));
    },
  );

  for (const action of GROUP_ACTIONS) {
    app.post(
      `/return-groups/:ref/actions/${action}`,
      {
        config: { permission: 'cases:read' },
        schema: {
          tags: ['returns'],
          summary: `Group action: ${action} on every case of the group, in one transaction`,
          description: 'Every case must allow it (409 case.invalid_transition, 403 case.action_forbidden), else nothing changes. inspect takes the items of all cases.',
          params: RefParams,
          body: GROUP_ACTION_INPUTS[action],
          response: { 200: ReturnGroupSchema, ...errorResponses },
        },
        preValidation: async (req) => assertMayEverTake(actorOf(req), action as CaseAction),
      },
      async (req) => groupAction(app.ctx, req.principal!.shopId, req.params.ref, action, actorOf(req), req.body as never),
    );
  }
};
