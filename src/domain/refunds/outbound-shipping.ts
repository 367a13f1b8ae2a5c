import type { CaseType } from '../cases/model.js';

/**
 * Whether a case's refund gives back the order's outbound shipping fee (docs/policy.md, "Outbound
 * shipping"). Only a case that completes the whole order's claims can (the fee is the order's, not a
 * line's). Then:
 * - a refund without return (仅退款) while the goods have not reached the buyer — not shipped yet, or
 *   stopped in transit (intercepted, 拦截) — gives it back whatever the reason: the delivery the buyer
 *   paid for was not made, and cancelling before shipment and intercepting a parcel must come to the
 *   same money;
 * - under a statutory withdrawal regime (EU/UK), a return of the whole order after delivery gives it
 *   back whatever the reason (art. 13(1): "including, if applicable, the costs of delivery");
 * - otherwise only when the policy says so for a seller or carrier fault, on the case types that
 *   take the whole purchase back (return, refund-only, refused delivery).
 */
export interface OutboundShippingQuestion {
  caseType: CaseType;
  /** The order was delivered (the buyer has, or had, the goods). */
  delivered: boolean;
  /** The case covers every unit of the order not claimed before. */
  wholeOrder: boolean;
  /** The worst fault among the items is the seller's or the carrier's. */
  shopFault: boolean;
  /** The policy's `fees.refundOutboundShippingOnSellerFault`. */
  refundOnShopFault: boolean;
  /** The policy's `statutory.refundStandardDelivery` (EU art. 13(1)): a withdrawal gives the standard delivery back. */
  refundOnWithdrawal?: boolean;
}

const ON_SHOP_FAULT: ReadonlySet<CaseType> = new Set(['return_refund', 'refund_only', 'refused_delivery']);

export function refundsOutboundShipping(q: OutboundShippingQuestion): boolean {
  if (!q.wholeOrder) return false;
  if (q.caseType === 'refund_only' && !q.delivered) return true;
  // A statutory withdrawal of the whole order: the delivery paid for is reimbursed whatever the reason.
  if (q.refundOnWithdrawal && q.delivered && q.caseType === 'return_refund') return true;
  return q.refundOnShopFault && q.shopFault && ON_SHOP_FAULT.has(q.caseType);
}
