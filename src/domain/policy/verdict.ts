import type { CaseType } from '../cases/model.js';
import type { CustomerFacts, OrderFacts, RequestedItem } from '../cases/facts.js';
import type { RefundBreakdown, RefundMethod, ShippingPayer } from '../refunds/compute.js';
import type { Fault, Policy } from './schema.js';

/** A sentence for people, in both languages the product speaks. */
export interface Explanation {
  'zh-CN': string;
  en: string;
}

/** One decision and why: `rule` is a stable identifier (e.g. `exclusion.custom_made`), `explanation` the human sentence. */
export interface Ruling {
  rule: string;
  explanation: Explanation;
}

export interface WindowVerdict extends Ruling {
  eligible: boolean;
  /** Last moment the window is open; null when it has not started (not delivered) or does not apply. */
  until: Date | null;
}

export interface LineVerdict {
  lineId: string;
  lineNo: number;
  sku: string;
  /** Units not yet claimed by another case. */
  returnableQuantity: number;
  /** Returns without a seller fault (七天无理由). */
  noReason: WindowVerdict;
  /** Returns for a seller fault (quality, not as described, wrong or missing item). */
  sellerFault: WindowVerdict;
  /** Refund-only before delivery: not shipped, or a parcel that can still be intercepted. */
  beforeDelivery: WindowVerdict;
  /** Can anything be asked for this line now (by any reason)? */
  eligible: boolean;
  /** The deciding ruling for `eligible`. */
  ruling: Ruling;
  allowedCaseTypes: CaseType[];
  /** Reason codes the buyer may pick for this line now. */
  allowedReasons: string[];
  /** Reason codes that need photos or video. */
  evidenceRequiredFor: string[];
  /** The item is worth less than bringing it back: refund without return (when the policy allows it). */
  returnless: boolean;
}

/** What the policy says about one requested item (reason, quantity and condition given). */
export interface ItemVerdict extends Ruling {
  lineId: string;
  quantity: number;
  reasonCode: string;
  fault: Fault;
  quality: boolean;
  eligible: boolean;
  evidenceRequired: boolean;
  restockingFeeBp: number;
}

export type AutomaticDecision = 'approve' | 'review' | 'none';

export interface RequestVerdict {
  caseType: CaseType;
  eligible: boolean;
  /** The first refusal when not eligible. */
  ruling: Ruling;
  items: ItemVerdict[];
  /** Who pays for the goods to come back; 'none' when nothing comes back. */
  returnShippingPaidBy: ShippingPayer;
  /** The money: exactly what computeCaseRefund says for this request. */
  refund: RefundBreakdown;
  /** Decisions taken without a person (issue 4 applies them), each with its rule. */
  automation: {
    decision: AutomaticDecision;
    decisionRuling: Ruling;
    fastRefund: boolean;
    fastRefundRuling: Ruling;
  };
}

export interface PolicyVerdict {
  policyName: string;
  evaluatedAt: Date;
  lines: LineVerdict[];
  /** Present when a request was evaluated. */
  request?: RequestVerdict;
}

export interface EvaluationRequest {
  caseType: CaseType;
  items: RequestedItem[];
  method: RefundMethod;
  /** Return shipping the buyer paid and asks back (seller fault); capped by the policy. */
  returnShippingClaimMinor?: number;
  /** The buyer keeps the goods (refund-only after delivery, partial refund). */
  keepGoods?: boolean;
  /** Exchanges: the replacement's total price. */
  replacementTotalMinor?: number;
}

export type Evaluate = (policy: Policy, order: OrderFacts, customer: CustomerFacts, now: Date, request?: EvaluationRequest) => PolicyVerdict;
