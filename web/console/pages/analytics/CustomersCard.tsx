import { useTranslation } from 'react-i18next';
import type { Customers, Filters } from './api.js';
import { useAnalytics } from './api.js';
import { ChartCard } from './ChartCard.js';
import { major, money, num, pct, ratePoint, text } from './format.js';

type Buyer = Customers['customers'][number];

/** Buyers who return the most (repeat returners), with their return rates. */
export function CustomersCard({ filters }: { filters: Filters }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  // Per-buyer figures are kept by month; SKU, category and reason filters do not apply.
  const q = useAnalytics<Customers>('customers', { from: filters.from, to: filters.to, channel: filters.channel, limit: 20 });
  const rows = q.data?.customers ?? [];
  const currency = q.data?.currency ?? 'CNY';
  const shown = rows.slice(0, 10).reverse();
  const who = (b: Buyer) => b.name ?? b.email ?? b.externalRef ?? b.customerId.slice(0, 8);
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
    xAxis: [
      { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
      { type: 'value', position: 'top', axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    yAxis: { type: 'category', data: shown.map(who), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      { name: t('analytics.columns.returnedUnits'), type: 'bar', barMaxWidth: 14, itemStyle: { color: '#fa8c16' }, data: shown.map((b) => b.returnedUnits) },
      { name: t('analytics.columns.unitRate'), type: 'line', xAxisIndex: 1, lineStyle: { width: 0 }, symbolSize: 9, itemStyle: { color: '#1f5eff' }, data: shown.map((b) => ratePoint(b.returnRate)) },
    ],
  };
  return (
    <ChartCard<Buyer>
      id="customers"
      title={t('analytics.customers.title')}
      help={q.data ? text(q.data.definition, lng) : undefined}
      option={option}
      rows={rows}
      rowKey={(b) => b.customerId}
      loading={q.isPending}
      height={340}
      columns={[
        { key: 'name', title: t('analytics.customers.buyer'), render: who, csv: who },
        { key: 'email', title: t('analytics.customers.email'), render: (b) => b.email ?? '—', csv: (b) => b.email },
        { key: 'orders', title: t('analytics.columns.orders'), align: 'right', render: (b) => num(b.orders, lng), csv: (b) => b.orders },
        { key: 'sold', title: t('analytics.columns.soldUnits'), align: 'right', render: (b) => num(b.soldUnits, lng), csv: (b) => b.soldUnits },
        { key: 'returned', title: t('analytics.columns.returnedUnits'), align: 'right', render: (b) => num(b.returnedUnits, lng), csv: (b) => b.returnedUnits },
        { key: 'rate', title: t('analytics.columns.unitRate'), align: 'right', render: (b) => pct(b.returnRate, lng), csv: (b) => b.returnRate },
        { key: 'cases', title: t('analytics.columns.cases'), align: 'right', render: (b) => num(b.casesRequested, lng), csv: (b) => b.casesRequested },
        { key: 'refunded', title: t('analytics.cost.refunded'), align: 'right', render: (b) => money(b.refundedMinor, currency, lng), csv: (b) => major(b.refundedMinor, currency) },
      ]}
    />
  );
}
