import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import { AppError, type ErrorKind } from '../../domain/errors.js';
import { isUniqueViolation } from '../../services/database-errors.js';
import { describeIssues } from '../../services/schema.js';
import { errorMessage, languageFromHeaders, type Language } from '../../i18n/messages.js';
import { orderLanguage } from '../../services/i18n/language.js';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

/**
 * What busboy (under @fastify/multipart) throws for a body that is not well-formed multipart: no or
 * an oversized boundary, or data that ends mid-part. Plain Errors, told apart by their messages.
 */
const MALFORMED_MULTIPART = /^(Multipart: Boundary not found|Boundary required|The needle cannot have a length bigger than \d+|Unexpected end of multipart data|.* terminated early due to unexpected end of multipart data)/;

const body = (code: string, message: string, details: Record<string, unknown> = {}): ErrorBody => ({ error: { code, message, details } });

function validationDetails(issues: ErrorObject[], part: string | undefined) {
  return describeIssues(issues).map((issue) => ({ in: part ?? 'body', ...issue }));
}

/** Maps every error to the one error shape (docs/api-guide.md, Errors). Stack traces stay in the log. */
export function toErrorReply(err: FastifyError | AppError | Error): { status: number; body: ErrorBody; params?: Record<string, unknown> } {
  if (err instanceof AppError) return { status: STATUS[err.kind], body: body(err.code, err.message, err.details) };
  const e = err as FastifyError & { validation?: ErrorObject[]; validationContext?: string };
  // A reply that does not match its route's response schema (checked under tests only, see
  // plugins/reply-validation.ts): our fault, not the request's, and the test that made it must say where.
  if (e.code === 'FST_RESPONSE_VALIDATION_FAILED_VALIDATION') {
    return { status: 500, body: body('internal.reply_invalid', e.message, { errors: validationDetails(e.validation ?? [], 'reply') }) };
  }
  if (e.validation) {
    const errors = validationDetails(e.validation, e.validationContext);
    const first = errors[0];
    const summary = first ? `${first.in}${first.path || ''} ${first.message}` : 'is invalid';
    return { status: 400, body: body('request.invalid', `The request ${summary}`, { errors }), params: { field: first ? `${first.in}${first.path || ''}` : 'body' } };
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
      return { status: 413, body: body('request.too_large', 'The request body is larger than this server accepts') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, body: body('request.unsupported_media_type', 'Send JSON (application/json) or, for uploads, multipart/form-data') };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: body('request.empty_body', 'The request needs a JSON body') };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, body: body('request.malformed_json', 'The body is not valid JSON') };
  }
  if (e instanceof SyntaxError || e.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return { status: 400, body: body('request.malformed_json', 'The body is not valid JSON') };
  }
  if (MALFORMED_MULTIPART.test(e.message ?? '')) {
    return { status: 400, body: body('request.malformed_multipart', 'The body is not well-formed multipart/form-data (boundary and parts)') };
  }
  // Two requests racing to create the same thing: the database's unique index decides, and the
  // loser is told so, whichever use case it raced in (never the constraint or the SQL).
  if (isUniqueViolation(err)) {
    return { status: 409, body: body('request.duplicate', 'Something with the same unique value was created at the same time or already exists') };
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, body: body('request.invalid', e.message) };
  }
  return { status: 500, body: body('internal.error', 'Something went wrong on our side; the request id in the x-request-id header helps us find it') };
}

/**
 * The reader's language: on the portal, the language of the order the buyer's token opens (then
 * Accept-Language); elsewhere Accept-Language (the console sends its UI language). Without either,
 * null: the message stays the English one API clients have always had (the `code` never changes).
 */
async function readerLanguage(app: FastifyInstance, req: FastifyRequest): Promise<Language | null> {
  const scope = req.portalScope;
  if (scope) {
    try {
      const ordered = await orderLanguage(app.ctx, scope.shopId, scope.orderId);
      if (ordered) return ordered;
    } catch (err) {
      req.log.warn({ err }, 'order language unknown'); // the database may be why the request failed
    }
  }
  return languageFromHeaders(req.headers);
}

/** The error body with its message in the reader's language (the catalog of src/i18n; English for codes it lacks). */
export async function localised(app: FastifyInstance, req: FastifyRequest, payload: ErrorBody, params: Record<string, unknown> = {}): Promise<ErrorBody> {
  const lng = await readerLanguage(app, req);
  const { code, message, details } = payload.error;
  return { error: { code, message: errorMessage(lng, code, message, { ...details, ...params }), details } };
}

export const routeNotFound = (req: FastifyRequest) => body('route.not_found', `No route ${req.method} ${req.url.split('?')[0]}`);

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    const { status, body: payload, params } = toErrorReply(err);
    if (status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: payload.error.code, status }, 'request refused');
    return reply.code(status).send(await localised(app, req, payload, params));
  });
  app.setNotFoundHandler(async (req, reply) => reply.code(404).send(await localised(app, req, routeNotFound(req))));
}
