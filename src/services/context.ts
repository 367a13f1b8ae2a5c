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
  /** DATABASE_READ_URL's read-only pool, when set: reports that tolerate seconds of lag read here. */
  readDb?: Database;
  clock: Clock;
  config: Config;
}

/** Where analytics reports read: the replica when there is one, else the primary. Never for writes. */
export function reportReader(ctx: ServiceContext): Database {
  return ctx.readDb ?? ctx.db;
}
