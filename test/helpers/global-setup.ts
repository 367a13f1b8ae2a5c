import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PostgreSQL: name of a migrated template database each test file clones. */
    pgTemplate: string | null;
    /** PGlite: a dump of a migrated database each test file loads. */
    pgliteTemplate: string | null;
  }
}

export function databaseUrlWith(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

interface Template {
  pgTemplate: string | null;
  pgliteTemplate: string | null;
  teardown(): Promise<void> | void;
}

/**
 * Migrates one template database before the tests; every test file then gets its own copy,
 * so files run in parallel without seeing each other's rows. Dropped when the run is done.
 */
export default async function setup(project: TestProject) {
  const template = await makeTemplate();
  project.provide('pgTemplate', template.pgTemplate);
  project.provide('pgliteTemplate', template.pgliteTemplate);
  return () => template.teardown();
}

async function makeTemplate(): Promise<Template> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `retour_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const handle = await openPostgres(databaseUrlWith(url, template), 2);
    await migrate(handle.db);
    await handle.close();
    return {
      pgTemplate: template,
      pgliteTemplate: null,
      async teardown() {
        const leftovers = await admin.query<{ datname: string }>(`select datname from pg_database where left(datname, length($1) + 1) = $1 || '_' or datname = $1`, [template]);
        for (const { datname } of leftovers.rows) await admin.query(`drop database if exists ${datname} with (force)`);
        await admin.end();
      },
    };
  }
  const handle = await openPglite();
  await migrate(handle.db);
  const client = (handle.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  await handle.close();
  const dir = mkdtempSync(join(tmpdir(), 'retour-test-'));
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return { pgTemplate: null, pgliteTemplate: file, teardown: () => rmSync(dir, { recursive: true, force: true }) };
}
