import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { StringEnum } from '../../../domain/typebox.js';
import type { DeliveryRow } from '../../../services/webhooks/deliveries.js';
import type { EndpointRow } from '../../../services/webhooks/endpoints.js';
import { EVENT_TYPES } from '../../../services/events.js';
import { listDeliveries, replayDelivery, replaySince } from '../../../services/webhooks/deliveries.js';
import { createEndpoint, deleteEndpoint, getEndpoint, listEndpoints, updateEndpoint } from '../../../services/webhooks/endpoints.js';
import { keyedAs } from '../../idempotent-reply.js';
import { closed, DateTime, errorResponses, IdParams, Nullable, Page, PageQuery, Uuid } from '../../schemas/common.js';

const EventTypes = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 50, description: `Event types, or ["*"] for all: ${EVENT_TYPES.join(', ')}` });

const SecretInput = Type.String({ maxLength: 200, description: 'Your own signing secret: whsec_ and 24–64 random bytes in base64 (generated when absent)' });

export const EndpointSchema = Type.Object({
  id: Uuid,
  url: Type.String(),
  description: Nullable(Type.String()),
  eventTypes: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  disabledReason: Nullable(Type.String({ description: 'Why Retour disabled it (e.g. the receiver answered 410)' })),
  createdAt: DateTime,
  updatedAt: DateTime,
}, closed);
const WithSecret = Type.Object({ ...EndpointSchema.properties, secret: Type.String({ description: 'The signing secret (whsec_…): shown this once' }) }, closed);

export const DeliverySchema = Type.Object({
  id: Type.String({ description: 'Also the webhook-id header: the same on every retry and replay' }),
  endpointId: Uuid,
  eventType: Type.String(),
  status: StringEnum(['pending', 'delivered', 'dead'] as const),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(DateTime),
  lastAttemptAt: Nullable(DateTime),
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  deliveredAt: Nullable(DateTime),
  createdAt: DateTime,
  payload: Type.Record(Type.String(), Type.Unknown(), { description: 'The event as sent (docs/webhooks.md); its shape depends on the event type' }),
}, closed);

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const endpointView = (e: EndpointRow) => ({
  id: e.id,
  url: e.url,
  description: e.description,
  eventTypes: e.eventTypes,
  enabled: e.enabled,
  disabledReason: e.disabledReason,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});
const deliveryView = (d: DeliveryRow) => ({
  id: d.id,
  endpointId: d.endpointId,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: iso(d.nextAttemptAt),
  lastAttemptAt: iso(d.lastAttemptAt),
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  deliveredAt: iso(d.deliveredAt),
  createdAt: d.createdAt.toISOString(),
  payload: d.payload,
});

const manage = { permission: 'webhooks:manage' as const };
const tags = ['webhooks'];

export const webhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/webhooks/event-types',
    { config: manage, schema: { tags, summary: 'Every event type an endpoint can take (docs/webhooks.md)', response: { 200: Type.Object({ data: Type.Array(Type.String()) }, closed), ...errorResponses } } },
    async () => ({ data: [...EVENT_TYPES] }),
  );

  app.get(
    '/webhooks',
    { config: manage, schema: { tags, summary: "The shop's webhook endpoints", response: { 200: Type.Object({ data: Type.Array(EndpointSchema) }, closed), ...errorResponses } } },
    async (req) => ({ data: (await listEndpoints(app.ctx, req.principal!.shopId)).map(endpointView) }),
  );

  app.post(
    '/webhooks',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add an endpoint; the reply holds its signing secret, shown only this once',
        description: 'URLs must be http(s), without credentials, and not on private or loopback addresses (422 webhook.url_not_allowed) unless WEBHOOK_ALLOWED_HOSTS names the host.',
        body: Type.Object(
          {
            url: Type.String({ minLength: 1, maxLength: 2000 }),
            description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
            eventTypes: EventTypes,
            enabled: Type.Optional(Type.Boolean()),
            secret: Type.Optional(SecretInput),
          },
          { additionalProperties: false },
        ),
        response: { 201: WithSecret, ...errorResponses },
      },
    },
    async (req, reply) => {
      const render = ({ endpoint, secret }: Awaited<ReturnType<typeof createEndpoint>>) => ({ ...endpointView(endpoint), secret });
      const created = await createEndpoint(app.ctx, req.principal!.shopId, req.body, keyedAs(req, 201, render));
      return reply.code(201).send(render(created));
    },
  );

  app.get('/webhooks/:id', { config: manage, schema: { tags, summary: 'One endpoint', params: IdParams, response: { 200: EndpointSchema, ...errorResponses } } }, async (req) =>
    endpointView(await getEndpoint(app.ctx, req.principal!.shopId, req.params.id)),
  );

  app.patch(
    '/webhooks/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change an endpoint; enabling it again clears why it was disabled; rotateSecret returns a new secret once',
        params: IdParams,
        body: Type.Object(
          {
            url: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
            description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
            eventTypes: Type.Optional(EventTypes),
            enabled: Type.Optional(Type.Boolean()),
            rotateSecret: Type.Optional(Type.Boolean()),
            secret: Type.Optional(SecretInput),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ ...EndpointSchema.properties, secret: Type.Optional(Type.String({ description: 'A signing secret Retour generated: shown this once' })) }, closed), ...errorResponses },
      },
    },
    async (req) => {
      const { endpoint, secret } = await updateEndpoint(app.ctx, req.principal!.shopId, req.params.id, req.body);
      // A secret the caller sent is not echoed back; only one Retour generated is shown, once.
      return { ...endpointView(endpoint), ...(secret && !req.body.secret ? { secret } : {}) };
    },
  );

  app.delete('/webhooks/:id', { config: manage, schema: { tags, summary: 'Remove an endpoint and its delivery log', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (req, reply) => {
    await deleteEndpoint(app.ctx, req.principal!.shopId, req.params.id);
    return reply.code(204).send(null);
  });

  app.get(
    '/webhooks/:id/deliveries',
    {
      config: manage,
      schema: {
        tags,
        summary: "An endpoint's delivery log, newest first",
        params: IdParams,
        querystring: Type.Object({ ...PageQuery, status: Type.Optional(StringEnum(['pending', 'delivered', 'dead'] as const)), eventType: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
        response: { 200: Page(DeliverySchema), ...errorResponses },
      },
    },
    async (req) => {
      const page = await listDeliveries(app.ctx, req.principal!.shopId, req.params.id, req.query);
      return { data: page.data.map(deliveryView), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/webhooks/:id/replay',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Send again every event since a time that the endpoint takes (including events from before it subscribed)',
        params: IdParams,
        body: Type.Object({ since: DateTime }, { additionalProperties: false }),
        response: { 202: Type.Object({ replayed: Type.Integer() }, closed), ...errorResponses },
      },
    },
    async (req, reply) => reply.code(202).send({ replayed: await replaySince(app.ctx, req.principal!.shopId, req.params.id, new Date(req.body.since)) }),
  );

  app.post(
    '/webhook-deliveries/:id/replay',
    {
      config: manage,
      schema: { tags, summary: 'Send one delivery again now, with the same webhook-id', params: IdParams, response: { 202: DeliverySchema, ...errorResponses } },
    },
    async (req, reply) => reply.code(202).send(deliveryView(await replayDelivery(app.ctx, req.principal!.shopId, req.params.id))),
  );
};
