import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { machineBusyShare } from './cpu.js';
import { dropLeftoverDatabases } from './databases.js';
import { summaryTable, type Benchmark, type Figure } from './report.js';

/** Runs benchmarks one after the other; a failing one is reported and the others still run. */
export async function runBenchmarks(benchmarks: readonly Benchmark[]): Promise<{ figures: Figure[]; failed: string[] }> {
  const figures: Figure[] = [];
  const failed: string[] = [];
  for (const bench of benchmarks) {
    console.log(`\n## ${bench.name}: ${bench.title}`);
    const busy = await machineBusyShare();
    if (busy !== null) {
      const note = busy > 0.15 ? ': other processes are using the machine, so figures may be lower than it can do' : '';
      console.log(`  CPU busy before the start (1 s sample, other processes): ${Math.round(busy * 100)}%${note}`);
    }
    const started = Date.now();
    try {
      figures.push(...(await bench.run()));
    } catch (err) {
      failed.push(bench.name);
      console.error(`  !! ${bench.name} failed: ${(err as Error).stack ?? String(err)}`);
      figures.push({ benchmark: bench.name, name: 'run', value: null, unit: '', note: `failed: ${(err as Error).message.split('\n')[0]}` });
    } finally {
      await dropLeftoverDatabases();
    }
    console.log(`  (${bench.name} took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  console.log(`\n## Summary\n\n${summaryTable(figures)}\n`);
  if (failed.length > 0) process.exitCode = 1;
  return { figures, failed };
}

/** Lets each benchmark file run alone too: `npx tsx bench/csv-import.ts`. */
export async function runIfMain(moduleUrl: string, bench: Benchmark) {
  const entry = process.argv[1];
  if (!entry) return;
  let isMain = false;
  try {
    isMain = realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    isMain = false;
  }
  if (isMain) await runBenchmarks([bench]);
}
