import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A file of the workplace's public datasets: `../shared/data` beside the repository (CI lays it
 * beside its clone too), or where RETOUR_SHARED_DATA says.
 */
export function sharedDataFile(relative: string): string {
  const candidates = [
    process.env.RETOUR_SHARED_DATA ? `${process.env.RETOUR_SHARED_DATA}/${relative}` : null,
    fileURLToPath(new URL(`../../../shared/data/${relative}`, import.meta.url)),
  ].filter((p): p is string => p !== null);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`dataset ${relative} not found; looked in ${candidates.join(', ')}`);
  return found;
}
