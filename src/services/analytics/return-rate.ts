import { DEFINITIONS } from '../../domain/analytics/definitions.js';
import { ratio } from '../../domain/analytics/rates.js';
import { analyticsQueryRepo, type CubeQuery, type CubeRow } from '../../db/repos/analytics-query-repo.js';
import type { Measure } from '../../db/schema/analytics.js';
import { reportReader, type ServiceContext } from '../context.js';
import { isTimeGroup, labelsFor, nextCursor, resolveQuery, timeKeys, type AnalyticsQuery, type ResolvedQuery } from './filters.js';

export const RETURN_RATE_SORTS = ['returnedUnits', 'unitRate', 'valueRate', 'soldUnits', 'returnedValue'] as const;
export type ReturnRateSort = (typeof RETURN_RATE_SORTS)[number];

const ORDER_SIDE: Measure[] = ['orders', 'sold_lines', 'sold_units', 'sold_value_minor'];
const CASE_SIDE: Measure[] = ['returned_units', 'returned_value_minor', 'pending_return_units'];
const SORTS: Record<ReturnRateSort, CubeQuery['sort']> = {
  returnedUnits: { by: 'returned_units' },
  unitRate: { by: 'returned_units', per: 'sold_units' },
  valueRate: { by: 'returned_value_minor', per: 'sold_value_minor' },
  soldUnits: { by: 'sold_units' },
  returnedValue: { by: 'returned_value_minor' },
};

function figures(row: Partial<Record<Measure, number>> | undefined) {
  const m = (k: Measure) => row?.[k] ?? 0;
  return {
    orders: m('orders'),
    soldLines: m('sold_lines'),
    soldUnits: m('sold_units'),
    soldValueMinor: m('sold_value_minor'),
    returnedUnits: m('returned_units'),
    returnedValueMinor: m('returned_value_minor'),
    pendingReturnUnits: m('pending_return_units'),
    unitRate: ratio(m('returned_units'), m('sold_units')),
    valueRate: ratio(m('returned_value_minor'), m('sold_value_minor')),
  };
}

/** Runs a cube query and, for a grouping by reason, adds the (reason-less) sold side from the totals. */
export async function groupedCube(ctx: ServiceContext, r: ResolvedQuery, orderSide: Measure[], caseSide: Measure[], extra: Partial<CubeQuery> = {}) {
  const base = { ...r.filter, orderSide, caseSide };
  const totalsRow = (await analyticsQueryRepo.cube(reportReader(ctx), { ...base, group: 'none' }))[0];
  if (r.group === 'none') return { totals: totalsRow, rows: [] as CubeRow[], total: 0 };
  const dimension = !isTimeGroup(r.group);
  let rows: CubeRow[];
  if (r.group === 'reason') {
    // The sold side is the same for every reason: rank reasons by a measure of their own.
    const s = extra.sort;
    const sort = s && caseSide.includes(s.by) ? { by: s.by, ...(s.per && caseSide.includes(s.per) ? { per: s.per } : {}) } : { by: caseSide[0]! };
    rows = await analyticsQueryRepo.cube(reportReader(ctx), { ...base, orderSide: [], group: 'reason', sort, limit: r.limit, offset: r.offset });
    const sold = Object.fromEntries(orderSide.map((m) => [m, totalsRow?.[m] ?? 0]));
    rows = rows.map((row) => ({ ...row, ...sold }));
  } else {
    rows = await analyticsQueryRepo.cube(reportReader(ctx), { ...base, group: r.group, ...extra, ...(dimension ? { limit: r.limit, offset: r.offset } : {}) });
  }
  return { totals: totalsRow, rows, total: dimension ? (rows[0]?.totalGroups ?? 0) : rows.length };
}

/** Shapes grouped rows: labels for dimensions, every bucket (zero-filled) for a time grouping. */
export async function shapeGroups<T>(ctx: ServiceContext, r: ResolvedQuery, rows: CubeRow[], shape: (row: CubeRow | undefined) => T) {
  if (isTimeGroup(r.group)) {
    const byKey = new Map(rows.map((row) => [row.key, row]));
    return timeKeys(r.period.from, r.period.to, r.group).map((key) => ({ key, ...shape(byKey.get(key)) }));
  }
  const labels = await labelsFor(ctx, r.shopId, r.group, rows.map((row) => row.key));
  return rows.map((row) => ({ key: row.key, ...(labels.get(row.key) ?? {}), ...shape(row) }));
}

export interface ReturnRateQuery extends AnalyticsQuery {
  sort?: ReturnRateSort;
  /** When ranking by rate: leave out groups with fewer sold units. */
  minSoldUnits?: number;
}

/** Return rate by units and by value, order-date cohort (DEFINITIONS.returnRate). */
export async function returnRate(ctx: ServiceContext, shopId: string, q: ReturnRateQuery) {
  const r = await resolveQuery(ctx, shopId, q, { defaultGroup: 'month' });
  const sort = SORTS[q.sort ?? 'returnedUnits'];
  const minimum = q.minSoldUnits !== undefined && r.group !== 'reason' ? { measure: 'sold_units' as const, value: q.minSoldUnits } : undefined;
  const { totals, rows, total } = await groupedCube(ctx, r, ORDER_SIDE, CASE_SIDE, { sort, minimum });
  const groups = await shapeGroups(ctx, r, rows, figures);
  return {
    metric: 'return_rate',
    definition: DEFINITIONS.returnRate,
    period: r.period,
    filters: r.filters,
    groupBy: r.group,
    currency: r.currency,
    rebuildPending: r.rebuildPending,
    totals: figures(totals),
    groups,
    nextCursor: isTimeGroup(r.group) || r.group === 'none' ? null : nextCursor(r, rows.length, total),
  };
}
