import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PolicySchema } from '../../../domain/policy/schema.js';
import type { PolicyRow } from '../../../services/policy/policies.js';
import { currentPolicy, listPolicyVersions, savePolicy } from '../../../services/policy/policies.js';
import { simulatePolicy } from '../../../services/policy/simulate-policy.js';
import { StringEnum } from '../../../domain/typebox.js';
import { closed, DateTime, errorResponses, Nullable, Uuid } from '../../schemas/common.js';

export const VersionSchema = Type.Object({
  id: Uuid,
  version: Type.Integer(),
  note: Nullable(Type.String()),
  createdAt: DateTime,
  document: Type.Record(Type.String(), Type.Unknown(), { description: 'The policy document: its JSON Schema is GET /policy/schema' }),
}, closed);

const Outcome = Type.Object(
  { eligible: Type.Boolean(), refundMinor: Type.Integer(), decision: StringEnum(['approve', 'review', 'none'] as const), fastRefund: Type.Boolean(), rule: Type.String() },
  closed,
);
const Totals = Type.Object({ eligible: Type.Integer(), refundMinor: Type.Integer(), autoApproved: Type.Integer(), fastRefunds: Type.Integer() }, closed);

/** POST /policy/simulate: what a draft would change in past cases. */
export const SimulationSchema = Type.Object(
  {
    days: Type.Integer(),
    truncated: Type.Boolean(),
    evaluated: Type.Integer(),
    changed: Type.Array(
      Type.Object(
        { caseId: Uuid, rmaNumber: Type.String(), before: Outcome, after: Outcome, changes: Type.Array(StringEnum(['eligible', 'refundMinor', 'decision', 'fastRefund', 'rule'] as const)) },
        closed,
      ),
    ),
    totals: Type.Object({ before: Totals, after: Totals }, closed),
    skipped: Type.Array(Type.Object({ caseId: Uuid, rmaNumber: Type.String(), code: Type.String(), message: Type.String() }, closed), {
      description: 'Cases whose recorded history the rules could not judge again (left out of the totals)',
    }),
  },
  closed,
);
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
      schema: { tags: ['policy'], summary: 'Every saved version, newest first', response: { 200: Type.Object({ data: Type.Array(VersionSchema) }, closed), ...errorResponses } },
    },
    async (req) => ({ data: (await listPolicyVersions(app.ctx, req.principal!.shopId)).map(versionView) }),
  );

  app.get(
    '/policy/schema',
    { config: { permission: 'policy:read' }, schema: { tags: ['policy'], summary: 'The JSON Schema of a policy document', response: { 200: Type.Record(Type.String(), Type.Unknown(), { description: 'A JSON Schema (draft 2020-12 keywords)' }), ...errorResponses } } },
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
        response: { 200: SimulationSchema, ...errorResponses },
      },
    },
    async (req) => simulatePolicy(app.ctx, req.principal!.shopId, req.body.document, req.body.days ?? 90),
  );
};
