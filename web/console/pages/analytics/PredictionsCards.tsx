import { ExperimentOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Empty, Input, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import { useSession } from '../../auth/session.js';
import { useErrorText } from '../../components/ErrorAlert.js';
import { useShopTime } from '../../lib/shop-time.js';
import { useAnalytics, type OrderScore, type SkuPredictions, type Filters } from './api.js';
import { Chart } from './Chart.js';
import { ChartCard } from './ChartCard.js';
import { num, pct, ratePoint, text } from './format.js';

type Sku = SkuPredictions['skus'][number];

const notTrained = (err: unknown) => err instanceof ApiError && err.code === 'analytics.model_not_found';

/** No model yet: what it is and how to train one. */
function TrainHint() {
  const { t } = useTranslation();
  const { session } = useSession();
  return (
    <Card title={t('analytics.predictions.title')} className="analytics-card" data-testid="predictions-untrained">
      <Alert
        type="info"
        showIcon
        icon={<ExperimentOutlined />}
        title={t('analytics.predictions.notTrained')}
        description={
          <Space orientation="vertical" size={4}>
            <span>{t('analytics.predictions.howToTrain')}</span>
            <Typography.Text code copyable>{`retour analytics train --shop ${session.shop.slug}`}</Typography.Text>
          </Space>
        }
      />
    </Card>
  );
}

/** SKUs ranked by predicted return rate (with the observed rate beside it) and the model's held-out quality. */
export function PredictionsCard({ filters }: { filters: Filters }) {
  const { t, i18n } = useTranslation();
  const shopTime = useShopTime();
  const lng = i18n.language;
  const q = useAnalytics<SkuPredictions>('predictions', { sku: filters.sku, category: filters.category, limit: 50, minLines: 3 });
  if (q.error && notTrained(q.error)) return <TrainHint />;
  const rows = q.data?.skus ?? [];
  const shown = rows.slice(0, 12).reverse();
  const model = q.data?.model;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'category', data: shown.map((s) => s.sku), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [
      { name: t('analytics.predictions.predicted'), type: 'bar', barMaxWidth: 12, itemStyle: { color: '#722ed1' }, data: shown.map((s) => ratePoint(s.predictedRate)) },
      { name: t('analytics.predictions.observed'), type: 'bar', barMaxWidth: 12, itemStyle: { color: '#bfbfbf' }, data: shown.map((s) => ratePoint(s.observedRate)) },
    ],
  };
  return (
    <ChartCard<Sku>
      id="predictions"
      title={t('analytics.predictions.title')}
      help={q.data ? text(q.data.definition, lng) : undefined}
      option={option}
      rows={rows}
      rowKey={(s) => s.variantId}
      loading={q.isPending}
      height={340}
      extra={model && <Tag color="purple" data-testid="model-auc">{t('analytics.predictions.auc', { auc: model.auc === null ? '—' : model.auc.toFixed(3) })}</Tag>}
      columns={[
        { key: 'sku', title: t('analytics.group.sku'), render: (s) => s.sku, csv: (s) => s.sku },
        { key: 'title', title: t('analytics.columns.title'), render: (s) => <Typography.Text ellipsis={{ tooltip: s.title }} style={{ maxWidth: 200 }}>{s.title}</Typography.Text>, csv: (s) => s.title },
        { key: 'predicted', title: t('analytics.predictions.predicted'), align: 'right', render: (s) => pct(s.predictedRate, lng), csv: (s) => s.predictedRate },
        { key: 'observed', title: t('analytics.predictions.observed'), align: 'right', render: (s) => pct(s.observedRate, lng), csv: (s) => s.observedRate },
        { key: 'lines', title: t('analytics.predictions.lines'), align: 'right', render: (s) => num(s.lines, lng), csv: (s) => s.lines },
      ]}
      footer={
        model && (
          <Descriptions size="small" column={3} className="model-facts" data-testid="model-facts">
            <Descriptions.Item label={t('analytics.predictions.version')}>v{model.version}</Descriptions.Item>
            <Descriptions.Item label={t('analytics.predictions.trainedAt')}>{shopTime(model.trainedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('analytics.predictions.baseline')}>{model.baselineSkuRateAuc === null ? '—' : model.baselineSkuRateAuc.toFixed(3)}</Descriptions.Item>
          </Descriptions>
        )
      }
    />
  );
}

/** One order's lines scored: the probability each comes back and the features that push it up or down. */
export function OrderScoreCard() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const errorText = useErrorText();
  const [number, setNumber] = useState<string | null>(null);
  // Without a number: the newest order.
  const order = useQuery({
    queryKey: ['analytics', 'score-order', number],
    queryFn: async () => {
      const page = await api.get<{ data: { id: string; number: string }[] }>('/orders', number ? { number, limit: 1 } : { limit: 1 });
      return page.data[0] ?? null;
    },
  });
  const score = useAnalytics<OrderScore>('predictions', { orderId: order.data?.id, top: 5 }, !!order.data);
  const [selected, setSelected] = useState(0);
  if (score.error && notTrained(score.error))
    return (
      <Card className="analytics-card" title={t('analytics.predictions.orderTitle')} data-testid="card-order-score">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('analytics.predictions.trainFirst')} />
      </Card>
    );
  const lines = score.data?.lines ?? [];
  const line = lines[Math.min(selected, lines.length - 1)];
  const features = [...(line?.topFeatures ?? [])].reverse();
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: t('analytics.predictions.logOdds'), nameLocation: 'middle', nameGap: 24, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'category', data: features.map((f) => text(f.label, lng)), axisLabel: { width: 170, overflow: 'truncate' } },
    series: [
      {
        name: t('analytics.predictions.contribution'),
        type: 'bar',
        barMaxWidth: 16,
        data: features.map((f) => ({ value: f.contribution, itemStyle: { color: f.contribution >= 0 ? '#f5222d' : '#52c41a' } })),
      },
    ],
  };
  return (
    <Card
      className="analytics-card"
      title={t('analytics.predictions.orderTitle')}
      data-testid="card-order-score"
      extra={
        <Input.Search
          allowClear
          size="small"
          placeholder={t('analytics.predictions.orderNumber')}
          enterButton={<SearchOutlined />}
          style={{ width: 220 }}
          onSearch={(v) => {
            setNumber(v.trim() || null);
            setSelected(0);
          }}
          data-testid="score-order-input"
        />
      }
    >
      {order.error || score.error ? (
        <Alert type="error" showIcon title={errorText(order.error ?? score.error)} />
      ) : order.data === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('analytics.predictions.noOrder', { number })} />
      ) : (
        <Row gutter={16}>
          <Col span={11}>
            <Typography.Text type="secondary">{t('analytics.predictions.orderLines', { number: order.data?.number ?? '' })}</Typography.Text>
            <Table
              size="small"
              rowKey="lineId"
              loading={score.isPending}
              dataSource={lines}
              pagination={false}
              rowClassName={(_, i) => (i === selected ? 'ant-table-row-selected' : '')}
              onRow={(_, i) => ({ onClick: () => setSelected(i ?? 0), style: { cursor: 'pointer' } })}
              data-testid="order-score-table"
              columns={[
                { key: 'sku', title: t('analytics.group.sku'), render: (_, l) => l.sku },
                { key: 'qty', title: t('analytics.predictions.quantity'), align: 'right', render: (_, l) => l.quantity },
                {
                  key: 'p',
                  title: t('analytics.predictions.probability'),
                  render: (_, l) => (
                    <Space size={6}>
                      <Progress type="circle" size={22} percent={Math.round(l.probability * 100)} showInfo={false} strokeColor={l.probability > 0.2 ? '#f5222d' : '#722ed1'} />
                      {pct(l.probability, lng)}
                    </Space>
                  ),
                },
              ]}
            />
          </Col>
          <Col span={13}>
            <Typography.Text type="secondary">{line ? t('analytics.predictions.why', { sku: line.sku }) : ''}</Typography.Text>
            {line && <Chart option={option} height={220} testId="order-score-chart" />}
          </Col>
        </Row>
      )}
    </Card>
  );
}
