import { zoneOffsetMs } from '../time.js';

/**
 * Calendar days in a shop's time zone. Return windows end at local midnight, so every window
 * needs "which local day is this instant" and "when does that local day start".
 *
 * Asking Intl for a zone offset costs several microseconds, more than the rest of an evaluation,
 * so the start of each (zone, day) is remembered. A zone's offset only changes at a DST or legal
 * change, and the start of a day is a fact of the calendar: caching it cannot change an answer.
 */

export const MS_PER_DAY = 86_400_000;

const MAX_CACHED_DAYS_PER_ZONE = 20_000;
const dayStartsByZone = new Map<string, Map<number, number>>();

/** The UTC instant at which local day `day` (days since 1970-01-01) begins in `timeZone`. */
export function startOfLocalDay(day: number, timeZone: string): number {
  let dayStarts = dayStartsByZone.get(timeZone);
  if (!dayStarts) dayStartsByZone.set(timeZone, (dayStarts = new Map()));
  let start = dayStarts.get(day);
  if (start === undefined) {
    const wall = day * MS_PER_DAY;
    // First guess with the offset at the wall-clock instant, then settle with the offset in force
    // at the guess (they differ only across a DST change), as parseTimestamp does.
    const guess = wall - zoneOffsetMs(wall, timeZone);
    start = wall - zoneOffsetMs(guess, timeZone);
    // Where clocks jump forward at midnight (America/Santiago), local midnight does not exist: the
    // day begins at the jump, which is the guess; the settled instant would be an hour early, on the
    // day before.
    if (start + zoneOffsetMs(start, timeZone) < wall) start = guess;
    // A bounded memo: a long-running process never grows it without limit.
    if (dayStarts.size >= MAX_CACHED_DAYS_PER_ZONE) dayStarts.clear();
    dayStarts.set(day, start);
  }
  return start;
}

/** The local calendar day (days since 1970-01-01) that contains the instant `ms` in `timeZone`. */
export function localDayOf(ms: number, timeZone: string): number {
  // Zone offsets lie within ±14 h, so the local day is the UTC day or one of its neighbours.
  const utcDay = Math.floor(ms / MS_PER_DAY);
  if (startOfLocalDay(utcDay + 1, timeZone) <= ms) return utcDay + 1;
  if (startOfLocalDay(utcDay, timeZone) <= ms) return utcDay;
  return utcDay - 1;
}
