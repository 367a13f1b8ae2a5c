import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Select, Typography, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { EVIDENCE_KINDS, REJECTION_CODES, type CaseAction, type CaseDetail, type Shop } from '../../../api/types.js';
import { useErrorText } from '../../../components/ErrorAlert.js';
import { InspectFields, inspectBody, ReceiveFields, receiveBody, restockSummary, type InspectValues, type ReceiveValues } from '../../../components/goods/GoodsFields.js';
import { useMoney } from '../../../components/Money.js';
import { ReturnAddressSelect } from '../../../components/return-addresses/ReturnAddressSelect.js';
import { currencyDigits, toMajor, toMinor } from '../../../lib/money.js';
import { actionEffects, AMOUNT_ACTIONS } from './action-effects.js';

type Values = Record<string, unknown> & { amount?: number | null; outcome?: string };

/** One action's form and its confirmation: the effect on the case, the money and the stock, then the call. */
export function ActionModal({ c, action, onClose }: { c: CaseDetail; action: CaseAction | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const money = useMoney();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shop = useQuery({ queryKey: ['shop'], queryFn: () => api.get<Shop>('/shop'), staleTime: 5 * 60_000 });
  useEffect(() => setError(null), [action]);
  if (!action) return null;

  const maxMinor = Math.max(0, Math.min(c.breakdown.computedMinor, c.breakdown.orderRemainingMinor));
  const amountMinor = AMOUNT_ACTIONS.has(action) && typeof values?.amount === 'number' ? toMinor(values.amount, c.currency) : (c.amountOverrideMinor ?? c.breakdown.refundMinor);
  const effects = actionEffects(action, {
    c,
    t,
    money: (m) => money(m, c.currency),
    amountMinor: action === 'offer_partial' && typeof values?.amount !== 'number' ? 0 : amountMinor,
    provider: shop.data?.refundProvider,
    restock: action === 'inspect' ? restockSummary(c, values as Partial<InspectValues>) : [],
    outcome: values?.outcome,
  });

  const body = (v: Values): object => {
    const amount = typeof v.amount === 'number' ? { amountMinor: toMinor(v.amount, c.currency) } : {};
    const text = (k: string) => (typeof v[k] === 'string' && (v[k] as string).trim() ? { [k]: (v[k] as string).trim() } : {});
    switch (action) {
      case 'approve':
        return { ...amount, ...text('note'), ...(typeof v.returnAddressId === 'string' ? { returnAddressId: v.returnAddressId } : {}) };
      case 'refund':
        return amount;
      case 'fast_refund':
        return text('reason');
      case 'offer_partial':
        return { ...amount, ...text('message') };
      case 'resolve':
        return { outcome: v.outcome, ...(v.outcome === 'refund' ? amount : {}), note: String(v.note ?? '').trim() };
      case 'reject':
        return { reasonCode: v.reasonCode, reason: String(v.reason ?? '').trim() };
      case 'escalate':
        return { reason: String(v.reason ?? '').trim() };
      case 'cancel':
      case 'decline_offer':
        return text('reason');
      case 'revise':
      case 'intercepted':
      case 'goods_not_returned':
        return text('note');
      case 'close':
        return text('reason');
      case 'request_evidence':
        return { kinds: v.kinds, ...text('note'), ...(typeof v.dueInHours === 'number' ? { dueInHours: v.dueInHours } : {}) };
      case 'buyer_shipped':
      case 'ship_replacement':
        return { carrier: String(v.carrier).trim(), trackingNumber: String(v.trackingNumber).trim() };
      case 'confirm_payment':
        return { amountMinor: toMinor(Number(v.paid), c.currency), reference: String(v.reference).trim(), ...text('note') };
      case 'receive':
        return receiveBody(c, v as unknown as ReceiveValues);
      case 'inspect':
        return inspectBody(c, v as unknown as InspectValues);
      default:
        return {};
    }
  };

  const submit = async () => {
    // Invalid fields say so on the form; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await api.post<CaseDetail>(`/returns/${c.id}/actions/${action}`, body(v));
      queryClient.setQueryData(['case', c.id], updated);
      await queryClient.invalidateQueries({ queryKey: ['queue'] });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      // The buyer's history and the order's refunds changed too.
      await queryClient.invalidateQueries({ queryKey: ['customer'] });
      await queryClient.invalidateQueries({ queryKey: ['order', c.orderId] });
      message.success(t('actions.done', { action: t(`actions.name.${action}`), status: t(`status.${updated.status}`) }));
      form.resetFields();
      onClose();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('actions.form.required') }];
  const step = 1 / 10 ** currencyDigits(c.currency);

  return (
    <Modal
      open
      title={t('actions.confirmTitle', { action: t(`actions.name.${action}`), rma: c.rmaNumber })}
      okText={t('actions.confirm', { action: t(`actions.name.${action}`) })}
      okButtonProps={{ danger: ['reject', 'cancel', 'close'].includes(action), loading: busy, 'data-testid': 'action-confirm' } as ButtonProps}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      width={action === 'inspect' || action === 'receive' ? 820 : 560}
      destroyOnHidden
      data-testid="action-modal"
    >
      <Form form={form} layout="vertical" requiredMark={false} preserve={false} initialValues={{ outcome: 'refund' }}>
        {action === 'receive' && <ReceiveFields items={c.items} />}
        {action === 'inspect' && <InspectFields c={c} form={form} />}
        {action === 'reject' && (
          <>
            <Form.Item name="reasonCode" label={t('actions.form.rejectCode')} rules={required}>
              <Select options={REJECTION_CODES.map((code) => ({ value: code, label: t(`rejection.${code}`) }))} data-testid="reject-code" />
            </Form.Item>
            <Form.Item name="reason" label={t('actions.form.rejectReason')} rules={required} extra={t('actions.form.buyerSees')}>
              <Input.TextArea rows={3} maxLength={2000} showCount data-testid="reject-reason" />
            </Form.Item>
          </>
        )}
        {action === 'resolve' && (
          <Form.Item name="outcome" label={t('actions.form.outcome')} rules={required}>
            <Select options={['refund', 'return', 'reject'].map((o) => ({ value: o, label: t(`actions.outcome.${o}`) }))} />
          </Form.Item>
        )}
        {AMOUNT_ACTIONS.has(action) && (action !== 'resolve' || values?.outcome === 'refund') && (
          <Form.Item
            name="amount"
            label={action === 'offer_partial' ? t('actions.form.offerAmount') : t('actions.form.amount')}
            rules={action === 'offer_partial' ? required : []}
            extra={t('actions.form.amountBounds', { max: money(maxMinor, c.currency), computed: money(c.breakdown.computedMinor, c.currency) })}
          >
            <InputNumber
              min={0}
              max={toMajor(maxMinor, c.currency)}
              step={step}
              precision={currencyDigits(c.currency)}
              prefix={c.currency}
              style={{ width: 220 }}
              placeholder={toMajor(action === 'offer_partial' ? Math.floor(maxMinor * 0.3) : (c.amountOverrideMinor ?? c.breakdown.refundMinor), c.currency).toFixed(currencyDigits(c.currency))}
              data-testid="action-amount"
            />
          </Form.Item>
        )}
        {(action === 'buyer_shipped' || action === 'ship_replacement') && (
          <>
            <Form.Item name="carrier" label={t('actions.form.carrier')} rules={required} initialValue="SF">
              <Select options={['SF', 'ZTO', 'YTO', 'STO', 'JD', 'EMS', 'YUNDA', 'DHL', 'UPS', 'FedEx', 'Royal Mail'].map((x) => ({ value: x, label: t(`carriers.${x}`, { defaultValue: x }) }))} showSearch />
            </Form.Item>
            <Form.Item name="trackingNumber" label={t('actions.form.tracking')} rules={required}>
              <Input maxLength={100} data-testid="action-tracking" />
            </Form.Item>
          </>
        )}
        {action === 'confirm_payment' && (
          <>
            <Form.Item name="paid" label={t('actions.form.topUpPaid')} rules={required} initialValue={toMajor(c.buyerOwesMinor, c.currency)} extra={t('actions.form.topUpDue', { amount: money(c.buyerOwesMinor, c.currency) })}>
              <InputNumber min={step} max={toMajor(c.buyerOwesMinor, c.currency)} step={step} precision={currencyDigits(c.currency)} prefix={c.currency} style={{ width: 220 }} data-testid="payment-amount" />
            </Form.Item>
            <Form.Item name="reference" label={t('actions.form.paymentReference')} rules={required}>
              <Input maxLength={200} data-testid="payment-reference" />
            </Form.Item>
            <Form.Item name="note" label={t('actions.form.note')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {action === 'request_evidence' && (
          <>
            <Form.Item name="kinds" label={t('buyerRecords.evidence.kinds')} rules={required}>
              <Select mode="multiple" options={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`buyerRecords.evidence.kind.${k}`) }))} data-testid="evidence-kinds" />
            </Form.Item>
            <Form.Item name="dueInHours" label={t('buyerRecords.evidence.hours')} extra={t('buyerRecords.evidence.hoursHint')}>
              <InputNumber min={1} max={720} style={{ width: 160 }} data-testid="evidence-hours" />
            </Form.Item>
            <Form.Item name="note" label={t('actions.form.note')} extra={t('actions.form.buyerSees')}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="evidence-note" />
            </Form.Item>
          </>
        )}
        {action === 'approve' && c.returnMethod !== 'none' && <ReturnAddressSelect form={form} />}
        {action === 'approve' && (
          <Form.Item name="note" label={t('actions.form.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
        {action === 'offer_partial' && (
          <Form.Item name="message" label={t('actions.form.offerMessage')} extra={t('actions.form.buyerSees')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
        {(action === 'escalate' || action === 'resolve') && (
          <Form.Item name={action === 'escalate' ? 'reason' : 'note'} label={t(action === 'escalate' ? 'actions.form.escalateReason' : 'actions.form.resolveNote')} rules={required}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
        {action === 'fast_refund' && (
          <Form.Item name="reason" label={t('actions.form.fastRefundReason')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="fast-refund-reason" />
          </Form.Item>
        )}
        {(action === 'cancel' || action === 'decline_offer' || action === 'close') && (
          <Form.Item name="reason" label={t('actions.form.reasonOptional')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
        {(action === 'revise' || action === 'intercepted' || action === 'goods_not_returned') && (
          <Form.Item name="note" label={t('actions.form.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
      <Alert
        type={['reject', 'cancel'].includes(action) ? 'warning' : 'info'}
        showIcon
        title={t('actions.effectTitle')}
        description={
          <ul className="effects" data-testid="action-effects">
            {effects.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        }
      />
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="action-error" />
      )}
      <Typography.Text type="secondary" className="small">
        {t('actions.undoWarning')}
      </Typography.Text>
    </Modal>
  );
}
