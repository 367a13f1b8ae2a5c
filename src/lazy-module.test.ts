import { describe, expect, it } from 'vitest';
import { lazyModule } from './lazy-module.js';

describe('lazyModule', () => {
  it('imports on the first call only, and every caller shares that import', async () => {
    let imports = 0;
    const load = lazyModule(async () => ({ n: ++imports }));
    expect(imports).toBe(0);
    const [a, b] = await Promise.all([load(), load()]);
    expect(await load()).toBe(a);
    expect(b).toBe(a);
    expect(imports).toBe(1);
  });

  it('forgets an import that failed: the next call tries again', async () => {
    let imports = 0;
    const load = lazyModule(async () => {
      if (++imports === 1) throw new Error('not installed');
      return 'loaded';
    });
    await expect(load()).rejects.toThrow('not installed');
    expect(await load()).toBe('loaded');
    expect(await load()).toBe('loaded');
    expect(imports).toBe(2);
  });
});
