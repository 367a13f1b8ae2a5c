import { Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GroupLabels, TimeFigures, TimeToRefund } from './api.js';
import { ChartCard } from './ChartCard.js';
import { duration, num, pct, text } from './format.js';
import { useGroupLabel } from './labels.js';

type Row_ = TimeFigures & GroupLabels;
const hours = (s: number | null) => (s === null ? null : Math.round((s / 3600) * 10) / 10);

/** Time from request to refund by period (p50 and p90), with deadline compliance and the share decided automatically. */
export function RefundTimeCard({ data, loading, group }: { data?: TimeToRefund; loading: boolean; group: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const label = useGroupLabel();
  const rows = data?.groups ?? [];
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => label(r, group)) },
    yAxis: [
      { type: 'value', name: t('analytics.units.hoursAxis'), splitLine: { lineStyle: { type: 'dashed' } } },
      { type: 'value', name: t('analytics.columns.refundedCases'), splitLine: { show: false }, minInterval: 1 },
    ],
    series: [
      { name: t('analytics.columns.refundedCases'), type: 'bar', yAxisIndex: 1, barMaxWidth: 24, itemStyle: { color: '#e6f4ff' }, data: rows.map((r) => r.refundedCases) },
      { name: 'p50', type: 'line', connectNulls: true, itemStyle: { color: '#1f5eff' }, data: rows.map((r) => hours(r.p50Seconds)) },
      { name: 'p90', type: 'line', connectNulls: true, itemStyle: { color: '#fa8c16' }, lineStyle: { type: 'dashed' }, data: rows.map((r) => hours(r.p90Seconds)) },
    ],
  };
  const totals = data?.totals;
  return (
    <ChartCard<Row_>
      id="refund-time"
      title={t('analytics.refundTime.title')}
      help={data ? text(data.definition, lng) : undefined}
      option={option}
      rows={rows}
      rowKey={(r) => r.key}
      loading={loading}
      height={250}
      columns={[
        { key: 'key', title: t(`analytics.group.${group}`), render: (r) => label(r, group), csv: (r) => label(r, group) },
        { key: 'cases', title: t('analytics.columns.refundedCases'), align: 'right', render: (r) => num(r.refundedCases, lng), csv: (r) => r.refundedCases },
        { key: 'p50', title: 'p50', align: 'right', render: (r) => duration(r.p50Seconds, t), csv: (r) => r.p50Seconds },
        { key: 'p90', title: 'p90', align: 'right', render: (r) => duration(r.p90Seconds, t), csv: (r) => r.p90Seconds },
        { key: 'deadlines', title: t('analytics.refundTime.deadlinesMet'), align: 'right', render: (r) => pct(r.deadlineCompliance?.rate, lng), csv: (r) => r.deadlineCompliance?.rate ?? null },
        { key: 'auto', title: t('analytics.refundTime.automatic'), align: 'right', render: (r) => pct(r.decisions.automaticShare, lng), csv: (r) => r.decisions.automaticShare },
      ]}
      footer={
        totals && (
          <Row gutter={12} className="analytics-stats" data-testid="refund-time-totals">
            <Col span={6}>
              <Statistic title={t('analytics.refundTime.p50')} value={duration(totals.p50Seconds, t)} />
            </Col>
            <Col span={6}>
              <Statistic title={t('analytics.refundTime.p90')} value={duration(totals.p90Seconds, t)} />
            </Col>
            <Col span={6}>
              <Statistic
                title={t('analytics.refundTime.deadlinesMet')}
                value={pct(totals.deadlineCompliance?.rate, lng)}
                suffix={totals.deadlineCompliance ? <span className="analytics-suffix">{`${totals.deadlineCompliance.met}/${totals.deadlineCompliance.deadlines}`}</span> : null}
              />
            </Col>
            <Col span={6}>
              <Statistic title={t('analytics.refundTime.automatic')} value={pct(totals.decisions.automaticShare, lng)} />
            </Col>
          </Row>
        )
      }
    />
  );
}

const BINS = [
  { upTo: 3600, key: 'h1' },
  { upTo: 6 * 3600, key: 'h6' },
  { upTo: 86_400, key: 'd1' },
  { upTo: 2 * 86_400, key: 'd2' },
  { upTo: 3 * 86_400, key: 'd3' },
  { upTo: 5 * 86_400, key: 'd5' },
  { upTo: 7 * 86_400, key: 'd7' },
  { upTo: 14 * 86_400, key: 'd14' },
  { upTo: Infinity, key: 'more' },
] as const;

/** The distribution the percentiles come from, in bins people read (under an hour … over two weeks). */
export function RefundDistributionCard({ data, loading }: { data?: TimeToRefund; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const counts = BINS.map(() => 0);
  for (const b of data?.distribution ?? []) counts[BINS.findIndex((bin) => b.fromSeconds < bin.upTo)]! += b.cases;
  const total = counts.reduce((a, b) => a + b, 0);
  const rows = total === 0 ? [] : BINS.map((b, i) => ({ key: b.key, label: t(`analytics.refundTime.bins.${b.key}`), cases: counts[i]!, share: counts[i]! / total }));
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    series: [{ name: t('analytics.columns.refundedCases'), type: 'bar', barMaxWidth: 36, itemStyle: { color: '#13a8a8', borderRadius: [3, 3, 0, 0] }, data: rows.map((r) => r.cases) }],
  };
  return (
    <ChartCard
      id="refund-distribution"
      title={t('analytics.refundTime.distribution')}
      option={option}
      rows={rows}
      rowKey={(r) => r.key}
      loading={loading}
      height={250}
      columns={[
        { key: 'bin', title: t('analytics.refundTime.bin'), render: (r) => r.label, csv: (r) => r.label },
        { key: 'cases', title: t('analytics.columns.refundedCases'), align: 'right', render: (r) => num(r.cases, lng), csv: (r) => r.cases },
        { key: 'share', title: t('analytics.columns.share'), align: 'right', render: (r) => pct(r.share, lng), csv: (r) => r.share },
      ]}
    />
  );
}
