import type { Readable } from 'node:stream';

/**
 * Where uploaded files live. Keys are content addresses (the SHA-256 of the bytes), so storing
 * the same file twice stores it once. The local-disk implementation is below; an S3-compatible
 * store implements the same three methods.
 */
export interface BlobStorage {
  /** Moves the file at `sourcePath` under `key` (a no-op when the key exists). */
  put(key: string, sourcePath: string): Promise<void>;
  read(key: string): Readable;
  exists(key: string): Promise<boolean>;
}

export const contentKey = (sha256: string) => `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
