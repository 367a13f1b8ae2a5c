import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CASE_STATUSES, CASE_TYPES } from '../../../domain/cases/model.js';
import { StringEnum } from '../../../domain/typebox.js';
import { QUEUE_SORTS } from '../../../services/console/queue.js';
import { workQueue } from '../../../services/console/queue.js';
import { CHANNELS } from '../../../services/orders/order-input.js';
import { closed, DateTime, errorResponses, Nullable, Uuid } from '../../schemas/common.js';

export const QueueItemSchema = Type.Object({
  id: Uuid,
  rmaNumber: Type.String(),
  orderId: Uuid,
  orderNumber: Type.String(),
  channel: Type.String(),
  customerId: Nullable(Uuid),
  customerName: Nullable(Type.String()),
  type: StringEnum(CASE_TYPES),
  refundOnlyKind: Nullable(Type.String()),
  status: StringEnum(CASE_STATUSES),
  currency: Type.String(),
  refundMethod: Type.String(),
  riskScore: Type.Integer(),
  needsReview: Type.Boolean(),
  refundMinor: Type.Integer(),
  refundedMinor: Type.Integer(),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
  awaitingPayout: Nullable(
    Type.Object(
      { since: DateTime, amountMinor: Type.Integer() },
      { ...closed, description: 'A manual refund (paid outside Retour) not yet confirmed paid: since when, and how much' },
    ),
  ),
  deadline: Nullable(
    Type.Object({
      dueAt: DateTime,
      kind: Nullable(Type.String({ description: 'merchant_response, buyer_ship, merchant_receipt, revise_or_escalate, refund_after_receipt' })),
      source: StringEnum(['scheduled', 'policy'] as const, { description: "scheduled: the worker's deadline; policy: estimated from the case's policy" }),
    }, closed),
  ),
  /** The carrier delivered the returned parcel to the shop: ready to receive (issue 17). */
  receiptReadyAt: Nullable(DateTime),
  groupCode: Nullable(Type.String({ description: 'A return across several orders: the code of the group this case is part of (one parcel, one label)' })),
  items: Type.Array(Type.Object({ sku: Type.String(), title: Type.String(), quantity: Type.Integer(), reasonCode: Type.String() }, closed)),
}, closed);

/** The console's work queue: cases with their next deadline, sortable and paged with a total. */
export const queueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/queue',
    {
      config: { permission: 'cases:read' },
      schema: {
        tags: ['returns'],
        summary: 'The work queue: cases with their next deadline, filtered, sorted and paged (with the total)',
        description:
          "Open cases unless `scope=all` or `status` says otherwise. A case's deadline is the worker's pending deadline when it has one, " +
          "else its policy's clock applied to the time it entered its state (`source: policy`). `now` is the server's time: count down from it.",
        querystring: Type.Object(
          {
            scope: Type.Optional(StringEnum(['open', 'all'] as const)),
            status: Type.Optional(Type.Array(StringEnum(CASE_STATUSES), { description: 'One or more (repeat the parameter)' })),
            type: Type.Optional(StringEnum(CASE_TYPES)),
            reason: Type.Optional(Type.String({ maxLength: 41 })),
            sku: Type.Optional(Type.String({ maxLength: 100 })),
            channel: Type.Optional(StringEnum(CHANNELS)),
            customerId: Type.Optional(Uuid),
            riskMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
            riskMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
            needsReview: Type.Optional(Type.Boolean()),
            receiptReady: Type.Optional(Type.Boolean({ description: 'true: only cases whose returned parcel a carrier delivered to the shop, waiting to be received' })),
            awaitingPayout: Type.Optional(Type.Boolean({ description: 'true: only cases with a manual refund not yet confirmed paid, whatever their state; false: none of them' })),
            createdFrom: Type.Optional(DateTime),
            overdue: Type.Optional(Type.Boolean({ description: 'true: only cases past their deadline; false: none of them' })),
            dueWithinHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 365, description: 'Only cases due between now and now + hours' })),
            q: Type.Optional(Type.String({ maxLength: 100, description: 'RMA number, order number, e-mail, phone or return tracking number' })),
            sort: Type.Optional(StringEnum(QUEUE_SORTS, { default: 'deadline' })),
            order: Type.Optional(StringEnum(['asc', 'desc'] as const)),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
            pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ now: DateTime, page: Type.Integer(), pageSize: Type.Integer(), total: Type.Integer(), data: Type.Array(QueueItemSchema) }, closed),
          ...errorResponses,
        },
      },
    },
    async (req) => workQueue(app.ctx, req.principal!.shopId, req.query),
  );
};
