import { Card, Descriptions, Empty, Progress, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetail, CustomerProfile, QueueItem } from '../../api/types.js';
import { Money } from '../../components/Money.js';
import { RiskTag, StatusTag } from '../../components/tags.js';
import { useExplain } from '../../lib/labels.js';
import { percent } from '../../lib/money.js';
import { useShopDate } from '../../lib/shop-time.js';

/** The buyer: contact, risk with its reasons, and their return history (other cases). */
export function BuyerCard({ c, profile, history }: { c: CaseDetail; profile: CustomerProfile | undefined; history: QueueItem[] | undefined }) {
  const { t, i18n } = useTranslation();
  const shopDate = useShopDate();
  const explain = useExplain();
  const customer = c.order?.customer;
  if (!customer && !profile) return null;
  const others = (history ?? []).filter((h) => h.id !== c.id);
  const factors = profile?.risk.factors ?? c.riskReasons;
  return (
    <Card
      title={c.customerId ? <Link to={`/buyers/${c.customerId}`} data-testid="buyer-page-link">{t('buyer.title')}</Link> : t('buyer.title')}
      extra={<RiskTag score={profile?.risk.score ?? c.riskScore} />}
      data-testid="buyer-card"
    >
      <Descriptions size="small" column={1} styles={{ label: { width: 110 } }}>
        <Descriptions.Item label={t('buyer.name')}>
          {profile?.name ?? customer?.name ?? '—'} {profile?.tier && <Tag color="gold">{profile.tier}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('buyer.email')}>{profile?.email ?? customer?.email ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('buyer.phone')}>{profile?.phone ?? customer?.phone ?? '—'}</Descriptions.Item>
        {profile && (
          <>
            <Descriptions.Item label={t('buyer.orders')}>{t('buyer.ordersValue', { orders: profile.history.orders, completed: profile.history.completedOrders })}</Descriptions.Item>
            <Descriptions.Item label={t('buyer.returnRate')}>
              <Tooltip title={t('buyer.returnRateHint', { returned: profile.history.unitsReturned, bought: profile.history.unitsBought })}>
                <Progress percent={Math.min(100, profile.history.returnRateBp / 100)} size="small" format={() => percent(profile.history.returnRateBp, i18n.language)} style={{ width: 180 }} />
              </Tooltip>
            </Descriptions.Item>
            <Descriptions.Item label={t('buyer.refunded')}>
              <Money minor={profile.history.refundedMinor} currency={c.currency} />
            </Descriptions.Item>
            {profile.storeCreditMinor > 0 && (
              <Descriptions.Item label={t('buyer.storeCredit')}>
                <Money minor={profile.storeCreditMinor} currency={c.currency} />
              </Descriptions.Item>
            )}
          </>
        )}
      </Descriptions>
      {factors.length > 0 && (
        <div className="risk-factors">
          {factors.map((f) => (
            <Tag key={f.code} color={f.points > 0 ? 'red' : 'green'}>
              {explain(f)} ({f.points > 0 ? '+' : ''}
              {f.points})
            </Tag>
          ))}
        </div>
      )}
      <div className="subhead">{t('buyer.history', { count: others.length })}</div>
      {others.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('buyer.noHistory')} />
      ) : (
        <Table<QueueItem>
          size="small"
          rowKey="id"
          pagination={others.length > 5 ? { pageSize: 5, size: 'small' } : false}
          dataSource={others}
          data-testid="buyer-history"
          columns={[
            { title: t('queue.col.rma'), key: 'rma', render: (_, h) => <Link to={`/cases/${h.id}`}>{h.rmaNumber}</Link> },
            { title: t('queue.col.status'), key: 's', render: (_, h) => <StatusTag status={h.status} /> },
            { title: t('queue.col.refund'), key: 'r', align: 'right', render: (_, h) => <Money minor={h.refundMinor} currency={h.currency} /> },
            { title: t('queue.col.created'), key: 'c', render: (_, h) => <span className="small">{shopDate(h.createdAt)}</span> },
          ]}
        />
      )}
    </Card>
  );
}
