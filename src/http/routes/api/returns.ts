import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CASE_ACTIONS, CASE_STATUSES, CASE_TYPES, type CaseAction } from '../../../domain/cases/model.js';
import { StringEnum } from '../../../domain/typebox.js';
import { CHANNELS } from '../../../services/orders/order-input.js';
import { ACTION_INPUTS, INTERNAL_ACTIONS } from '../../../services/cases/action-inputs.js';
import { CaseRequestSchema, CreateCaseSchema } from '../../../services/cases/case-input.js';
import { createCase } from '../../../services/cases/create-case.js';
import { performAction } from '../../../services/cases/perform-action.js';
import { previewReturn } from '../../../services/cases/preview.js';
import { caseDetail, getCase, listCases } from '../../../services/cases/read-cases.js';
import { languageFromHeaders } from '../../../i18n/messages.js';
import { readEvidence, uploadEvidence } from '../../../services/cases/evidence/evidence.js';
import { actorOf, assertMayEverTake, assertPlatformMayPay } from '../../actor.js';
import { replyRecorder } from '../../idempotent-reply.js';
import { readEvidenceUpload } from '../../evidence-upload.js';
import { BinaryReply, closed, DateTime, errorResponses, IdParams, Nullable, Page, PageQuery, Uuid } from '../../schemas/common.js';
import { CaseDetailSchema, CasePreviewSchema, CaseSummarySchema, EvidenceSchema } from '../../schemas/cases.js';

/** A case in the list: its summary, the order's number and channel, the buyer's name, what comes back. */
export const CaseListItemSchema = Type.Object(
  {
    ...CaseSummarySchema.properties,
    orderNumber: Type.String(),
    channel: Type.String(),
    customerName: Nullable(Type.String()),
    items: Type.Array(Type.Object({ sku: Type.String(), title: Type.String(), quantity: Type.Integer(), reasonCode: Type.String() }, closed)),
  },
  closed,
);

export const returnRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/returns/preview',
    {
      config: { permission: 'cases:read' },
      schema: {
        tags: ['returns'],
        summary: 'The full financial outcome of a would-be case, creating nothing',
        body: CaseRequestSchema,
        response: { 200: CasePreviewSchema, ...errorResponses },
      },
    },
    async (req) => previewReturn(app.ctx, req.principal!.shopId, req.body),
  );

  app.post(
    '/returns',
    {
      config: { permission: 'cases:create' },
      schema: {
        tags: ['returns'],
        summary: 'Open an after-sales case (on behalf of a buyer)',
        description: 'Judged by the policy the order falls under. 422 case.not_eligible explains a refusal per item; 409 case.quantity_exceeds_returnable when other cases hold the units.',
        body: CreateCaseSchema,
        response: { 201: CaseDetailSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const recorder = replyRecorder(req, 201, actor);
      const created = await createCase(app.ctx, req.principal!.shopId, req.body, actor, { reply: recorder, detailFor: actor });
      return reply
        .code(201)
        .header('location', `/api/v1/returns/${created.id}`)
        .send(recorder?.body ?? (await caseDetail(app.ctx.db, req.principal!.shopId, created, actor)));
    },
  );

  app.get(
    '/returns',
    {
      config: { permission: 'cases:read' },
      schema: {
        tags: ['returns'],
        summary: 'List cases, newest first',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Array(StringEnum(CASE_STATUSES), { description: 'One or more (repeat the parameter)' })),
            type: Type.Optional(StringEnum(CASE_TYPES)),
            reason: Type.Optional(Type.String({ maxLength: 41 })),
            sku: Type.Optional(Type.String({ maxLength: 100 })),
            customerId: Type.Optional(Uuid),
            orderId: Type.Optional(Uuid),
            channel: Type.Optional(StringEnum(CHANNELS)),
            needsReview: Type.Optional(Type.Boolean()),
            overdue: Type.Optional(Type.Boolean({ description: 'Only cases whose current deadline has run out' })),
            createdFrom: Type.Optional(DateTime),
            createdTo: Type.Optional(DateTime),
            q: Type.Optional(Type.String({ maxLength: 100, description: 'RMA number, order number, e-mail, phone or tracking number' })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(CaseListItemSchema), ...errorResponses },
      },
    },
    async (req) => listCases(app.ctx, req.principal!.shopId, req.query),
  );

  app.get(
    '/returns/:id',
    {
      config: { permission: 'cases:read' },
      schema: { tags: ['returns'], summary: 'A case with its order, items, money, timeline, messages and allowed actions', params: IdParams, response: { 200: CaseDetailSchema, ...errorResponses } },
    },
    async (req) => getCase(app.ctx, req.principal!.shopId, req.params.id, actorOf(req), languageFromHeaders(req.headers)),
  );

  for (const action of CASE_ACTIONS.filter((a) => !INTERNAL_ACTIONS.has(a))) {
    app.post(
      `/returns/:id/actions/${action}`,
      {
        // Any staff member may try; the state machine decides by role (403 case.action_forbidden).
        config: { permission: 'cases:read' },
        schema: {
          tags: ['returns'],
          summary: `Case action: ${action}`,
          description: 'Allowed only in the states and for the roles of docs/case-states.md; otherwise 409 case.invalid_transition or 403 case.action_forbidden.',
          params: IdParams,
          body: ACTION_INPUTS[action],
          response: { 200: CaseDetailSchema, ...errorResponses },
        },
        // Role before state (and before the body): 403, not a 409 that would describe the case.
        preValidation: async (req) => assertMayEverTake(actorOf(req), action as CaseAction),
      },
      async (req) => {
        const actor = actorOf(req);
        assertPlatformMayPay(req, actor, action as CaseAction, req.body);
        const shopId = req.principal!.shopId;
        const recorder = replyRecorder(req, 200, actor);
        const updated = await performAction(app.ctx, shopId, req.params.id, action as CaseAction, actor, req.body as never, { reply: recorder, detailFor: actor });
        return recorder?.body ?? caseDetail(app.ctx.db, shopId, updated, actor, languageFromHeaders(req.headers));
      },
    );
  }

  app.post(
    '/returns/:id/evidence',
    {
      config: { permission: 'cases:message' },
      schema: {
        tags: ['returns'],
        summary: 'Attach a photo or video (multipart/form-data: file, and optionally purpose and itemId before it)',
        description: 'The type is read from the bytes, not the name. Size limit: UPLOAD_LIMIT. Stored by SHA-256; the same file twice is one piece of evidence.',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: EvidenceSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { upload, meta } = await readEvidenceUpload(req, ['claim', 'inspection', 'message'] as const, 'inspection');
      const stored = await uploadEvidence(app.ctx, req.principal!.shopId, req.params.id, upload, meta, actorOf(req));
      return reply.code(201).send(stored);
    },
  );

  app.get(
    '/evidence/:id',
    {
      config: { permission: 'cases:read' },
      schema: {
        tags: ['returns'],
        summary: 'The bytes of a photo or video (staff of the shop only)',
        params: IdParams,
        response: { 200: BinaryReply('The file, with the type it was stored as (image/*, video/*)'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { row, stream } = await readEvidence(app.ctx, req.principal!.shopId, req.params.id);
      return reply
        .header('content-type', row.mime)
        .header('content-length', row.sizeBytes)
        .header('cache-control', 'private, max-age=86400, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );
};

