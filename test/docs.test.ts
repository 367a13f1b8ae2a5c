import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_DOCS } from '../src/docs/generated.js';

describe('generated documentation', () => {
  it.each(Object.keys(GENERATED_DOCS))('%s matches the code (run `npm run docs:generate` after changing it)', (path) => {
    expect(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')).toBe(GENERATED_DOCS[path]!());
  });
});

describe('README', () => {
  it('shows the configuration table generated from src/config.ts', () => {
    const table = GENERATED_DOCS['docs/configuration.md']!().split('\n').slice(1).join('\n');
    expect(readFileSync(new URL('../README.md', import.meta.url), 'utf8')).toContain(table);
  });
});
