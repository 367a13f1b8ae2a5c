import { addDays, daysBetween, eachDay, isDay, lastDayOfMonth, localDay, monthOf, timeKey, type Day } from '../../domain/analytics/period.js';
import { invalid, notFound, unprocessable } from '../../domain/errors.js';
import { analyticsQueryRepo, GROUPS, isVariantLevel, type CubeFilter, type CubeGroup } from '../../db/repos/analytics-query-repo.js';
import { analyticsRollupsRepo } from '../../db/repos/analytics-rollups-repo.js';
import { shopsRepo } from '../../db/repos/shops-repo.js';
import { reportReader, type ServiceContext } from '../context.js';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { foldPendingFacts } from './fold.js';

/** How an analytics answer may be grouped (the HTTP layer offers these). */
export { GROUPS };

/** The filters and grouping every analytics endpoint accepts (query string). */
export interface AnalyticsQuery {
  from?: string;
  to?: string;
  channel?: string;
  sku?: string;
  productId?: string;
  category?: string;
  reason?: string;
  groupBy?: CubeGroup;
  limit?: number;
  cursor?: string;
}

export const DEFAULT_DAYS = 90;
export const MAX_DAYS = 3 * 366 + 365;

export interface ResolvedQuery {
  shopId: string;
  timezone: string;
  currency: string;
  filter: CubeFilter;
  group: CubeGroup;
  /** The days the figures cover: the period asked for, or for SKUs, products and categories the whole months it touches. */
  period: { from: Day; to: Day; timezone: string; granularity: 'day' | 'month' };
  /** The period as asked (before widening to months). */
  requested: { from: Day; to: Day };
  filters: { channel: string | null; sku: string | null; productId: string | null; category: string | null; reason: string | null };
  /** The cube is waiting for a rebuild (figures may be incomplete until the worker has rebuilt it). */
  rebuildPending: boolean;
  limit: number;
  offset: number;
}

/**
 * Turns query-string filters into a cube filter: the period in the shop's time zone (by default
 * the last 90 days up to today), a SKU/product/category as the variants it stands for.
 */
export async function resolveQuery(ctx: ServiceContext, shopId: string, q: AnalyticsQuery, options: { defaultGroup: CubeGroup; defaultLimit?: number }): Promise<ResolvedQuery> {
  const shop = await shopsRepo.findById(ctx.db, shopId);
  if (!shop) throw notFound('shop.not_found', 'No such shop');
  // Every analytics endpoint resolves its query first: the shop's own writes are counted before it reads.
  await foldPendingFacts(ctx, shopId);
  const state = await analyticsRollupsRepo.shopState(reportReader(ctx), shopId);
  const timezone = state?.timezone ?? shop.timezone;
  const currency = state?.currency ?? shop.currency;
  for (const [name, value] of [['from', q.from], ['to', q.to]] as const) {
    if (value !== undefined && !isDay(value)) throw invalid('analytics.date_invalid', `${name} must be a date YYYY-MM-DD (a day in the shop's time zone)`, { [name]: value });
  }
  const to = q.to ?? localDay(ctx.clock.now(), timezone);
  const from = q.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) throw invalid('analytics.period_invalid', '`from` is after `to`', { from, to });
  if (daysBetween(from, to) >= MAX_DAYS) throw invalid('analytics.period_too_long', `A period is at most ${MAX_DAYS} days`, { from, to });

  const filter: CubeFilter = { shopId, from, to };
  if (q.channel !== undefined) filter.channel = q.channel;
  if (q.reason !== undefined) {
    const catalogue = await analyticsQueryRepo.reasonCatalogue(reportReader(ctx), shopId);
    if (!catalogue.has(q.reason)) throw unprocessable('analytics.reason_unknown', `"${q.reason}" is not a reason of the shop's policies`, { reasons: [...catalogue.keys()] });
    filter.reasons = [q.reason];
  }
  if (q.sku !== undefined || q.productId !== undefined || q.category !== undefined) {
    const ids = await analyticsQueryRepo.variantIds(reportReader(ctx), shopId, { sku: q.sku, productId: q.productId, category: q.category });
    if (ids.length === 0) {
      const what = q.sku !== undefined ? `SKU ${q.sku}` : q.productId !== undefined ? `product ${q.productId}` : `category ${q.category}`;
      throw notFound('analytics.filter_not_found', `The shop has no ${what}`);
    }
    filter.variantIds = ids;
  }
  const group = q.groupBy ?? options.defaultGroup;
  const variantLevel = isVariantLevel({ group, variantIds: filter.variantIds });
  if (variantLevel && (group === 'day' || group === 'week')) {
    throw invalid('analytics.group_unsupported', 'SKU, product and category figures are kept by month: group by month, or by a dimension', { groupBy: group });
  }
  if (variantLevel) {
    filter.from = monthOf(from);
    filter.to = lastDayOfMonth(to);
  }
  let offset = 0;
  if (q.cursor) {
    const c = decodeCursor<{ offset?: unknown }>(q.cursor);
    if (typeof c.offset !== 'number' || !Number.isInteger(c.offset) || c.offset < 0) throw invalid('request.cursor_invalid', 'The cursor is not one this API issued');
    offset = c.offset;
  }
  return {
    shopId,
    timezone,
    currency,
    filter,
    group,
    period: { from: filter.from, to: filter.to, timezone, granularity: variantLevel ? 'month' : 'day' },
    requested: { from, to },
    filters: { channel: q.channel ?? null, sku: q.sku ?? null, productId: q.productId ?? null, category: q.category ?? null, reason: q.reason ?? null },
    rebuildPending: state?.needs_rebuild ?? false,
    limit: q.limit ?? options.defaultLimit ?? 100,
    offset,
  };
}

export const isTimeGroup = (g: CubeGroup): g is 'day' | 'week' | 'month' => g === 'day' || g === 'week' || g === 'month';

/** Every bucket key of the period for a time grouping (so charts get zeros, not gaps). */
export function timeKeys(from: Day, to: Day, group: 'day' | 'week' | 'month'): Day[] {
  const keys: Day[] = [];
  for (const day of eachDay(from, to)) {
    const k = timeKey(day, group);
    if (keys[keys.length - 1] !== k) keys.push(k);
  }
  return keys;
}

/** The next page's cursor, when there is one. */
export function nextCursor(r: ResolvedQuery, returned: number, total: number | null): string | null {
  if (total === null || r.offset + returned >= total) return null;
  return encodeCursor({ offset: r.offset + returned });
}

/** Human labels for dimension keys (SKU code and title, product title, reason label). */
export async function labelsFor(ctx: ServiceContext, shopId: string, group: CubeGroup, keys: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  if (group === 'sku') {
    const labels = await analyticsQueryRepo.variantLabels(reportReader(ctx), shopId, keys);
    for (const [id, l] of labels) out.set(id, { variantId: id, sku: l.sku, title: l.title, productId: l.productId, category: l.category });
  } else if (group === 'product') {
    const labels = await analyticsQueryRepo.productLabels(reportReader(ctx), shopId, keys);
    for (const [id, l] of labels) out.set(id, { productId: id, title: l.title, category: l.category });
  } else if (group === 'reason') {
    return reasonLabels(await analyticsQueryRepo.reasonCatalogue(reportReader(ctx), shopId), keys);
  } else if (group === 'category') {
    for (const k of keys) out.set(k, { category: k === '' ? null : k });
  } else if (group === 'channel') {
    for (const k of keys) out.set(k, { channel: k });
  }
  return out;
}

export type ReasonCatalogue = Awaited<ReturnType<typeof analyticsQueryRepo.reasonCatalogue>>;

/** Labels of reason codes from the shop's reason catalogue (codes it does not know are left out). */
export function reasonLabels(catalogue: ReasonCatalogue, keys: readonly string[]): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const k of keys) {
    const r = catalogue.get(k);
    if (r) out.set(k, { reason: k, label: r.label, fault: r.fault, quality: r.quality });
  }
  return out;
}
