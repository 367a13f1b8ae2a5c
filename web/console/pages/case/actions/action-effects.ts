import type { TFunction } from 'i18next';
import type { CaseAction, CaseDetail } from '../../../api/types.js';

export interface EffectContext {
  c: CaseDetail;
  t: TFunction;
  money: (minor: number) => string;
  /** The refund the action would pay (after an amended amount). */
  amountMinor: number;
  provider: 'manual' | 'simulated' | undefined;
  restock: { sku: string; quantity: number }[];
  outcome?: string;
}

/** The sentences a confirmation states: what happens to the case, the money (amount, method) and the stock. */
export function actionEffects(action: CaseAction, x: EffectContext): string[] {
  const { c, t } = x;
  const method = t(`refundMethod.${c.refundMethod}`);
  const amount = x.money(x.amountMinor);
  const payout = x.money(x.amountMinor + c.breakdown.compensationMinor);
  const provider = x.provider === 'manual' && c.refundMethod === 'original' ? t('effects.manualProvider') : '';
  const money = (key: string) => t(key, { amount, payout, method }) + (provider ? ` ${provider}` : '');
  const noStock = t('effects.stockUnchanged');
  const goodsBack = c.type === 'return_refund' || c.type === 'exchange';
  switch (action) {
    case 'approve':
      if (c.type === 'reship') return [t('effects.approveReship', { items: c.items.map((i) => `${i.sku} ×${i.quantity}`).join(', ') }), t('effects.noMoney')];
      if (c.type === 'refund_only' && c.refundOnlyKind === 'in_transit') return [t('effects.approveIntercept'), money('effects.refundLater'), noStock];
      if (c.type === 'refused_delivery') return [t('effects.approveRefused'), money('effects.refundAfterInspection'), t('effects.stockAtInspection')];
      if (goodsBack)
        return [t('effects.approveReturn', { payer: t(`payer.${c.returnShippingPayer}`) }), money('effects.refundAfterInspection'), t('effects.stockAtInspection')];
      return [money('effects.refundNow'), t('effects.buyerKeeps'), noStock];
    case 'reject':
      return [t('effects.reject'), t('effects.noMoney'), noStock];
    case 'revise':
      return [t('effects.revise'), t('effects.noMoney')];
    case 'cancel':
      return [t('effects.cancel'), t('effects.noMoney'), noStock];
    case 'escalate':
      return [t('effects.escalate'), t('effects.noMoney')];
    case 'resolve':
      return x.outcome === 'refund' ? [t('effects.resolveRefund'), money('effects.refundNow')] : x.outcome === 'return' ? [t('effects.resolveReturn')] : [t('effects.resolveReject'), t('effects.noMoney')];
    case 'offer_partial':
      return [money('effects.offer'), t('effects.buyerKeeps'), noStock];
    case 'accept_offer':
      return [t('effects.acceptOffer', { amount: x.money(c.offerAmountMinor ?? 0), method }), noStock];
    case 'decline_offer':
      return [t('effects.declineOffer'), t('effects.noMoney')];
    case 'buyer_shipped':
      return [t('effects.buyerShipped'), t('effects.noMoney')];
    case 'intercepted':
      return [money('effects.refundNow'), noStock];
    case 'receive':
      return [t('effects.receive'), t('effects.stockAtInspection')];
    case 'inspect':
      return [
        t('effects.inspect'),
        x.restock.length ? t('effects.restock', { items: x.restock.map((r) => `+${r.quantity} ${r.sku}`).join(', ') }) : t('effects.noRestock'),
        c.refundedEarly ? t('effects.alreadyPaid') : t('effects.refundFollowsInspection'),
      ];
    case 'refund':
      return [money('effects.refundNow'), t('effects.stockDoneAtInspection')];
    case 'fast_refund':
      return [money('effects.fastRefund'), t('effects.stockAtInspection')];
    case 'complete':
      return [t('effects.complete'), t('effects.alreadyPaid')];
    case 'exchange':
      return [
        t('effects.exchange', { items: c.replacements.map((r) => `${r.sku} ×${r.quantity}`).join(', ') || '—' }),
        c.breakdown.buyerOwesMinor > 0 ? t('effects.buyerOwes', { amount: x.money(c.breakdown.buyerOwesMinor) }) : money('effects.exchangeRefund'),
        t('effects.stockReplacement'),
      ];
    case 'confirm_payment':
      return [t('effects.confirmPayment', { amount: x.money(c.buyerOwesMinor) }), t('effects.stockUnchanged')];
    case 'ship_replacement':
      return [t('effects.shipReplacement'), t('effects.noMoney')];
    case 'goods_not_returned':
      return [t('effects.goodsNotReturned'), t('effects.alreadyPaid')];
    case 'close':
      return [t('effects.closeNotReturned'), noStock];
    case 'request_evidence':
      return [t('buyerRecords.evidence.effect'), t('effects.noMoney')];
    default:
      return [];
  }
}

/** Actions whose refund a person may set lower than computed (within 0 … computed). */
export const AMOUNT_ACTIONS: ReadonlySet<CaseAction> = new Set(['approve', 'refund', 'offer_partial', 'resolve']);
/** Actions that move money when taken. */
export const MONEY_ACTIONS: ReadonlySet<CaseAction> = new Set(['approve', 'refund', 'offer_partial', 'resolve', 'intercepted', 'fast_refund', 'accept_offer']);
