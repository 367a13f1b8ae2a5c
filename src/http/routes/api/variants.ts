import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { StringEnum } from '../../../domain/typebox.js';
import { listVariants, setVariantStock, variantMovements } from '../../../services/catalog/stock.js';
import { closed, DateTime, errorResponses, IdParams, Nullable, PageQuery, Uuid } from '../../schemas/common.js';

export const VariantSchema = Type.Object(
  {
    id: Uuid,
    productId: Uuid,
    sku: Type.String(),
    title: Type.String(),
    attributes: Type.Record(Type.String(), Type.String()),
    priceMinor: Nullable(Type.Integer()),
    currency: Nullable(Type.String()),
    returnFlags: Type.Object({ customMade: Type.Boolean(), perishable: Type.Boolean(), digital: Type.Boolean(), hygiene: Type.Boolean(), finalSale: Type.Boolean() }, closed),
    stockOnHand: Type.Integer({ description: 'Units in stock: exchanges ship replacements from it' }),
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);

export const MovementSchema = Type.Object(
  {
    id: Uuid,
    quantity: Type.Integer({ description: 'Units added (positive) or taken (negative)' }),
    reason: Type.Union([Type.Literal('return_restock'), Type.Literal('replacement_shipped'), Type.Literal('adjustment')]),
    stockAfter: Nullable(Type.Integer({ description: 'Adjustments: the stock on hand it set' })),
    source: Nullable(Type.String({ description: 'Adjustments: api or import' })),
    note: Nullable(Type.String()),
    caseId: Nullable(Uuid),
    returnItemId: Nullable(Uuid),
    actor: Nullable(Type.Object({ kind: StringEnum(['staff', 'api_key', 'system'] as const), id: Nullable(Uuid) }, closed)),
    createdAt: DateTime,
  },
  { additionalProperties: false },
);

export const variantRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/variants',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags: ['catalog'],
        summary: 'The catalogue’s variants (SKUs) with their stock on hand, in SKU order',
        querystring: Type.Object({ sku: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'One SKU, exactly' })), ...PageQuery }, { additionalProperties: false }),
        response: { 200: Type.Object({ data: Type.Array(VariantSchema), nextCursor: Nullable(Type.String()) }, closed), ...errorResponses },
      },
    },
    async (req) => listVariants(app.ctx, req.principal!.shopId, req.query),
  );

  app.patch(
    '/variants/:id',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags: ['catalog'],
        summary: 'Set a variant’s stock on hand (a count); the change is recorded as an inventory movement `adjustment`',
        params: IdParams,
        body: Type.Object(
          {
            stockOnHand: Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Units now in stock' }),
            note: Type.Optional(Type.String({ maxLength: 500, description: 'Why (stock count, delivery from the supplier, …)' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: VariantSchema, ...errorResponses },
      },
    },
    async (req) => {
      const p = req.principal!;
      return setVariantStock(app.ctx, p.shopId, req.params.id, req.body, { kind: p.kind, id: p.id });
    },
  );

  app.get(
    '/variants/:id/movements',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags: ['catalog'],
        summary: 'A variant’s stock movements, newest first (restocked returns, replacements shipped, adjustments)',
        params: IdParams,
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: { 200: Type.Object({ stockOnHand: Type.Integer(), data: Type.Array(MovementSchema), nextCursor: Nullable(Type.String()) }, closed), ...errorResponses },
      },
    },
    async (req) => variantMovements(app.ctx, req.principal!.shopId, req.params.id, req.query),
  );
};
