// Writes web/shared/api-schema.d.ts: the TypeScript types of Retour's HTTP API, generated from the
// OpenAPI document the server builds from its route schemas (GET /api/openapi.json), so the web
// console and portal (and the `retour/client` export) cannot drift from the replies.
// `npm run api:types` rewrites it; test/api-types.test.ts fails when the committed file is stale.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { loadConfig } from '../src/config.js';
import { openPglite } from '../src/db/client.js';
import { buildApp } from '../src/http/server.js';
import { systemClock } from '../src/services/context.js';

export const API_TYPES_PATH = 'web/shared/api-schema.d.ts';

const BANNER = `/**
 * Generated from Retour's OpenAPI document (GET /api/openapi.json) by \`npm run api:types\`.
 * Do not edit: change the route schemas in src/http/routes and run \`npm run api:types\`.
 */
`;

/** The OpenAPI document as the server serves it, from an app built in-process (no port, no migrations: nothing is queried). */
export async function openApiDocument(): Promise<OpenAPI3> {
  const dataDir = mkdtempSync(join(tmpdir(), 'retour-api-types-'));
  const handle = await openPglite();
  try {
    // A fixed configuration: the document must not depend on who generates it.
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SECRET_KEY: 'api-types-generation-secret-key-0123456789', LOG_LEVEL: 'silent' });
    const app = await buildApp({ ctx: { db: handle.db, clock: systemClock, config }, logger: false });
    try {
      await app.ready();
      return structuredClone(app.swagger()) as OpenAPI3;
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The generated file's text. */
export async function renderApiTypes(): Promise<string> {
  const ast = await openapiTS(await openApiDocument(), { alphabetize: true, silent: true });
  return BANNER + astToString(ast);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(new URL(`../${API_TYPES_PATH}`, import.meta.url), await renderApiTypes());
  console.log(`wrote ${API_TYPES_PATH}`);
}
