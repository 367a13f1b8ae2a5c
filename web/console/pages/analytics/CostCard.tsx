import { useTranslation } from 'react-i18next';
import type { Cost, CostFigures, GroupLabels } from './api.js';
import { ChartCard } from './ChartCard.js';
import { major, money, num, pct } from './format.js';
import { useGroupLabel } from './labels.js';

type Row = CostFigures & GroupLabels;

/** Cost of returns over time, in its parts: refunds, shipping reimbursed, bonuses, stock written off, less restocking fees kept. */
export function CostCard({ data, loading, group }: { data?: Cost; loading: boolean; group: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const label = useGroupLabel();
  const currency = data?.currency ?? 'CNY';
  const rows = data?.groups ?? [];
  const parts = [
    { key: 'refundedMinor', name: t('analytics.cost.refunded'), color: '#1f5eff' },
    { key: 'shippingReimbursedMinor', name: t('analytics.cost.shipping'), color: '#13a8a8' },
    { key: 'storeCreditBonusMinor', name: t('analytics.cost.bonus'), color: '#722ed1' },
    { key: 'writtenOffValueMinor', name: t('analytics.cost.writtenOff'), color: '#f5222d' },
  ] as const;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => money(Math.round(v * 100), currency, lng) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => label(r, group)) },
    yAxis: { type: 'value', name: currency, splitLine: { lineStyle: { type: 'dashed' } } },
    series: [
      ...parts.map((p) => ({ name: p.name, type: 'bar', stack: 'cost', barMaxWidth: 32, itemStyle: { color: p.color }, data: rows.map((r) => major(r[p.key], currency)) })),
      { name: t('analytics.cost.restockingFees'), type: 'bar', stack: 'cost', barMaxWidth: 32, itemStyle: { color: '#52c41a' }, data: rows.map((r) => -major(r.restockingFeesMinor, currency)) },
      { name: t('analytics.cost.total'), type: 'line', itemStyle: { color: '#262626' }, data: rows.map((r) => major(r.totalMinor, currency)) },
    ],
  };
  const m = (v: number) => money(v, currency, lng);
  const totals = data?.totals;
  return (
    <ChartCard<Row>
      id="cost"
      title={t('analytics.cost.title')}
      help={t('analytics.cost.help')}
      option={option}
      rows={rows}
      rowKey={(r) => r.key}
      loading={loading}
      height={320}
      before={
        totals && (
          // 运费险: the return shipping of these refunds was the insurer's, not the seller's (not in "shipping reimbursed").
          <p className="small muted" data-testid="cost-insured">
            {t('analytics.cost.insuredLine', { share: pct(totals.insuredShare, lng), insured: num(totals.insuredRefunds, lng), refunds: num(totals.refunds, lng) })}
          </p>
        )
      }
      columns={[
        { key: 'key', title: t(`analytics.group.${group}`), render: (r) => label(r, group), csv: (r) => label(r, group) },
        { key: 'refunds', title: t('analytics.cost.refunds'), align: 'right', render: (r) => num(r.refunds, lng), csv: (r) => r.refunds },
        ...parts.map((p) => ({ key: p.key, title: p.name, align: 'right' as const, render: (r: Row) => m(r[p.key]), csv: (r: Row) => major(r[p.key], currency) })),
        { key: 'insured', title: t('analytics.cost.insured'), align: 'right', render: (r) => `${num(r.insuredRefunds, lng)} · ${pct(r.insuredShare, lng)}`, csv: (r) => r.insuredShare },
        { key: 'restocking', title: t('analytics.cost.restockingFees'), align: 'right', render: (r) => m(-r.restockingFeesMinor), csv: (r) => -major(r.restockingFeesMinor, currency) },
        { key: 'total', title: t('analytics.cost.total'), align: 'right', render: (r) => <strong>{m(r.totalMinor)}</strong>, csv: (r) => major(r.totalMinor, currency) },
      ]}
    />
  );
}
