import { DEFINITIONS } from '../../domain/analytics/definitions.js';
import { ratio } from '../../domain/analytics/rates.js';
import { histogramPercentile, mergeHistogram, type HistogramBucket } from '../../domain/analytics/refund-times.js';
import { analyticsQueryRepo } from '../../db/repos/analytics-query-repo.js';
import type { Measure } from '../../db/schema/analytics.js';
import { reportReader, type ServiceContext } from '../context.js';
import { isTimeGroup, nextCursor, resolveQuery, type AnalyticsQuery } from './filters.js';
import { groupedCube, shapeGroups } from './return-rate.js';

const CASE_SIDE: Measure[] = ['refunded_cases', 'refund_seconds', 'deadlines_due', 'deadlines_met', 'decisions_system', 'decisions_staff', 'decisions_platform', 'completed_cases'];

const hours = (s: number | null) => (s === null ? null : Math.round((s / 3600) * 100) / 100);

function figures(row: Partial<Record<Measure, number>> | undefined, histogram: readonly HistogramBucket[]) {
  const m = (k: Measure) => row?.[k] ?? 0;
  const p50 = histogramPercentile(histogram, 50);
  const p90 = histogramPercentile(histogram, 90);
  const mean = m('refunded_cases') > 0 ? Math.round(m('refund_seconds') / m('refunded_cases')) : null;
  const decided = m('decisions_system') + m('decisions_staff') + m('decisions_platform');
  return {
    refundedCases: m('refunded_cases'),
    p50Seconds: p50,
    p90Seconds: p90,
    meanSeconds: mean,
    p50Hours: hours(p50),
    p90Hours: hours(p90),
    meanHours: hours(mean),
    deadlineCompliance: m('deadlines_due') > 0 ? { deadlines: m('deadlines_due'), met: m('deadlines_met'), rate: ratio(m('deadlines_met'), m('deadlines_due')) } : null,
    decisions: { automatic: m('decisions_system'), manual: m('decisions_staff'), platform: m('decisions_platform'), automaticShare: ratio(m('decisions_system'), decided) },
    completedCases: m('completed_cases'),
  };
}

/** Time from request to refund, deadline compliance, automatic vs manual decisions (DEFINITIONS.timeToRefund). */
export async function timeToRefund(ctx: ServiceContext, shopId: string, q: AnalyticsQuery) {
  const r = await resolveQuery(ctx, shopId, q, { defaultGroup: 'month' });
  const { totals, rows, total } = await groupedCube(ctx, r, [], CASE_SIDE, { sort: { by: 'refunded_cases' } });
  const all = await analyticsQueryRepo.refundTimes(reportReader(ctx), { ...r.filter, group: 'none' });
  const byGroup = new Map<string, HistogramBucket[]>();
  if (r.group !== 'none') {
    for (const h of await analyticsQueryRepo.refundTimes(reportReader(ctx), { ...r.filter, group: r.group })) {
      const list = byGroup.get(h.key) ?? [];
      list.push({ seconds: h.seconds, count: h.cases });
      byGroup.set(h.key, list);
    }
  }
  const histogram = mergeHistogram(all.map((h) => ({ seconds: h.seconds, count: h.cases })));
  const groups = await shapeGroups(ctx, r, rows, (row) => figures(row, row ? (byGroup.get(row.key) ?? []) : []));
  return {
    metric: 'time_to_refund',
    definition: DEFINITIONS.timeToRefund,
    period: r.period,
    filters: r.filters,
    groupBy: r.group,
    rebuildPending: r.rebuildPending,
    totals: figures(totals, histogram),
    distribution: histogram.map((b) => ({ fromSeconds: b.seconds, cases: b.count })),
    groups,
    nextCursor: isTimeGroup(r.group) || r.group === 'none' ? null : nextCursor(r, rows.length, total),
  };
}
