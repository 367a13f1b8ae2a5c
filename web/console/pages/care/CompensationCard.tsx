import { GiftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, List, Modal, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorCode } from '../../api/client.js';
import type { CaseDetail } from '../../api/types.js';
import { useMoney } from '../../components/Money.js';
import { currencyDigits, toMinor } from '../../lib/money.js';
import { useShopDate, useShopTime } from '../../lib/shop-time.js';
import type { Compensation } from './types.js';

interface GrantForm {
  kind: Compensation['kind'];
  source: 'pool' | 'generated';
  amount?: number;
  points?: number;
  note?: string;
}

/** Compensation on a case (issue 19 §1): what was granted, and a form to grant more within the policy caps. */
export function CompensationCard({ c, canGrant }: { c: Pick<CaseDetail, 'id' | 'currency'>; canGrant: boolean }) {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useShopTime();
  const date = useShopDate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<GrantForm>();
  const kind = Form.useWatch('kind', form) ?? 'coupon';
  const list = useQuery({ queryKey: ['compensations', c.id], queryFn: () => api.get<{ data: Compensation[] }>(`/returns/${c.id}/compensations`) });
  const grant = useMutation({
    mutationFn: (v: GrantForm) =>
      api.post<Compensation>(`/returns/${c.id}/compensations`, {
        kind: v.kind,
        ...(v.kind === 'points' ? { points: v.points } : { amountMinor: toMinor(v.amount ?? 0, c.currency) }),
        ...(v.kind === 'coupon' ? { couponSource: v.source } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    onSuccess: async () => {
      setOpen(false);
      form.resetFields();
      void message.success(t('care.compensation.granted'));
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['compensations', c.id] }), queryClient.invalidateQueries({ queryKey: ['case', c.id] })]);
    },
    onError: (err) => void message.error(t(`care.errors.${errorCode(err).replace(/\./g, '_')}`, { defaultValue: err instanceof Error ? err.message : String(err) })),
  });
  const what = (x: Compensation) =>
    x.kind === 'points' ? t('care.compensation.pointsValue', { points: x.points }) : `${t(`care.compensation.kind.${x.kind}`)} ${money(x.amountMinor, x.currency)}`;
  const step = 1 / 10 ** currencyDigits(c.currency);

  return (
    <Card
      title={
        <span>
          <GiftOutlined /> {t('care.compensation.title')}
        </span>
      }
      extra={
        canGrant && (
          <Button size="small" onClick={() => setOpen(true)} data-testid="grant-compensation">
            {t('care.compensation.grant')}
          </Button>
        )
      }
      data-testid="compensation-card"
    >
      <List
        size="small"
        loading={list.isPending}
        locale={{ emptyText: t('care.compensation.none') }}
        dataSource={list.data?.data ?? []}
        renderItem={(x) => (
          <List.Item data-testid="compensation-row">
            <div>
              <Typography.Text strong>{what(x)}</Typography.Text>
              {x.couponCode && (
                <Typography.Text code copyable style={{ marginLeft: 8 }} data-testid="compensation-code">
                  {x.couponCode}
                </Typography.Text>
              )}
              <div>
                <Typography.Text type="secondary">
                  {x.rule ? <Tag>{t('care.compensation.byRule')}</Tag> : null}
                  {dateTime(x.createdAt)}
                  {x.expiresAt ? ` · ${t('care.compensation.validUntil', { date: date(x.expiresAt) })}` : ''}
                  {x.note ? ` · ${x.note}` : ''}
                </Typography.Text>
              </div>
            </div>
          </List.Item>
        )}
      />
      <Modal
        open={open}
        title={t('care.compensation.grantTitle')}
        okText={t('care.compensation.grant')}
        cancelText={t('common.cancel')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={grant.isPending}
        okButtonProps={{ 'data-testid': 'grant-submit' } as Record<string, string>}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'coupon', source: 'generated' }} onFinish={(v) => grant.mutate(v)}>
          <Form.Item name="kind" label={t('care.compensation.kindLabel')}>
            <Radio.Group data-testid="grant-kind">
              <Radio.Button value="coupon">{t('care.compensation.kind.coupon')}</Radio.Button>
              <Radio.Button value="store_credit">{t('care.compensation.kind.store_credit')}</Radio.Button>
              <Radio.Button value="points">{t('care.compensation.kind.points')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          {kind === 'coupon' && (
            <Form.Item name="source" label={t('care.compensation.sourceLabel')}>
              <Radio.Group>
                <Radio value="generated">{t('care.compensation.source.generated')}</Radio>
                <Radio value="pool">{t('care.compensation.source.pool')}</Radio>
              </Radio.Group>
            </Form.Item>
          )}
          {kind === 'points' ? (
            <Form.Item name="points" label={t('care.compensation.pointsLabel')} rules={[{ required: true, message: t('care.compensation.required') }]}>
              <InputNumber min={1} step={1} precision={0} style={{ width: 220 }} data-testid="grant-points" />
            </Form.Item>
          ) : (
            <Form.Item name="amount" label={t('care.compensation.amountLabel')} rules={[{ required: true, message: t('care.compensation.required') }]}>
              <InputNumber min={step} step={step} precision={currencyDigits(c.currency)} prefix={c.currency} style={{ width: 220 }} data-testid="grant-amount" />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('care.compensation.noteLabel')}>
            <Input.TextArea rows={2} maxLength={500} data-testid="grant-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
