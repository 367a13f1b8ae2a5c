import { Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAction, CaseDetail } from '../../api/types.js';
import { ActionModal } from './actions/ActionModal.js';

/** The order buttons appear in: the usual next step first, destructive ones last. */
const ORDER: CaseAction[] = [
  'approve',
  'receive',
  'inspect',
  'refund',
  'fast_refund',
  'complete',
  'exchange',
  'confirm_payment',
  'ship_replacement',
  'intercepted',
  'buyer_shipped',
  'goods_not_returned',
  'request_evidence',
  'provide_evidence',
  'offer_partial',
  'accept_offer',
  'decline_offer',
  'resolve',
  'revise',
  'escalate',
  'reject',
  'cancel',
  'close',
];
const PRIMARY: ReadonlySet<CaseAction> = new Set(['approve', 'receive', 'inspect', 'refund', 'complete', 'exchange', 'confirm_payment', 'ship_replacement', 'intercepted']);

/** Only the actions the caller may take on this case now (its `allowedActions`), each behind its confirmation. */
export function ActionBar({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<CaseAction | null>(null);
  // Confirming a top-up only while one is due.
  const actions = ORDER.filter((a) => c.allowedActions.includes(a) && (a !== 'confirm_payment' || c.buyerOwesMinor > 0));
  if (actions.length === 0) return null;
  return (
    <>
      <Space wrap className="action-bar" data-testid="action-bar">
        {actions.map((a) => (
          <Tooltip key={a} title={t(`actions.hint.${a}`)}>
            <Button type={PRIMARY.has(a) ? 'primary' : 'default'} danger={a === 'reject' || a === 'cancel' || a === 'close'} onClick={() => setAction(a)} data-testid={`action-${a}`}>
              {t(`actions.name.${a}`)}
            </Button>
          </Tooltip>
        ))}
      </Space>
      {action && <ActionModal c={c} action={action} onClose={() => setAction(null)} />}
    </>
  );
}
