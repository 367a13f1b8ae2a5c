/**
 * A way money goes back to a buyer. Providers must honour the idempotency key: called twice with
 * the same key, a real payment API pays once and answers the same. Retour writes the key to its
 * ledger before the first call, so retries after a crash can never pay twice.
 */
export interface RefundRequest {
  shopId: string;
  /** The ledger row's id: payment rails carry it in their metadata so webhooks find the row. */
  refundId: string;
  idempotencyKey: string;
  amountMinor: number;
  currency: string;
  orderId: string;
  caseId: string;
  /** How many times this refund was tried before (0 the first time). */
  attempt: number;
  /** The provider's id for this refund from an earlier attempt that left it in progress. */
  providerRef: string | null;
  /** The order's payment at the provider (Stripe pi_/ch_, Alipay trade_no) and the order's number. */
  payment: { ref: string | null; orderNumber: string };
  /**
   * For rails that take no idempotency key (Shopify, WooCommerce): called right before the request
   * that pays, it renews this call's lease on the ledger row, so no other process asks while that
   * request is out. False: the lease had run out and another process took the refund over (it
   * looks for this refund before making one); the provider must not pay and answers `superseded`.
   */
  claimCall?: () => Promise<boolean>;
}

/** What a payment rail can report about a refund it was asked for. */
export type ProviderOutcome =
  | { status: 'succeeded'; providerRef: string }
  | { status: 'processing'; providerRef: string }
  | { status: 'failed'; message: string; retryable: boolean };

export type RefundOutcome =
  | { status: 'succeeded'; providerRef: string }
  /** Someone must confirm it happened outside Retour (manual refunds). */
  | { status: 'awaiting_confirmation' }
  /** The provider accepted the refund and will finish it later: a webhook or a later query settles it. */
  | { status: 'processing'; providerRef: string }
  /** Another process took this refund over before the provider paid (see `claimCall`): nothing was done, nothing to record. */
  | { status: 'superseded' }
  | { status: 'failed'; message: string; retryable: boolean };

export interface RefundProvider {
  readonly name: string;
  refund(request: RefundRequest): Promise<RefundOutcome>;
}

export const REFUND_PROVIDERS = ['manual', 'simulated'] as const;
export type RefundProviderName = (typeof REFUND_PROVIDERS)[number];

/** A provider's news about one refund (a webhook, a query): which ledger row, and what happened. */
export interface RefundUpdate {
  /** Retour's refund id when the provider echoes it (Stripe metadata); else the row is found by providerRef. */
  refundId: string | null;
  providerRef: string;
  outcome: ProviderOutcome;
}
