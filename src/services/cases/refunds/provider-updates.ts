import { refundsRepo, type RefundRow } from '../../../db/repos/refunds-repo.js';
import type { ConnectionRow } from '../../../db/repos/connections-repo.js';
import type { RefundUpdate } from '../../../integrations/payments/provider.js';
import type { ServiceContext } from '../../context.js';
import { settleRefund } from './execute-refund.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface UpdatesApplied {
  /** Refunds this news settled (succeeded or failed). */
  settled: number;
  /** News about refunds already settled, still in flight, or not Retour's (made at the provider directly). */
  unchanged: number;
}

async function refundOf(ctx: ServiceContext, connection: ConnectionRow, update: RefundUpdate): Promise<RefundRow | undefined> {
  const byId = update.refundId && UUID.test(update.refundId) ? await refundsRepo.findById(ctx.db, connection.shopId, update.refundId) : undefined;
  const row = byId ?? (await refundsRepo.findByConnectionRef(ctx.db, connection.shopId, connection.id, update.providerRef));
  // Only refunds that went through this very connection: a signed event of one account never settles another's.
  return row?.connectionId === connection.id ? row : undefined;
}

/**
 * Settles pending refunds with what their payment rail reports (a webhook, a query). Safe to
 * apply any number of times: a settled refund stays as it is, so a re-delivered event changes nothing.
 */
export async function applyRefundUpdates(ctx: ServiceContext, connection: ConnectionRow, updates: RefundUpdate[]): Promise<UpdatesApplied> {
  let settled = 0;
  for (const update of updates) {
    const row = await refundOf(ctx, connection, update);
    if (!row || row.status !== 'pending') continue;
    if (update.outcome.status === 'processing') {
      if (!row.providerRef) await refundsRepo.settle(ctx.db, row.shopId, row.id, { providerRef: update.providerRef });
      continue;
    }
    const after = await settleRefund(ctx, row.shopId, row.id, update.outcome);
    if (after && after.status !== 'pending') settled++;
  }
  return { settled, unchanged: updates.length - settled };
}
