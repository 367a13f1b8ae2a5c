import { describe, expect, it } from 'vitest';
import { formatDay, ruling } from './explain.js';
import { localDayOf, startOfLocalDay } from './local-days.js';

describe('formatDay', () => {
  it('writes a day count since 1970-01-01 as YYYY-MM-DD', () => {
    expect(formatDay(0)).toBe('1970-01-01');
    expect(formatDay(Date.UTC(2026, 10, 8) / 86_400_000)).toBe('2026-11-08');
    expect(formatDay(Date.UTC(2028, 1, 29) / 86_400_000)).toBe('2028-02-29');
  });
});

describe('local days', () => {
  it('finds the local day of an instant around midnight in Shanghai', () => {
    const nov1 = Date.UTC(2026, 10, 1) / 86_400_000;
    expect(localDayOf(Date.parse('2026-11-01T00:00:00+08:00'), 'Asia/Shanghai')).toBe(nov1);
    expect(localDayOf(Date.parse('2026-10-31T23:59:59.999+08:00'), 'Asia/Shanghai')).toBe(nov1 - 1);
    expect(startOfLocalDay(nov1, 'Asia/Shanghai')).toBe(Date.parse('2026-10-31T16:00:00Z'));
  });

  it('starts days at local midnight on both sides of a DST change', () => {
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    // New York: EST (UTC−5) until 8 March 2026, EDT (UTC−4) after; back on 1 November.
    expect(startOfLocalDay(day('2026-03-08'), 'America/New_York')).toBe(Date.parse('2026-03-08T05:00:00Z'));
    expect(startOfLocalDay(day('2026-03-09'), 'America/New_York')).toBe(Date.parse('2026-03-09T04:00:00Z'));
    expect(startOfLocalDay(day('2026-11-01'), 'America/New_York')).toBe(Date.parse('2026-11-01T04:00:00Z'));
    expect(startOfLocalDay(day('2026-11-02'), 'America/New_York')).toBe(Date.parse('2026-11-02T05:00:00Z'));
    expect(localDayOf(Date.parse('2026-11-02T04:59:00Z'), 'America/New_York')).toBe(day('2026-11-01'));
    expect(localDayOf(Date.parse('2026-11-02T05:00:00Z'), 'America/New_York')).toBe(day('2026-11-02'));
  });
});

describe('ruling', () => {
  it('pairs a rule id with its sentence in both languages', () => {
    expect(ruling('exclusion.custom_made', { days: 7 })).toEqual({
      rule: 'exclusion.custom_made',
      explanation: { 'zh-CN': '定制商品不支持七天无理由退货', en: 'Custom-made items cannot be returned without a fault' },
    });
  });

  it('names other no-reason periods by their length', () => {
    expect(ruling('exclusion.perishable', { days: 15 }).explanation['zh-CN']).toBe('生鲜易腐商品不支持15天无理由退货');
  });

  it('formats amounts in their currency', () => {
    const { explanation } = ruling('automation.refund_above_limit', { amountMinor: 39_900, maxMinor: 20_000, currency: 'CNY' });
    expect(explanation.en).toBe('A refund of 399.00 CNY is above the automatic approval limit of 200.00 CNY');
  });
});
