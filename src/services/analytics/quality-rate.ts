import { DEFINITIONS } from '../../domain/analytics/definitions.js';
import { addDays, lastDayOfMonth, monthOf } from '../../domain/analytics/period.js';
import { alertLevel, HORIZON_DAYS, project, rollingWindow, TREND_DAYS, type DailyQualityCounts, type WindowPoint } from '../../domain/analytics/quality-rate.js';
import { basisPoints, ratio } from '../../domain/analytics/rates.js';
import { analyticsAlertsRepo } from '../../db/repos/analytics-alerts-repo.js';
import { analyticsQueryRepo, isVariantLevel, type CubeFilter, type CubeRow } from '../../db/repos/analytics-query-repo.js';
import type { Measure } from '../../db/schema/analytics.js';
import { reportReader, type ServiceContext } from '../context.js';
import { currentPolicy } from '../policy/index.js';
import { isTimeGroup, nextCursor, resolveQuery, type AnalyticsQuery } from './filters.js';
import { groupedCube, shapeGroups } from './return-rate.js';

export const QUALITY_METRIC = 'quality_refund_rate';
const ORDER_SIDE: Measure[] = ['paid_orders'];
const CASE_SIDE: Measure[] = ['quality_refunded_cases', 'refunded_cases'];

/** The rolling-window rate for each day of [filter.from, filter.to], its trend and where it stands against the policy. */
export async function qualityWindow(ctx: ServiceContext, filter: CubeFilter, thresholds: { windowDays: number; warnAtBp: number; limitBp: number }) {
  const start = addDays(filter.from, -(thresholds.windowDays - 1));
  const rows = await analyticsQueryRepo.cube(reportReader(ctx), { ...filter, from: start, group: 'day', orderSide: ORDER_SIDE, caseSide: CASE_SIDE });
  const daily = new Map<string, DailyQualityCounts>(rows.map((r) => [r.key, { qualityRefundedCases: r.quality_refunded_cases, paidOrders: r.paid_orders }]));
  const series = rollingWindow(daily, filter.from, filter.to, thresholds.windowDays);
  const current = series[series.length - 1]!;
  const projection = project(series);
  const level = alertLevel(current.rateBp, projection?.projectedBp ?? null, thresholds);
  return { series, current, projection, level };
}

function plain(row: CubeRow | undefined) {
  const q = row?.quality_refunded_cases ?? 0;
  const paid = row?.paid_orders ?? 0;
  return { qualityRefundedCases: q, refundedCases: row?.refunded_cases ?? 0, paidOrders: paid, rate: ratio(q, paid), rateBp: basisPoints(q, paid) };
}

/**
 * 品质退款率 over the policy's rolling window, with thresholds, trend and the level it is at
 * (DEFINITIONS.qualityRefundRate). For one SKU, product or category (kept by month), the rate is
 * that of the whole months the window touches, without a daily series.
 */
export async function qualityRefundRate(ctx: ServiceContext, shopId: string, q: AnalyticsQuery) {
  const r = await resolveQuery(ctx, shopId, q, { defaultGroup: 'none' });
  const policy = (await currentPolicy(ctx.db, shopId, ctx.clock.now())).document.qualityRefundRate;
  const to = r.requested.to;
  const windowFrom = addDays(to, -(policy.windowDays - 1));
  let current: { windowFrom: string; windowTo: string; qualityRefundedCases: number; paidOrders: number; rate: number | null; rateBp: number | null };
  let series: WindowPoint[] = [];
  let trend: Record<string, unknown>;
  let level;
  if (r.filter.variantIds !== undefined) {
    const from = monthOf(windowFrom);
    const [row] = await analyticsQueryRepo.cube(reportReader(ctx), { ...r.filter, from, to: lastDayOfMonth(to), group: 'none', orderSide: ORDER_SIDE, caseSide: CASE_SIDE });
    current = { windowFrom: from, windowTo: lastDayOfMonth(to), ...plainCounts(row) };
    trend = { fittedDays: 0, slopeBpPerDay: null, horizonDays: HORIZON_DAYS, projectedBp: null, note: 'SKU, product and category figures are kept by month: no daily trend' };
    level = alertLevel(current.rateBp, null, policy);
  } else {
    const w = await qualityWindow(ctx, { ...r.filter, from: r.requested.from, to }, policy);
    series = w.series;
    const c = w.current;
    current = { windowFrom: addDays(c.day, -(policy.windowDays - 1)), windowTo: c.day, qualityRefundedCases: c.qualityRefundedCases, paidOrders: c.paidOrders, rate: c.rate, rateBp: c.rateBp };
    trend = w.projection
      ? { fittedDays: w.projection.fittedDays, slopeBpPerDay: w.projection.slopeBpPerDay, horizonDays: HORIZON_DAYS, projectedBp: w.projection.projectedBp }
      : { fittedDays: 0, slopeBpPerDay: null, horizonDays: HORIZON_DAYS, projectedBp: null, note: `fewer than two days with paid orders in the last ${TREND_DAYS}` };
    level = w.level;
  }
  // Groups: for a time grouping, the plain ratio within each bucket; for a dimension, the window ending on `to`
  // (for SKUs, products and categories: its whole months).
  const windowFilter = isTimeGroup(r.group) ? r.filter : { ...r.filter, from: windowFrom, to };
  const variantGroups = isVariantLevel({ group: r.group, variantIds: r.filter.variantIds });
  const groupFilter = variantGroups && !isTimeGroup(r.group) ? { ...windowFilter, from: monthOf(windowFilter.from), to: lastDayOfMonth(windowFilter.to) } : windowFilter;
  const { rows, total } = r.group === 'none' ? { rows: [], total: 0 } : await groupedCube(ctx, { ...r, filter: groupFilter }, ORDER_SIDE, CASE_SIDE, { sort: { by: 'quality_refunded_cases' } });
  const groups = r.group === 'none' ? [] : await shapeGroups(ctx, r, rows, plain);
  const state = await analyticsAlertsRepo.state(ctx.db, shopId, QUALITY_METRIC);
  return {
    metric: QUALITY_METRIC,
    definition: DEFINITIONS.qualityRefundRate,
    period: r.period,
    filters: r.filters,
    groupBy: r.group,
    rebuildPending: r.rebuildPending,
    thresholds: { windowDays: policy.windowDays, warnAtBp: policy.warnAtBp, limitBp: policy.limitBp },
    current,
    trend,
    level,
    lastAlert: state ? { level: state.alerted_level, at: state.alerted_at?.toISOString() ?? null, evaluatedAt: state.evaluated_at.toISOString() } : null,
    series,
    groupsPeriod: r.group === 'none' ? null : { from: groupFilter.from, to: groupFilter.to },
    groups,
    nextCursor: isTimeGroup(r.group) || r.group === 'none' ? null : nextCursor(r, rows.length, total),
  };
}

function plainCounts(row: CubeRow | undefined) {
  const p = plain(row);
  return { qualityRefundedCases: p.qualityRefundedCases, paidOrders: p.paidOrders, rate: p.rate, rateBp: p.rateBp };
}
