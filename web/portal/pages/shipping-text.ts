import type { TFunction } from 'i18next';
import type { ShippingPayer } from '../types.js';

/**
 * Who pays return shipping, with the deduction the refund really carries: the shop's label
 * cost when there is one, and no mention of a deduction when nothing is deducted.
 */
export function shippingText(t: TFunction, payer: ShippingPayer, labelCostMinor: number, money: (minor: number) => string): string {
  if (payer === 'buyer') return labelCostMinor > 0 ? t('shippingCost.buyerDeducted', { amount: money(labelCostMinor) }) : t('shippingCost.buyer');
  return t(`payer.${payer}`);
}
