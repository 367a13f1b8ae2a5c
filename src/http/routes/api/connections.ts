import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { invalid } from '../../../domain/errors.js';
import { createConnection, deleteConnection, getConnection, listConnectionRuns, listConnections, updateConnection } from '../../../services/connections/connections.js';
import { CONNECTION_KINDS } from '../../../integrations/kinds.js';
import { syncConnection } from '../../../services/connections/run-connections.js';
import { closed, DateTime, errorResponses, IdParams, Nullable, Page, PageQuery, Uuid } from '../../schemas/common.js';
import { keyedAs } from '../../idempotent-reply.js';

const Fields = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { description: 'Fields of this kind of connection (GET /connections/kinds lists them)' });

export const ConnectionSchema = Type.Object(
  {
    id: Uuid,
    kind: Type.String(),
    category: Nullable(Type.String()),
    name: Type.String(),
    status: Type.String({ description: '`active`, `paused`, or `error` (the last run failed; it is retried with backoff)' }),
    settings: Type.Record(Type.String(), Type.Unknown(), { description: 'The connection’s settings (its kind’s schema in GET /connections/kinds); never its credentials' }),
    lastSyncAt: Nullable(DateTime),
    nextSyncAt: Nullable(DateTime),
    lastError: Nullable(Type.String()),
    lastErrorAt: Nullable(DateTime),
    failures: Type.Integer(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);

export const RunSchema = Type.Object(
  {
    id: Type.Integer(),
    trigger: Type.String({ description: '`sync`, `webhook` or `push`' }),
    status: Type.String({ description: '`running`, `succeeded`, `partial` (some items failed) or `failed`' }),
    itemsIn: Type.Integer(),
    itemsOut: Type.Integer(),
    errors: Type.Array(Type.Object({ externalId: Nullable(Type.String()), message: Type.String() }, closed)),
    startedAt: DateTime,
    finishedAt: Nullable(DateTime),
  },
  { additionalProperties: false },
);

const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });

export const connectionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/connections/kinds',
    {
      config: { permission: 'shop:read' },
      schema: {
        tags: ['connections'],
        summary: 'The kinds of connection Retour has, with the JSON schema of each one’s credentials and settings',
        response: {
          200: Type.Object(
            {
              data: Type.Array(
                Type.Object(
                  {
                    kind: Type.String(),
                    category: Type.String(),
                    credentials: Type.Unknown({ description: 'The JSON Schema of this kind’s credentials' }),
                    settings: Type.Unknown({ description: 'The JSON Schema of this kind’s settings' }),
                  },
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
    async () => ({ data: CONNECTION_KINDS.map((k) => ({ kind: k.kind, category: k.category, credentials: k.credentials, settings: k.settings })) }),
  );

  app.get(
    '/connections',
    { config: { permission: 'shop:read' }, schema: { tags: ['connections'], summary: 'The shop’s connections (credentials are never returned)', response: { 200: Type.Object({ data: Type.Array(ConnectionSchema) }, closed), ...errorResponses } } },
    async (req) => listConnections(app.ctx, req.principal!.shopId),
  );

  app.post(
    '/connections',
    {
      config: { permission: 'shop:manage' },
      schema: {
        tags: ['connections'],
        summary: 'Connect a storefront, payment rail, marketplace, carrier or SMS provider',
        body: Type.Object({ kind: Type.String({ minLength: 1, maxLength: 40 }), name: Name, credentials: Fields, settings: Type.Optional(Fields) }, { additionalProperties: false }),
        response: { 201: ConnectionSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createConnection(app.ctx, req.principal!.shopId, req.body, keyedAs(req, 201));
    },
  );

  app.get(
    '/connections/:id',
    { config: { permission: 'shop:read' }, schema: { tags: ['connections'], summary: 'One connection', params: IdParams, response: { 200: ConnectionSchema, ...errorResponses } } },
    async (req) => getConnection(app.ctx, req.principal!.shopId, req.params.id),
  );

  app.patch(
    '/connections/:id',
    {
      config: { permission: 'shop:manage' },
      schema: {
        tags: ['connections'],
        summary: 'Rename, pause or resume a connection, or replace its credentials or settings',
        params: IdParams,
        body: Type.Object(
          { name: Type.Optional(Name), status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('paused')])), credentials: Type.Optional(Fields), settings: Type.Optional(Fields) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: ConnectionSchema, ...errorResponses },
      },
    },
    async (req) => updateConnection(app.ctx, req.principal!.shopId, req.params.id, req.body),
  );

  app.delete(
    '/connections/:id',
    { config: { permission: 'shop:manage' }, schema: { tags: ['connections'], summary: 'Disconnect (its log goes too; orders and refunds it brought stay)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (req, reply) => {
      await deleteConnection(app.ctx, req.principal!.shopId, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/connections/:id/runs',
    {
      config: { permission: 'shop:read' },
      schema: { tags: ['connections'], summary: 'The connection’s log: syncs, webhooks and pushes, newest first', params: IdParams, querystring: Type.Object(PageQuery), response: { 200: Page(RunSchema), ...errorResponses } },
    },
    async (req) => {
      const before = req.query.cursor === undefined ? undefined : Number(req.query.cursor);
      if (before !== undefined && !(Number.isSafeInteger(before) && before > 0)) throw invalid('page.bad_cursor', 'The cursor is not one this list gave');
      return listConnectionRuns(app.ctx, req.principal!.shopId, req.params.id, req.query.limit ?? 50, before);
    },
  );

  app.post(
    '/connections/:id/sync',
    {
      config: { permission: 'shop:manage' },
      schema: {
        tags: ['connections'],
        summary: 'Sync now: back-fill or fetch what changed, in this request (the worker also syncs on its own schedule)',
        params: IdParams,
        response: {
          200: Type.Object({
            connection: ConnectionSchema,
            itemsIn: Type.Integer({ description: 'Orders written' }),
            errors: Type.Integer({ description: 'Items that failed (see the log)' }),
            error: Nullable(Type.String({ description: 'Why the run failed as a whole; it is retried with backoff' })),
          }, closed),
          ...errorResponses,
        },
      },
    },
    async (req) => syncConnection(app.ctx, req.principal!.shopId, req.params.id),
  );
};
