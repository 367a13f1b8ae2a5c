import { DEFAULT_SIMULATED, simulatedProvider, type SimulatedProviderSettings } from '../../../integrations/payments/simulated.js';
import { manualProvider } from '../../../integrations/payments/manual.js';
import type { RefundProvider, RefundProviderName } from '../../../integrations/payments/provider.js';
import { routeRefund, type RefundRoute } from '../../../domain/payments/refund-routing.js';
import { connectionsRepo } from '../../../db/repos/connections-repo.js';
import type { RefundRow } from '../../../db/repos/refunds-repo.js';
import type { ShopRow } from '../../../db/repos/shops-repo.js';
import type { ServiceContext } from '../../context.js';
import { openConnection } from '../../connections/index.js';
import { connectionKind } from '../../../integrations/kinds.js';

export interface ShopPaymentSettings {
  refundProvider: RefundProviderName;
  /** Per sales channel: a payment connection or a built-in provider (shop settings `refundProviders`). */
  refundProviders: Record<string, RefundRoute>;
  simulated: SimulatedProviderSettings;
}

export function paymentSettings(shop: Pick<ShopRow, 'settings'>): ShopPaymentSettings {
  const s = (shop.settings ?? {}) as Partial<ShopPaymentSettings>;
  return { refundProvider: s.refundProvider ?? 'manual', refundProviders: s.refundProviders ?? {}, simulated: { ...DEFAULT_SIMULATED, ...s.simulated } };
}

/** Store credit never leaves Retour: the ledger entry written when the refund settles is the payment. */
const storeCreditProvider: RefundProvider = {
  name: 'store_credit',
  async refund(request) {
    return { status: 'succeeded', providerRef: `store_credit:${request.idempotencyKey}` };
  },
};

/** Where a refund of an order on `channel` goes: store credit stays inside, money back goes the channel's way. */
export function refundRouteFor(shop: Pick<ShopRow, 'settings'>, method: 'original' | 'store_credit', channel: string): RefundRoute {
  const settings = paymentSettings(shop);
  return routeRefund({ defaultProvider: settings.refundProvider, byChannel: settings.refundProviders }, method, channel);
}

const unavailable = (name: string, message: string, retryable: boolean): RefundProvider => ({
  name,
  async refund() {
    return { status: 'failed', message, retryable };
  },
});

/** The provider that pays `refund`: a built-in one, or the payment connection it was routed to. */
export async function providerFor(ctx: ServiceContext, shop: Pick<ShopRow, 'id' | 'settings'>, refund: Pick<RefundRow, 'provider' | 'connectionId'>): Promise<RefundProvider> {
  if (refund.connectionId) {
    const row = await connectionsRepo.byId(ctx.db, shop.id, refund.connectionId);
    const kind = row && connectionKind(row.kind);
    if (!row || !kind?.refundProvider) return unavailable(refund.provider, 'The payment connection this refund goes through was removed', false);
    if (row.status === 'paused') return unavailable(refund.provider, `The ${row.kind} connection "${row.name}" is paused`, true);
    return kind.refundProvider(openConnection(ctx, row), ctx);
  }
  if (refund.provider === 'store_credit') return storeCreditProvider;
  if (refund.provider === 'simulated') return simulatedProvider(ctx.db, paymentSettings(shop).simulated);
  return manualProvider;
}
