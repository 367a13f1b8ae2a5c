import type { Clock } from '../../src/services/context.js';

/** A clock tests move by hand. */
export class TestClock implements Clock {
  private ms: number;
  constructor(start: Date | string = '2026-11-01T08:00:00Z') {
    this.ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number) {
    this.ms += ms;
  }
  set(at: Date | string) {
    this.ms = new Date(at).getTime();
  }
}
