/** Time helpers without a time-zone library: Intl knows the zones. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (Asia/Shanghai: +8 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Parses a timestamp: ISO 8601 with an offset or Z is taken as is; a local "YYYY-MM-DD[ HH:MM[:SS]]"
 * is read as wall-clock time in `timeZone`. Returns null when the text is neither.
 */
export function parseTimestamp(text: string, timeZone: string): Date | null {
  const t = text.trim();
  const local = LOCAL.exec(t);
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = local;
    const wall = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s);
    const check = new Date(wall);
    if (check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d! || +h > 23 || +mi > 59 || +s > 59) return null;
    let utc = wall - zoneOffsetMs(wall, timeZone);
    utc = wall - zoneOffsetMs(utc, timeZone); // settle across a DST change
    return new Date(utc);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(t)) {
    // Engines roll an impossible day over ("2011-02-30" → 2 March) instead of refusing it.
    const [y, mo, d] = t.slice(0, 10).split('-').map(Number);
    const day = new Date(0);
    day.setUTCFullYear(y!, mo! - 1, d!);
    if (day.getUTCMonth() !== mo! - 1 || day.getUTCDate() !== d) return null;
    const date = new Date(t);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}
