import { useTranslation } from 'react-i18next';
import type { GroupLabels } from './api.js';
import { text } from './format.js';

/** How a group's key reads for its dimension: a SKU code, a product title, a category, a channel, a reason, a period. */
export function useGroupLabel() {
  const { t, i18n } = useTranslation();
  return (g: GroupLabels, group: string): string => {
    switch (group) {
      case 'sku':
        return g.sku ?? g.key;
      case 'product':
        return g.title ?? g.key;
      case 'category':
        return g.categoryName ?? g.category ?? (g.key === '' ? t('analytics.noCategory') : g.key);
      case 'channel':
        return t(`channel.${g.key}`, { defaultValue: g.key });
      case 'reason':
        return g.label ? text(g.label, i18n.language) : t(`reasons.${g.key}`, { defaultValue: g.key });
      case 'month':
        return g.key.slice(0, 7);
      default:
        return g.key;
    }
  };
}
