import type { ItemCondition } from '../policy/schema.js';

/**
 * What the pure rules (policy evaluation, refund math, risk) know of an order, its lines and its
 * buyer. Services build these from the database; the rules never query anything themselves.
 */
export interface ReturnFlags {
  customMade: boolean;
  perishable: boolean;
  digital: boolean;
  hygiene: boolean;
  finalSale: boolean;
}

export interface LineFacts {
  lineId: string;
  lineNo: number;
  sku: string;
  title: string;
  category: string | null;
  quantity: number;
  unitPriceMinor: number;
  lineDiscountMinor: number;
  orderDiscountShareMinor: number;
  taxMinor: number;
  /** What the buyer paid for the whole line: the most ever refundable for it. */
  paidMinor: number;
  flags: ReturnFlags;
  /** Units already in open or completed cases: they cannot be claimed again. */
  claimedQuantity: number;
  /** Units already refunded, in refund order (their unit amounts are used up). */
  refundedQuantity: number;
  /** Money already refunded against this line (units, partial refunds), all cases together. */
  refundedMinor: number;
}

export interface OrderFacts {
  orderId: string;
  channel: string;
  /** The shop's time zone: return windows end at midnight there. */
  timeZone: string;
  currency: string;
  pricesIncludeTax: boolean;
  placedAt: Date;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
  shippingFeeMinor: number;
  totalMinor: number;
  shippingInsurance: boolean;
  lines: LineFacts[];
  /** Every refund of the order so far (paid or on its way), all cases together. */
  refundedMinor: number;
  /** The part of `refundedMinor` that gave back the outbound shipping fee. */
  shippingRefundedMinor: number;
}

export interface CustomerFacts {
  tier: string | null;
  /** 0–100, from the risk model (higher is riskier). */
  riskScore: number;
  completedOrders: number;
  /** Blocklist and allowlist entries the buyer matched (issue 19.5); absent when none. */
  lists?: { blocked: ListEntryFact | null; allowed: ListEntryFact | null; allowlistSkipsRisk: boolean };
}

export interface ListEntryFact {
  kind: string;
  value: string;
  reason: string | null;
}

export interface RequestedItem {
  lineId: string;
  quantity: number;
  reasonCode: string;
  condition: ItemCondition;
  /** In an exchange case: refund this item instead of replacing it (a case may mix both). */
  resolution?: 'refund' | 'exchange';
  /** An exchanged item: its replacement's total price (absent: like for like). */
  replacementMinor?: number;
}
