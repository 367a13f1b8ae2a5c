import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { COMPENSATION_KINDS, TASK_KINDS } from '../../../domain/care/settings.js';
import { ROLES } from '../../../domain/auth/permissions.js';
import { StringEnum } from '../../../domain/typebox.js';
import { careAnalytics } from '../../../services/care/analytics.js';
import { caseCompensations, codesFromCsv, couponPool, customerCompensations, grantCompensation, uploadCoupons, type CompensationView } from '../../../services/care/compensation.js';
import { closeTask, listTasks } from '../../../services/care/tasks.js';
import { invalid } from '../../../domain/errors.js';
import { keyedAs } from '../../idempotent-reply.js';
import { DateTime, errorResponses, IdParams, Nullable, Uuid } from '../../schemas/common.js';

const closed = { additionalProperties: false } as const;
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' });
const MinorAmount = (description: string) => Type.Integer({ minimum: 1, maximum: 1e12, description });

export const CompensationSchema = Type.Object(
  {
    id: Uuid,
    caseId: Uuid,
    customerId: Nullable(Uuid),
    kind: StringEnum(COMPENSATION_KINDS),
    amountMinor: Type.Integer({ description: 'Coupon or store-credit value, minor units; 0 for points' }),
    points: Type.Integer(),
    currency: Type.String(),
    couponCode: Nullable(Type.String()),
    couponSource: Nullable(StringEnum(['pool', 'generated'] as const)),
    expiresAt: Nullable(DateTime),
    note: Nullable(Type.String()),
    rule: Nullable(Type.String({ description: 'The policy rule that granted it; null when a person did' })),
    grantedBy: StringEnum(['staff', 'system', 'platform'] as const),
    createdAt: DateTime,
  },
  closed,
);

const TaskSchema = Type.Object(
  {
    id: Uuid,
    kind: StringEnum(TASK_KINDS),
    caseId: Nullable(Uuid),
    sku: Nullable(Type.String()),
    role: Type.String(),
    status: StringEnum(['open', 'done', 'skipped'] as const),
    bucket: StringEnum(['overdue', 'today', 'upcoming', 'closed'] as const),
    dueAt: DateTime,
    rule: Type.String(),
    note: Nullable(Type.String()),
    closedAt: Nullable(DateTime),
    createdAt: DateTime,
  },
  closed,
);
const TaskCounts = Type.Object(
  { overdue: Type.Integer(), today: Type.Integer(), upcoming: Type.Integer(), done: Type.Integer({ description: 'Done since the start of today' }), skipped: Type.Integer({ description: 'Skipped since the start of today' }) },
  closed,
);

export const careRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/returns/:id/compensations',
    {
      config: { permission: 'cases:read' },
      schema: { tags: ['care'], summary: 'Compensation granted on a case', params: IdParams, response: { 200: Type.Object({ data: Type.Array(CompensationSchema) }, closed), ...errorResponses } },
    },
    async (req) => caseCompensations(app.ctx, req.principal!.shopId, req.params.id),
  );

  app.post(
    '/returns/:id/compensations',
    {
      config: { permission: 'cases:decide' },
      schema: {
        tags: ['care'],
        summary: 'Grant the buyer compensation (coupon, store credit or points) within the policy caps, and mail it to them',
        params: IdParams,
        body: Type.Object(
          {
            kind: StringEnum(COMPENSATION_KINDS),
            amountMinor: Type.Optional(MinorAmount('Coupon or store-credit value in minor units of the case currency')),
            points: Type.Optional(Type.Integer({ minimum: 1, maximum: 1e9 })),
            couponSource: Type.Optional(StringEnum(['pool', 'generated'] as const, { description: 'pool (default): a code the shop uploaded; generated: Retour makes one' })),
            expiresAt: Type.Optional(Type.String({ format: 'date-time', description: 'Generated coupons: when the code stops being valid' })),
            note: Type.Optional(Type.String({ maxLength: 500, description: 'Internal note (not shown to the buyer)' })),
          },
          closed,
        ),
        response: { 201: CompensationSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = req.principal!;
      reply.code(201);
      return grantCompensation(app.ctx, p.shopId, req.params.id, req.body, { kind: 'staff', id: p.id }, keyedAs<CompensationView>(req, 201));
    },
  );

  app.get(
    '/customers/:id/compensations',
    {
      config: { permission: 'customers:read' },
      schema: {
        tags: ['care'],
        summary: 'Compensation a buyer was granted, newest first, with totals per currency',
        params: IdParams,
        response: {
          200: Type.Object(
            { data: Type.Array(CompensationSchema), totals: Type.Array(Type.Object({ currency: Type.String(), amountMinor: Type.Integer(), points: Type.Integer(), grants: Type.Integer() }, closed)) },
            closed,
          ),
          ...errorResponses,
        },
      },
    },
    async (req) => customerCompensations(app.ctx, req.principal!.shopId, req.params.id),
  );

  app.get(
    '/coupon-codes',
    {
      config: { permission: 'policy:read' },
      schema: {
        tags: ['care'],
        summary: 'The coupon pool: free, granted and expired codes per currency and value',
        response: {
          200: Type.Object({ data: Type.Array(Type.Object({ currency: Type.String(), valueMinor: Type.Integer(), free: Type.Integer(), granted: Type.Integer(), expired: Type.Integer() }, closed)) }, closed),
          ...errorResponses,
        },
      },
    },
    async (req) => couponPool(app.ctx, req.principal!.shopId),
  );

  app.post(
    '/coupon-codes',
    {
      config: { permission: 'policy:write' },
      schema: {
        tags: ['care'],
        summary: 'Add coupon codes to the pool: a list, or CSV text (first column, optional `code` header). Each code is handed out once.',
        body: Type.Object(
          {
            codes: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 10_000 })),
            csv: Type.Optional(Type.String({ maxLength: 1_000_000 })),
            valueMinor: MinorAmount('What each code is worth, minor units'),
            currency: Currency,
            expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
          },
          closed,
        ),
        response: { 201: Type.Object({ added: Type.Integer(), duplicates: Type.Array(Type.String()) }, closed), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { codes, csv, ...rest } = req.body;
      if (!codes && csv === undefined) throw invalid('coupon.no_codes', 'Give `codes` or `csv`');
      const all = [...(codes ?? []), ...(csv !== undefined ? codesFromCsv(csv) : [])];
      if (all.length > 10_000) throw invalid('coupon.too_many', 'At most 10,000 codes per upload');
      reply.code(201);
      return uploadCoupons(app.ctx, req.principal!.shopId, { codes: all, ...rest });
    },
  );

  app.get(
    '/care/tasks',
    {
      config: { permission: 'cases:read' },
      schema: {
        tags: ['care'],
        summary: 'Follow-up tasks (回访), soonest due first, with counts for the Today page',
        querystring: Type.Object(
          {
            status: Type.Optional(StringEnum(['open', 'done', 'skipped'] as const)),
            role: Type.Optional(StringEnum(ROLES)),
            kind: Type.Optional(StringEnum(TASK_KINDS)),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          },
          closed,
        ),
        response: { 200: Type.Object({ data: Type.Array(TaskSchema), counts: TaskCounts }, closed), ...errorResponses },
      },
    },
    async (req) => listTasks(app.ctx, req.principal!.shopId, req.query),
  );

  app.patch(
    '/care/tasks/:id',
    {
      config: { permission: 'cases:message' },
      schema: {
        tags: ['care'],
        summary: 'Mark a follow-up task done or skipped, with a note',
        params: IdParams,
        body: Type.Object({ status: StringEnum(['done', 'skipped'] as const), note: Type.Optional(Type.String({ maxLength: 2000 })) }, closed),
        response: { 200: TaskSchema, ...errorResponses },
      },
    },
    async (req) => closeTask(app.ctx, req.principal!.shopId, req.params.id, req.body, req.principal!.kind === 'staff' ? req.principal!.id : null),
  );

  app.get(
    '/analytics/care',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['care'],
        summary: 'Compensation granted and revenue kept by exchange-first offers, per currency, in a period',
        querystring: Type.Object({ from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })) }, closed),
        response: {
          200: Type.Object(
            {
              from: DateTime,
              to: DateTime,
              exchangeFirst: Type.Array(
                Type.Object(
                  { currency: Type.String(), offers: Type.Integer(), exchanges: Type.Integer(), storeCredits: Type.Integer(), refunds: Type.Integer(), keptMinor: Type.Integer({ description: 'Revenue kept: exchanged or store-credited instead of refunded' }), bonusMinor: Type.Integer(), acceptedBp: Type.Integer() },
                  closed,
                ),
              ),
              compensation: Type.Array(Type.Object({ currency: Type.String(), kind: StringEnum(COMPENSATION_KINDS), grants: Type.Integer(), amountMinor: Type.Integer(), points: Type.Integer() }, closed)),
            },
            closed,
          ),
          ...errorResponses,
        },
      },
    },
    async (req) => careAnalytics(app.ctx, req.principal!.shopId, req.query),
  );
};
