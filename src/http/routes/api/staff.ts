import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createApiKey, listApiKeys, revokeApiKey } from '../../../services/api-keys/api-keys.js';
import { createStaff, listStaff, updateStaff } from '../../../services/staff/staff.js';
import { keyedAs } from '../../idempotent-reply.js';
import { closed, errorResponses, IdParams } from '../../schemas/common.js';
import { ApiKeySchema, apiKeyView, LocaleSchema, RoleSchema, StaffSchema, staffView } from '../../schemas/staff.js';

const strict = closed;

/** Staff accounts and API keys of the caller's shop. */
export const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff',
    { config: { permission: 'staff:manage' }, schema: { tags: ['staff'], response: { 200: Type.Object({ data: Type.Array(StaffSchema) }, closed), ...errorResponses } } },
    async (req) => ({ data: (await listStaff(app.ctx, req.principal!.shopId)).map(staffView) }),
  );

  app.post(
    '/staff',
    {
      config: { permission: 'staff:manage' },
      schema: {
        tags: ['staff'],
        body: Type.Object(
          {
            email: Type.String({ format: 'email', maxLength: 254 }),
            name: Type.String({ minLength: 1, maxLength: 100 }),
            role: RoleSchema,
            password: Type.String({ minLength: 10, maxLength: 1000 }),
            locale: Type.Optional(LocaleSchema),
          },
          strict,
        ),
        response: { 201: StaffSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(staffView(await createStaff(app.ctx, { shopId: req.principal!.shopId, ...req.body }, keyedAs(req, 201, staffView)))),
  );

  app.patch(
    '/staff/:id',
    {
      config: { permission: 'staff:manage' },
      schema: {
        tags: ['staff'],
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            role: Type.Optional(RoleSchema),
            disabled: Type.Optional(Type.Boolean()),
            password: Type.Optional(Type.String({ minLength: 10, maxLength: 1000 })),
            locale: Type.Optional(LocaleSchema),
          },
          strict,
        ),
        response: { 200: StaffSchema, ...errorResponses },
      },
    },
    async (req) => staffView(await updateStaff(app.ctx, req.principal!.shopId, req.params.id, req.body)),
  );

  app.get(
    '/api-keys',
    { config: { permission: 'api_keys:manage' }, schema: { tags: ['api-keys'], response: { 200: Type.Object({ data: Type.Array(ApiKeySchema) }, closed), ...errorResponses } } },
    async (req) => ({ data: (await listApiKeys(app.ctx, req.principal!.shopId)).map(apiKeyView) }),
  );

  app.post(
    '/api-keys',
    {
      config: { permission: 'api_keys:manage' },
      schema: {
        tags: ['api-keys'],
        summary: 'Create an API key; the key is in this reply only',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            role: RoleSchema,
            platform: Type.Optional(Type.Boolean({ description: 'A marketplace connector key, which may relay the platform\'s own decisions with X-Acting-As: platform (its role still bounds what it may do: money needs refunds:issue)' })),
          },
          strict,
        ),
        response: { 201: Type.Object({ key: Type.String({ description: 'Shown once; store it now' }), apiKey: ApiKeySchema }, closed), ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = req.principal!;
      const render = ({ key, row }: Awaited<ReturnType<typeof createApiKey>>) => ({ key, apiKey: apiKeyView(row) });
      const created = await createApiKey(
        app.ctx,
        { shopId: p.shopId, name: req.body.name, role: req.body.role, platform: req.body.platform, createdBy: p.kind === 'staff' ? p.id : undefined },
        keyedAs(req, 201, render),
      );
      return reply.code(201).send(render(created));
    },
  );

  app.delete(
    '/api-keys/:id',
    {
      config: { permission: 'api_keys:manage' },
      schema: { tags: ['api-keys'], summary: 'Revoke a key (it stops working at once)', params: IdParams, response: { 200: ApiKeySchema, ...errorResponses } },
    },
    async (req) => apiKeyView(await revokeApiKey(app.ctx, req.principal!.shopId, req.params.id)),
  );
};
