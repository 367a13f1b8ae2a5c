import { useQuery } from '@tanstack/react-query';
import { Card, InputNumber, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import type { RiskSimulation } from './types.js';

/** Issue 19.6: how many of the last 90 days' cases a review threshold would have held for a person. */
export function RiskSimulationCard() {
  const { t } = useTranslation();
  const [threshold, setThreshold] = useState<number | null>(null);
  const sim = useQuery({
    queryKey: ['risk-simulation', threshold],
    queryFn: () => api.get<RiskSimulation>('/risk/simulation', threshold === null ? {} : { threshold }),
  });
  const s = sim.data;
  return (
    <Card title={t('buyerRecords.simulation.title')} style={{ marginTop: 16 }} data-testid="risk-simulation">
      {sim.error && <ErrorAlert error={sim.error} />}
      <Space wrap size="large" align="end">
        <div>
          <div className="small">{t('buyerRecords.simulation.threshold')}</div>
          <InputNumber min={0} max={100} value={threshold ?? s?.threshold} onChange={(v) => setThreshold(typeof v === 'number' ? v : null)} data-testid="simulation-threshold" />
        </div>
        {s && (
          <>
            <Statistic title={t('buyerRecords.simulation.cases', { days: s.days })} value={s.cases} />
            <Statistic title={t('buyerRecords.simulation.wouldReview')} value={s.wouldReview} suffix={s.cases ? `(${Math.round((s.wouldReview * 100) / s.cases)}%)` : ''} data-testid="simulation-would-review" />
            <Statistic title={t('buyerRecords.simulation.wereReviewed')} value={s.wereReviewed} />
            <Statistic title={t('buyerRecords.simulation.blocked')} value={s.blocked} />
          </>
        )}
      </Space>
      {s && (
        <>
          <div className="subhead">{t('buyerRecords.simulation.curve', { current: s.currentThreshold })}</div>
          <Table
            size="small"
            rowKey="threshold"
            pagination={false}
            scroll={{ x: true }}
            dataSource={[Object.fromEntries([['threshold', 'row'], ...s.curve.map((p) => [String(p.threshold), p.wouldReview])])]}
            columns={[
              { title: t('buyerRecords.simulation.threshold'), key: 'label', render: () => t('buyerRecords.simulation.wouldReview') },
              ...s.curve.map((p) => ({ title: String(p.threshold), dataIndex: String(p.threshold), align: 'right' as const, className: p.threshold === s.currentThreshold ? 'current' : '' })),
            ]}
          />
          <div className="subhead">{t('buyerRecords.simulation.factors')}</div>
          <Space wrap>
            {s.factors.map((f) => (
              <Tag key={f.code}>
                {t(`buyerRecords.factor.${f.code}`, { defaultValue: f.code })}: {f.cases}
              </Tag>
            ))}
          </Space>
        </>
      )}
    </Card>
  );
}
