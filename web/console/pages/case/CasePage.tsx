import { ArrowLeftOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client.js';
import type { CaseDetail, CustomerProfile, Eligibility, OrderDetail, QueuePage, Staff } from '../../api/types.js';
import { useSession } from '../../auth/session.js';
import { Countdown } from '../../components/Countdown.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RiskTag, StatusTag, TypeText } from '../../components/tags.js';
import { useExplain } from '../../lib/labels.js';
import { syncServerClock } from '../../lib/server-clock.js';
import { useShopTime } from '../../lib/shop-time.js';
import { ActionBar } from './ActionBar.js';
import { BuyerCard } from './BuyerCard.js';
import { CaseTimeline } from './CaseTimeline.js';
import { CarrierCard } from './CarrierCard.js';
import { Conversation } from './Conversation.js';
import { EvidenceGallery } from './EvidenceGallery.js';
import { ItemsCard } from './ItemsCard.js';
import { OrderCard } from './OrderCard.js';
import { PendingPayout, pendingPayouts } from './PendingPayout.js';
import { RefundCard } from './RefundCard.js';
import { MarketplaceTag } from './MarketplaceTag.js';
import { CompensationCard } from '../care/CompensationCard.js';

/** One case with everything needed to decide it, and only the actions allowed now. */
export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const { can } = useSession();
  const explain = useExplain();
  const kase = useQuery({ queryKey: ['case', id], queryFn: () => api.get<CaseDetail>(`/returns/${id}`) });
  const c = kase.data;
  const order = useQuery({ queryKey: ['order', c?.orderId], queryFn: () => api.get<OrderDetail>(`/orders/${c!.orderId}`), enabled: !!c && can('orders:read') });
  const eligibility = useQuery({ queryKey: ['eligibility', c?.orderId, c?.version], queryFn: () => api.get<Eligibility>(`/orders/${c!.orderId}/eligibility`), enabled: !!c });
  const profile = useQuery({
    queryKey: ['customer', c?.customerId],
    queryFn: () => api.get<CustomerProfile>(`/customers/${c!.customerId}`),
    enabled: !!c?.customerId && can('customers:read'),
  });
  const history = useQuery({
    queryKey: ['queue', { customerId: c?.customerId, scope: 'all', sort: 'createdAt' }],
    queryFn: () => api.get<QueuePage>('/queue', { customerId: c!.customerId, scope: 'all', sort: 'createdAt', order: 'desc', pageSize: 50 }),
    enabled: !!c?.customerId,
  });
  const deadline = useQuery({
    queryKey: ['queue', { deadlineOf: id, version: c?.version }],
    queryFn: async () => {
      const p = await api.get<QueuePage>('/queue', { q: c!.rmaNumber, scope: 'all', pageSize: 1 });
      syncServerClock(p.now);
      return p.data.find((x) => x.id === id)?.deadline ?? null;
    },
    enabled: !!c,
  });
  const staff = useQuery({ queryKey: ['staff'], queryFn: () => api.get<{ data: Staff[] }>('/staff'), enabled: can('staff:manage'), staleTime: 5 * 60_000 });
  const staffNames = new Map((staff.data?.data ?? []).map((s) => [s.id, s.name]));

  if (kase.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (kase.error instanceof ApiError && kase.error.status === 404)
    return (
      <Result
        status="404"
        title={t('case.notFound')}
        extra={
          <Link to="/queue">
            <Button>{t('case.backToQueue')}</Button>
          </Link>
        }
      />
    );
  if (!c) return <ErrorAlert error={kase.error} />;

  return (
    <div className="page case-page" data-testid="case-page">
      <div className="case-head">
        <Space align="center" wrap>
          <Link to="/queue">
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('case.backToQueue')} />
          </Link>
          <Typography.Title level={3} style={{ margin: 0 }} copyable={{ text: c.rmaNumber }} data-testid="case-rma">
            {c.rmaNumber}
          </Typography.Title>
          <StatusTag status={c.status} />
          <Tag>
            <TypeText type={c.type} kind={c.refundOnlyKind} />
          </Tag>
          {c.needsReview && (
            <Tag color="warning" icon={<ExclamationCircleOutlined />}>
              {t('queue.needsReview')}
            </Tag>
          )}
          <RiskTag score={c.riskScore} />
          <MarketplaceTag caseId={c.id} />
          {deadline.data && (
            <span className="case-deadline">
              {t('case.deadline')} <Countdown deadline={deadline.data} />
            </span>
          )}
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} className="case-facts">
          <Descriptions.Item label={t('case.created')}>{shopTime(c.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('case.fault')}>{t(`fault.${c.fault}`)}</Descriptions.Item>
          <Descriptions.Item label={t('case.returnMethod')}>{t(`returnMethod.${c.returnMethod}`)}</Descriptions.Item>
          <Descriptions.Item label={t('case.policyVersion')}>v{c.policyVersion}</Descriptions.Item>
        </Descriptions>
        <Space wrap size={12} className="case-actions">
          <PendingPayout c={c} />
          {c.allowedActions.some((a) => a !== 'note' && a !== 'message') ? (
            <ActionBar c={c} />
          ) : (
            pendingPayouts(c).length === 0 && (
              <Typography.Text type="secondary" data-testid="no-actions">
                {['completed', 'cancelled', 'closed'].includes(c.status) ? t('case.finished') : t('case.nothingForYou')}
              </Typography.Text>
            )
          )}
        </Space>
      </div>
      {c.rejection && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('case.rejected', { label: explain(c.rejection.label) })} description={c.rejection.reason} />}
      {c.buyerNote && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('case.buyerNote')} description={c.buyerNote} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ItemsCard c={c} eligibility={eligibility.data} />
            <EvidenceGallery c={c} canUpload={can('cases:message')} />
            <Conversation c={c} />
            <CaseTimeline c={c} staffNames={staffNames} />
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <RefundCard c={c} />
            <CompensationCard c={c} canGrant={can('cases:decide')} />
            <BuyerCard c={c} profile={profile.data} history={history.data?.data} />
            <OrderCard c={c} order={order.data} />
            <CarrierCard c={c} />
            {c.replacements.length > 0 && (
              <Card title={t('case.replacements')}>
                {c.replacements.map((r) => (
                  <div key={r.id}>
                    {r.sku} ×{r.quantity}
                  </div>
                ))}
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </div>
  );
}
