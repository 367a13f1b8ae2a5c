import { DEFAULT_SIMULATED, simulatedProvider, type SimulatedProviderSettings } from '../../integrations/payments/simulated.js';
import { manualProvider } from '../../integrations/payments/manual.js';
import type { RefundProvider, RefundProviderName } from '../../integrations/payments/provider.js';
import type { ShopRow } from '../../db/repos/shops-repo.js';
import type { ServiceContext } from '../context.js';

export interface ShopPaymentSettings {
  refundProvider: RefundProviderName;
  simulated: SimulatedProviderSettings;
}

export function paymentSettings(shop: Pick<ShopRow, 'settings'>): ShopPaymentSettings {
  const s = (shop.settings ?? {}) as Partial<ShopPaymentSettings>;
  return { refundProvider: s.refundProvider ?? 'manual', simulated: { ...DEFAULT_SIMULATED, ...s.simulated } };
}

/** Store credit never leaves Retour: the ledger entry written when the refund settles is the payment. */
const storeCreditProvider: RefundProvider = {
  name: 'store_credit',
  async refund(request) {
    return { status: 'succeeded', providerRef: `store_credit:${request.idempotencyKey}` };
  },
};

/** The provider a refund goes through: store credit stays inside, money back goes through the shop's provider. */
export function providerNameFor(shop: Pick<ShopRow, 'settings'>, method: 'original' | 'store_credit'): string {
  return method === 'store_credit' ? 'store_credit' : paymentSettings(shop).refundProvider;
}

export function providerByName(ctx: ServiceContext, shop: Pick<ShopRow, 'settings'>, name: string): RefundProvider {
  if (name === 'store_credit') return storeCreditProvider;
  if (name === 'simulated') return simulatedProvider(ctx.db, paymentSettings(shop).simulated);
  return manualProvider;
}
