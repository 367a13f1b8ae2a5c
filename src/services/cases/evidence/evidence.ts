import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, eq } from 'drizzle-orm';
import { AppError, notFound, unprocessable } from '../../../domain/errors.js';
import type { Actor } from '../../../domain/cases/model.js';
import { casesRepo } from '../../../db/repos/cases-repo.js';
import { evidence } from '../../../db/schema/index.js';
import { contentKey } from '../../../integrations/storage/blob-storage.js';
import { localStorage } from '../../../integrations/storage/local-storage.js';
import type { ServiceContext } from '../../context.js';
import { lazyModule } from '../../../lazy-module.js';

/** Only uploads need it. */
const loadFileType = lazyModule(() => import('file-type'));

/** Photos and videos a buyer or a warehouse may attach; anything else is refused, whatever its name says. */
export const EVIDENCE_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/heic',
  'image/heif',
  'image/avif',
  'video/mp4',
  'video/quicktime',
  'video/webm',
]);

export const storageFor = (ctx: ServiceContext) => localStorage(join(ctx.config.dataDir, 'blobs'));

export interface UploadedFile {
  stream: Readable;
  filename?: string;
  /** Set by the multipart parser when the file exceeded the size limit. */
  truncated?: () => boolean;
}

/**
 * Stores an upload for a case: streamed to a temporary file while hashed and measured, its type
 * read from its first bytes (not its name or stated type), then kept under its SHA-256. The same
 * file attached twice to a case is one piece of evidence.
 */
export async function uploadEvidence(
  ctx: ServiceContext,
  shopId: string,
  caseId: string,
  file: UploadedFile,
  meta: { purpose: 'claim' | 'inspection' | 'message'; itemId?: string },
  uploader: Actor,
) {
  const c = await casesRepo.findById(ctx.db, shopId, caseId);
  if (!c) throw notFound('case.not_found', 'No such case');
  if (meta.itemId && !(await casesRepo.itemsOf(ctx.db, shopId, caseId)).some((i) => i.id === meta.itemId)) {
    throw unprocessable('case.item_unknown', 'The item does not belong to this case');
  }
  const dir = join(tmpdir(), 'retour-uploads');
  await mkdir(dir, { recursive: true });
  const temp = join(dir, randomBytes(12).toString('hex'));
  const hash = createHash('sha256');
  let size = 0;
  try {
    file.stream.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    await pipeline(file.stream, createWriteStream(temp));
    if (file.truncated?.()) throw new AppError('too_large', 'request.too_large', `The file is larger than ${ctx.config.uploadLimitBytes} bytes`);
    if (size === 0) throw unprocessable('evidence.empty', 'The file is empty');
    const head = Buffer.alloc(Math.min(size, 4100));
    const handle = await open(temp, 'r');
    await handle.read(head, 0, head.length, 0);
    await handle.close();
    const type = await (await loadFileType()).fileTypeFromBuffer(head);
    if (!type || !EVIDENCE_TYPES.has(type.mime)) {
      throw new AppError('unsupported_media_type', 'evidence.type_not_allowed', 'Attach photos (JPEG, PNG, WebP, HEIC) or videos (MP4, MOV, WebM)', {
        detected: type?.mime ?? null,
      });
    }
    const sha256 = hash.digest('hex');
    const key = contentKey(sha256);
    await storageFor(ctx).put(key, temp);
    const [row] = await ctx.db
      .insert(evidence)
      .values({
        shopId,
        caseId,
        returnItemId: meta.itemId ?? null,
        sha256,
        mime: type.mime,
        sizeBytes: size,
        storageKey: key,
        originalName: file.filename?.slice(0, 200) ?? null,
        purpose: meta.purpose,
        uploadedByKind: uploader.kind,
        uploadedById: uploader.kind === 'staff' ? uploader.id : null,
        createdAt: ctx.clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    const stored = row ?? (await ctx.db.select().from(evidence).where(and(eq(evidence.shopId, shopId), eq(evidence.caseId, caseId), eq(evidence.sha256, sha256))))[0]!;
    return { id: stored.id, mime: stored.mime, sizeBytes: stored.sizeBytes, sha256: stored.sha256, purpose: stored.purpose, createdAt: stored.createdAt.toISOString() };
  } finally {
    await rm(temp, { force: true });
  }
}

/** An evidence file of the shop (callers check the viewer may see the case first). */
export async function readEvidence(ctx: ServiceContext, shopId: string, id: string) {
  const [row] = await ctx.db.select().from(evidence).where(and(eq(evidence.shopId, shopId), eq(evidence.id, id)));
  if (!row) throw notFound('evidence.not_found', 'No such evidence');
  return { row, stream: storageFor(ctx).read(row.storageKey) };
}
