import { Type, type TSchema } from 'typebox';

/** Reply objects are closed: every field declared (issue 15); the OpenAPI contract test checks it. */
export const closed = { additionalProperties: false } as const;

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const Uuid = Type.String({ format: 'uuid' });
/** A text in both languages of the UI. */
export const Explanation = Type.Object({ 'zh-CN': Type.String(), en: Type.String() }, closed);
export const IdParams = Type.Object({ id: Uuid });
export const DateTime = Type.String({ format: 'date-time' });

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. order.not_found' }),
      message: Type.String({ description: 'Human-readable explanation' }),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
  },
  { $id: 'Error', description: 'Every error has this shape (docs/api-guide.md, Errors)' },
);

/** The error replies every route may give; merged into each route's `response`. */
export const errorResponses = {
  '4xx': Type.Ref('Error'),
  '5xx': Type.Ref('Error'),
};

export const PageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    data: Type.Array(item),
    nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` for the next page; null on the last page' })),
  }, closed);

/** A reply that is a file, not JSON (evidence bytes, label PDFs, CSV exports). */
export const BinaryReply = (description: string, mime = '*/*') => ({
  description,
  content: { [mime]: { schema: Type.String({ format: 'binary' }) } },
});
