import { formatMinor } from '../../domain/money/currency.js';
import { platformRefundsRepo } from '../../db/repos/platform-refunds-repo.js';
import type { ServiceContext } from '../../services/context.js';
import type { OpenConnection } from '../../services/connections/connection-kind.js';
import type { RefundOutcome, RefundProvider } from '../payments/provider.js';
import { markedRefundId, retourRefundMark } from '../storefront/mapped-order.js';
import { wooRest, WooRefusal, type WooSettings } from './client.js';

/**
 * Refunds decided in Retour, pushed to the WooCommerce order: `POST /orders/{id}/refunds` with
 * the amount, the lines (units and money) and `api_refund` (the payment gateway pays it back
 * where it can; off for gateways that cannot). WooCommerce takes no idempotency key: each attempt
 * first looks for the refund an earlier one made (its reason carries the ledger row's id).
 */
export function wooRefundProvider(connection: OpenConnection, ctx: ServiceContext): RefundProvider {
  const settings = connection.settings as unknown as WooSettings;
  return {
    name: 'woocommerce',
    async refund(request): Promise<RefundOutcome> {
      if (request.providerRef) return { status: 'succeeded', providerRef: request.providerRef };
      try {
        const facts = await platformRefundsRepo.pushFacts(ctx.db, request.shopId, request.refundId);
        if (!facts) return { status: 'failed', message: 'The refund or its order is gone', retryable: false };
        const rest = wooRest(connection);
        const path = `orders/${facts.orderExternalId}/refunds`;
        const { body: existing } = await rest.get<{ id: number | string; reason?: string | null }[]>(path, { per_page: 100 });
        const earlier = existing.find((r) => markedRefundId(r.reason) === request.refundId);
        if (earlier) return { status: 'succeeded', providerRef: String(earlier.id) };
        const created = await rest.post<{ id: number | string }>(path, {
          amount: formatMinor(request.amountMinor, request.currency),
          reason: `Refunded by Retour (${retourRefundMark(request.refundId)})`,
          api_refund: settings.apiRefund ?? true,
          line_items: facts.lines
            .filter((l) => l.lineExternalId && l.quantity > 0)
            .map((l) => ({ id: l.lineExternalId, quantity: l.quantity, refund_total: formatMinor(l.amountMinor, request.currency) })),
        });
        return { status: 'succeeded', providerRef: String(created.id) };
      } catch (err) {
        if (err instanceof WooRefusal) return { status: 'failed', message: err.message, retryable: err.status === 401 || err.status === 403 || err.status === 409 };
        return { status: 'failed', message: (err as Error).message, retryable: true };
      }
    },
  };
}
