import { createPostgresDatabase, postgresUnavailable, tempDir } from './lib/databases.js';
import { runIfMain } from './lib/main.js';
import { log, printFigure, type Benchmark, type Figure } from './lib/report.js';
import { startServer, type ServerEnv } from './lib/server.js';
import { median } from './lib/timing.js';

const NAME = 'cold-start';
const RUNS = 3;
const TARGET_MS = 3_000;
const POLL_MS = 20;

/** ms from spawning `retour serve` to its first 200 on /readyz, RUNS times on the same database. */
async function coldStarts(label: string, env: ServerEnv): Promise<Figure[]> {
  const times: number[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const server = await startServer(env);
    try {
      const ms = await server.waitReady({ intervalMs: POLL_MS });
      times.push(ms);
      log(`${label}: run ${i}: ${Math.round(ms)} ms from spawn to the first 200 on /readyz`);
    } finally {
      await server.stop();
    }
  }
  const note = `runs: ${times.map((t) => Math.round(t)).join(', ')} ms`;
  return [{ benchmark: NAME, name: `${label} spawn → /readyz 200 (median of ${RUNS})`, value: median(times), unit: 'ms', target: { op: '<', value: TARGET_MS }, note }];
}

export const coldStart: Benchmark = {
  name: NAME,
  title: `cold start of \`retour serve\` to /readyz on an existing database (poll every ${POLL_MS} ms, ${RUNS} runs)`,
  async run() {
    const figures: Figure[] = [];

    // PGlite: a first start initialises and migrates DATA_DIR/pglite; the timed starts reopen it.
    const temp = tempDir(NAME);
    try {
      const env: ServerEnv = { dataDir: temp.dir };
      const first = await startServer(env);
      try {
        const ms = await first.waitReady();
        log(`PGlite: first start (creates and migrates the data directory; not counted): ${Math.round(ms)} ms`);
      } finally {
        await first.stop();
      }
      const results = await coldStarts('PGlite', env);
      results.forEach(printFigure);
      figures.push(...results);
    } finally {
      temp.remove();
    }

    const why = await postgresUnavailable();
    if (why) {
      const skipped: Figure = { benchmark: NAME, name: 'PostgreSQL spawn → /readyz 200', value: null, unit: 'ms', target: { op: '<', value: TARGET_MS }, note: why };
      printFigure(skipped);
      return [...figures, skipped];
    }
    const database = await createPostgresDatabase(NAME);
    const pgTemp = tempDir(NAME);
    try {
      log(`PostgreSQL: database ${database.name} created and migrated beforehand`);
      const results = await coldStarts('PostgreSQL', { dataDir: pgTemp.dir, databaseUrl: database.url });
      results.forEach(printFigure);
      figures.push(...results);
    } finally {
      await database.drop();
      pgTemp.remove();
    }
    return figures;
  },
};

await runIfMain(import.meta.url, coldStart);
