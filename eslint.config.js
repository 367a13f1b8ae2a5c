import { dirname, relative, resolve, sep } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Service areas (docs/architecture.md): each folder of src/services is one area (the case lifecycle is services/cases).
 * An area imports another only through that area's index.ts; the files directly in src/services (context, events,
 * schema…) are shared by all. That the areas import each other one way (no cycle) is checked by
 * test/architecture.test.ts.
 */
const ROOT = import.meta.dirname;
function serviceArea(file) {
  const path = relative(ROOT, file).split(sep).join('/');
  const m = /^src\/services\/([^/]+)\/(.*)$/.exec(path);
  return m ? { area: m[1], isIndex: m[2] === 'index.ts', path } : null;
}
const serviceAreas = {
  meta: { type: 'problem', schema: [], messages: { index: 'services/{{from}} may use services/{{to}} only through its index.ts (re-export what it needs there)' } },
  create(context) {
    const from = serviceArea(context.filename);
    if (!from) return {};
    const check = (source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = serviceArea(resolve(dirname(context.filename), source.value).replace(/\.js$/, '.ts'));
      if (!to || to.area === from.area) return;
      if (!to.isIndex) context.report({ node: source, messageId: 'index', data: { from: from.area, to: to.area } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'test-artifacts/', 'scratch/', 'src/db/migrations/', 'web/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/services/**/*.ts'],
    plugins: { retour: { rules: { 'service-areas': serviceAreas } } },
    rules: {
      'retour/service-areas': 'error',
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/http/**', '**/worker/**', '**/seed/**', 'fastify'], message: 'Services are called by http, the worker and the seed, never the other way.' }] }],
    },
  },
  {
    // Tests read JSON replies whose shape the assertions check.
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The HTTP layer reaches the database only through services (docs/architecture.md).
    files: ['src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/db/**', 'drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*'], message: 'src/http may not use the database: go through a service (src/services).' }] }],
    },
  },
  {
    // The web UI speaks to Retour only over its HTTP API.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/**', 'drizzle-orm', 'drizzle-orm/*', 'pg', 'fastify'], message: 'web/ may use only the HTTP API, never server code.' }] }],
    },
  },
  {
    // Pure domain: no I/O and nothing from the layers above it (docs/architecture.md).
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/db/**', '**/http/**', '**/services/**', '**/worker/**', '**/integrations/**', 'node:fs', 'node:net', 'node:http', 'pg', 'drizzle-orm*', 'fastify'] },
      ],
    },
  },
);
