import { Type } from 'typebox';
import type { ConnectionKind } from '../connection-kind.js';
import { stripeRefundProvider } from './refund-provider.js';

/** A Stripe account: refunds the PaymentIntents or charges recorded on orders (`paymentRef`). */
export const stripeKind: ConnectionKind = {
  kind: 'stripe',
  category: 'payment',
  credentials: Type.Object(
    {
      secretKey: Type.String({ minLength: 1, maxLength: 500, pattern: '^(sk|rk)_', description: 'Secret or restricted key (sk_live_…, rk_live_…) with write access to refunds' }),
      webhookSecret: Type.String({ minLength: 1, maxLength: 500, description: 'Signing secret of the webhook endpoint (whsec_…): verifies charge.refunded and refund.updated' }),
    },
    { additionalProperties: false },
  ),
  settings: Type.Object(
    {
      baseUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 500, description: 'Only for a test server: called instead of https://api.stripe.com' })),
      timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 120_000, description: 'How long one call may take (default 30 s); a timeout is retried with the same idempotency key' })),
    },
    { additionalProperties: false },
  ),
  refundProvider: stripeRefundProvider,
};
