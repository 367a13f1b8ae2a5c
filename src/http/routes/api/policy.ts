import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PolicySchema } from '../../../domain/policy/schema.js';
import type { PolicyRow } from '../../../services/policy/policies.js';
import { currentPolicy, listPolicyVersions, savePolicy } from '../../../services/policy/policies.js';
import { simulatePolicy } from '../../../services/policy/simulate-policy.js';
import { DateTime, errorResponses, Nullable, Uuid } from '../../schemas/common.js';

const VersionSchema = Type.Object({
  id: Uuid,
  version: Type.Integer(),
  note: Nullable(Type.String()),
  createdAt: DateTime,
  document: Type.Object({}, { additionalProperties: true, description: 'The policy document (see PolicyDocument)' }),
});
const versionView = (p: PolicyRow) => ({ id: p.id, version: p.version, note: p.note, createdAt: p.createdAt.toISOString(), document: p.document });

export const policyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/policy',
    { config: { permission: 'policy:read' }, schema: { tags: ['policy'], summary: 'The policy in force', response: { 200: VersionSchema, ...errorResponses } } },
    async (req) => versionView(await currentPolicy(app.ctx.db, req.principal!.shopId, app.ctx.clock.now())),
  );

  app.put(
    '/policy',
    {
      config: { permission: 'policy:write' },
      schema: {
        tags: ['policy'],
        summary: 'Save a new policy version (earlier versions stay; cases keep the one they were judged under)',
        description: 'The document is validated against its schema and for coherence; 422 policy.invalid names the path of each problem.',
        body: Type.Object({ document: Type.Unknown({ description: 'A PolicyDocument' }), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
        response: { 200: VersionSchema, ...errorResponses },
      },
    },
    async (req) => {
      const p = req.principal!;
      return versionView(await savePolicy(app.ctx, p.shopId, req.body.document, req.body.note, p.kind === 'staff' ? p.id : undefined));
    },
  );

  app.get(
    '/policy/versions',
    {
      config: { permission: 'policy:read' },
      schema: { tags: ['policy'], summary: 'Every saved version, newest first', response: { 200: Type.Object({ data: Type.Array(VersionSchema) }), ...errorResponses } },
    },
    async (req) => ({ data: (await listPolicyVersions(app.ctx, req.principal!.shopId)).map(versionView) }),
  );

  app.get(
    '/policy/schema',
    { config: { permission: 'policy:read' }, schema: { tags: ['policy'], summary: 'The JSON Schema of a policy document', response: { ...errorResponses } } },
    async () => PolicySchema,
  );

  app.post(
    '/policy/simulate',
    {
      config: { permission: 'policy:read' },
      schema: {
        tags: ['policy'],
        summary: 'Re-judge past cases under a draft and report what would change (nothing is saved)',
        body: Type.Object(
          { document: Type.Unknown(), days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 90 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ evaluated: Type.Integer() }, { additionalProperties: true }), ...errorResponses },
      },
    },
    async (req) => simulatePolicy(app.ctx, req.principal!.shopId, req.body.document, req.body.days ?? 90),
  );
};
