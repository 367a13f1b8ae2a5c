import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Skeleton, Space, Statistic, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import type { Dashboard, QueuePage } from '../../api/types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useMoney } from '../../components/Money.js';
import { PageHeader } from '../../components/PageHeader.js';
import { syncServerClock } from '../../lib/server-clock.js';
import { formatDate } from '../../../shared/money.js';
import { QualityRateCard } from './QualityRateCard.js';
import { StatusBars } from './StatusBars.js';
import { UrgentCases } from './UrgentCases.js';
import { CareTasksCard } from '../care/CareTasksCard.js';

/** Today: what needs doing now, what is late, what came in and went out today. */
export function TodayPage() {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const dashboard = useQuery({
    queryKey: ['dashboard'],
    queryFn: async () => {
      const d = await api.get<Dashboard>('/dashboard');
      syncServerClock(d.now);
      return d;
    },
    refetchInterval: 60_000,
  });
  const urgent = useQuery({
    queryKey: ['queue', { sort: 'deadline', pageSize: 8, urgent: true }],
    queryFn: async () => {
      const p = await api.get<QueuePage>('/queue', { sort: 'deadline', order: 'asc', pageSize: 8 });
      syncServerClock(p.now);
      return p;
    },
    refetchInterval: 60_000,
  });
  const d = dashboard.data;

  return (
    <div className="page" data-testid="today-page">
      <PageHeader
        title={t('today.title')}
        subtitle={d ? t('today.subtitle', { date: formatDate(d.now, i18n.language, d.timezone), zone: d.timezone }) : undefined}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void Promise.all([dashboard.refetch(), urgent.refetch()])} loading={dashboard.isFetching}>
            {t('common.refresh')}
          </Button>
        }
      />
      <ErrorAlert error={dashboard.error} />
      {!d ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            <Kpi title={t('today.kpi.open')} value={d.open.total} to="/queue" testId="kpi-open" />
            <Kpi title={t('today.kpi.overdue')} value={d.open.overdue} to="/queue?due=overdue" tone={d.open.overdue > 0 ? 'danger' : undefined} testId="kpi-overdue" />
            <Kpi title={t('today.kpi.dueSoon', { hours: d.open.dueSoonHours })} value={d.open.dueSoon} to={`/queue?due=${d.open.dueSoonHours}`} tone={d.open.dueSoon > 0 ? 'warning' : undefined} testId="kpi-due-soon" />
            <Kpi
              title={t('today.kpi.requests')}
              value={d.today.requests}
              to={`/queue?scope=all&createdFrom=${encodeURIComponent(d.dayStart)}&sort=createdAt&order=desc`}
              hint={t('today.kpi.requestsWaiting', { count: d.today.requestsWaiting })}
              testId="kpi-requests"
            />
            <Kpi
              title={t('today.kpi.refunds')}
              value={d.today.refunds.length ? d.today.refunds.map((r) => money(r.amountMinor, r.currency)).join(' + ') : money(0, d.currency)}
              hint={t('today.kpi.refundsCount', { count: d.today.refunds.reduce((a, r) => a + r.count, 0) })}
              testId="kpi-refunds"
            />
            <Kpi
              title={t('today.kpi.refundsPending')}
              value={d.today.refundsPending}
              to="/queue?status=refund_pending"
              hint={
                d.today.refundsFailed > 0
                  ? t('today.kpi.refundsFailed', { count: d.today.refundsFailed })
                  : t('today.kpi.refundsAwaiting', { count: d.today.refundsAwaitingConfirmation })
              }
              tone={d.today.refundsFailed > 0 ? 'danger' : undefined}
              testId="kpi-refunds-pending"
            />
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card title={t('today.byStatus')} extra={<Link to="/queue">{t('today.openQueue')}</Link>}>
                <StatusBars rows={d.open.byStatus} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <QualityRateCard rate={d.qualityRefundRate} />
            </Col>
          </Row>
          <Card title={t('today.urgent')} extra={<Link to="/queue?sort=deadline">{t('today.openQueue')}</Link>} styles={{ body: { padding: 0 } }}>
            <UrgentCases page={urgent.data} loading={urgent.isPending} />
          </Card>
          <CareTasksCard />
        </Space>
      )}
    </div>
  );
}

function Kpi({ title, value, to, hint, tone, testId }: { title: string; value: number | string; to?: string; hint?: string; tone?: 'danger' | 'warning'; testId: string }) {
  const color = tone === 'danger' ? '#cf1322' : tone === 'warning' ? '#d46b08' : undefined;
  const body = (
    <Card hoverable={!!to} className="kpi" data-testid={testId}>
      <Statistic title={title} value={value} styles={{ content: { color, fontWeight: 600 } }} />
      <Typography.Text type="secondary" className="kpi-hint">
        {hint ?? '\u00a0'}
      </Typography.Text>
    </Card>
  );
  return (
    <Col xs={12} md={8} xl={4}>
      {to ? (
        <Tooltip title={title}>
          <Link to={to}>{body}</Link>
        </Tooltip>
      ) : (
        body
      )}
    </Col>
  );
}
