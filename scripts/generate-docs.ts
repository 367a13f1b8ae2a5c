// Writes the reference pages that are generated from the code, so they cannot drift from it.
// `npm run docs:generate` rewrites them; test/docs.test.ts fails when a committed page is stale.
import { writeFileSync } from 'node:fs';
import { GENERATED_DOCS } from '../src/docs/generated.js';

for (const [path, render] of Object.entries(GENERATED_DOCS)) {
  writeFileSync(new URL(`../${path}`, import.meta.url), render());
  console.log(`wrote ${path}`);
}
