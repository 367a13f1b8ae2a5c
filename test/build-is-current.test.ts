import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIsCurrent } from '../bin/build-is-current.js';

let root: string;
/** Writes ROOT/path, last modified `minutesAgo` minutes ago. */
const file = (path: string, minutesAgo: number) => {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, '');
  const at = new Date(Date.now() - minutesAgo * 60_000);
  utimesSync(full, at, at);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'retour-build-'));
  // Sources an hour old, built ten minutes ago.
  for (const path of ['src/cli.ts', 'src/services/cases.ts', 'src/db/migrations/0001_init.sql']) file(path, 60);
  file('src/services/cases.test.ts', 60);
  for (const path of ['dist/cli.js', 'dist/services/cases.js', 'dist/db/migrations/0001_init.sql']) file(path, 10);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('buildIsCurrent (npm start runs dist/ only then)', () => {
  it('holds while everything built from src/ is at least as new as its source', () => {
    expect(buildIsCurrent(root)).toBe(true);
    // Tests are not built: editing one leaves the build current.
    file('src/services/cases.test.ts', 0);
    expect(buildIsCurrent(root)).toBe(true);
  });

  it('fails once a source or migration changed after the build, or a new source has no output', () => {
    file('src/services/cases.ts', 0);
    expect(buildIsCurrent(root)).toBe(false);
    file('dist/services/cases.js', 0);
    expect(buildIsCurrent(root)).toBe(true);
    file('src/db/migrations/0002_more.sql', 5);
    expect(buildIsCurrent(root)).toBe(false);
    file('dist/db/migrations/0002_more.sql', 0);
    file('src/services/refunds.ts', 30);
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('fails without a build', () => {
    rmSync(join(root, 'dist'), { recursive: true });
    expect(buildIsCurrent(root)).toBe(false);
  });
});
