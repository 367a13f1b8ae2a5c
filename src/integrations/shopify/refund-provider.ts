import { formatMinor } from '../../domain/money/currency.js';
import { platformRefundsRepo } from '../../db/repos/platform-refunds-repo.js';
import type { ServiceContext } from '../../services/context.js';
import type { OpenConnection } from '../connection-kind.js';
import type { RefundOutcome, RefundProvider } from '../payments/provider.js';
import { markedRefundId, minorOf, retourRefundMark } from '../storefront/mapped-order.js';
import { shopifyRest, ShopifyRefusal, type ShopifyPage } from './client.js';

interface CalculatedRefund {
  refund: {
    refund_line_items?: { line_item_id: string | number; location_id?: string | number | null }[];
    transactions?: { parent_id: string | number; gateway?: string; amount: string; maximum_refundable?: string; kind?: string }[];
  };
}

/**
 * The id of the refund on the order that carries Retour's mark for `refundId`, if Shopify made it:
 * every page of the order's refunds (at most 250 a page, the next by the Link header).
 */
async function findMarkedRefund(rest: ReturnType<typeof shopifyRest>, path: string, refundId: string): Promise<string | null> {
  let page: { path: string; query: Record<string, string | number> } | null = { path, query: { limit: 250 } };
  while (page) {
    const res: ShopifyPage<{ refunds?: { id: string | number; note?: string | null }[] }> = await rest.get(page.path, page.query);
    const found = res.body.refunds?.find((r) => markedRefundId(r.note) === refundId);
    if (found) return String(found.id);
    page = res.next;
  }
  return null;
}

/** Inspection dispositions as Shopify restock types: restocked goods go back to a location, the rest do not. */
export const restockTypeOf = (disposition: string | null) => (disposition === 'restock' ? 'return' : 'no_restock');

/**
 * Refunds decided in Retour, pushed to the Shopify order they belong to: `refunds/calculate`
 * (what Shopify would refund, and the payment to refund it from), then `refunds` with Retour's
 * amount, restock per line from the inspection, and the case's shipping refund. Shopify's REST
 * refunds take no idempotency key, so every attempt first looks for a refund it made already
 * (marked with the ledger row's id in its note): a lost answer is never paid a second time; and
 * it pays only while it still holds the refund's call lease (renewed just before), so a call that
 * outlived its lease cannot pay alongside the process that took the refund over.
 */
export function shopifyRefundProvider(connection: OpenConnection, ctx: ServiceContext): RefundProvider {
  return {
    name: 'shopify',
    async refund(request): Promise<RefundOutcome> {
      if (request.providerRef) return { status: 'succeeded', providerRef: request.providerRef };
      try {
        const facts = await platformRefundsRepo.pushFacts(ctx.db, request.shopId, request.refundId);
        if (!facts) return { status: 'failed', message: 'The refund or its order is gone', retryable: false };
        const rest = shopifyRest(connection);
        const path = `orders/${facts.orderExternalId}/refunds`;
        const mark = retourRefundMark(request.refundId);
        const earlier = await findMarkedRefund(rest, path, request.refundId);
        if (earlier) return { status: 'succeeded', providerRef: earlier };

        const currency = request.currency;
        const lineItems = facts.lines
          .filter((l) => l.lineExternalId && l.quantity > 0)
          .map((l) => ({ line_item_id: l.lineExternalId!, quantity: l.quantity, restock_type: restockTypeOf(l.disposition) }));
        const shipping = facts.shippingMinor > 0 ? { amount: formatMinor(facts.shippingMinor, currency) } : undefined;
        const calculated = await rest.post<CalculatedRefund>(`${path}/calculate`, { refund: { currency, ...(shipping ? { shipping } : {}), refund_line_items: lineItems } });
        const parent = calculated.refund.transactions?.find((t) => (t.kind ?? 'suggested_refund') === 'suggested_refund') ?? calculated.refund.transactions?.[0];
        if (!parent) return { status: 'failed', message: `Shopify has nothing left to refund on order ${facts.orderNumber}`, retryable: false };
        const maximum = minorOf(parent.maximum_refundable ?? parent.amount, currency, 'maximum refundable', facts.orderExternalId);
        if (request.amountMinor > maximum) {
          return { status: 'failed', message: `Shopify can refund at most ${formatMinor(maximum, currency)} ${currency} on order ${facts.orderNumber}; Retour owes ${formatMinor(request.amountMinor, currency)}`, retryable: false };
        }
        // The request that pays cannot be repeated safely: it goes out only while this call still holds the refund.
        if (request.claimCall && !(await request.claimCall())) return { status: 'superseded' };
        const locations = new Map((calculated.refund.refund_line_items ?? []).map((l) => [String(l.line_item_id), l.location_id]));
        const created = await rest.post<{ refund: { id: string | number } }>(
          path,
          {
            refund: {
              currency,
              note: `Refunded by Retour (${mark})`,
              notify: true,
              ...(shipping ? { shipping } : {}),
              refund_line_items: lineItems.map((l) => ({ ...l, ...(l.restock_type === 'return' && locations.get(l.line_item_id) ? { location_id: locations.get(l.line_item_id) } : {}) })),
              transactions: [{ parent_id: parent.parent_id, amount: formatMinor(request.amountMinor, currency), kind: 'refund', gateway: parent.gateway }],
            },
          },
          { once: true },
        );
        return { status: 'succeeded', providerRef: String(created.refund.id) };
      } catch (err) {
        // A refusal (a 4xx other than 429, e.g. more than is left) will not change by itself; the rest is retried.
        if (err instanceof ShopifyRefusal) return { status: 'failed', message: err.message, retryable: err.status === 401 || err.status === 403 || err.status === 409 };
        return { status: 'failed', message: (err as Error).message, retryable: true };
      }
    },
  };
}
