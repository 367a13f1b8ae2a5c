import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sendLabelPdf } from './label-reply.js';
import { createPortalGroup, getPortalGroup, groupLabelData, PortalGroupSchema, portalBuyerOrders } from '../../../services/portal/return-groups.js';
import { errorResponses } from '../../schemas/common.js';
import { ReturnGroupSchema } from '../api/return-groups.js';
import { scopeOf } from './auth.js';
import { LocalizedSchema, PdfReply } from './schemas.js';

const closed = { additionalProperties: false } as const;
const RefParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 64, description: 'The group’s code (or id)' }) }, closed);
const PortalGroupView = Type.Object({ ...ReturnGroupSchema.properties, labelAvailable: Type.Boolean({ description: 'The one label for the parcel can be printed now' }) }, closed);

const BuyerOrdersSchema = Type.Object(
  {
    orders: Type.Array(
      Type.Object(
        {
          orderId: Type.String(),
          number: Type.String(),
          currency: Type.String(),
          placedAt: Type.String(),
          deliveredAt: Type.Union([Type.String(), Type.Null()]),
          lines: Type.Array(
            Type.Object(
              {
                lineId: Type.String(),
                sku: Type.String(),
                title: Type.String(),
                quantity: Type.Integer(),
                paidMinor: Type.Integer(),
                returnableQuantity: Type.Integer(),
                eligible: Type.Boolean(),
                explanation: LocalizedSchema,
                allowedReasons: Type.Array(Type.String()),
                noReasonUntil: Type.Union([Type.String(), Type.Null()]),
              },
              closed,
            ),
          ),
          reasons: Type.Array(Type.Object({ code: Type.String(), label: LocalizedSchema, evidenceRequired: Type.Boolean() }, closed)),
        },
        closed,
      ),
    ),
  },
  closed,
);

export const portalReturnGroupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/buyer-orders',
    {
      schema: {
        tags: ['portal'],
        summary: "The token's order and the same buyer's other delivered orders in this shop (same customer or e-mail), to return together in one parcel",
        response: { 200: BuyerOrdersSchema, ...errorResponses },
      },
    },
    async (req) => portalBuyerOrders(app.ctx, scopeOf(req)),
  );

  app.post(
    '/return-groups',
    {
      schema: {
        tags: ['portal'],
        summary: 'One return of several of the buyer’s orders: one parcel, one code, one case per order (all or nothing)',
        description: 'An order that is not the buyer’s gets 404 portal.not_found.',
        body: PortalGroupSchema,
        response: { 201: ReturnGroupSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createPortalGroup(app.ctx, scopeOf(req), req.body)),
  );

  app.get(
    '/return-groups/:ref',
    {
      schema: {
        tags: ['portal'],
        summary: 'One of the buyer’s return groups by its code: every case of the parcel, each with its order',
        description: 'A group with an order that is not the buyer’s gets 404 portal.not_found.',
        params: RefParams,
        response: { 200: PortalGroupView, ...errorResponses },
      },
    },
    async (req) => getPortalGroup(app.ctx, scopeOf(req), req.params.ref),
  );

  app.get(
    '/return-groups/:ref/label.pdf',
    {
      schema: {
        tags: ['portal'],
        summary: 'The one printable label for the parcel (PDF): the group’s code as QR and barcode, and each case with its order on the packing slip',
        params: RefParams,
        querystring: Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])) }, closed),
        response: { 200: PdfReply, ...errorResponses },
      },
    },
    async (req, reply) => {
      return sendLabelPdf(reply, await groupLabelData(app.ctx, scopeOf(req), req.params.ref), req.query.lang);
    },
  );
};
