import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_PATH, renderApiTypes } from '../scripts/generate-api-types.js';

describe('generated API types', () => {
  it(`${API_TYPES_PATH} matches the OpenAPI document of the routes (run \`npm run api:types\` after changing a route schema)`, async () => {
    const committed = readFileSync(new URL(`../${API_TYPES_PATH}`, import.meta.url), 'utf8');
    const fresh = await renderApiTypes();
    // The first line that differs, not 16,000 lines of diff.
    const [was, is] = [committed.split('\n'), fresh.split('\n')];
    const line = is.findIndex((text, i) => text !== was[i]);
    const where = line < 0 ? `it has ${was.length - is.length} line(s) too many` : `line ${line + 1} is now: ${is[line]!.trim()}`;
    expect(committed === fresh, `${API_TYPES_PATH} is stale (${where}): run npm run api:types`).toBe(true);
  }, 180_000);
});
