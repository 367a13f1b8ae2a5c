#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx compiles them on load and caches the result),
// so `npm start` never serves a stale build. `npm run build` produces dist/ for those who
// prefer to deploy compiled JavaScript: `node dist/cli-main.js serve`.
import { register } from 'tsx/esm/api';

// package.json's engines say >=20.19 (require(esm) and the PGlite build need it): say so plainly
// instead of failing later with an obscure syntax or module error.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Retour needs Node.js 20.19 or later; this is ${process.version}.`);
  process.exit(1);
}

register();
const { runCli } = await import('../src/cli.ts');
runCli(process.argv.slice(2));
