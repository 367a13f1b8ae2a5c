import type { RefundBreakdown } from '../../domain/refunds/compute.js';
import type { Tx } from '../../db/client.js';
import type { CaseRow } from '../../db/repos/cases-repo.js';
import { refundsRepo, type RefundRow } from '../../db/repos/refunds-repo.js';
import type { ShopRow } from '../../db/repos/shops-repo.js';
import { providerNameFor } from './providers.js';

/** Until this long after it is written, a refund is left to the request that wrote it; then the worker retries it. */
export const FIRST_RETRY_DELAY_MS = 30_000;

/**
 * Writes a refund to the ledger (pending), with the idempotency key the provider will be called
 * with. Runs in the transaction that changes the case, after the order row was locked and the
 * breakdown computed from fresh facts, so concurrent refunds of one order cannot exceed it.
 * `unitsConsumed`: the items' units are refunded in full (returned, or never delivered); false
 * for money-only refunds (partial refunds, goods kept), which still count against their lines.
 */
export async function createRefund(
  tx: Tx,
  shop: ShopRow,
  c: CaseRow,
  breakdown: RefundBreakdown,
  kind: 'refund' | 'fast_refund' | 'exchange_difference',
  unitsConsumed: boolean,
  now: Date,
): Promise<RefundRow | null> {
  if (breakdown.payoutMinor === 0) return null;
  const sequence = (await refundsRepo.countOfCase(tx, shop.id, c.id)) + 1;
  return refundsRepo.insert(
    tx,
    {
      shopId: shop.id,
      caseId: c.id,
      orderId: c.orderId,
      kind,
      currency: breakdown.currency,
      amountMinor: breakdown.refundMinor,
      shippingMinor: breakdown.shippingRefundMinor,
      compensationMinor: breakdown.compensationMinor,
      bonusMinor: breakdown.storeCreditBonusMinor,
      method: breakdown.method,
      provider: providerNameFor(shop, breakdown.method),
      idempotencyKey: `${c.rmaNumber}-${sequence}`,
      status: 'pending',
      nextAttemptAt: new Date(now.getTime() + FIRST_RETRY_DELAY_MS),
      createdAt: now,
      updatedAt: now,
    },
    breakdown.items
      .filter((i) => i.refundMinor > 0 || (unitsConsumed && i.quantity > 0))
      .map((i) => ({ orderLineId: i.lineId, quantity: unitsConsumed ? i.quantity : 0, amountMinor: i.refundMinor })),
  );
}
