import { describe, expect, it } from 'vitest';
import { watchEventLoopLag } from './event-loop-lag.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stall = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('watchEventLoopLag', () => {
  it('reads how late its timer ran after a stall, and falls back once the loop is free', async () => {
    const lag = watchEventLoopLag(50);
    try {
      expect(lag.ms()).toBe(0);
      stall(600);
      await sleep(0);
      // The timer was due 50 ms in and ran after the 600 ms stall.
      expect(lag.ms()).toBeGreaterThanOrEqual(400);
      await sleep(300);
      expect(lag.ms()).toBeLessThan(400);
    } finally {
      lag.stop();
    }
  });

  it('reads a lag after a stretch of chained promises, where no timer can run', async () => {
    const lag = watchEventLoopLag(50);
    try {
      await sleep(60);
      for (let i = 0; i < 15; i++) {
        await null;
        stall(20);
      }
      await sleep(0);
      expect(lag.ms()).toBeGreaterThanOrEqual(200);
    } finally {
      lag.stop();
    }
  });
});
