import { DEFINITIONS } from '../../domain/analytics/definitions.js';
import { isDay, monthOf } from '../../domain/analytics/period.js';
import { ratio } from '../../domain/analytics/rates.js';
import { invalid } from '../../domain/errors.js';
import { analyticsQueryRepo, type CustomerSort } from '../../db/repos/analytics-query-repo.js';
import { reportReader, type ServiceContext } from '../context.js';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { resolveQuery, type AnalyticsQuery } from './filters.js';

export const CUSTOMER_SORTS = ['returnedUnits', 'returnRate', 'cases', 'refunded'] as const;

/** Buyers with the most returns and their return rates (DEFINITIONS.customers). */
export async function topCustomers(ctx: ServiceContext, shopId: string, q: AnalyticsQuery & { sort?: CustomerSort; minSoldUnits?: number }) {
  const unsupported = (['sku', 'productId', 'category', 'reason'] as const).filter((k) => q[k] !== undefined);
  if (unsupported.length) {
    throw invalid('analytics.filter_unsupported', `Buyers are ranked per shop and channel: ${unsupported.join(', ')} cannot filter them`, { filters: unsupported });
  }
  if (q.groupBy !== undefined && q.groupBy !== 'none') throw invalid('analytics.group_unsupported', 'Buyers are listed one per row: groupBy is not supported here');
  const allTime = q.from === undefined && q.to === undefined;
  for (const v of [q.from, q.to]) if (v !== undefined && !isDay(v)) throw invalid('analytics.date_invalid', 'from and to are dates YYYY-MM-DD');
  const r = await resolveQuery(ctx, shopId, { ...q, groupBy: 'none', cursor: undefined }, { defaultGroup: 'none' });
  let offset = 0;
  if (q.cursor) {
    const c = decodeCursor<{ offset?: unknown }>(q.cursor);
    if (typeof c.offset !== 'number' || c.offset < 0) throw invalid('request.cursor_invalid', 'The cursor is not one this API issued');
    offset = c.offset;
  }
  const months: [string, string] | undefined = allTime ? undefined : [monthOf(r.period.from), monthOf(r.period.to)];
  const limit = q.limit ?? 50;
  const rows = await analyticsQueryRepo.customers(reportReader(ctx), {
    shopId,
    months,
    channel: q.channel,
    sort: q.sort ?? 'returnedUnits',
    minSoldUnits: q.minSoldUnits ?? 0,
    limit: limit + 1,
    offset,
  });
  const page = rows.slice(0, limit);
  const labels = await analyticsQueryRepo.customerLabels(reportReader(ctx), shopId, page.map((p) => p.customer_id));
  return {
    metric: 'customers',
    definition: DEFINITIONS.customers,
    period: allTime ? null : { fromMonth: months![0], toMonth: months![1], timezone: r.timezone },
    filters: { channel: q.channel ?? null },
    sort: q.sort ?? 'returnedUnits',
    currency: r.currency,
    rebuildPending: r.rebuildPending,
    customers: page.map((p) => ({
      customerId: p.customer_id,
      name: labels.get(p.customer_id)?.name ?? null,
      email: labels.get(p.customer_id)?.email ?? null,
      externalRef: labels.get(p.customer_id)?.externalRef ?? null,
      orders: p.orders,
      soldUnits: p.sold_units,
      soldValueMinor: p.sold_value_minor,
      returnedUnits: p.returned_units,
      returnedValueMinor: p.returned_value_minor,
      returnRate: ratio(p.returned_units, p.sold_units),
      casesRequested: p.cases_requested,
      refundedMinor: p.refunded_minor,
    })),
    nextCursor: rows.length > limit ? encodeCursor({ offset: offset + limit }) : null,
  };
}
