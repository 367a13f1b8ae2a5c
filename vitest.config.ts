import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from './vitest.shared.js';

// `npm test`: everything but the tests on the real Online Retail data, which `npm run test:slow` runs.
// The browser journeys run on the embedded database, the one `npm start` serves: they test the web UI,
// and the API beneath them is tested on both databases by the integration tests. Running them again on
// PostgreSQL doubled CI's longest part for no new coverage; E2E_ON_POSTGRES=1 runs them there too.
const skipBrowserJourneys = Boolean(process.env.DATABASE_URL) && !process.env.E2E_ON_POSTGRES;

// Each project runs the global setup (it makes the template database once for both); the root runs none.
const { globalSetup, ...shared } = sharedTestOptions;

export default defineConfig({
  test: {
    ...shared,
    projects: [
      {
        extends: true,
        test: {
          name: 'default',
          globalSetup,
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/slow/**', 'test/services/**', '**/node_modules/**', ...(skipBrowserJourneys ? ['test/e2e/**'] : [])],
        },
      },
      {
        // Service tests (test/helpers/service-context.ts): each file has its own database and shop and
        // leaves no module state another file reads, so one worker imports the services once for all
        // its files instead of once per file (most of a service test file's cost).
        extends: true,
        test: { name: 'services', globalSetup, include: ['test/services/**/*.test.ts'], isolate: false },
      },
    ],
  },
});
