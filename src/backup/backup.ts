import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../db/client.js';

/**
 * One file holding everything an embedded (PGlite) install keeps under DATA_DIR: the database,
 * dumped by PGlite itself (`dumpDataDir`: a consistent copy of its data directory, taken with
 * the database open in this process and no other), and every other file there — uploaded
 * evidence under blobs/, secret.key (without it buyer tokens and webhook secrets are lost),
 * demo-login.json. Format: gzip of a header line, then per file a JSON line {path, size}
 * followed by its bytes. PostgreSQL installs use pg_dump instead (docs/operations.md).
 */
const MAGIC = 'retour-backup 1\n';
const DATABASE_ENTRY = '@pglite-datadir.tar';
const SKIP = new Set(['pglite', 'retour.pid']);

export class BackupError extends Error {}

function filesUnder(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (dir === root && SKIP.has(entry.name)) continue;
    if (entry.isDirectory()) out.push(...filesUnder(root, path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

export async function backupDataDir(dataDir: string, file: string): Promise<{ files: number; databaseBytes: number; bytes: number }> {
  if (!existsSync(join(dataDir, 'pglite'))) throw new BackupError(`No embedded database under ${dataDir}: nothing to back up`);
  // Opening takes the directory's lock: a running `retour serve` makes this fail with a clear message.
  const handle = await openPglite({ dataDir: join(dataDir, 'pglite') });
  let dump: Blob;
  try {
    dump = await (handle.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
  } finally {
    await handle.close();
  }
  const parts: Buffer[] = [Buffer.from(MAGIC)];
  const add = (path: string, bytes: Buffer) => parts.push(Buffer.from(`${JSON.stringify({ path, size: bytes.length })}\n`), bytes);
  const database = Buffer.from(await dump.arrayBuffer());
  add(DATABASE_ENTRY, database);
  const files = filesUnder(dataDir);
  for (const path of files) add(relative(dataDir, path).split(sep).join('/'), readFileSync(path));
  const archive = gzipSync(Buffer.concat(parts));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, archive, { mode: 0o600 });
  return { files: files.length, databaseBytes: database.length, bytes: archive.length };
}

/** Restores into a DATA_DIR that holds no database yet (a fresh directory), never over a live one. */
export async function restoreDataDir(dataDir: string, file: string): Promise<{ files: number }> {
  if (existsSync(join(dataDir, 'pglite'))) throw new BackupError(`${dataDir} already holds a database: restore into an empty DATA_DIR`);
  let data: Buffer;
  try {
    data = gunzipSync(readFileSync(file));
  } catch (err) {
    throw new BackupError(`${file} is not a Retour backup (${(err as Error).message})`);
  }
  if (data.subarray(0, MAGIC.length).toString() !== MAGIC) throw new BackupError(`${file} is not a Retour backup`);
  let at = MAGIC.length;
  let database: Buffer | null = null;
  let files = 0;
  while (at < data.length) {
    const eol = data.indexOf(0x0a, at);
    const { path, size } = JSON.parse(data.subarray(at, eol).toString()) as { path: string; size: number };
    const bytes = data.subarray(eol + 1, eol + 1 + size);
    at = eol + 1 + size;
    if (path === DATABASE_ENTRY) {
      database = bytes;
      continue;
    }
    const target = join(dataDir, path);
    if (relative(dataDir, target).startsWith('..') || path.startsWith('/')) throw new BackupError(`${file} names a file outside DATA_DIR: ${path}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes, { mode: path === 'secret.key' ? 0o600 : 0o644 });
    files++;
  }
  if (!database) throw new BackupError(`${file} holds no database`);
  const handle = await openPglite({ dataDir: join(dataDir, 'pglite'), loadDataDir: new Blob([new Uint8Array(database)]) });
  await handle.close();
  return { files };
}

export const backupSize = (file: string) => statSync(file).size;
