import { Alert, Card, Col, Row, Statistic, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useAnalytics, type Cost, type QualityRate, type Reasons, type ReturnRate, type TimeToRefund } from './api.js';
import { CostCard } from './CostCard.js';
import { CustomersCard } from './CustomersCard.js';
import { AnalyticsFilters } from './Filters.js';
import { bp, duration, money, num, pct } from './format.js';
import { useAnalyticsParams } from './params.js';
import { OrderScoreCard, PredictionsCard } from './PredictionsCards.js';
import { LEVEL_COLORS, QualityCard } from './QualityCard.js';
import { ReasonsCard, TopSkuReasonsCard } from './ReasonsCard.js';
import { RefundDistributionCard, RefundTimeCard } from './RefundTimeCards.js';
import { ReturnBreakdown, ReturnTrend } from './ReturnCharts.js';
import './analytics.css';

/**
 * Analytics (docs/analytics.md): what comes back and why, what it costs, the quality refund rate against
 * the policy's thresholds, how fast refunds go out, who returns the most, and what will come back
 * next. Every chart reads the metrics API (rollups: instant at any size) and has a table and CSV.
 */
export function AnalyticsPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const state = useAnalyticsParams();
  const { filters, trend, by } = state;
  const base = { ...filters };
  const returnTrend = useAnalytics<ReturnRate>('return-rate', { ...base, groupBy: trend });
  const breakdown = useAnalytics<ReturnRate>('return-rate', { ...base, groupBy: by, limit: 100 });
  const topSkus = useAnalytics<ReturnRate>('return-rate', { ...base, groupBy: 'sku', sort: 'returnedUnits', limit: 50 });
  const quality = useAnalytics<QualityRate>('quality-refund-rate', { ...base, groupBy: 'none' });
  const cost = useAnalytics<Cost>('cost', { ...base, groupBy: trend });
  const refundTime = useAnalytics<TimeToRefund>('time-to-refund', { ...base, groupBy: trend });
  const reasons = useAnalytics<Reasons>('reasons', { ...base, groupBy: 'reason', limit: 50 });
  const skuReasons = useAnalytics<Reasons>('reasons', { ...base, groupBy: 'sku', limit: 20, topReasons: 3 });

  const totals = returnTrend.data?.totals;
  const currency = returnTrend.data?.currency ?? cost.data?.currency ?? 'CNY';
  const error = [returnTrend, breakdown, quality, cost, refundTime, reasons].find((q) => q.error)?.error;
  const kpi = (id: string, title: string, value: React.ReactNode, hint?: React.ReactNode, color?: string) => (
    <Col xs={12} md={8} xl={4}>
      <Card size="small" className="analytics-kpi" data-testid={`kpi-${id}`}>
        <Statistic title={title} value={value as string} styles={{ content: color ? { color } : undefined }} />
        <div className="analytics-kpi-hint">{hint}</div>
      </Card>
    </Col>
  );
  const q = quality.data;
  const levelColor = q ? { ok: '#389e0d', projected_warn: '#d48806', warn: '#d46b08', projected_limit: '#d4380d', limit: '#cf1322' }[q.level] : undefined;

  return (
    <div className="page analytics-page" data-testid="analytics-page">
      <PageHeader title={t('analytics.title')} subtitle={t('analytics.subtitle')} />
      <AnalyticsFilters state={state} period={refundTime.data?.period ?? returnTrend.data?.period} />
      <ErrorAlert error={error} />
      {returnTrend.data?.rebuildPending && <Alert type="warning" showIcon title={t('analytics.rebuildPending')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]} className="analytics-kpis">
        {kpi('unit-rate', t('analytics.kpi.unitRate'), pct(totals?.unitRate, lng), totals && t('analytics.kpi.unitRateHint', { returned: num(totals.returnedUnits, lng), sold: num(totals.soldUnits, lng) }))}
        {kpi('value-rate', t('analytics.kpi.valueRate'), pct(totals?.valueRate, lng), totals && money(totals.returnedValueMinor, currency, lng))}
        {kpi(
          'quality',
          t('analytics.kpi.quality'),
          bp(q?.current.rateBp, lng),
          q && (
            <Tooltip title={`${t('analytics.quality.thresholds')}: ${bp(q.thresholds.warnAtBp, lng)} / ${bp(q.thresholds.limitBp, lng)}`}>
              <Tag color={LEVEL_COLORS[q.level]}>{t(`analytics.quality.level.${q.level}`)}</Tag>
            </Tooltip>
          ),
          levelColor,
        )}
        {kpi('cost', t('analytics.kpi.cost'), cost.data ? money(cost.data.totals.totalMinor, currency, lng) : '—', cost.data && t('analytics.kpi.costHint', { count: cost.data.totals.refunds }))}
        {kpi('refund-time', t('analytics.kpi.refundTime'), duration(refundTime.data?.totals.p50Seconds, t), refundTime.data && t('analytics.kpi.refundTimeHint', { p90: duration(refundTime.data.totals.p90Seconds, t) }))}
        {kpi(
          'cases',
          t('analytics.kpi.cases'),
          num(reasons.data?.totals.casesRequested, lng),
          refundTime.data && t('analytics.kpi.casesHint', { rate: pct(refundTime.data.totals.decisions.automaticShare, lng) }),
        )}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <ReturnTrend data={returnTrend.data} loading={returnTrend.isPending} group={trend} />
        </Col>
        <Col xs={24} xl={10}>
          <QualityCard data={quality.data} loading={quality.isPending} />
        </Col>
        <Col xs={24} xl={12}>
          <ReturnBreakdown data={breakdown.data} loading={breakdown.isPending} group={by} title={t('analytics.returnRate.breakdownTitle', { by: t(`analytics.group.${by}`) })} />
        </Col>
        <Col xs={24} xl={12}>
          <ReturnBreakdown id="top-skus" data={topSkus.data} loading={topSkus.isPending} group="sku" title={t('analytics.returnRate.topSkus')} />
        </Col>
        <Col xs={24} xl={12}>
          <ReasonsCard data={reasons.data} loading={reasons.isPending} />
        </Col>
        <Col xs={24} xl={12}>
          <TopSkuReasonsCard data={skuReasons.data} loading={skuReasons.isPending} />
        </Col>
        <Col xs={24}>
          <CostCard data={cost.data} loading={cost.isPending} group={trend} />
        </Col>
        <Col xs={24} xl={14}>
          <RefundTimeCard data={refundTime.data} loading={refundTime.isPending} group={trend} />
        </Col>
        <Col xs={24} xl={10}>
          <RefundDistributionCard data={refundTime.data} loading={refundTime.isPending} />
        </Col>
        <Col xs={24} xl={12}>
          <PredictionsCard filters={filters} />
        </Col>
        <Col xs={24} xl={12}>
          <OrderScoreCard />
        </Col>
        <Col xs={24}>
          <CustomersCard filters={filters} />
        </Col>
      </Row>
    </div>
  );
}
