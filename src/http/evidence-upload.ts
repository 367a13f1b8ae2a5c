import type { FastifyRequest } from 'fastify';
import { invalid } from '../domain/errors.js';
import { CANONICAL_UUID } from '../services/schema.js';

/**
 * Reads an evidence upload (multipart: optional `purpose` and `itemId` fields before `file`),
 * checking the purpose against those the caller may attach. The file stays a stream.
 */
export async function readEvidenceUpload<P extends string>(req: FastifyRequest, purposes: readonly P[], defaultPurpose: P) {
  if (!req.isMultipart()) throw invalid('evidence.file_required', 'Send the file as multipart/form-data in the field "file"');
  const file = await req.file();
  if (!file || file.fieldname !== 'file') throw invalid('evidence.file_required', 'Send the file as multipart/form-data in the field "file"');
  // The name is kept as a label; a NUL (or other control character) in it is a malformed upload.
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f]/.test(file.filename)) throw invalid('request.malformed_multipart', 'The file name contains control characters');
  const field = (name: string) => {
    const f = file.fields[name];
    return f && !Array.isArray(f) && 'value' in f ? String(f.value) : undefined;
  };
  const purpose = field('purpose') ?? defaultPurpose;
  if (!(purposes as readonly string[]).includes(purpose)) {
    throw invalid('evidence.purpose_invalid', `purpose is ${purposes.slice(0, -1).join(', ')} or ${purposes[purposes.length - 1]}`);
  }
  const itemId = field('itemId');
  if (itemId !== undefined && !CANONICAL_UUID.test(itemId)) throw invalid('request.invalid', 'itemId must be a UUID');
  return {
    upload: { stream: file.file, filename: file.filename, truncated: () => file.file.truncated },
    meta: { purpose: purpose as P, itemId },
  };
}
