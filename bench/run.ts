/**
 * `npm run bench [-- NAME …]`: runs the benchmarks (all, or the named ones) one after the other
 * and prints each figure next to its target. It reports; it never fails on a missed target
 * (the exit code is non-zero only when a benchmark could not run).
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { analyticsBench } from './analytics.js';
import { automationBench } from './automation.js';
import { coldStart } from './cold-start.js';
import { consoleBench } from './console.js';
import { createOrderHttp } from './create-order-http.js';
import { csvImport } from './csv-import.js';
import { cpuCount } from './lib/cpu.js';
import { ADMIN_URL, dropLeftoverDatabases, postgresFacts, postgresUnavailable, redact } from './lib/databases.js';
import { runBenchmarks } from './lib/main.js';
import type { Benchmark } from './lib/report.js';
import { describeEntry, REPO_ROOT } from './lib/server.js';
import { onlineRetailImport } from './online-retail-import.js';
import { casesHttp } from './cases-http.js';
import { policyEvaluate } from './policy-evaluate.js';
import { portalBench } from './portal.js';
import { scaleOut } from './scale-out.js';
import { shopifyBackfill } from './shopify-backfill.js';

const BENCHMARKS: readonly Benchmark[] = [csvImport, createOrderHttp, coldStart, onlineRetailImport, policyEvaluate, casesHttp, automationBench, analyticsBench, consoleBench, portalBench, scaleOut, shopifyBackfill];

function gitDescription(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
    return `${commit}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown commit';
  }
}

async function main() {
  const names = process.argv.slice(2).filter((a) => a !== '--');
  if (names.includes('--help') || names.includes('-h')) {
    console.log(`Usage: npm run bench [-- NAME …]\n\nBenchmarks:\n${BENCHMARKS.map((b) => `  ${b.name.padEnd(22)} ${b.title}`).join('\n')}`);
    return;
  }
  const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const selected = names.length === 0 ? BENCHMARKS : BENCHMARKS.filter((b) => names.includes(b.name));

  const why = await postgresUnavailable();
  console.log('# Retour benchmarks');
  console.log(`  code: ${gitDescription()}; Node ${process.version}; ${cpuCount()} CPUs; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; server entry ${describeEntry()} (BENCH_SERVER_ENTRY)`);
  console.log(`  database: ${why ?? `${await postgresFacts()} at ${redact(ADMIN_URL)} (BENCH_DATABASE_URL)`}`);
  if (why) console.log('  PostgreSQL benchmarks are skipped; PGlite ones still run.');

  const stop = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: dropping the benchmark databases created so far`);
    void dropLeftoverDatabases().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  await runBenchmarks(selected);
}

await main();
