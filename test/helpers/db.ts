import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type DatabaseHandle } from '../../src/db/client.js';
import { databaseUrlWith } from './global-setup.js';

export const onPostgres = () => inject('pgTemplate') !== null;

/** A database of this test file's own: a copy of the migrated template, dropped on close. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const template = inject('pgTemplate');
  if (template) {
    const url = process.env.DATABASE_URL!;
    // Named after this run's template, so a run's teardown drops its own databases and no other run's.
    const name = `${template}_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`);
        break;
      } catch (err) {
        // Two files cloning the template at the same instant: PostgreSQL refuses one; try again.
        if (attempt > 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
      }
    }
    const handle = await openPostgres(databaseUrlWith(url, name), 20);
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dump = readFileSync(inject('pgliteTemplate')!);
  return openPglite({ loadDataDir: new Blob([dump]) });
}
