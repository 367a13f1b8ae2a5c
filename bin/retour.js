#!/usr/bin/env node
// Runs the compiled build (dist/, made by `npm run build`, which `npm install` runs) when it is at
// least as new as every source it is built from; otherwise the TypeScript sources directly, through
// tsx, so `npm start` never serves a stale build. The compiled build is what a deployment should
// run: through tsx a server holds 50–60 MiB more and spends about a tenth more CPU per request
// (docs/operations.md, Memory).
import { fileURLToPath } from 'node:url';
import { buildIsCurrent } from './build-is-current.js';

// package.json's engines say >=20.19 (require(esm) and the PGlite build need it): say so plainly
// instead of failing later with an obscure syntax or module error.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Retour needs Node.js 20.19 or later; this is ${process.version}.`);
  process.exit(1);
}

const root = fileURLToPath(new URL('..', import.meta.url));

let cli;
if (buildIsCurrent(root)) {
  cli = await import('../dist/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli.ts');
}
cli.runCli(process.argv.slice(2));
