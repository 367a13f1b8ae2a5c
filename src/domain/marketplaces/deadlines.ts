import type { CaseStatus, CaseType, RefundOnlyKind } from '../cases/model.js';
import type { Platform } from './mapping.js';

/**
 * A platform's default clock for the seller's (or buyer's) current step, used only when the record
 * carries no per-case deadline (Taobao `refund_remind_timeout`, Douyin `status_deadline`):
 * marketplace-rules.md §1. Every number is a policy setting (`marketplaceDeadlines`).
 */
export interface PlatformDeadlineHours {
  /** Seller answers a refund-only request of an order not shipped yet (Taobao: 24 h, M). */
  unshippedRefundHours?: number;
  /** Seller answers a refund-only request of a shipped, not received order (Taobao: 36 h, M). */
  shippedNotReceivedRefundHours?: number;
  /** Seller answers any other request (Taobao U, fallback 48 h; PDD L 48 h; JD 24 h H for disputes). */
  sellerResponseHours?: number;
  /** Buyer ships the return after approval (Taobao U, fallback 7 d). */
  buyerShipHours?: number;
  /** Seller confirms receipt of the return (Taobao U, fallback 10 d). */
  sellerReceiptHours?: number;
  /** Buyer revises or escalates after a refusal (Taobao pre-shipment 5 d, M). */
  buyerReviseHours?: number;
}

export type MarketplaceDeadlines = Partial<Record<Platform, PlatformDeadlineHours>>;

export interface DeadlineChoice {
  dueAt: Date;
  /** `platform`: the record's own deadline; `preset`: the policy's platform default. */
  source: 'platform' | 'preset';
  rule: string;
}

/**
 * The deadline of a marketplace case's current step: the platform's own when the record has one
 * (it always wins), else the policy's platform default counted from when the step began, else
 * none (Retour's default deadline stands).
 */
export function marketplaceDeadline(
  platform: Platform,
  c: { status: CaseStatus; type: CaseType; refundOnlyKind: RefundOnlyKind | null },
  platformDeadline: Date | null,
  stepStartedAt: Date,
  defaults: MarketplaceDeadlines | undefined,
): DeadlineChoice | null {
  if (platformDeadline) return { dueAt: platformDeadline, source: 'platform', rule: `marketplace.${platform}.deadline` };
  const d = defaults?.[platform];
  if (!d) return null;
  let hours: number | undefined;
  let rule = '';
  switch (c.status) {
    case 'requested':
      if (c.type === 'refund_only' && c.refundOnlyKind === 'not_shipped' && d.unshippedRefundHours !== undefined) [hours, rule] = [d.unshippedRefundHours, 'unshipped_refund'];
      else if (c.type === 'refund_only' && c.refundOnlyKind === 'in_transit' && d.shippedNotReceivedRefundHours !== undefined) [hours, rule] = [d.shippedNotReceivedRefundHours, 'shipped_not_received_refund'];
      else [hours, rule] = [d.sellerResponseHours, 'seller_response'];
      break;
    case 'approved':
      [hours, rule] = [d.buyerShipHours, 'buyer_ship'];
      break;
    case 'in_transit':
      [hours, rule] = [d.sellerReceiptHours, 'seller_receipt'];
      break;
    case 'rejected':
      [hours, rule] = [d.buyerReviseHours, 'buyer_revise'];
      break;
    default:
      return null;
  }
  if (hours === undefined) return null;
  return { dueAt: new Date(stepStartedAt.getTime() + hours * 3600_000), source: 'preset', rule: `marketplace.${platform}.${rule}` };
}
