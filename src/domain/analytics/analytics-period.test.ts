import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, eachDay, isDay, lastDayOfMonth, localDay, monthOf, splitPeriod, timeKey, weekOf } from './period.js';

const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Every day a split covers, months expanded. */
function covered(from: string, to: string): string[] {
  const split = splitPeriod(from, to);
  const days = split.days.flatMap(([a, b]) => eachDay(a, b));
  if (split.months) {
    for (let m = split.months[0]; m <= split.months[1]; m = addMonths(m, 1)) days.push(...eachDay(m, lastDayOfMonth(m)));
  }
  return days.sort();
}

describe('local days', () => {
  it('knows real dates', () => {
    expect(isDay('2011-02-28')).toBe(true);
    expect(isDay('2011-02-29')).toBe(false);
    expect(isDay('2012-02-29')).toBe(true);
    expect(isDay('2011-13-01')).toBe(false);
    expect(isDay('2011-1-01')).toBe(false);
  });

  it('reads an instant as the day of the shop time zone', () => {
    expect(localDay(new Date('2026-10-31T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-01');
    expect(localDay(new Date('2026-10-31T17:00:00Z'), 'Europe/London')).toBe('2026-10-31');
    expect(localDay(new Date('2011-03-27T00:30:00Z'), 'Europe/London')).toBe('2011-03-27');
  });

  it('weeks start on Monday and months on the 1st', () => {
    expect(weekOf('2026-11-01')).toBe('2026-10-26'); // a Sunday
    expect(weekOf('2026-10-26')).toBe('2026-10-26');
    expect(monthOf('2026-11-30')).toBe('2026-11-01');
    expect(timeKey('2026-11-30', 'day')).toBe('2026-11-30');
    expect(lastDayOfMonth('2024-02-10')).toBe('2024-02-29');
  });

  it('adds and counts days consistently', () => {
    fc.assert(fc.property(day, fc.integer({ min: -2000, max: 2000 }), (d, n) => daysBetween(d, addDays(d, n)) === n && isDay(addDays(d, n))));
  });
});

describe('splitPeriod', () => {
  it('reads whole months from month rows and only the ragged ends from day rows', () => {
    expect(splitPeriod('2026-08-24', '2026-11-21')).toEqual({ months: ['2026-09-01', '2026-10-01'], days: [['2026-08-24', '2026-08-31'], ['2026-11-01', '2026-11-21']] });
    expect(splitPeriod('2026-01-01', '2026-12-31')).toEqual({ months: ['2026-01-01', '2026-12-01'], days: [] });
    expect(splitPeriod('2026-01-05', '2026-01-20')).toEqual({ months: null, days: [['2026-01-05', '2026-01-20']] });
  });

  it('covers exactly the period, every day once (property)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), (from, length) => {
        const to = addDays(from, length);
        expect(covered(from, to)).toEqual(eachDay(from, to));
      }),
      { numRuns: 300 },
    );
  });

  it('never reads more than the two ragged months as days', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 2000 }), (from, length) => {
        const split = splitPeriod(from, addDays(from, length));
        const dayCount = split.days.reduce((a, [x, y]) => a + daysBetween(x, y) + 1, 0);
        return split.days.length <= 2 && (split.months === null ? dayCount <= 62 : dayCount <= 60);
      }),
    );
  });
});
