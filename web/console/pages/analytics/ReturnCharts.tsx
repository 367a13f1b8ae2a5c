import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReturnFigures, ReturnRate, GroupLabels } from './api.js';
import { ChartCard, type Column } from './ChartCard.js';
import { major, money, num, pct, ratePoint } from './format.js';
import { useGroupLabel } from './labels.js';

type Row = ReturnFigures & GroupLabels;

function useReturnColumns(group: string, currency: string): Column<Row>[] {
  const { t, i18n } = useTranslation();
  const label = useGroupLabel();
  const lng = i18n.language;
  return [
    { key: 'key', title: t(`analytics.group.${group}`), render: (r) => label(r, group), csv: (r) => label(r, group) },
    ...(group === 'sku' ? [{ key: 'title', title: t('analytics.columns.title'), render: (r: Row) => <Typography.Text ellipsis={{ tooltip: r.title }} style={{ maxWidth: 220 }}>{r.title}</Typography.Text>, csv: (r: Row) => r.title ?? '' }] : []),
    { key: 'soldUnits', title: t('analytics.columns.soldUnits'), align: 'right', render: (r) => num(r.soldUnits, lng), csv: (r) => r.soldUnits },
    { key: 'returnedUnits', title: t('analytics.columns.returnedUnits'), align: 'right', render: (r) => num(r.returnedUnits, lng), csv: (r) => r.returnedUnits },
    { key: 'unitRate', title: t('analytics.columns.unitRate'), align: 'right', render: (r) => pct(r.unitRate, lng), csv: (r) => r.unitRate },
    { key: 'soldValue', title: t('analytics.columns.soldValue'), align: 'right', render: (r) => money(r.soldValueMinor, currency, lng), csv: (r) => major(r.soldValueMinor, currency) },
    { key: 'returnedValue', title: t('analytics.columns.returnedValue'), align: 'right', render: (r) => money(r.returnedValueMinor, currency, lng), csv: (r) => major(r.returnedValueMinor, currency) },
    { key: 'valueRate', title: t('analytics.columns.valueRate'), align: 'right', render: (r) => pct(r.valueRate, lng), csv: (r) => r.valueRate },
    { key: 'pending', title: t('analytics.columns.pendingUnits'), align: 'right', render: (r) => num(r.pendingReturnUnits, lng), csv: (r) => r.pendingReturnUnits },
  ];
}

const percentAxis = { type: 'value', axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { type: 'dashed' } } } as const;

/** Return rate over time: sold and returned units as bars, the unit and value rates as lines. */
export function ReturnTrend({ data, loading, group }: { data?: ReturnRate; loading: boolean; group: string }) {
  const { t } = useTranslation();
  const label = useGroupLabel();
  const rows = data?.groups ?? [];
  const columns = useReturnColumns(group, data?.currency ?? 'CNY');
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: rows.map((r) => label(r, group)) },
    yAxis: [
      { type: 'value', name: t('analytics.units.unitsAxis'), splitLine: { show: false } },
      { ...percentAxis, position: 'right' },
    ],
    series: [
      { name: t('analytics.columns.soldUnits'), type: 'bar', data: rows.map((r) => r.soldUnits), itemStyle: { color: '#d6e4ff' }, barMaxWidth: 28 },
      { name: t('analytics.columns.returnedUnits'), type: 'bar', data: rows.map((r) => r.returnedUnits), itemStyle: { color: '#fa8c16' }, barMaxWidth: 28 },
      { name: t('analytics.columns.unitRate'), type: 'line', yAxisIndex: 1, smooth: true, connectNulls: true, data: rows.map((r) => ratePoint(r.unitRate)), itemStyle: { color: '#1f5eff' } },
      { name: t('analytics.columns.valueRate'), type: 'line', yAxisIndex: 1, smooth: true, connectNulls: true, data: rows.map((r) => ratePoint(r.valueRate)), itemStyle: { color: '#722ed1' }, lineStyle: { type: 'dashed' } },
    ],
  };
  return (
    <ChartCard
      id="return-trend"
      title={t('analytics.returnRate.trendTitle')}
      help={t('analytics.returnRate.help')}
      option={option}
      rows={rows}
      columns={columns}
      rowKey={(r) => r.key}
      loading={loading}
      height={320}
      extra={data && data.totals.pendingReturnUnits > 0 ? <Tag color="gold">{t('analytics.returnRate.pending', { count: data.totals.pendingReturnUnits })}</Tag> : null}
    />
  );
}

/** Return rate by SKU, product, category, channel or reason: the groups with the most returned units. */
export function ReturnBreakdown({ data, loading, group, id = 'return-breakdown', title }: { data?: ReturnRate; loading: boolean; group: string; id?: string; title: string }) {
  const { t } = useTranslation();
  const label = useGroupLabel();
  const rows = data?.groups ?? [];
  const columns = useReturnColumns(group, data?.currency ?? 'CNY');
  const shown = rows.slice(0, 12).reverse();
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
    xAxis: [
      { type: 'value', name: t('analytics.units.unitsAxis'), splitLine: { lineStyle: { type: 'dashed' } } },
      { ...percentAxis, position: 'top', splitLine: { show: false } },
    ],
    yAxis: { type: 'category', data: shown.map((r) => label(r, group)), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [
      { name: t('analytics.columns.returnedUnits'), type: 'bar', data: shown.map((r) => r.returnedUnits), itemStyle: { color: '#fa8c16' }, barMaxWidth: 16 },
      { name: t('analytics.columns.unitRate'), type: 'line', xAxisIndex: 1, data: shown.map((r) => ratePoint(r.unitRate)), itemStyle: { color: '#1f5eff' }, lineStyle: { width: 0 }, symbolSize: 9 },
    ],
  };
  return <ChartCard id={id} title={title} help={t('analytics.returnRate.help')} option={option} rows={rows} columns={columns} rowKey={(r) => r.key} loading={loading} height={360} />;
}
