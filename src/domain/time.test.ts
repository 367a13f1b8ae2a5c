import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseTimestamp, zoneOffsetMs } from './time.js';

const HOUR = 3_600_000;
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('parseTimestamp: local wall-clock time', () => {
  it.each([
    ['2024-03-01 12:00:00', 'Asia/Shanghai', '2024-03-01T04:00:00.000Z'],
    ['2024-03-01 07:59:59', 'Asia/Shanghai', '2024-02-29T23:59:59.000Z'],
    ['2024-03-01', 'Asia/Shanghai', '2024-02-29T16:00:00.000Z'],
    ['2024-03-01T12:00', 'Asia/Shanghai', '2024-03-01T04:00:00.000Z'],
    ['2024-07-01 12:00', 'Asia/Shanghai', '2024-07-01T04:00:00.000Z'], // no daylight saving in China
    ['2010-12-01 08:26:00', 'Europe/London', '2010-12-01T08:26:00.000Z'], // GMT
    ['2011-07-01 10:00:00', 'Europe/London', '2011-07-01T09:00:00.000Z'], // BST
    ['2011-12-09 12:50:00', 'Europe/London', '2011-12-09T12:50:00.000Z'],
    ['2011-03-27 00:59:59', 'Europe/London', '2011-03-27T00:59:59.000Z'], // just before the spring change
    ['2011-03-27 02:00:00', 'Europe/London', '2011-03-27T01:00:00.000Z'], // just after it
    ['2011-10-30 00:59:59', 'Europe/London', '2011-10-29T23:59:59.000Z'], // still BST
    ['2011-10-30 02:00:00', 'Europe/London', '2011-10-30T02:00:00.000Z'], // GMT again
    ['2024-07-04 09:30:00', 'America/New_York', '2024-07-04T13:30:00.000Z'],
    ['2024-01-04 09:30:00', 'America/New_York', '2024-01-04T14:30:00.000Z'],
    ['2024-01-04 09:30:00', 'Asia/Kolkata', '2024-01-04T04:00:00.000Z'],
    ['2024-01-04 09:30:00', 'UTC', '2024-01-04T09:30:00.000Z'],
    ['2024-02-29 00:00:00', 'UTC', '2024-02-29T00:00:00.000Z'], // leap day
    ['2024-12-31 23:59:59', 'Asia/Shanghai', '2024-12-31T15:59:59.000Z'],
    ['  2024-03-01 12:00:00 ', 'Asia/Shanghai', '2024-03-01T04:00:00.000Z'],
  ])('%j in %s → %s', (text, zone, expected) => {
    expect(iso(parseTimestamp(text, zone))).toBe(expected);
  });

  it('reads a time in the spring-forward gap or the autumn overlap as one of its neighbours', () => {
    // 01:30 does not exist in London on 2011-03-27; it happens twice on 2011-10-30.
    expect(['2011-03-27T00:30:00.000Z', '2011-03-27T01:30:00.000Z']).toContain(iso(parseTimestamp('2011-03-27 01:30', 'Europe/London')));
    expect(['2011-10-30T00:30:00.000Z', '2011-10-30T01:30:00.000Z']).toContain(iso(parseTimestamp('2011-10-30 01:30', 'Europe/London')));
  });
});

describe('parseTimestamp: ISO 8601 with an offset', () => {
  it.each([
    ['2011-07-01T10:00:00Z', '2011-07-01T10:00:00.000Z'],
    ['2011-07-01T10:00Z', '2011-07-01T10:00:00.000Z'],
    ['2011-07-01T10:00:00.123Z', '2011-07-01T10:00:00.123Z'],
    ['2011-07-01T10:00:00+08:00', '2011-07-01T02:00:00.000Z'],
    ['2011-07-01T10:00:00+0800', '2011-07-01T02:00:00.000Z'],
    ['2011-07-01T10:00:00-05:00', '2011-07-01T15:00:00.000Z'],
    ['2011-07-01T00:30:00+05:30', '2011-06-30T19:00:00.000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
    ['2000-02-29T12:00:00Z', '2000-02-29T12:00:00.000Z'],
    ['2011-12-31T23:30:00-01:00', '2012-01-01T00:30:00.000Z'],
  ])('%j → %s, whatever the shop zone', (text, expected) => {
    expect(iso(parseTimestamp(text, 'Asia/Shanghai'))).toBe(expected);
    expect(iso(parseTimestamp(text, 'Europe/London'))).toBe(expected);
  });
});

describe('parseTimestamp: refusals', () => {
  it.each([
    '2011-02-30',
    '2011-02-29 10:00',
    '2100-02-29',
    '2011-04-31 00:00:00',
    '2011-13-01',
    '2011-00-10',
    '2011-01-00',
    '2011-01-01 25:00',
    '2011-01-01 24:00',
    '2011-01-01 10:60',
    '2011-01-01 10:00:60',
    '2011-02-30T10:00:00Z',
    '2011-04-31T10:00:00+08:00',
    '2011-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2011-06-31T00:00:00Z',
    '2011-01-01T25:00:00Z',
    '2011-01-01T10:60:00Z',
    '2011-01-01T10:00:00+25:00',
    '2011-1-1',
    '2011/01/01',
    '01/12/2010 08:26',
    '2011-01-01 8:26',
    '2011-01-01T10:00:00 Z',
    '25:00',
    '',
    'yesterday',
    '1293784800',
  ])('%j → null', (text) => {
    expect(parseTimestamp(text, 'Europe/London')).toBeNull();
  });
});

describe('zoneOffsetMs', () => {
  it.each([
    ['2024-01-15T00:00:00Z', 'Asia/Shanghai', 8 * HOUR],
    ['2024-07-15T00:00:00Z', 'Asia/Shanghai', 8 * HOUR],
    ['2011-01-15T00:00:00Z', 'Europe/London', 0],
    ['2011-07-15T00:00:00Z', 'Europe/London', HOUR],
    ['2011-03-27T00:59:59Z', 'Europe/London', 0],
    ['2011-03-27T01:00:00Z', 'Europe/London', HOUR],
    ['2011-10-30T00:59:59Z', 'Europe/London', HOUR],
    ['2011-10-30T01:00:00Z', 'Europe/London', 0],
    ['2024-01-15T00:00:00Z', 'America/New_York', -5 * HOUR],
    ['2024-07-15T00:00:00Z', 'America/New_York', -4 * HOUR],
    ['2024-07-15T00:00:00Z', 'Asia/Kolkata', 5.5 * HOUR],
    ['2024-07-15T00:00:00Z', 'UTC', 0],
    ['2024-07-15T00:00:00.999Z', 'Asia/Shanghai', 8 * HOUR], // milliseconds do not leak into the offset
  ])('%s in %s', (instant, zone, offset) => {
    expect(zoneOffsetMs(Date.parse(instant), zone)).toBe(offset);
  });

  it('is a whole number of minutes for any instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom('Asia/Shanghai', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'UTC'),
        (ms, zone) => {
          const offset = zoneOffsetMs(ms, zone);
          expect(Number.isInteger(offset / 60_000)).toBe(true);
          expect(Math.abs(offset)).toBeLessThanOrEqual(14 * HOUR);
        },
      ),
    );
  });
});

describe('parseTimestamp ∘ wall clock', () => {
  /** The instant's wall-clock time in `zone` as "YYYY-MM-DD HH:MM:SS", by Intl, not by the module. */
  function wallClock(ms: number, zone: string): string {
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  }

  it('reads back every whole-second instant from its wall-clock time (up to the autumn overlap)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2035, 0, 1) / 1000 }).map((s) => s * 1000),
        fc.constantFrom('Asia/Shanghai', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'UTC'),
        (ms, zone) => {
          const wall = wallClock(ms, zone);
          const parsed = parseTimestamp(wall, zone);
          expect(parsed).not.toBeNull();
          // It shows the same wall-clock time; in the one overlapping hour a year it may be the other instant.
          expect(wallClock(parsed!.getTime(), zone)).toBe(wall);
          if (parsed!.getTime() !== ms) expect(Math.abs(parsed!.getTime() - ms)).toBe(HOUR);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads back exactly around London’s 2011 changes', () => {
    for (const start of [Date.UTC(2011, 2, 27, 0, 0), Date.UTC(2011, 9, 30, 1, 0)]) {
      for (let ms = start - 2 * HOUR; ms <= start + 2 * HOUR; ms += 15 * 60_000) {
        const wall = wallClock(ms, 'Europe/London');
        const back = parseTimestamp(wall, 'Europe/London')!.getTime();
        const overlap = wallClock(ms + HOUR, 'Europe/London') === wall || wallClock(ms - HOUR, 'Europe/London') === wall;
        if (!overlap) expect(back).toBe(ms);
      }
    }
  });
});
