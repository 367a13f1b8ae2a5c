import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { PGLITE_SHARED_BUFFERS_MB } from '../../src/config.js';
import { openPglite, queryRows } from '../../src/db/client.js';
import { onPostgres } from '../helpers/db.js';

// PGlite holds its whole buffer pool in WebAssembly memory from the start: its size is Retour's
// setting (PGLITE_SHARED_BUFFERS_MB), not PostgreSQL's 128 MiB. The PostgreSQL run has no PGlite template.
const template = () => new Blob([readFileSync(inject('pgliteTemplate')!)]);

async function sharedBuffers(options: { sharedBuffersMb?: number }) {
  const handle = await openPglite({ loadDataDir: template(), ...options });
  try {
    const [row] = await queryRows<{ shared_buffers: string }>(handle.db, sql`show shared_buffers`);
    return row!.shared_buffers;
  } finally {
    await handle.close();
  }
}

describe.skipIf(onPostgres())('PGlite buffer pool', () => {
  it('is PGLITE_SHARED_BUFFERS_MB by default and what the setting says otherwise', async () => {
    expect(PGLITE_SHARED_BUFFERS_MB).toBe(16);
    expect(await sharedBuffers({})).toBe('16MB');
    expect(await sharedBuffers({ sharedBuffersMb: 8 })).toBe('8MB');
  });
});
