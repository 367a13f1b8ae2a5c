import type { RefundOutcome, RefundProvider } from '../payments/provider.js';
import { marketplaceCasesRepo } from '../../db/repos/marketplace-cases-repo.js';
import type { ServiceContext } from '../../services/context.js';
import { MarketplaceRefusal, type MarketplaceAdapter } from './adapter.js';

/**
 * A marketplace connection as the refund provider of its channel: a refund Retour decides on a
 * marketplace case is the platform's own "agree to refund" (before the goods return) or "confirm
 * receipt and refund" (after the buyer shipped them), so the platform pays the buyer. The refund
 * ledger's idempotency means it is pushed once; a platform that already refunded answers with a
 * refusal the next pull reconciles (SUCCESS wins).
 */
export function marketplaceRefundProvider(name: string, adapter: MarketplaceAdapter, ctx: ServiceContext): RefundProvider {
  return {
    name,
    async refund(request): Promise<RefundOutcome> {
      if (request.providerRef) return { status: 'succeeded', providerRef: request.providerRef };
      const link = await marketplaceCasesRepo.byCase(ctx.db, request.shopId, request.caseId);
      if (!link) return { status: 'failed', message: `The case did not come from ${name}: refund it another way`, retryable: false };
      const afterReturn = link.syncedStatus === 'in_transit' || link.syncedStatus === 'received' || link.syncedStatus === 'inspected';
      try {
        await adapter.push(
          { externalId: link.externalId, orderExternalId: link.orderExternalId, handle: link.handle },
          afterReturn ? { action: 'confirm_receipt', amountMinor: request.amountMinor } : { action: 'agree_refund', amountMinor: request.amountMinor },
        );
        return { status: 'succeeded', providerRef: `${name}:${link.externalId}` };
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (err instanceof MarketplaceRefusal) return { status: 'failed', message, retryable: false };
        return { status: 'failed', message, retryable: true };
      }
    },
  };
}
