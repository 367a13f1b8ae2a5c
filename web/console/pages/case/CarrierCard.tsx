import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Form, Modal, Space, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { CaseDetail } from '../../api/types.js';
import { useSession } from '../../auth/session.js';
import { useErrorText } from '../../components/ErrorAlert.js';
import { useShopTime } from '../../lib/shop-time.js';

/** A case's parcels and carrier scans (issue 17), as GET /returns/{id}/carrier gives them. */
interface CarrierParcel {
  id: string;
  direction: string;
  carrier: string;
  carrierCode: string | null;
  trackingNumber: string;
  status: string;
  trackingStatus: string | null;
  labelUrl: string | null;
  dropOffCode: string | null;
  pickup: {
    windowStart: string;
    windowEnd: string;
    confirmation: string | null;
    /** As the carrier's pickup-order callbacks report it. */
    status?: string;
    courier?: { name: string | null; phone: string | null } | null;
  } | null;
  interception: string | null;
  receiptReadyAt: string | null;
}
interface CarrierScan {
  id: string;
  carrier: string;
  trackingNumber: string;
  status: string;
  description: string;
  location: string | null;
  occurredAt: string;
  effects: string[];
}

const SCAN_COLORS: Record<string, string> = { delivered: 'green', intercepted: 'green', returned_to_sender: 'red', lost: 'red', exception: 'red', picked_up: 'blue' };

/**
 * 物流 / Carrier: the parcels of the case (the return, or the order's parcel under interception)
 * with every scan the carrier reported, and what staff can ask a connected carrier for: a courier
 * pickup, a drop-off code, a label, an interception, a fresh query.
 */
export function CarrierCard({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const { can } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [booking, setBooking] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [form] = Form.useForm<{ window: [Dayjs, Dayjs] }>();
  const view = useQuery({ queryKey: ['case', c.id, 'carrier', c.version], queryFn: () => api.get<{ parcels: CarrierParcel[]; events: CarrierScan[] }>(`/returns/${c.id}/carrier`) });
  const awaitingGoods = c.status === 'approved' && (c.type === 'return_refund' || c.type === 'exchange' || c.resolution === 'return');
  const intercepting = c.status === 'approved' && c.type === 'refund_only' && c.refundOnlyKind === 'in_transit' && !(view.data?.parcels ?? []).some((p) => p.direction === 'outbound');
  const decide = can('cases:decide');

  const run = async (key: string, fn: () => Promise<unknown>, done: string) => {
    setBusy(key);
    try {
      await fn();
      message.success(done);
      await queryClient.invalidateQueries({ queryKey: ['case', c.id] });
      return true;
    } catch (err) {
      message.error(errorText(err));
      return false;
    } finally {
      setBusy(null);
    }
  };
  const book = (method: 'pickup' | 'drop_off' | 'label', extra: Record<string, unknown> = {}) =>
    run(method, () => api.post(`/returns/${c.id}/carrier/booking`, { method, ...extra }), t('carriers.booked'));
  const bookPickup = async () => {
    const values = await form.validateFields();
    if (await book('pickup', { windowStart: values.window[0].toISOString(), windowEnd: values.window[1].toISOString() })) setBooking(false);
  };

  const parcels = view.data?.parcels ?? [];
  const events = view.data?.events ?? [];
  return (
    <Card
      title={t('carriers.title')}
      data-testid="carrier-card"
      extra={
        parcels.some((p) => p.carrierCode) ? (
          <Button size="small" loading={busy === 'refresh'} onClick={() => void run('refresh', () => api.post(`/returns/${c.id}/carrier/refresh`), t('carriers.refreshed'))}>
            {t('carriers.refresh')}
          </Button>
        ) : null
      }
    >
      {decide && (awaitingGoods || intercepting) && (
        <Space wrap style={{ marginBottom: 12 }}>
          {awaitingGoods && (
            <>
              <Button data-testid="carrier-book-pickup" onClick={() => setBooking(true)}>
                {t('carriers.bookPickup')}
              </Button>
              <Button loading={busy === 'drop_off'} onClick={() => void book('drop_off')}>
                {t('carriers.dropOff')}
              </Button>
              <Button loading={busy === 'label'} onClick={() => void book('label')}>
                {t('carriers.label')}
              </Button>
            </>
          )}
          {intercepting && (
            <Button data-testid="carrier-intercept" loading={busy === 'intercept'} onClick={() => void run('intercept', () => api.post(`/returns/${c.id}/carrier/interception`, {}), t('carriers.interceptionRequested'))}>
              {t('carriers.intercept')}
            </Button>
          )}
        </Space>
      )}
      {parcels.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('carriers.noParcels')} />
      ) : (
        parcels.map((p) => (
          <div key={p.id} className="carrier-parcel" data-testid="carrier-parcel" style={{ marginBottom: 8 }}>
            <Space wrap>
              <Tag>{t(`carriers.direction.${p.direction}`, { defaultValue: p.direction })}</Tag>
              <strong>{p.carrier}</strong>
              <Typography.Text code copyable>
                {p.trackingNumber}
              </Typography.Text>
              {p.trackingStatus && <Tag color={SCAN_COLORS[p.trackingStatus]}>{t(`carriers.status.${p.trackingStatus}`, { defaultValue: p.trackingStatus })}</Tag>}
              {p.interception && <Tag color={p.interception === 'succeeded' ? 'green' : p.interception === 'failed' ? 'red' : 'gold'}>{t(`carriers.interception.${p.interception}`)}</Tag>}
              {p.receiptReadyAt && <Tag color="green">{t('carriers.receiptReady')}</Tag>}
            </Space>
            {p.pickup && (
              <div className="small muted">
                {t('carriers.pickupWindow', { from: shopTime(p.pickup.windowStart), to: shopTime(p.pickup.windowEnd) })}
                {p.pickup.confirmation ? ` · ${p.pickup.confirmation}` : ''}
                {p.pickup.status && (
                  <>
                    {' '}
                    <Tag data-testid="pickup-status" color={p.pickup.status === 'cancelled' || p.pickup.status === 'failed' ? 'red' : p.pickup.status === 'picked_up' ? 'green' : 'blue'}>
                      {t(`carriers.pickupStatus.${p.pickup.status}`, { defaultValue: p.pickup.status })}
                    </Tag>
                  </>
                )}
                {p.pickup.courier && (p.pickup.courier.name || p.pickup.courier.phone) && (
                  <span data-testid="pickup-courier"> {t('carriers.courier', { name: p.pickup.courier.name ?? '', phone: p.pickup.courier.phone ?? '' })}</span>
                )}
              </div>
            )}
            <Space size="small">
              {p.labelUrl && (
                <a href={p.labelUrl} target="_blank" rel="noreferrer">
                  {t('carriers.openLabel')}
                </a>
              )}
              {p.dropOffCode && (
                <a href={p.dropOffCode} target="_blank" rel="noreferrer">
                  {t('carriers.openDropOff')}
                </a>
              )}
            </Space>
          </div>
        ))
      )}
      {events.length > 0 && (
        <Timeline
          data-testid="carrier-events"
          style={{ marginTop: 12 }}
          items={events.map((e) => ({
            color: SCAN_COLORS[e.status] ?? 'gray',
            content: (
              <div>
                <strong>{t(`carriers.status.${e.status}`, { defaultValue: e.status })}</strong> <span className="small muted">{shopTime(e.occurredAt)}</span>
                <div className="small">
                  {e.description}
                  {e.location ? ` · ${e.location}` : ''}
                </div>
                {e.effects.length > 0 && <div className="small muted">{e.effects.map((x) => t(`carriers.effects.${x}`, { defaultValue: x })).join(' · ')}</div>}
              </div>
            ),
          }))}
        />
      )}
      <Modal open={booking} title={t('carriers.bookPickup')} onCancel={() => setBooking(false)} onOk={() => void bookPickup()} okText={t('carriers.book')} cancelText={t('common.cancel')} confirmLoading={busy === 'pickup'} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="window" label={t('carriers.window')} rules={[{ required: true, message: t('actions.form.required') }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="pickup-window" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
