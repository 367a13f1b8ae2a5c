import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from './vitest.shared.js';

// `npm test`: everything but the tests on the real Online Retail data, which `npm run test:slow` runs.
// The browser journeys run on the embedded database, the one `npm start` serves: they test the web UI,
// and the API beneath them is tested on both databases by the integration tests. Running them again on
// PostgreSQL doubled CI's longest part for no new coverage; E2E_ON_POSTGRES=1 runs them there too.
const skipBrowserJourneys = Boolean(process.env.DATABASE_URL) && !process.env.E2E_ON_POSTGRES;

export default defineConfig({
  test: {
    ...sharedTestOptions,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/slow/**', '**/node_modules/**', ...(skipBrowserJourneys ? ['test/e2e/**'] : [])],
    // A worker runs its files one after another in one process instead of a new process per file:
    // importing the server afresh for each file was a third of the suite's time. Each file still
    // has its own database, app and shop, made in its hooks; what modules keep (caches keyed by
    // shop id, the process's metrics counters) is shared as in one server process.
    isolate: false,
  },
});
