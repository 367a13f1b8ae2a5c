import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createReturnAddress, deleteReturnAddress, listReturnAddresses, updateReturnAddress } from '../../../services/return-addresses/return-addresses.js';
import { DateTime, errorResponses, IdParams, Nullable } from '../../schemas/common.js';
import { keyedAs } from '../../idempotent-reply.js';
import { ReturnAddressSnapshotSchema } from '../../schemas/cases.js';

const Line = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, description });
const Optional = (max: number, description: string) => Type.Optional(Nullable(Type.String({ maxLength: max, description })));

export const ReturnAddressSchema = Type.Object(
  {
    // What a case keeps of an entry when it is approved with it, and the book's own fields.
    ...ReturnAddressSnapshotSchema.properties,
    isDefault: Type.Boolean(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);

const fields = {
  name: Line(100, 'Recipient (收件人): a person or a department'),
  phone: Line(40, 'Phone of the recipient'),
  addressZh: Optional(500, 'The full address in Chinese (省 市 区 + street); this or addressLatin is required'),
  addressLatin: Optional(500, 'The same address in Latin letters'),
  postalCode: Optional(20, 'Postal code'),
  warehouse: Optional(100, 'The warehouse this address belongs to'),
  isDefault: Type.Optional(Type.Boolean({ description: 'Make it the default (preselected on approval); the first address always is' })),
};

export const returnAddressRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/return-addresses',
    {
      config: { permission: 'shop:read' },
      schema: { tags: ['shop'], summary: 'The shop’s return addresses (退货地址), the default first', response: { 200: Type.Object({ data: Type.Array(ReturnAddressSchema) }, { additionalProperties: false }), ...errorResponses } },
    },
    async (req) => listReturnAddresses(app.ctx, req.principal!.shopId),
  );

  app.post(
    '/return-addresses',
    {
      config: { permission: 'shop:manage' },
      schema: {
        tags: ['shop'],
        summary: 'Add a return address',
        body: Type.Object(fields, { additionalProperties: false }),
        response: { 201: ReturnAddressSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createReturnAddress(app.ctx, req.principal!.shopId, req.body, keyedAs(req, 201));
    },
  );

  app.patch(
    '/return-addresses/:id',
    {
      config: { permission: 'shop:manage' },
      schema: {
        tags: ['shop'],
        summary: 'Change a return address (cases approved with it keep the address they were given)',
        params: IdParams,
        body: Type.Object({ ...fields, name: Type.Optional(fields.name), phone: Type.Optional(fields.phone) }, { additionalProperties: false, minProperties: 1 }),
        response: { 200: ReturnAddressSchema, ...errorResponses },
      },
    },
    async (req) => updateReturnAddress(app.ctx, req.principal!.shopId, req.params.id, req.body),
  );

  app.delete(
    '/return-addresses/:id',
    {
      config: { permission: 'shop:manage' },
      schema: { tags: ['shop'], summary: 'Delete a return address (the default passes to the oldest one left)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (req, reply) => {
      await deleteReturnAddress(app.ctx, req.principal!.shopId, req.params.id);
      return reply.code(204).send(null);
    },
  );
};
