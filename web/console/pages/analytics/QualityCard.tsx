import { Col, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QualityRate } from './api.js';
import { ChartCard } from './ChartCard.js';
import { Chart } from './Chart.js';
import { bp, num, pct, text } from './format.js';

export const LEVEL_COLORS = { ok: 'green', projected_warn: 'gold', warn: 'orange', projected_limit: 'volcano', limit: 'red' } as const;

type Day = QualityRate['series'][number];

/** 品质退款率: a gauge banded by the policy's warning and limit, and the rolling-window rate day by day. */
export function QualityCard({ data, loading }: { data?: QualityRate; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const rows = data?.series ?? [];
  const warn = data?.thresholds.warnAtBp ?? 0;
  const limit = data?.thresholds.limitBp ?? 0;
  const rateBp = data?.current.rateBp ?? 0;
  // The dial reaches well past the limit, so the bands read at a glance.
  const max = Math.max(limit * 1.6, rateBp * 1.1, 1);
  const gauge = {
    series: [
      {
        type: 'gauge',
        min: 0,
        max: max / 100,
        startAngle: 200,
        endAngle: -20,
        radius: '95%',
        center: ['50%', '62%'],
        splitNumber: 4,
        axisLine: { lineStyle: { width: 14, color: [[warn / max, '#52c41a'], [limit / max, '#faad14'], [1, '#f5222d']] } },
        pointer: { width: 5, length: '62%', itemStyle: { color: 'auto' } },
        axisTick: { distance: -14, length: 6, lineStyle: { color: '#fff', width: 1 } },
        splitLine: { distance: -14, length: 14, lineStyle: { color: '#fff', width: 2 } },
        axisLabel: { distance: 18, color: '#8c8c8c', fontSize: 11, formatter: (v: number) => `${v.toFixed(2)}%` },
        detail: { valueAnimation: true, offsetCenter: [0, '38%'], fontSize: 26, fontWeight: 600, formatter: () => bp(data?.current.rateBp, lng), color: 'inherit' },
        title: { offsetCenter: [0, '70%'], fontSize: 12, color: '#8c8c8c' },
        data: [{ value: rateBp / 100, name: t('analytics.quality.window', { days: data?.thresholds.windowDays ?? 30 }) }],
      },
    ],
  };
  const trend = {
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`) },
    grid: { left: 44, right: 16, top: 16, bottom: 24 },
    xAxis: { type: 'category', data: rows.map((d) => d.day), axisLabel: { formatter: (v: string) => v.slice(5) } },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, max: (v: { max: number }) => Math.max(v.max, (limit / 100) * 1.2), splitLine: { lineStyle: { type: 'dashed' } } },
    series: [
      {
        name: t('analytics.quality.rate'),
        type: 'line',
        showSymbol: false,
        smooth: true,
        areaStyle: { opacity: 0.08 },
        data: rows.map((d) => (d.rateBp === null ? null : d.rateBp / 100)),
        markLine: {
          symbol: 'none',
          label: { formatter: '{b}', position: 'insideEndTop', fontSize: 11 },
          data: [
            { name: t('analytics.quality.warnAt', { rate: bp(warn, lng) }), yAxis: warn / 100, lineStyle: { color: '#faad14', type: 'dashed' } },
            { name: t('analytics.quality.limit', { rate: bp(limit, lng) }), yAxis: limit / 100, lineStyle: { color: '#f5222d', type: 'dashed' } },
          ],
        },
      },
    ],
  };
  return (
    <ChartCard<Day>
      id="quality"
      title={t('analytics.quality.title')}
      help={data ? text(data.definition, lng) : undefined}
      option={trend}
      rows={rows}
      rowKey={(d) => d.day}
      loading={loading}
      height={170}
      extra={data && <Tag color={LEVEL_COLORS[data.level]} data-testid="quality-level">{t(`analytics.quality.level.${data.level}`)}</Tag>}
      columns={[
        { key: 'day', title: t('analytics.columns.day'), render: (d) => d.day, csv: (d) => d.day },
        { key: 'cases', title: t('analytics.columns.qualityCases'), align: 'right', render: (d) => num(d.qualityRefundedCases, lng), csv: (d) => d.qualityRefundedCases },
        { key: 'orders', title: t('analytics.columns.paidOrders'), align: 'right', render: (d) => num(d.paidOrders, lng), csv: (d) => d.paidOrders },
        { key: 'rate', title: t('analytics.quality.rate'), align: 'right', render: (d) => pct(d.rate, lng), csv: (d) => d.rate },
      ]}
      before={
        data && (
          <Row gutter={8} align="middle" className="quality-head">
            <Col span={12}>
              <Chart option={gauge} height={170} testId="quality-gauge" />
            </Col>
            <Col span={12}>
              <dl className="quality-facts">
                <dt>{t('analytics.quality.current')}</dt>
                <dd data-testid="quality-current">{bp(data.current.rateBp, lng)}</dd>
                <dt>{t('analytics.quality.fraction')}</dt>
                <dd>{t('analytics.quality.fractionValue', { cases: num(data.current.qualityRefundedCases, lng), orders: num(data.current.paidOrders, lng) })}</dd>
                <dt>{t('analytics.quality.thresholds')}</dt>
                <dd data-testid="quality-thresholds">
                  {bp(warn, lng)} / {bp(limit, lng)}
                </dd>
                <dt>{t('analytics.quality.projected', { days: data.trend.horizonDays })}</dt>
                <dd>{bp(data.trend.projectedBp, lng)}</dd>
              </dl>
            </Col>
          </Row>
        )
      }
    />
  );
}
