import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sendLabelPdf } from './label-reply.js';
import { portalOrder } from '../../../services/portal/order.js';
import {
  answerOffer,
  cancelPortalReturn,
  createPortalReturn,
  getPortalCase,
  labelData,
  markShipped,
  PortalReturnSchema,
  postBuyerMessage,
  provideBuyerEvidence,
  previewPortalReturn,
  uploadBuyerEvidence,
} from '../../../services/portal/returns.js';
import { readEvidenceUpload } from '../../evidence-upload.js';
import { errorResponses, IdParams } from '../../schemas/common.js';
import { scopeOf } from './auth.js';
import { portalBook, portalCarrier } from '../../../services/portal/carrier.js';
import { PortalBookingBody } from '../../schemas/carriers.js';
import { EvidenceUploadSchema, PdfReply, PortalCarrierSchema, PortalCaseSchema, PortalOrderSchema, PreviewSchema } from './schemas.js';

const strict = { additionalProperties: false } as const;
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const CaseView = PortalCaseSchema;

export const portalReturnRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/order',
    { schema: { tags: ['portal'], summary: "The token's order: lines with what the policy says about each, reasons, refund methods, exchange options, returns so far", response: { 200: PortalOrderSchema, ...errorResponses } } },
    async (req) => portalOrder(app.ctx, scopeOf(req)),
  );

  app.post(
    '/returns/preview',
    {
      schema: {
        tags: ['portal'],
        summary: 'The exact refund, fees and who pays return shipping for a would-be return, creating nothing',
        body: PortalReturnSchema,
        response: { 200: PreviewSchema, ...errorResponses },
      },
    },
    async (req) => previewPortalReturn(app.ctx, scopeOf(req), req.body),
  );

  app.post(
    '/returns',
    { schema: { tags: ['portal'], summary: 'Ask for a return, refund or exchange', body: PortalReturnSchema, response: { 201: CaseView, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await createPortalReturn(app.ctx, scopeOf(req), req.body)),
  );

  app.get(
    '/returns/:id',
    { schema: { tags: ['portal'], summary: 'A return of the order: status, timeline, next step and deadline, messages', params: IdParams, response: { 200: CaseView, ...errorResponses } } },
    async (req) => getPortalCase(app.ctx, scopeOf(req), req.params.id),
  );

  app.post(
    '/returns/:id/cancel',
    {
      schema: { tags: ['portal'], summary: 'Withdraw the return while allowed', params: IdParams, body: Type.Object({ reason: Type.Optional(Text(2000)) }, strict), response: { 200: CaseView, ...errorResponses } },
    },
    async (req) => cancelPortalReturn(app.ctx, scopeOf(req), req.params.id, req.body.reason),
  );

  app.post(
    '/returns/:id/offer/accept',
    { schema: { tags: ['portal'], summary: "Accept the shop's partial-refund offer: the offered amount is refunded and the goods stay with the buyer", params: IdParams, body: Type.Object({}, strict), response: { 200: CaseView, ...errorResponses } } },
    async (req) => answerOffer(app.ctx, scopeOf(req), req.params.id, 'accept', undefined),
  );

  app.post(
    '/returns/:id/offer/decline',
    {
      schema: {
        tags: ['portal'],
        summary: "Decline the shop's partial-refund offer: the request goes back to the shop",
        params: IdParams,
        body: Type.Object({ reason: Type.Optional(Text(2000)) }, strict),
        response: { 200: CaseView, ...errorResponses },
      },
    },
    async (req) => answerOffer(app.ctx, scopeOf(req), req.params.id, 'decline', req.body.reason),
  );

  app.post(
    '/returns/:id/shipped',
    {
      schema: {
        tags: ['portal'],
        summary: 'The buyer handed the parcel to a courier: carrier and tracking number',
        params: IdParams,
        body: Type.Object({ carrier: Text(50), trackingNumber: Type.String({ minLength: 4, maxLength: 100, pattern: '^[A-Za-z0-9 -]+$' }) }, strict),
        response: { 200: CaseView, ...errorResponses },
      },
    },
    async (req) => markShipped(app.ctx, scopeOf(req), req.params.id, req.body),
  );

  // Issue 17: what the shop's carriers can do for this return, and booking a pickup or a drop-off code.
  app.get(
    '/returns/:id/carrier',
    { schema: { tags: ['portal'], summary: 'Whether the shop’s carriers can collect the parcel or give a drop-off code, and the parcels with their last scan', params: IdParams, response: { 200: PortalCarrierSchema, ...errorResponses } } },
    async (req) => portalCarrier(app.ctx, scopeOf(req), req.params.id),
  );
  app.post(
    '/returns/:id/carrier/booking',
    {
      schema: {
        tags: ['portal'],
        summary: 'Book a courier pickup (window and address) or get a drop-off code, where the shop’s carrier offers it',
        params: IdParams,
        body: PortalBookingBody,
        response: { 200: PortalCarrierSchema, ...errorResponses },
      },
    },
    async (req) => portalBook(app.ctx, scopeOf(req), req.params.id, req.body),
  );

  app.post(
    '/returns/:id/messages',
    {
      schema: {
        tags: ['portal'],
        summary: 'Write to the shop about the return',
        params: IdParams,
        body: Type.Object({ body: Text(5000), evidenceIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20 })) }, strict),
        response: { 200: CaseView, ...errorResponses },
      },
    },
    async (req) => postBuyerMessage(app.ctx, scopeOf(req), req.params.id, req.body.body, req.body.evidenceIds),
  );

  app.post(
    '/returns/:id/evidence-request/answer',
    {
      schema: {
        tags: ['portal'],
        summary: 'Send the evidence the shop asked for (upload each file to …/evidence first): the request goes back to the shop',
        params: IdParams,
        body: Type.Object({ evidenceIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 20 }), note: Type.Optional(Text(2000)) }, strict),
        response: { 200: CaseView, ...errorResponses },
      },
    },
    async (req) => provideBuyerEvidence(app.ctx, scopeOf(req), req.params.id, req.body.evidenceIds, req.body.note),
  );

  app.post(
    '/returns/:id/evidence',
    {
      schema: {
        tags: ['portal'],
        summary: 'Attach a photo or video (multipart/form-data: purpose and itemId, then file)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: EvidenceUploadSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { upload, meta } = await readEvidenceUpload(req, ['claim', 'message'] as const, 'claim');
      const stored = await uploadBuyerEvidence(app.ctx, scopeOf(req), req.params.id, upload, meta);
      return reply.code(201).send(stored);
    },
  );

  app.get(
    '/returns/:id/label.pdf',
    {
      schema: {
        tags: ['portal'],
        summary: 'Printable return label and packing slip (PDF, with a QR code)',
        params: IdParams,
        querystring: Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])) }, strict),
        response: { 200: PdfReply, ...errorResponses },
      },
    },
    async (req, reply) => {
      return sendLabelPdf(reply, await labelData(app.ctx, scopeOf(req), req.params.id), req.query.lang);
    },
  );
};
