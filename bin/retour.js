#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx compiles them on load and caches the result),
// so `npm start` never serves a stale build. `npm run build` produces dist/ for those who
// prefer to deploy compiled JavaScript: `node dist/cli-main.js serve`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
runCli(process.argv.slice(2));
