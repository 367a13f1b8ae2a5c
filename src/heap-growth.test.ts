import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * A process that keeps ~40 MiB alive and churns through short-lived objects of which some survive
 * a while (as requests waiting for a connection do), printing the largest heap V8 reserved.
 */
function peakHeapMiB(growthPercent: number): number {
  const script = `
    import { limitHeapGrowth } from ${JSON.stringify(new URL('./heap-growth.ts', import.meta.url).pathname)};
    limitHeapGrowth(${growthPercent});
    const live = Array.from({ length: 250_000 }, (_, i) => ({ i, s: 'live' + i, a: [i] }));
    const waiting = [];
    let peak = 0;
    for (let round = 0; round < 300; round++) {
      for (let i = 0; i < 20_000; i++) waiting.push({ i, s: 'request' + i, a: [i, round] });
      if (waiting.length > 200_000) waiting.splice(0, 100_000);
      peak = Math.max(peak, process.memoryUsage().heapTotal);
    }
    console.log(live.length > 0 ? peak / 1048576 : 0);
  `;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stdout.trim());
}

describe('limitHeapGrowth', () => {
  it('takes effect when set at run time: the heap stays far smaller than V8 lets it grow by itself', () => {
    const unlimited = peakHeapMiB(0);
    const limited = peakHeapMiB(20);
    expect(limited).toBeGreaterThan(40);
    expect(limited).toBeLessThan(unlimited * 0.75);
  });
});
