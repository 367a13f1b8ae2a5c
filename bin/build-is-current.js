import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What dist/ holds for a file under src/, or null for one the build leaves out. */
function builtFrom(path) {
  if (path.endsWith('.test.ts') || path.endsWith('.d.ts')) return null;
  if (path.endsWith('.ts')) return `${path.slice(0, -3)}.js`;
  // scripts/copy-assets.mjs copies these.
  return path.startsWith(join('db', 'migrations')) ? path : null;
}

/** True when every file the build makes from src/ exists in dist/ and is no older than its source. */
export function buildIsCurrent(root) {
  const src = join(root, 'src');
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'cli.js'))) return false;
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath ?? entry.path, entry.name);
    const built = builtFrom(relative(src, source));
    if (built === null) continue;
    const output = statSync(join(dist, built), { throwIfNoEntry: false });
    if (!output || output.mtimeMs < statSync(source).mtimeMs) return false;
  }
  return true;
}
