import type { Config } from '../config.js';
import type { Database } from '../db/client.js';

/** Where "now" comes from. Tests move it; production reads the system clock. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What every service call gets: the database, the time, the settings. */
export interface ServiceContext {
  db: Database;
  clock: Clock;
  config: Config;
}
