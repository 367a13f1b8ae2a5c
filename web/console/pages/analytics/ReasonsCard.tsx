import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GroupLabels, ReasonFigures, Reasons } from './api.js';
import { ChartCard } from './ChartCard.js';
import { num, pct, text } from './format.js';
import { useGroupLabel } from './labels.js';

type Row = ReasonFigures & GroupLabels;

/** Why things come back: cases per reason (quality reasons marked), with the units asked back and returned. */
export function ReasonsCard({ data, loading }: { data?: Reasons; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const label = useGroupLabel();
  const rows = data?.groups ?? [];
  const shown = rows.slice(0, 10).reverse();
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'category', data: shown.map((r) => label(r, 'reason')), axisLabel: { width: 130, overflow: 'truncate' } },
    series: [
      { name: t('analytics.columns.cases'), type: 'bar', barMaxWidth: 14, data: shown.map((r) => ({ value: r.casesRequested, itemStyle: { color: r.quality ? '#f5222d' : '#1f5eff' } })) },
      { name: t('analytics.columns.returnedUnits'), type: 'bar', barMaxWidth: 14, itemStyle: { color: '#fa8c16' }, data: shown.map((r) => r.returnedUnits) },
    ],
  };
  return (
    <ChartCard<Row>
      id="reasons"
      title={t('analytics.reasons.title')}
      help={data ? text(data.definition, lng) : undefined}
      option={option}
      rows={rows}
      rowKey={(r) => r.key}
      loading={loading}
      height={360}
      extra={<Tag color="red">{t('analytics.reasons.qualityLegend')}</Tag>}
      columns={[
        {
          key: 'reason',
          title: t('analytics.group.reason'),
          render: (r) => (
            <Space size={4}>
              {label(r, 'reason')}
              {r.quality && <Tag color="red">{t('analytics.reasons.quality')}</Tag>}
            </Space>
          ),
          csv: (r) => label(r, 'reason'),
        },
        { key: 'cases', title: t('analytics.columns.cases'), align: 'right', render: (r) => num(r.casesRequested, lng), csv: (r) => r.casesRequested },
        { key: 'share', title: t('analytics.columns.share'), align: 'right', render: (r) => pct(r.shareOfCases, lng), csv: (r) => r.shareOfCases ?? null },
        { key: 'units', title: t('analytics.columns.unitsRequested'), align: 'right', render: (r) => num(r.unitsRequested, lng), csv: (r) => r.unitsRequested },
        { key: 'returned', title: t('analytics.columns.returnedUnits'), align: 'right', render: (r) => num(r.returnedUnits, lng), csv: (r) => r.returnedUnits },
        { key: 'quality', title: t('analytics.reasons.quality'), render: (r) => (r.quality ? t('analytics.yes') : t('analytics.no')), csv: (r) => !!r.quality },
      ]}
    />
  );
}

/** The SKUs with the most return requests, each with its top reasons. */
export function TopSkuReasonsCard({ data, loading }: { data?: Reasons; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const label = useGroupLabel();
  const rows = data?.groups ?? [];
  const shown = rows.slice(0, 10).reverse();
  const reasonKeys = [...new Set(rows.flatMap((r) => (r.topReasons ?? []).map((x) => x.key ?? x.reason ?? '')))];
  const reasonLabel = (k: string) => {
    const found = rows.flatMap((r) => r.topReasons ?? []).find((x) => (x.key ?? x.reason) === k);
    return found ? label({ ...found, key: k }, 'reason') : k;
  };
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'category', data: shown.map((r) => label(r, 'sku')), axisLabel: { width: 120, overflow: 'truncate' } },
    series: reasonKeys.map((k) => ({
      name: reasonLabel(k),
      type: 'bar',
      stack: 'reasons',
      barMaxWidth: 16,
      data: shown.map((r) => (r.topReasons ?? []).find((x) => (x.key ?? x.reason) === k)?.casesRequested ?? 0),
    })),
  };
  return (
    <ChartCard<Row>
      id="sku-reasons"
      title={t('analytics.reasons.topSkus')}
      help={t('analytics.reasons.topSkusHelp')}
      option={option}
      rows={rows}
      rowKey={(r) => r.key}
      loading={loading}
      height={360}
      columns={[
        { key: 'sku', title: t('analytics.group.sku'), render: (r) => label(r, 'sku'), csv: (r) => label(r, 'sku') },
        { key: 'cases', title: t('analytics.columns.cases'), align: 'right', render: (r) => num(r.casesRequested, lng), csv: (r) => r.casesRequested },
        { key: 'returned', title: t('analytics.columns.returnedUnits'), align: 'right', render: (r) => num(r.returnedUnits, lng), csv: (r) => r.returnedUnits },
        {
          key: 'top',
          title: t('analytics.reasons.topReasons'),
          render: (r) => (r.topReasons ?? []).map((x) => `${label({ ...x, key: x.reason ?? x.key ?? '' }, 'reason')} (${x.casesRequested})`).join(lng === 'zh-CN' ? '、' : ', '),
          csv: (r) => (r.topReasons ?? []).map((x) => `${label({ ...x, key: x.reason ?? x.key ?? '' }, 'reason')} (${x.casesRequested})`).join('; '),
        },
      ]}
    />
  );
}
