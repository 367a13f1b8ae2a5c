import { addDays, eachDay, type Day } from './period.js';
import { basisPoints, ratio } from './rates.js';

/**
 * 品质退款率 (marketplace-rules.md §5): refunded cases with a quality reason ÷ paid orders, over a
 * rolling window of the policy's `windowDays`, both counted by the day they happened in the
 * shop's time zone. Thresholds come from the policy; nothing here is a marketplace constant.
 */
export interface DailyQualityCounts {
  qualityRefundedCases: number;
  paidOrders: number;
}

export interface WindowPoint {
  /** Last day of the window (the window is the `windowDays` days ending here). */
  day: Day;
  qualityRefundedCases: number;
  paidOrders: number;
  rate: number | null;
  rateBp: number | null;
}

/** The rolling-window rate for every day of [from, to]; `daily` must cover from − windowDays + 1 … to. */
export function rollingWindow(daily: ReadonlyMap<Day, DailyQualityCounts>, from: Day, to: Day, windowDays: number): WindowPoint[] {
  const out: WindowPoint[] = [];
  let quality = 0;
  let paid = 0;
  const start = addDays(from, -(windowDays - 1));
  for (const day of eachDay(start, to)) {
    const d = daily.get(day);
    quality += d?.qualityRefundedCases ?? 0;
    paid += d?.paidOrders ?? 0;
    const leavingDay = addDays(day, -windowDays);
    const leaving = leavingDay >= start ? daily.get(leavingDay) : undefined;
    if (leaving) {
      quality -= leaving.qualityRefundedCases;
      paid -= leaving.paidOrders;
    }
    if (day >= from) out.push({ day, qualityRefundedCases: quality, paidOrders: paid, rate: ratio(quality, paid), rateBp: basisPoints(quality, paid) });
  }
  return out;
}

/** Least-squares line through points (x, y); null when fewer than two distinct x. */
export function linearTrend(points: readonly { x: number; y: number }[]): { slope: number; intercept: number } | null {
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/** How many of the latest daily window rates the trend is fitted to, and how far ahead it looks. */
export const TREND_DAYS = 14;
export const HORIZON_DAYS = 7;

export interface Projection {
  /** Change of the window rate per day (basis points), from the last TREND_DAYS days. */
  slopeBpPerDay: number;
  /** The rate the trend reaches HORIZON_DAYS days after the last day (never below 0). */
  projectedBp: number;
  fittedDays: number;
}

export function project(series: readonly WindowPoint[], trendDays = TREND_DAYS, horizonDays = HORIZON_DAYS): Projection | null {
  const recent = series.slice(-trendDays).filter((p) => p.rateBp !== null);
  const points = recent.map((p, i) => ({ x: i, y: p.rate! * 10_000 }));
  const line = linearTrend(points);
  if (!line) return null;
  const lastX = points[points.length - 1]!.x;
  const projected = line.intercept + line.slope * (lastX + horizonDays);
  return { slopeBpPerDay: Math.round(line.slope * 100) / 100, projectedBp: Math.max(0, Math.floor(projected)), fittedDays: points.length };
}

export const ALERT_LEVELS = ['ok', 'projected_warn', 'warn', 'projected_limit', 'limit'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];
const rank = (l: AlertLevel) => ALERT_LEVELS.indexOf(l);

export interface Thresholds {
  warnAtBp: number;
  limitBp: number;
}

/** Where the rate stands: at or over a threshold now, or projected to reach it within the horizon. */
export function alertLevel(rateBp: number | null, projectedBp: number | null, t: Thresholds): AlertLevel {
  const now = rateBp ?? 0;
  const ahead = Math.max(now, projectedBp ?? 0);
  if (rateBp !== null && now >= t.limitBp) return 'limit';
  if (ahead >= t.limitBp && rateBp !== null) return 'projected_limit';
  if (rateBp !== null && now >= t.warnAtBp) return 'warn';
  if (ahead >= t.warnAtBp && rateBp !== null) return 'projected_warn';
  return 'ok';
}

/**
 * Whether to alert: once per escalation. A level worse than the last one alerted alerts; falling
 * back to ok re-arms (the next rise alerts again); staying at or below the alerted level does not.
 */
export function alertDecision(lastAlerted: AlertLevel, level: AlertLevel): { alert: boolean; alertedLevel: AlertLevel } {
  if (level === 'ok') return { alert: false, alertedLevel: 'ok' };
  if (rank(level) > rank(lastAlerted)) return { alert: true, alertedLevel: level };
  return { alert: false, alertedLevel: lastAlerted };
}

export const isAlertLevel = (v: string): v is AlertLevel => (ALERT_LEVELS as readonly string[]).includes(v);
