import type { Executor } from '../../db/client.js';
import { refundsRepo } from '../../db/repos/refunds-repo.js';
import type { RefundProvider, RefundRequest } from './provider.js';

export interface SimulatedProviderSettings {
  /** Milliseconds each call takes. */
  latencyMs: number;
  /** The first N attempts of every refund fail (retryably): for demos and tests of retries. */
  failFirstAttempts: number;
  /** Share of calls that fail at random (0–1), for demos. */
  failureRate: number;
}

export const DEFAULT_SIMULATED: SimulatedProviderSettings = { latencyMs: 0, failFirstAttempts: 0, failureRate: 0 };

/**
 * A payment provider for demos and tests. It pays into `simulated_payouts`, keyed like a real
 * provider by the idempotency key: repeating a key pays nothing more (its `calls` counter shows
 * the repeat), which is what lets tests prove no refund is ever paid twice.
 */
export function simulatedProvider(db: Executor, settings: SimulatedProviderSettings): RefundProvider {
  return {
    name: 'simulated',
    async refund(request: RefundRequest) {
      if (settings.latencyMs > 0) await new Promise((r) => setTimeout(r, settings.latencyMs));
      if (request.attempt < settings.failFirstAttempts || Math.random() < settings.failureRate) {
        return { status: 'failed', message: 'Simulated provider: the payment network declined the refund (try again later)', retryable: true };
      }
      const { providerRef } = await refundsRepo.recordSimulatedPayout(db, {
        shopId: request.shopId,
        idempotencyKey: request.idempotencyKey,
        amountMinor: request.amountMinor,
        currency: request.currency,
        providerRef: `sim_${request.idempotencyKey.replace(/[^A-Za-z0-9]/g, '').slice(-24)}`,
      });
      return { status: 'succeeded', providerRef };
    },
  };
}
