import { availableParallelism } from 'node:os';
import type { ViteUserConfig } from 'vitest/config';

/** What the everyday suite (vitest.config.ts) and the real-data suite (vitest.slow.config.ts) share. */
export const sharedTestOptions = {
  globalSetup: ['test/helpers/global-setup.ts'],
  setupFiles: ['test/helpers/check-sql-compiler.ts'],
  // Each test file gets its own database (PGlite in memory, or a fresh PostgreSQL database).
  pool: 'forks',
  // Vitest's default leaves a core idle (one worker on CI's two), but much of a file's time is
  // spent waiting on PostgreSQL, Chromium or a child process: use every core.
  maxWorkers: Math.max(2, availableParallelism()),
  testTimeout: 60_000,
  hookTimeout: 120_000,
  reporters: ['default'],
} satisfies NonNullable<ViteUserConfig['test']>;
