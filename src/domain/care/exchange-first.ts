import type { RefundBreakdown } from '../refunds/compute.js';
import type { Care } from './settings.js';

/**
 * Exchange-first (issue 19 §3, Loop-style): before money back, the portal offers an exchange or
 * store credit with its bonus. What a buyer's choice kept in the shop: the paid value of the
 * exchanged items, plus the refund when it is paid as store credit (the bonus on top is a cost,
 * counted apart). Money back to the original payment keeps nothing.
 */
export function keptRevenue(b: Pick<RefundBreakdown, 'items' | 'method' | 'refundMinor' | 'storeCreditBonusMinor'>): { keptMinor: number; bonusMinor: number } {
  const exchanged = b.items.filter((i) => i.resolution === 'exchange').reduce((sum, i) => sum + i.amountMinor, 0);
  const credited = b.method === 'store_credit' ? b.refundMinor : 0;
  return { keptMinor: exchanged + credited, bonusMinor: b.method === 'store_credit' ? b.storeCreditBonusMinor : 0 };
}

/** What the buyer chose, as the analytics count it. */
export function choiceOf(c: { type: string; refundMethod: 'original' | 'store_credit' }): 'exchange' | 'store_credit' | 'refund' {
  if (c.type === 'exchange') return 'exchange';
  return c.refundMethod === 'store_credit' ? 'store_credit' : 'refund';
}

/** The offer the portal shows before a refund: only when the policy turns it on and there is something to offer. */
export function exchangeFirstOffer(care: Care, policy: { refunds: { methods: readonly string[]; storeCreditBonusBp: number }; exchanges: { enabled: boolean } }) {
  const exchange = policy.exchanges.enabled;
  const storeCredit = policy.refunds.methods.includes('store_credit');
  return { enabled: care.exchangeFirst.enabled && (exchange || storeCredit), exchange, storeCredit, storeCreditBonusBp: storeCredit ? policy.refunds.storeCreditBonusBp : 0 };
}
