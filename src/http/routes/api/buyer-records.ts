import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LIST_KINDS, LISTS } from '../../../domain/risk/normalise.js';
import { StringEnum } from '../../../domain/typebox.js';
import {
  addBuyerEntry,
  addCustomerNote,
  buyerRecord,
  editCustomerNote,
  listBuyerEntries,
  removeBuyerEntry,
  searchCustomers,
  simulateRiskThreshold,
} from '../../../services/customers/buyer-records.js';
import { DateTime, errorResponses, IdParams, Nullable, Uuid } from '../../schemas/common.js';

const closed = { additionalProperties: false } as const;
const Factor = Type.Object({ code: Type.String(), points: Type.Integer(), 'zh-CN': Type.String(), en: Type.String() }, closed);
const Note = Type.Object({ id: Uuid, body: Type.String(), authorName: Nullable(Type.String()), createdAt: DateTime, updatedAt: DateTime }, closed);
const Entry = Type.Object(
  { id: Uuid, list: StringEnum(LISTS), kind: StringEnum(LIST_KINDS), value: Type.String({ description: 'The normal form (E.164 for a phone, lower-case e-mail)' }), reason: Nullable(Type.String()), createdAt: DateTime },
  closed,
);
const NoteBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 5000 }) }, closed);

const Record = Type.Object(
  {
    customerId: Uuid,
    orders: Type.Array(
      Type.Object({ id: Uuid, number: Type.String(), channel: Type.String(), status: Type.String(), currency: Type.String(), totalMinor: Type.Integer(), placedAt: DateTime, deliveredAt: Nullable(DateTime) }, closed),
    ),
    cases: Type.Array(
      Type.Object(
        {
          id: Uuid,
          rmaNumber: Type.String(),
          orderId: Uuid,
          type: Type.String(),
          status: Type.String(),
          currency: Type.String(),
          resolution: Nullable(Type.String()),
          needsReview: Type.Boolean(),
          riskScore: Type.Integer({ description: 'The score the case was opened with' }),
          riskReasons: Type.Array(Factor, { description: 'Its explained factors then: together, the risk over time' }),
          refundedMinor: Type.Integer(),
          createdAt: DateTime,
          closedAt: Nullable(DateTime),
        },
        closed,
      ),
    ),
    messages: Type.Array(
      Type.Object({ id: Uuid, caseId: Uuid, rmaNumber: Type.String(), visibility: Type.String(), authorKind: Type.String(), body: Type.String(), createdAt: DateTime }, closed),
    ),
    notes: Type.Array(Note),
    lists: Type.Array(Entry, { description: 'Block- and allowlist entries naming this buyer (customer, e-mail or phone)' }),
    compensation: Type.Array(Type.Unknown(), { description: 'Compensation granted to the buyer (issue 19.1)' }),
  },
  closed,
);

const Simulation = Type.Object(
  {
    from: DateTime,
    to: DateTime,
    days: Type.Integer(),
    currentThreshold: Type.Integer({ description: "The policy's automation.manualReviewAboveRisk" }),
    cases: Type.Integer(),
    threshold: Type.Integer(),
    wouldReview: Type.Integer({ description: 'Cases whose score is above the threshold, or whose buyer is blocklisted' }),
    wereReviewed: Type.Integer({ description: 'Cases that did wait for review when opened' }),
    blocked: Type.Integer(),
    factors: Type.Array(Type.Object({ code: Type.String(), cases: Type.Integer() }, closed)),
    curve: Type.Array(Type.Object({ threshold: Type.Integer(), wouldReview: Type.Integer() }, closed)),
    histogram: Type.Array(Type.Integer(), { description: 'Cases per score bucket 0–9, 10–19, …, 90–100' }),
  },
  closed,
);

/** Buyer records and risk controls (issue 19.4–19.6). */
export const buyerRecordRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/customers',
    {
      config: { permission: 'customers:read' },
      schema: {
        tags: ['customers'],
        summary: 'Find buyers by name, e-mail, phone or order number',
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 200 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })) }, closed),
        response: {
          200: Type.Object(
            {
              data: Type.Array(
                Type.Object(
                  { id: Uuid, name: Nullable(Type.String()), email: Nullable(Type.String()), phone: Nullable(Type.String()), orders: Type.Integer(), cases: Type.Integer(), matchedOrder: Nullable(Type.String()) },
                  closed,
                ),
              ),
            },
            closed,
          ),
          ...errorResponses,
        },
      },
    },
    async (req) => searchCustomers(app.ctx, req.principal!.shopId, req.query.q, req.query.limit),
  );

  app.get(
    '/customers/:id/record',
    {
      config: { permission: 'customers:read' },
      schema: { tags: ['customers'], summary: "The buyer page: orders, cases with their risk over time, messages, notes and list entries", params: IdParams, response: { 200: Record, ...errorResponses } },
    },
    async (req) => buyerRecord(app.ctx, req.principal!.shopId, req.params.id),
  );

  app.post(
    '/customers/:id/notes',
    {
      config: { permission: 'cases:message' },
      schema: { tags: ['customers'], summary: 'Add a note on the buyer (staff only)', params: IdParams, body: NoteBody, response: { 201: Note, ...errorResponses } },
    },
    async (req, reply) => {
      reply.code(201);
      return addCustomerNote(app.ctx, req.principal!.shopId, req.params.id, req.body.body, req.principal!);
    },
  );

  app.patch(
    '/customers/:id/notes/:noteId',
    {
      config: { permission: 'cases:message' },
      schema: { tags: ['customers'], summary: 'Edit a note on the buyer', params: Type.Object({ id: Uuid, noteId: Uuid }), body: NoteBody, response: { 200: Note, ...errorResponses } },
    },
    async (req) => editCustomerNote(app.ctx, req.principal!.shopId, req.params.id, req.params.noteId, req.body.body),
  );

  app.get(
    '/buyer-lists',
    {
      config: { permission: 'customers:read' },
      schema: {
        tags: ['customers'],
        summary: 'Blocklist and allowlist entries',
        querystring: Type.Object({ list: Type.Optional(StringEnum(LISTS)) }, closed),
        response: { 200: Type.Object({ data: Type.Array(Entry) }, closed), ...errorResponses },
      },
    },
    async (req) => listBuyerEntries(app.ctx, req.principal!.shopId, req.query.list),
  );

  app.post(
    '/buyer-lists',
    {
      config: { permission: 'policy:write' },
      schema: {
        tags: ['customers'],
        summary: "Block or allow a buyer by customer, e-mail, phone or address (stored in its normal form)",
        body: Type.Object(
          {
            list: StringEnum(LISTS),
            kind: StringEnum(LIST_KINDS),
            value: Type.String({ minLength: 1, maxLength: 500, description: 'A customer id, an e-mail, a phone (a number without country code is read in the shop country) or an address' }),
            reason: Type.Optional(Type.String({ maxLength: 500 })),
          },
          closed,
        ),
        response: { 201: Entry, ...errorResponses },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return addBuyerEntry(app.ctx, req.principal!.shopId, req.body, req.principal!.kind === 'staff' ? req.principal!.id : null);
    },
  );

  app.delete(
    '/buyer-lists/:id',
    {
      config: { permission: 'policy:write' },
      schema: { tags: ['customers'], summary: 'Remove a list entry', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (req, reply) => {
      await removeBuyerEntry(app.ctx, req.principal!.shopId, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/risk/simulation',
    {
      config: { permission: 'policy:read' },
      schema: {
        tags: ['policy'],
        summary: 'How many cases of the last days a review threshold would have sent to review (scored with the current signals)',
        querystring: Type.Object(
          {
            threshold: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: "Default: the policy's automation.manualReviewAboveRisk" })),
            days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 90 })),
          },
          closed,
        ),
        response: { 200: Simulation, ...errorResponses },
      },
    },
    async (req) => simulateRiskThreshold(app.ctx, req.principal!.shopId, req.query),
  );
};
