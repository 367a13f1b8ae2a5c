/**
 * A way money goes back to a buyer. Providers must honour the idempotency key: called twice with
 * the same key, a real payment API pays once and answers the same. Retour writes the key to its
 * ledger before the first call, so retries after a crash can never pay twice.
 */
export interface RefundRequest {
  shopId: string;
  idempotencyKey: string;
  amountMinor: number;
  currency: string;
  orderId: string;
  caseId: string;
  /** How many times this refund was tried before (0 the first time). */
  attempt: number;
}

export type RefundOutcome =
  | { status: 'succeeded'; providerRef: string }
  /** Someone must confirm it happened outside Retour (manual refunds). */
  | { status: 'awaiting_confirmation' }
  | { status: 'failed'; message: string; retryable: boolean };

export interface RefundProvider {
  readonly name: string;
  refund(request: RefundRequest): Promise<RefundOutcome>;
}

export const REFUND_PROVIDERS = ['manual', 'simulated'] as const;
export type RefundProviderName = (typeof REFUND_PROVIDERS)[number];
