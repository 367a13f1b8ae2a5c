import { DEFINITIONS } from '../../domain/analytics/definitions.js';
import { ratio } from '../../domain/analytics/rates.js';
import { analyticsQueryRepo, type CubeRow } from '../../db/repos/analytics-query-repo.js';
import type { Measure } from '../../db/schema/analytics.js';
import { reportReader, type ServiceContext } from '../context.js';
import { isTimeGroup, nextCursor, reasonLabels, resolveQuery, type AnalyticsQuery } from './filters.js';
import { groupedCube, shapeGroups } from './return-rate.js';

const CASE_SIDE: Measure[] = ['cases_requested', 'units_requested', 'returned_units'];
/** How many reasons each SKU, product or category lists. */
export const TOP_REASONS = 5;

const figures = (row: Partial<Record<Measure, number>> | undefined) => ({
  casesRequested: row?.cases_requested ?? 0,
  unitsRequested: row?.units_requested ?? 0,
  returnedUnits: row?.returned_units ?? 0,
});

/** Why things come back: reasons overall, or the top reasons of each SKU, product or category (DEFINITIONS.reasons). */
export async function reasons(ctx: ServiceContext, shopId: string, q: AnalyticsQuery & { topReasons?: number }) {
  const r = await resolveQuery(ctx, shopId, q, { defaultGroup: 'reason' });
  const { totals, rows, total } = await groupedCube(ctx, r, [], CASE_SIDE, { sort: { by: 'cases_requested' } });
  const allCases = totals?.cases_requested ?? 0;
  let groups: Record<string, unknown>[];
  if (r.group === 'reason' || r.group === 'none') {
    groups = (await shapeGroups(ctx, r, rows, figures)).map((g) => ({ ...g, shareOfCases: ratio(g.casesRequested, allCases) }));
  } else {
    const keys = rows.map((row) => row.key);
    const catalogue = await analyticsQueryRepo.reasonCatalogue(reportReader(ctx), shopId);
    // A few SKUs' reason rows: naming every reason the shop's policies have lets the index find them, instead of scanning every SKU's reason rows.
    const reasonCodes = r.filter.reasons ?? (r.group === 'sku' ? [...catalogue.keys()] : undefined);
    const perReason =
      keys.length === 0
        ? []
        : await analyticsQueryRepo.cubeByReason(reportReader(ctx), {
            ...r.filter,
            reasons: reasonCodes,
            group: r.group,
            caseSide: CASE_SIDE,
            ...(r.group === 'sku' ? { variantIds: keys } : r.group === 'product' ? { productIds: keys } : r.group === 'category' ? { categories: keys } : {}),
          });
    const labels = reasonLabels(catalogue, [...new Set(perReason.map((p) => p.reason))]);
    const top = new Map<string, Record<string, unknown>[]>();
    for (const p of perReason) {
      const list = top.get(p.key) ?? [];
      list.push({ ...(labels.get(p.reason) ?? { reason: p.reason }), ...figures(p) });
      top.set(p.key, list);
    }
    const limit = q.topReasons ?? TOP_REASONS;
    groups = (await shapeGroups(ctx, r, rows, figures)).map((g) => {
      const list = (top.get(g.key) ?? []) as ReturnType<typeof figures>[];
      list.sort((a, b) => b.casesRequested - a.casesRequested || b.unitsRequested - a.unitsRequested);
      return { ...g, topReasons: list.slice(0, limit).map((x) => ({ ...x, shareOfCases: ratio(x.casesRequested, g.casesRequested) })) };
    });
  }
  return {
    metric: 'reasons',
    definition: DEFINITIONS.reasons,
    period: r.period,
    filters: r.filters,
    groupBy: r.group,
    rebuildPending: r.rebuildPending,
    totals: figures(totals),
    groups,
    nextCursor: isTimeGroup(r.group) || r.group === 'none' ? null : nextCursor(r, rows.length, total),
  };
}

export type { CubeRow };
