import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { invalid } from '../../../domain/errors.js';
import { importOrdersCsv } from '../../../services/imports/orders-csv.js';
import { closed, errorResponses, Nullable } from '../../schemas/common.js';

export const ImportSummarySchema = Type.Object({
  rows: Type.Integer({ description: 'Data rows read' }),
  orders: Type.Object({ created: Type.Integer(), updated: Type.Integer(), rejected: Type.Integer() }, closed),
  lines: Type.Integer({ description: 'Order lines written' }),
  errors: Type.Array(
    Type.Object({ line: Type.Integer(), orderId: Type.Optional(Type.String()), code: Type.String(), message: Type.String() }, closed),
  ),
  errorsNotListed: Type.Integer(),
  aborted: Nullable(Type.Object({ line: Type.Integer(), message: Type.String() }, { ...closed, description: 'Set when the file stopped being valid CSV' })),
  durationMs: Type.Integer(),
  stock: Type.Object({ updated: Type.Integer({ description: 'Variants whose stock on hand the stock_on_hand column changed' }) }, closed),
}, closed);

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/imports',
    {
      config: { permission: 'imports:run' },
      schema: {
        tags: ['imports'],
        summary: 'Import orders from a CSV file (multipart/form-data, field `file`)',
        description:
          'Column format: docs/import-format.md. The file is parsed as it streams in. Each order is checked completely before anything ' +
          'of it is written; rejected orders are listed with their line numbers. Re-importing a file updates the same orders.',
        consumes: ['multipart/form-data'],
        response: { 200: ImportSummarySchema, ...errorResponses },
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw invalid('import.file_required', 'Send the CSV as multipart/form-data in the field "file"');
      const file = await req.file();
      if (!file || file.fieldname !== 'file') throw invalid('import.file_required', 'Send the CSV as multipart/form-data in the field "file"');
      // A file over UPLOAD_LIMIT fails the stream (413); the orders read before that point stay written, each one whole.
      return importOrdersCsv(app.ctx, req.principal!.shopId, file.file, { kind: req.principal!.kind, id: req.principal!.id });
    },
  );
};
