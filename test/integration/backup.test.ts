import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupError, backupDataDir, restoreDataDir } from '../../src/backup/backup.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { shopsRepo } from '../../src/db/repos/shops-repo.js';
import { systemClock } from '../../src/services/context.js';
import { createShop } from '../../src/services/shops/shops.js';

/** `retour backup` / `retour restore` are for the embedded database: this runs on PGlite under both suites. */
const root = mkdtempSync(join(tmpdir(), 'retour-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const configFor = (dataDir: string) => loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' });

describe('backup and restore of an embedded install', () => {
  it('carries the database, the uploads and the secret key into a fresh DATA_DIR', async () => {
    const from = join(root, 'from');
    const config = configFor(from); // generates from/secret.key
    const handle = await openDatabase(config);
    await migrate(handle.db);
    await createShop({ db: handle.db, clock: systemClock, config }, { slug: 'kept', name: '保留的店', currency: 'CNY' });
    await handle.close();
    mkdirSync(join(from, 'blobs', 'ab'), { recursive: true });
    const evidence = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0, 255]);
    writeFileSync(join(from, 'blobs', 'ab', 'photo'), evidence);

    const file = join(root, 'nightly.retour-backup');
    const made = await backupDataDir(from, file);
    expect(made.files).toBe(2); // secret.key and the upload
    expect(made.databaseBytes).toBeGreaterThan(1_000_000);

    const to = join(root, 'to');
    const restored = await restoreDataDir(to, file);
    expect(restored.files).toBe(2);
    expect(readFileSync(join(to, 'blobs', 'ab', 'photo'))).toEqual(evidence);
    expect(readFileSync(join(to, 'secret.key'), 'utf8')).toBe(readFileSync(join(from, 'secret.key'), 'utf8'));
    expect(existsSync(join(to, 'retour.pid'))).toBe(false);

    const reopened = await openDatabase(configFor(to));
    try {
      expect((await migrate(reopened.db)).applied).toEqual([]);
      expect((await shopsRepo.findBySlug(reopened.db, 'kept'))?.name).toBe('保留的店');
    } finally {
      await reopened.close();
    }

    // Never over a live database, and never from a file that is not a backup.
    await expect(restoreDataDir(to, file)).rejects.toBeInstanceOf(BackupError);
    writeFileSync(join(root, 'junk'), 'not a backup');
    await expect(restoreDataDir(join(root, 'fresh'), join(root, 'junk'))).rejects.toThrow(/not a Retour backup/);
  }, 120_000);
});
