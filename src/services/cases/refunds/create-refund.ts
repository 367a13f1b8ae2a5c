import type { RefundBreakdown } from '../../../domain/refunds/compute.js';
import type { Tx } from '../../../db/client.js';
import type { CaseRow } from '../../../db/repos/cases-repo.js';
import { refundsRepo, type RefundRow } from '../../../db/repos/refunds-repo.js';
import type { ShopRow } from '../../../db/repos/shops-repo.js';
import { refundRouteFor } from './providers.js';

/**
 * Writes a refund to the ledger (pending), with the idempotency key the provider will be called
 * with. Runs in the transaction that changes the case, after the order row was locked and the
 * breakdown computed from fresh facts, so concurrent refunds of one order cannot exceed it.
 * `unitsConsumed`: the items' units are refunded in full (returned, or never delivered); false
 * for money-only refunds (partial refunds, goods kept), which still count against their lines.
 * Exchanged items never use up their units: only a price difference goes back against them.
 * `channel`: the order's, which decides the provider (the shop's route for it).
 * `sequence`: the case's refunds so far plus one (read with the order's facts), in the provider's idempotency key.
 * `leaseMs`: how long the refund is left to the request that wrote it before the worker retries it.
 * A manual payout calls nothing: it is written as waiting for a person from the start, as the manual
 * provider's answer would leave it (one attempt, no next one), and nobody pays it (`awaitsPerson`).
 */
export async function createRefund(
  tx: Tx,
  shop: ShopRow,
  c: CaseRow,
  breakdown: RefundBreakdown,
  { kind, sequence, unitsConsumed, channel }: { kind: 'refund' | 'fast_refund' | 'exchange_difference'; sequence: number; unitsConsumed: boolean; channel: string },
  now: Date,
  leaseMs: number,
): Promise<RefundRow | null> {
  if (breakdown.payoutMinor === 0) return null;
  const route = refundRouteFor(shop, breakdown.method, channel);
  const manual = isManualRoute(route);
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
      provider: route.provider,
      connectionId: route.connectionId,
      idempotencyKey: `${c.rmaNumber}-${sequence}`,
      status: 'pending',
      attempts: manual ? 1 : 0,
      nextAttemptAt: manual ? null : new Date(now.getTime() + leaseMs),
      createdAt: now,
      updatedAt: now,
    },
    breakdown.items
      .map((i) => ({ orderLineId: i.lineId, quantity: unitsConsumed && i.resolution !== 'exchange' ? i.quantity : 0, amountMinor: i.refundMinor }))
      .filter((l) => l.amountMinor > 0 || l.quantity > 0),
  );
}

/**
 * A manual payout waiting for a person to pay it outside Retour and confirm it: there is no
 * provider to call, so paying it changes nothing and its case's reply goes with the write.
 */
export function awaitsPerson(refund: Pick<RefundRow, 'status' | 'provider' | 'connectionId' | 'nextAttemptAt'>): boolean {
  return refund.status === 'pending' && isManualRoute(refund) && refund.nextAttemptAt === null;
}

/** Paid by a person outside Retour: the manual provider, not a payment connection. */
const isManualRoute = (r: Pick<RefundRow, 'provider' | 'connectionId'>) => r.provider === 'manual' && r.connectionId === null;
