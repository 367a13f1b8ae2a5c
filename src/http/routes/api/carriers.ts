import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CARRIER_FORMATS } from '../../../domain/carriers/tracking-numbers.js';
import { bookReturnParcel } from '../../../services/carriers/bookings.js';
import { caseCarrierView, requestInterception } from '../../../services/carriers/interception.js';
import { refreshCaseTracking } from '../../../services/carriers/tracking.js';
import { actorOf } from '../../actor.js';
import { BookingBody, CarrierFormatSchema, CaseCarrierSchema, ParcelSchema } from '../../schemas/carriers.js';
import { errorResponses, IdParams, Uuid } from '../../schemas/common.js';

/** Carriers on a case (issue 17): its parcels and scans, booking a pickup or label, intercepting, refreshing. */
export const carrierRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/carriers/formats',
    {
      config: { permission: 'cases:read' },
      schema: { tags: ['carriers'], summary: 'Carriers Retour recognises by name, with the format of their tracking numbers', response: { 200: Type.Object({ data: Type.Array(CarrierFormatSchema) }, { additionalProperties: false }), ...errorResponses } },
    },
    async () => ({ data: CARRIER_FORMATS.map((f) => ({ code: f.code, names: [...f.names], pattern: f.pattern.source, example: f.example, network: f.network })) }),
  );

  app.get(
    '/returns/:id/carrier',
    {
      config: { permission: 'cases:read' },
      schema: { tags: ['carriers'], summary: 'The case’s parcels (return, intercepted outbound) and every carrier scan, oldest first', params: IdParams, response: { 200: CaseCarrierSchema, ...errorResponses } },
    },
    async (req) => caseCarrierView(app.ctx, req.principal!.shopId, req.params.id),
  );

  app.post(
    '/returns/:id/carrier/booking',
    {
      config: { permission: 'cases:decide' },
      schema: {
        tags: ['carriers'],
        summary: 'Book a courier pickup, a drop-off code or a return label through a connected carrier (Kuaidi100, EasyPost)',
        params: IdParams,
        body: BookingBody,
        response: { 201: ParcelSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await bookReturnParcel(app.ctx, req.principal!.shopId, req.params.id, req.body, actorOf(req))),
  );

  app.post(
    '/returns/:id/carrier/interception',
    {
      config: { permission: 'cases:decide' },
      schema: {
        tags: ['carriers'],
        summary: 'Ask the carrier to intercept the order’s parcel (拦截) of an approved refund-only case; its scans then decide the outcome',
        params: IdParams,
        body: Type.Object({ connectionId: Type.Optional(Uuid), reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) }, { additionalProperties: false }),
        response: { 201: ParcelSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await requestInterception(app.ctx, req.principal!.shopId, req.params.id, req.body, actorOf(req))),
  );

  app.post(
    '/returns/:id/carrier/refresh',
    {
      config: { permission: 'cases:create' },
      schema: {
        tags: ['carriers'],
        summary: 'Ask the carriers now (real-time query) for the case’s parcels and apply new scans',
        params: IdParams,
        response: { 200: Type.Object({ scansIn: Type.Integer() }, { additionalProperties: false }), ...errorResponses },
      },
    },
    async (req) => refreshCaseTracking(app.ctx, req.principal!.shopId, req.params.id),
  );
};
