import { invalid, notFound, unauthenticated } from '../../domain/errors.js';
import { connectionsRepo } from '../../db/repos/connections-repo.js';
import { loadStripe } from '../../integrations/stripe/client.js';
import { stripeRefundUpdates } from '../../integrations/stripe/webhooks.js';
import type { ServiceContext } from '../context.js';
import { openConnection } from '../connections/index.js';
import { loggedRun } from '../connections/index.js';
import { applyRefundUpdates } from '../cases/index.js';

/**
 * A Stripe event for one connection: verified on its raw body with the connection's signing
 * secret before anything is read or written (a bad or missing signature → 401), then the
 * refunds it reports settle their pending ledger rows, logged as a webhook run.
 */
export async function receiveStripeWebhook(ctx: ServiceContext, connectionId: string, rawBody: Buffer, signature: string | undefined) {
  const row = await connectionsRepo.byIdAnyShop(ctx.db, connectionId);
  if (!row || row.kind !== 'stripe') throw notFound('connection.not_found', 'No such Stripe connection');
  if (!signature) throw unauthenticated('webhook.signature_missing', 'The Stripe-Signature header is missing');
  let verified: Awaited<ReturnType<typeof stripeRefundUpdates>>;
  try {
    verified = await stripeRefundUpdates(openConnection(ctx, row), rawBody, signature);
  } catch (err) {
    // Loaded already when stripeRefundUpdates checked the signature.
    if (err instanceof (await loadStripe()).default.errors.StripeSignatureVerificationError) throw unauthenticated('webhook.signature_invalid', 'The Stripe-Signature does not match this connection’s signing secret');
    if (err instanceof SyntaxError) throw invalid('webhook.malformed', 'The event is not JSON');
    throw err;
  }
  let settled = 0;
  await loggedRun(ctx, row, 'webhook', async () => {
    settled = (await applyRefundUpdates(ctx, row, verified.updates)).settled;
    return { itemsIn: verified.updates.length, itemsOut: 0, errors: [] };
  });
  return { received: true, eventId: verified.eventId, refundsSettled: settled };
}
