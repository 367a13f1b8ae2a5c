import { setFlagsFromString } from 'node:v8';

/**
 * Caps how far V8 grows the heap between full collections (V8's --heap-growing-percent).
 *
 * Under load, requests waiting for a database connection survive young-generation collections and
 * are promoted, and V8 then lets the old generation grow up to four times what the last full
 * collection kept before collecting again: a server with ~80 MiB of live data sat at 350–450 MiB.
 * A fixed, small growth keeps it near 200 MiB. V8 reads the flag at every full collection, so it
 * takes effect when set at run time (NODE_OPTIONS does not accept it).
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
