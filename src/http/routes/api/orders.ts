import { StringEnum } from '../../../domain/typebox.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ORDER_STATUSES, SHIPMENT_EVENTS } from '../../../domain/orders/fulfilment.js';
import { CHANNELS, OrderInputSchema, ShipmentInputSchema } from '../../../services/orders/order-input.js';
import { getOrder, listOrders } from '../../../services/orders/read-orders.js';
import { addShipment, recordShipmentEvent } from '../../../services/orders/shipments.js';
import { upsertOrder } from '../../../services/orders/upsert-order.js';
import { orderEligibility } from '../../../services/cases/preview.js';
import { DateTime, errorResponses, IdParams, Page, PageQuery, Uuid } from '../../schemas/common.js';
import { EligibilitySchema, OrderSchema, OrderSummarySchema, ShipmentSchema } from '../../schemas/orders.js';
import { keyedAs } from '../../idempotent-reply.js';

export const orderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/orders',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags: ['orders'],
        summary: 'Create an order, or update it when (channel, externalId) is known',
        description:
          'Lines are priced in integer minor units; the order discount is allocated over the lines by largest remainder. ' +
          'An update may change progress (paid, shipped, delivered, cancelled), contact and shipments, but not what was bought or paid (409 order.purchase_changed).',
        body: OrderInputSchema,
        response: { 200: OrderSchema, 201: OrderSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { order, created } = await upsertOrder(app.ctx, req.principal!.shopId, req.body);
      return reply
        .code(created ? 201 : 200)
        .header('location', `/api/v1/orders/${order.id}`)
        .send(order);
    },
  );

  app.get(
    '/orders',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags: ['orders'],
        summary: 'List orders, newest first',
        querystring: Type.Object(
          {
            number: Type.Optional(Type.String({ maxLength: 64 })),
            email: Type.Optional(Type.String({ maxLength: 254 })),
            phone: Type.Optional(Type.String({ maxLength: 50 })),
            channel: Type.Optional(StringEnum(CHANNELS)),
            status: Type.Optional(StringEnum(ORDER_STATUSES)),
            customerId: Type.Optional(Uuid),
            placedFrom: Type.Optional(DateTime),
            placedTo: Type.Optional(DateTime),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(OrderSummarySchema), ...errorResponses },
      },
    },
    async (req) => listOrders(app.ctx, req.principal!.shopId, req.query),
  );

  app.get(
    '/orders/:id',
    { config: { permission: 'orders:read' }, schema: { tags: ['orders'], params: IdParams, response: { 200: OrderSchema, ...errorResponses } } },
    async (req) => getOrder(app.ctx, req.principal!.shopId, req.params.id),
  );

  app.get(
    '/orders/:id/eligibility',
    {
      config: { permission: 'cases:read' },
      schema: {
        tags: ['orders', 'returns'],
        summary: 'What the policy says about each line today: returnable until when, or why not (zh-CN and en)',
        params: IdParams,
        response: { 200: EligibilitySchema, ...errorResponses },
      },
    },
    async (req) => orderEligibility(app.ctx, req.principal!.shopId, req.params.id),
  );

  app.post(
    '/orders/:id/shipments',
    {
      config: { permission: 'orders:write' },
      schema: { tags: ['orders'], summary: 'Add a parcel to an order', params: IdParams, body: ShipmentInputSchema, response: { 201: ShipmentSchema, ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(await addShipment(app.ctx, req.principal!.shopId, req.params.id, req.body, keyedAs(req, 201))),
  );

  app.post(
    '/orders/:id/shipments/:shipmentId/events',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags: ['orders'],
        summary: 'Record a carrier event (shipped, delivered, returned to sender, lost); repeats are harmless',
        params: Type.Object({ id: Uuid, shipmentId: Uuid }),
        body: Type.Object(
          { type: StringEnum(SHIPMENT_EVENTS), at: Type.Optional(DateTime) },
          { additionalProperties: false },
        ),
        response: { 200: ShipmentSchema, ...errorResponses },
      },
    },
    async (req) => recordShipmentEvent(app.ctx, req.principal!.shopId, req.params.id, req.params.shipmentId, req.body),
  );
};
