import { formatMinor } from '../../domain/money/currency.js';
import { platformRefundsRepo } from '../../db/repos/platform-refunds-repo.js';
import type { ServiceContext } from '../../services/context.js';
import type { OpenConnection } from '../connection-kind.js';
import type { RefundOutcome, RefundProvider } from '../payments/provider.js';
import { markedRefundId, retourRefundMark } from '../storefront/mapped-order.js';
import { wooRest, WooRefusal, type WooSettings } from './client.js';

/** The refund's meta_data key naming the ledger row (a second mark, should a plugin or person rewrite the reason). */
export const RETOUR_REFUND_META_KEY = 'retour_refund_id';

interface WooRefund {
  id: number | string;
  reason?: string | null;
  meta_data?: { key?: string; value?: unknown }[];
}

/** The id of the order's refund marked for `refundId` (reason or meta_data), looking through every page (newest first, 100 a page). */
async function findMarkedRefund(rest: ReturnType<typeof wooRest>, path: string, refundId: string): Promise<string | null> {
  for (let page = 1; ; page++) {
    const { body, totalPages } = await rest.get<WooRefund[]>(path, { per_page: 100, page });
    const found = body.find((r) => markedRefundId(r.reason) === refundId || (r.meta_data ?? []).some((m) => m.key === RETOUR_REFUND_META_KEY && m.value === refundId));
    if (found) return String(found.id);
    if (body.length === 0 || page >= (totalPages ?? 1)) return null;
  }
}

/**
 * Refunds decided in Retour, pushed to the WooCommerce order: `POST /orders/{id}/refunds` with
 * the amount, the lines (units and money) and `api_refund` (the payment gateway pays it back
 * where it can; off for gateways that cannot). WooCommerce takes no idempotency key: each attempt
 * first looks for the refund an earlier one made (its reason and meta_data carry the ledger row's
id), and pays only while it still holds the refund's call lease.
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
        const earlier = await findMarkedRefund(rest, path, request.refundId);
        if (earlier) return { status: 'succeeded', providerRef: earlier };
        // The request that pays cannot be repeated safely: it goes out only while this call still holds the refund.
        if (request.claimCall && !(await request.claimCall())) return { status: 'superseded' };
        const created = await rest.post<{ id: number | string }>(path, {
          amount: formatMinor(request.amountMinor, request.currency),
          reason: `Refunded by Retour (${retourRefundMark(request.refundId)})`,
          meta_data: [{ key: RETOUR_REFUND_META_KEY, value: request.refundId }],
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
