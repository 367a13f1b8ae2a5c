import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, OrderDetail } from '../../api/types.js';
import { Money } from '../../components/Money.js';
import { useShopTime } from '../../lib/shop-time.js';

/** The order behind the case: where and when it was bought, paid, shipped and delivered, what it cost, and the parcels both ways. */
export function OrderCard({ c, order }: { c: CaseDetail; order: OrderDetail | undefined }) {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const o = order ?? c.order;
  if (!o) return null;
  const when = (iso: string | null) => (iso ? shopTime(iso) : '—');
  const address = order?.shippingAddress;
  return (
    <Card title={t('order.title')} extra={<Tag>{t(`channel.${o.channel}`, { defaultValue: o.channel })}</Tag>} data-testid="order-card">
      <Descriptions size="small" column={1} styles={{ label: { width: 110 } }}>
        <Descriptions.Item label={t('order.number')}>
          <Typography.Text copyable>{o.number}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('order.placed')}>{when(o.placedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('order.paid')}>{when(o.paidAt)}</Descriptions.Item>
        <Descriptions.Item label={t('order.shipped')}>{when(o.shippedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('order.delivered')}>{when(o.deliveredAt)}</Descriptions.Item>
        <Descriptions.Item label={t('order.total')}>
          <Money minor={o.amounts.totalMinor} currency={o.currency} strong />
          <span className="small muted">
            {' '}
            ({t('order.shippingFee')} <Money minor={o.amounts.shippingFeeMinor} currency={o.currency} />, {t('order.discount')} <Money minor={o.amounts.discountMinor} currency={o.currency} />)
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('order.payment')}>
          {o.paymentMethod ? t(`payment.${o.paymentMethod}`, { defaultValue: o.paymentMethod }) : '—'}
          {o.shippingInsurance && (
            <Tag color="green" style={{ marginLeft: 8 }}>
              {t('order.insurance')}
            </Tag>
          )}
        </Descriptions.Item>
        {address && (
          <Descriptions.Item label={t('order.address')}>
            <span className="small">{[address.name, address.phone, address.province, address.city, address.district, address.line1, address.line2, address.postalCode, address.country].filter(Boolean).join(' ')}</span>
          </Descriptions.Item>
        )}
        {order?.shipments.map((s) => (
          <Descriptions.Item key={s.id} label={t('order.outbound')}>
            <Typography.Text copyable>{`${s.carrier} ${s.trackingNumber}`}</Typography.Text> <Tag>{t(`shipmentStatus.${s.status}`, { defaultValue: s.status })}</Tag>
          </Descriptions.Item>
        ))}
        {c.shipments.map((s) => (
          <Descriptions.Item key={s.id} label={s.direction === 'return' ? t('order.returnParcel') : t('order.replacementParcel')}>
            <Typography.Text copyable>{`${s.carrier} ${s.trackingNumber}`}</Typography.Text> <Tag color="cyan">{t(`shipmentStatus.${s.status}`, { defaultValue: s.status })}</Tag>
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}
