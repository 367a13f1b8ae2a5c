import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.js';

/** A load the test finishes by hand, counting how often it was started. */
function gate<V>() {
  let calls = 0;
  const opened: ((v: V | undefined) => void)[] = [];
  const load = () => {
    calls++;
    return new Promise<V | undefined>((resolve) => opened.push(resolve));
  };
  return { load, calls: () => calls, finish: (v: V | undefined) => opened.shift()!(v) };
}

describe('TtlCache.load', () => {
  it('gives concurrent misses of one key one load, and keeps its value', async () => {
    const cache = new TtlCache<string, number>(60_000);
    const g = gate<number>();
    const waiting = Array.from({ length: 5 }, () => cache.load('shop', g.load));
    expect(g.calls()).toBe(1);
    g.finish(7);
    expect(await Promise.all(waiting)).toEqual([7, 7, 7, 7, 7]);
    expect(await cache.load('shop', g.load)).toBe(7);
    expect(g.calls()).toBe(1);
  });

  it('keeps nothing for a key that is not there, or a load that failed: the next miss reads again', async () => {
    const cache = new TtlCache<string, number>(60_000);
    const g = gate<number>();
    const missing = cache.load('gone', g.load);
    g.finish(undefined);
    expect(await missing).toBeUndefined();
    const failing = cache.load('gone', () => Promise.reject(new Error('database down')));
    await expect(failing).rejects.toThrow('database down');
    const again = cache.load('gone', g.load);
    g.finish(3);
    expect(await again).toBe(3);
    expect(g.calls()).toBe(2);
  });

  it('after a delete, a load under way keeps nothing and the next request reads afresh', async () => {
    const cache = new TtlCache<string, string>(60_000);
    const g = gate<string>();
    const before = cache.load('shop', g.load);
    cache.delete('shop'); // the shop changed while the old row was being read
    const after = cache.load('shop', g.load);
    expect(g.calls()).toBe(2);
    g.finish('old');
    g.finish('new');
    expect(await before).toBe('old');
    expect(await after).toBe('new');
    expect(cache.get('shop')).toBe('new');
  });

  it('reads again once an entry has expired', async () => {
    const cache = new TtlCache<string, number>(1);
    let calls = 0;
    const load = async () => ++calls;
    expect(await cache.load('k', load)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await cache.load('k', load)).toBe(2);
  });
});
