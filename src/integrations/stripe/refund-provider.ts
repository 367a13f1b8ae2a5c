import type Stripe from 'stripe';
import { toStripeAmount } from '../../domain/payments/provider-amounts.js';
import type { OpenConnection } from '../connection-kind.js';
import type { ProviderOutcome, RefundProvider } from '../payments/provider.js';
import { loadStripe, stripeClient } from './client.js';

/** What a Stripe refund's status means for the ledger. */
export function stripeRefundOutcome(refund: Pick<Stripe.Refund, 'id' | 'status' | 'failure_reason'>): ProviderOutcome {
  switch (refund.status) {
    case 'succeeded':
      return { status: 'succeeded', providerRef: refund.id };
    case 'failed':
    case 'canceled':
      return { status: 'failed', message: `Stripe refund ${refund.id} ${refund.status}${refund.failure_reason ? `: ${refund.failure_reason}` : ''}`, retryable: false };
    default:
      // pending, requires_action: Stripe finishes it and tells us (refund.updated), or the worker asks again.
      return { status: 'processing', providerRef: refund.id };
  }
}

/** A refused request (declined, invalid, more than was paid) is final; a network error, 5xx, 429 or bad key is retried. */
function failureOf(err: unknown, StripeSdk: typeof Stripe): ProviderOutcome {
  if (err instanceof StripeSdk.errors.StripeError) {
    const status = err.statusCode ?? 0;
    const final = status >= 400 && status < 500 && ![401, 403, 409, 429].includes(status);
    return { status: 'failed', message: `Stripe: ${err.message}${err.code ? ` (${err.code})` : ''}`, retryable: !final };
  }
  return { status: 'failed', message: `Stripe: ${(err as Error).message}`, retryable: true };
}

/**
 * Refunds the order's PaymentIntent (pi_…) or charge (ch_…) through Stripe. The idempotency key
 * is the ledger row's, prefixed by the shop (Stripe scopes keys by account, and two shops may
 * share one): a repeated call after a timeout or a crash gets the same refund back, never a second.
 */
export async function stripeRefundProvider(connection: OpenConnection): Promise<RefundProvider> {
  const stripe = await stripeClient(connection);
  const { default: StripeSdk } = await loadStripe();
  return {
    name: 'stripe',
    async refund(request) {
      try {
        if (request.providerRef) return stripeRefundOutcome(await stripe.refunds.retrieve(request.providerRef));
        const ref = request.payment.ref;
        if (!ref) return { status: 'failed', message: `Order ${request.payment.orderNumber} has no Stripe payment reference (paymentRef pi_… or ch_…)`, retryable: false };
        const amount = toStripeAmount(request.amountMinor, request.currency);
        if (!amount.ok) return { status: 'failed', message: amount.reason, retryable: false };
        const refund = await stripe.refunds.create(
          {
            ...(ref.startsWith('pi_') ? { payment_intent: ref } : { charge: ref }),
            amount: amount.amount,
            metadata: { retour_refund_id: request.refundId, retour_shop_id: request.shopId },
          },
          { idempotencyKey: stripeIdempotencyKey(request.shopId, request.idempotencyKey) },
        );
        return stripeRefundOutcome(refund);
      } catch (err) {
        return failureOf(err, StripeSdk);
      }
    },
  };
}

export const stripeIdempotencyKey = (shopId: string, key: string) => `retour-${shopId}-${key}`;
