import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from './vitest.shared.js';

// `npm run test:slow`: the real Online Retail dataset end to end (minutes, not seconds). CI runs it
// once, on PostgreSQL.
export default defineConfig({
  test: {
    ...sharedTestOptions,
    include: ['test/slow/**/*.test.ts'],
    hookTimeout: 900_000,
  },
});
