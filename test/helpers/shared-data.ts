import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A file of the workplace's public datasets (`../shared/data` beside the repository). A clone
 * elsewhere (CI's clean checkout) finds them at /work/shared/data, or where RETOUR_SHARED_DATA says.
 */
export function sharedDataFile(relative: string): string {
  const candidates = [
    process.env.RETOUR_SHARED_DATA ? `${process.env.RETOUR_SHARED_DATA}/${relative}` : null,
    fileURLToPath(new URL(`../../../shared/data/${relative}`, import.meta.url)),
    `/work/shared/data/${relative}`,
  ].filter((p): p is string => p !== null);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`dataset ${relative} not found; looked in ${candidates.join(', ')}`);
  return found;
}
