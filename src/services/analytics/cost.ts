import { DEFINITIONS } from '../../domain/analytics/definitions.js';
import type { CubeRow } from '../../db/repos/analytics-query-repo.js';
import type { Measure } from '../../db/schema/analytics.js';
import type { ServiceContext } from '../context.js';
import { isTimeGroup, nextCursor, resolveQuery, type AnalyticsQuery } from './filters.js';
import { groupedCube, shapeGroups } from './return-rate.js';
import { analyticsQueryRepo } from '../../db/repos/analytics-query-repo.js';
import { reportReader } from '../context.js';

const CASE_SIDE: Measure[] = [
  'refunded_minor',
  'refunds',
  'refunded_units',
  'shipping_reimbursed_minor',
  'store_credit_bonus_minor',
  'restocking_fees_minor',
  'written_off_units',
  'written_off_value_minor',
  'completed_cases',
  'insured_refunds',
];

function figures(row: Partial<Record<Measure, number>> | undefined) {
  const m = (k: Measure) => row?.[k] ?? 0;
  return {
    refundedMinor: m('refunded_minor'),
    refunds: m('refunds'),
    refundedUnits: m('refunded_units'),
    shippingReimbursedMinor: m('shipping_reimbursed_minor'),
    storeCreditBonusMinor: m('store_credit_bonus_minor'),
    restockingFeesMinor: m('restocking_fees_minor'),
    writtenOffUnits: m('written_off_units'),
    writtenOffValueMinor: m('written_off_value_minor'),
    completedCases: m('completed_cases'),
    // 运费险: refunds whose return shipping the insurer paid, and their share of all refunds (the seller paid none of it).
    insuredRefunds: m('insured_refunds'),
    insuredShare: m('refunds') > 0 ? Math.round((m('insured_refunds') / m('refunds')) * 10_000) / 10_000 : 0,
    totalMinor: m('refunded_minor') + m('shipping_reimbursed_minor') + m('store_credit_bonus_minor') + m('written_off_value_minor') - m('restocking_fees_minor'),
  };
}

/** What returns cost the shop (DEFINITIONS.cost). */
export async function returnCost(ctx: ServiceContext, shopId: string, q: AnalyticsQuery) {
  const r = await resolveQuery(ctx, shopId, q, { defaultGroup: 'month' });
  const { totals, rows, total } = await groupedCube(ctx, r, [], CASE_SIDE, { sort: { by: 'refunded_minor' } });
  const groups = await shapeGroups(ctx, r, rows, (row: CubeRow | undefined) => figures(row));
  // Compensation is folded into the cube at the shop level: shop-wide, narrowed by the period only.
  const [shopWide] = await analyticsQueryRepo.cube(reportReader(ctx), { shopId, from: r.filter.from, to: r.filter.to, group: 'none', orderSide: [], caseSide: ['care_compensation_minor'] });
  const compensationMinor = shopWide?.care_compensation_minor ?? 0;
  const totalFigures = figures(totals);
  return {
    metric: 'cost',
    definition: DEFINITIONS.cost,
    period: r.period,
    filters: r.filters,
    groupBy: r.group,
    currency: r.currency,
    rebuildPending: r.rebuildPending,
    totals: totalFigures,
    /** Coupons and store credit granted as compensation in the period (issue 19 §1): shop-wide, narrowed by the period only. */
    compensationMinor,
    totalWithCompensationMinor: totalFigures.totalMinor + compensationMinor,
    groups,
    nextCursor: isTimeGroup(r.group) || r.group === 'none' ? null : nextCursor(r, rows.length, total),
  };
}
