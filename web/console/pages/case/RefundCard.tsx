import { Card, Descriptions, Divider, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/types.js';
import { useMoney } from '../../components/Money.js';
import { useShopTime } from '../../lib/shop-time.js';

/** The refund calculator: how the refund is made up (the case's breakdown), its bounds, and the refunds ledger. */
export function RefundCard({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const money = useMoney();
  const b = c.breakdown;
  const m = (minor: number) => money(minor, c.currency);
  const rows: [string, number, boolean?][] = [
    [t('refund.items'), b.itemsMinor],
    ...(b.restockingFeeMinor ? [[t('refund.restockingFee'), -b.restockingFeeMinor] as [string, number]] : []),
    ...(b.labelCostMinor ? [[t('refund.labelCost'), -b.labelCostMinor] as [string, number]] : []),
    ...(b.outboundShippingMinor ? [[t('refund.outboundShipping'), b.outboundShippingMinor] as [string, number]] : []),
    ...(b.exchangeDifferenceMinor ? [[t('refund.exchangeDifference'), -b.exchangeDifferenceMinor] as [string, number]] : []),
    ...(b.nettedMinor ? [[t('refund.netted'), b.nettedMinor] as [string, number]] : []),
    [t('refund.computed'), b.computedMinor, true],
  ];
  return (
    <Card title={t('refund.title')} data-testid="refund-card" className="refund-card">
      <table className="breakdown">
        <tbody>
          {rows.map(([label, v, strong], i) => (
            <tr key={i} className={strong ? 'breakdown-total' : undefined}>
              <td>{label}</td>
              <td className="num">{m(v)}</td>
            </tr>
          ))}
          <tr className="breakdown-sub">
            <td>{t('refund.taxIncluded')}</td>
            <td className="num">{m(b.taxMinor)}</td>
          </tr>
          <tr className="breakdown-sub">
            <td>{t('refund.orderRemaining')}</td>
            <td className="num">{m(b.orderRemainingMinor)}</td>
          </tr>
          {c.amountOverrideMinor !== null && (
            <tr>
              <td>{t('refund.amended')}</td>
              <td className="num">{m(c.amountOverrideMinor)}</td>
            </tr>
          )}
          <tr className="breakdown-total">
            <td>{t('refund.refund')}</td>
            <td className="num" data-testid="refund-amount">
              {m(b.refundMinor)}
            </td>
          </tr>
          {(c.buyerOwesMinor > 0 || c.buyerPaidMinor > 0) && (
            <tr data-testid="top-up">
              <td>{c.buyerOwesMinor > 0 ? t('refund.topUpDue') : t('refund.topUpPaid')}</td>
              <td className="num">{m(c.buyerOwesMinor > 0 ? c.buyerOwesMinor : c.buyerPaidMinor)}</td>
            </tr>
          )}
          {b.compensationMinor > 0 && (
            <tr>
              <td>{t('refund.compensation')}</td>
              <td className="num">{m(b.compensationMinor)}</td>
            </tr>
          )}
          {b.storeCreditBonusMinor > 0 && (
            <tr>
              <td>{t('refund.bonus')}</td>
              <td className="num">{m(b.storeCreditBonusMinor)}</td>
            </tr>
          )}
          <tr className="breakdown-grand">
            <td>{t('refund.payout')}</td>
            <td className="num">{m(b.payoutMinor + b.storeCreditBonusMinor)}</td>
          </tr>
        </tbody>
      </table>
      <Typography.Paragraph type="secondary" className="small" style={{ marginTop: 8 }}>
        {t('refund.methodLine', { method: t(`refundMethod.${b.method}`), payer: t(`payer.${c.returnShippingPayer}`) })}
        {b.bound !== 'none' && ` ${t(`refund.bound.${b.bound}`)}`}
      </Typography.Paragraph>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('refund.refunded')}>
          <strong>{m(c.refundedMinor)}</strong>
          {c.refundedEarly && (
            <Tag color="purple" style={{ marginLeft: 8 }}>
              {t('refund.fast')}
            </Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      {c.refundFailure && <Typography.Text type="danger">{t('refund.failure', { error: c.refundFailure })}</Typography.Text>}
      {c.refunds.length > 0 && (
        <>
          <Divider style={{ margin: '12px 0' }} />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={c.refunds}
            data-testid="refund-ledger"
            columns={[
              { title: t('refund.ledger.amount'), key: 'a', render: (_, r) => m(r.amountMinor + r.compensationMinor) },
              { title: t('refund.ledger.provider'), dataIndex: 'provider', render: (p: string) => t(`refund.provider.${p}`, { defaultValue: p }) },
              { title: t('refund.ledger.status'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'succeeded' ? 'green' : s === 'failed' ? 'red' : 'gold'}>{t(`refund.status.${s}`, { defaultValue: s })}</Tag> },
              { title: t('refund.ledger.at'), key: 'at', render: (_, r) => <span className="small">{shopTime(r.settledAt ?? r.createdAt)}</span> },
              // Confirming a manual payout is an action: it sits with the case's actions (PendingPayout), not here.
              { key: 'confirm', render: (_, r) => (r.provider === 'manual' && r.status === 'pending' ? <Tag color="gold">{t('payout.awaiting')}</Tag> : null) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
