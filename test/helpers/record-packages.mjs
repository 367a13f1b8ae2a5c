// `node --import ./test/helpers/record-packages.mjs …` appends the name of every package the process
// loads, once each, to the file PACKAGES_LOG names (test/lazy-sdks.test.ts). Two ways in, as Node 20
// has no single hook for both: ESM imports go through the resolve hook below (it runs on Node's hooks
// thread, registered from the main thread), and CommonJS require() calls through Module._resolveFilename.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const log = process.env.PACKAGES_LOG;
const seen = new Set();
const PACKAGE = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g;

function record(location) {
  // The last node_modules in the path: a package nested under another is itself.
  const name = [...String(location).matchAll(PACKAGE)].at(-1)?.[1];
  if (!name || seen.has(name)) return;
  seen.add(name);
  appendFileSync(log, `${name}\n`);
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  record(resolved.url);
  return resolved;
}

if (isMainThread && log) {
  register(import.meta.url);
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (...args) {
    const file = resolveFilename.apply(this, args);
    record(file);
    return file;
  };
}
