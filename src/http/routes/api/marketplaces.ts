import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { caseMarketplaceLink } from '../../../services/marketplaces/case-link.js';
import { DateTime, errorResponses, IdParams, Nullable, Uuid } from '../../schemas/common.js';

const LinkSchema = Type.Object(
  {
    platform: Type.String({ description: '`taobao`, `pinduoduo`, `jd` or `douyin`' }),
    connectionId: Uuid,
    connectionName: Nullable(Type.String()),
    externalId: Type.String({ description: 'The platform’s after-sales id' }),
    orderExternalId: Type.String(),
    platformStatus: Type.String({ description: 'The platform’s status code as last pulled' }),
    platformStatusMeaning: Nullable(Type.String()),
    confidence: Nullable(Type.String({ description: 'How sure the mapping of this code is: H, M, L or U (docs/marketplaces.md)' })),
    platformType: Type.String(),
    platformModifiedAt: Nullable(DateTime),
    platformDeadlineAt: Nullable(DateTime),
    deadlineAt: Nullable(DateTime),
    deadlineRule: Nullable(Type.String()),
    pushError: Nullable(Type.String()),
  },
  { additionalProperties: false },
);

/** Issue 17: the marketplace record behind a case. */
export const marketplaceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/returns/:id/marketplace',
    {
      config: { permission: 'cases:read' },
      schema: {
        tags: ['returns'],
        summary: 'The marketplace after-sales record a case came from (platform, status, deadline), or null',
        params: IdParams,
        response: { 200: Type.Object({ link: Nullable(LinkSchema) }, { additionalProperties: false }), ...errorResponses },
      },
    },
    async (req) => caseMarketplaceLink(app.ctx, req.principal!.shopId, req.params.id),
  );
};
