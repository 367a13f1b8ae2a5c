import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Space, Tag, Tooltip, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { CaseDetail } from '../../api/types.js';
import { useSession } from '../../auth/session.js';
import { useDuration } from '../../components/Countdown.js';
import { useErrorText } from '../../components/ErrorAlert.js';
import { useMoney } from '../../components/Money.js';
import { useServerNow } from '../../lib/server-clock.js';
import { useShopTime } from '../../lib/shop-time.js';

/** Manual refunds (paid outside Retour) that nobody has confirmed paid yet. */
export const pendingPayouts = (c: Pick<CaseDetail, 'refunds'>) => c.refunds.filter((r) => r.provider === 'manual' && r.status === 'pending');

/** How long a manual refund has waited to be paid, by the server's clock ("awaiting payout · 11d 2h"). */
export function PayoutAge({ since }: { since: string }) {
  const { t } = useTranslation();
  const now = useServerNow();
  const duration = useDuration();
  const time = useShopTime();
  const waited = Math.max(0, now - Date.parse(since));
  return (
    <Tooltip title={t('payout.since', { time: time(since) })}>
      <Tag color={waited > 2 * 86_400_000 ? 'red' : 'gold'} data-testid="payout-age">
        {t('payout.age', { time: duration(waited) })}
      </Tag>
    </Tooltip>
  );
}

/**
 * The case's pending payouts, shown with its actions: confirming a manual refund is the next
 * step of such a case, so it belongs where the other actions are.
 */
export function PendingPayout({ c }: { c: CaseDetail }) {
  const money = useMoney();
  const pending = pendingPayouts(c);
  if (pending.length === 0) return null;
  return (
    <Space wrap className="pending-payout" data-testid="pending-payout">
      {pending.map((r) => (
        <Space key={r.id} size={6}>
          <ConfirmManual caseId={c.id} refundId={r.id} amount={money(r.amountMinor + r.compensationMinor, c.currency)} />
          <PayoutAge since={r.createdAt} />
        </Space>
      ))}
    </Space>
  );
}

/** A manual refund paid outside Retour: staff who may issue refunds confirm it with the payment's reference. */
function ConfirmManual({ caseId, refundId, amount }: { caseId: string; refundId: string; amount: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  if (!can('refunds:issue')) return <Tag>{t('refund.awaitingConfirmation')}</Tag>;
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="confirm-refund">
        {t('payout.confirm', { amount })}
      </Button>
      <Modal
        open={open}
        title={t('refund.confirmTitle')}
        okText={t('refund.confirmPaid')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !reference.trim(), loading: busy, 'data-testid': 'confirm-refund-ok' } as ButtonProps}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          setBusy(true);
          try {
            await api.post(`/refunds/${refundId}/confirm`, { reference: reference.trim() });
            await queryClient.invalidateQueries({ queryKey: ['case', caseId] });
            await queryClient.invalidateQueries({ queryKey: ['queue'] });
            await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
            await queryClient.invalidateQueries({ queryKey: ['customer'] });
            message.success(t('refund.confirmed'));
            setOpen(false);
          } catch (err) {
            message.error(errorText(err));
          } finally {
            setBusy(false);
          }
        }}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('refund.confirmText', { amount })}</Typography.Paragraph>
        <Input autoFocus value={reference} onChange={(e) => setReference(e.target.value)} placeholder={t('refund.referencePlaceholder')} maxLength={200} data-testid="refund-reference" />
      </Modal>
    </>
  );
}
