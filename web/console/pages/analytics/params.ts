import { useSearchParams } from 'react-router';
import { DIMENSION_GROUPS, TIME_GROUPS, type DimensionGroup, type Filters, type TimeGroup } from './api.js';

/** The page's state lives in the address (shareable, survives a reload): filters, trend grouping, breakdown dimension. */
export function useAnalyticsParams() {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const filters: Filters = { from: get('from'), to: get('to'), channel: get('channel'), category: get('category'), sku: get('sku'), reason: get('reason') };
  // SKU and category figures are kept by month: day and week trends need the shop-wide cube.
  const variantLevel = filters.sku !== undefined || filters.category !== undefined;
  const asked = get('trend') as TimeGroup | undefined;
  const trend: TimeGroup = variantLevel ? 'month' : asked && TIME_GROUPS.includes(asked) ? asked : 'week';
  const by0 = get('by') as DimensionGroup | undefined;
  const by: DimensionGroup = by0 && DIMENSION_GROUPS.includes(by0) ? by0 : 'category';
  const set = (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  return { filters, trend, by, variantLevel, set, reset: () => setParams(new URLSearchParams(), { replace: true }) };
}
