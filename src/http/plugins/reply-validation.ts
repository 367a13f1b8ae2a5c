import responseValidation from '@fastify/response-validation';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { CANONICAL_UUID, isStorableDate, isStorableDateTime } from '../../services/schema.js';
import { ErrorSchema } from '../schemas/common.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * Under tests (config.validateReplies): every reply is checked against its route's response schema
 * before fastify serialises it. fast-json-stringify drops undeclared fields of a closed object
 * silently; this check sees the object the handler returned, so an undeclared field or a wrong
 * type fails the test that made it (500 internal.reply_invalid, see plugins/errors.ts).
 * Must be registered before the routes (it hooks onRoute).
 */
export async function registerReplyValidation(app: FastifyInstance): Promise<void> {
  // Not the plugin's default Ajv: that one removes additional properties (removeAdditional: true)
  // and fills defaults into the reply, so it would hide exactly what it is here to find.
  const ajv = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false, removeAdditional: false }));
  ajv.addFormat('uuid', CANONICAL_UUID);
  ajv.addFormat('date-time', { type: 'string', validate: isStorableDateTime });
  ajv.addFormat('date', { type: 'string', validate: isStorableDate });
  ajv.addSchema(ErrorSchema as object, 'Error');
  // The check sees the reply as it goes on the wire (a Date as its ISO string, undefined fields left
  // out, toJSON applied), every field kept: this instance-level hook runs before the route-level check.
  app.addHook('preSerialization', async (_req, _reply, payload: unknown) => JSON.parse(JSON.stringify(payload)) as unknown);
  await app.register(responseValidation, { ajv });
}
