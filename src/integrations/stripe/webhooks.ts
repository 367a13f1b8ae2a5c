import type Stripe from 'stripe';
import type { OpenConnection } from '../connection-kind.js';
import type { RefundUpdate } from '../payments/provider.js';
import { stripeClient } from './client.js';
import { stripeRefundOutcome } from './refund-provider.js';

const updateOf = (refund: Stripe.Refund): RefundUpdate => ({
  refundId: refund.metadata?.retour_refund_id ?? null,
  providerRef: refund.id,
  outcome: stripeRefundOutcome(refund),
});

/**
 * The refunds a Stripe event reports, after its signature was checked on the raw body with the
 * endpoint's signing secret (throws StripeSignatureVerificationError otherwise).
 * `refund.created|updated|failed` carry the refund; `charge.refunded` carries the charge, whose
 * refunds are listed when the API version does not embed them.
 */
export async function stripeRefundUpdates(connection: OpenConnection, rawBody: Buffer, signature: string): Promise<{ eventId: string; updates: RefundUpdate[] }> {
  const stripe = await stripeClient(connection);
  const event = stripe.webhooks.constructEvent(rawBody, signature, String(connection.credentials.webhookSecret));
  if (event.type === 'refund.created' || event.type === 'refund.updated' || event.type === 'refund.failed') {
    return { eventId: event.id, updates: [updateOf(event.data.object)] };
  }
  if (event.type === 'charge.refunded') {
    const charge = event.data.object as Stripe.Charge & { refunds?: Stripe.ApiList<Stripe.Refund> };
    const refunds = charge.refunds?.data ?? (await stripe.refunds.list({ charge: charge.id, limit: 100 })).data;
    return { eventId: event.id, updates: refunds.map(updateOf) };
  }
  return { eventId: event.id, updates: [] };
}
