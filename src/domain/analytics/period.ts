/**
 * Calendar days of the shop's time zone, as 'YYYY-MM-DD' text (what the rollups are keyed by).
 * Pure date arithmetic on UTC midnights: a local day is a label, never an instant here.
 */
const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export type Day = string;

export function isDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

const toMs = (day: Day) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10));
const fromMs = (ms: number): Day => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: Day, n: number): Day => fromMs(toMs(day) + n * DAY_MS);
export const daysBetween = (from: Day, to: Day): number => Math.round((toMs(to) - toMs(from)) / DAY_MS);
export const monthOf = (day: Day): Day => `${day.slice(0, 7)}-01`;
/** Monday of the ISO week holding `day`. */
export const weekOf = (day: Day): Day => addDays(day, -((new Date(toMs(day)).getUTCDay() + 6) % 7));

export function addMonths(month: Day, n: number): Day {
  const d = new Date(toMs(month));
  return fromMs(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
}

export const lastDayOfMonth = (day: Day): Day => addDays(addMonths(monthOf(day), 1), -1);

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The calendar day an instant falls on in `timeZone`. */
export function localDay(at: Date, timeZone: string): Day {
  let f = formatters.get(timeZone);
  if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(at);
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export interface PeriodSplit {
  /** Whole months inside the period (first days of the months, both included), or null. */
  months: [Day, Day] | null;
  /** Day ranges (both ends included) the whole months leave over at either end. */
  days: [Day, Day][];
}

/**
 * Splits [from, to] (both included) into the whole months it covers and the days left at its
 * ends, so a long period reads month rows and only its ragged edges read day rows. The parts
 * never overlap and together are exactly the period.
 */
export function splitPeriod(from: Day, to: Day): PeriodSplit {
  if (from > to) return { months: null, days: [] };
  const firstFull = from.endsWith('-01') ? from : addMonths(monthOf(from), 1);
  const lastFull = lastDayOfMonth(to) === to ? monthOf(to) : addMonths(monthOf(to), -1);
  if (firstFull > lastFull) return { months: null, days: [[from, to]] };
  const days: [Day, Day][] = [];
  if (from < firstFull) days.push([from, addDays(firstFull, -1)]);
  const afterLast = addMonths(lastFull, 1);
  if (afterLast <= to) days.push([afterLast, to]);
  return { months: [firstFull, lastFull], days };
}

/** The key a day falls under when grouping by day, ISO week (its Monday) or month (its first day). */
export function timeKey(day: Day, grouping: 'day' | 'week' | 'month'): Day {
  return grouping === 'day' ? day : grouping === 'week' ? weekOf(day) : monthOf(day);
}
