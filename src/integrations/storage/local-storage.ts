import { createReadStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BlobStorage } from './blob-storage.js';

/** Files under DATA_DIR/blobs, one per content address. */
export function localStorage(root: string): BlobStorage {
  const pathOf = (key: string) => {
    if (!/^sha256\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error(`not a content key: ${key}`);
    return join(root, key);
  };
  const exists = async (key: string) =>
    access(pathOf(key)).then(
      () => true,
      () => false,
    );
  return {
    exists,
    async put(key, sourcePath) {
      const target = pathOf(key);
      if (await exists(key)) {
        await rm(sourcePath, { force: true });
        return;
      }
      await mkdir(dirname(target), { recursive: true });
      await rename(sourcePath, target);
    },
    read(key) {
      return createReadStream(pathOf(key));
    },
  };
}
