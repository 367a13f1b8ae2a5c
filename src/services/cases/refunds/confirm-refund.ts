import { conflict, notFound } from '../../../domain/errors.js';
import { refundsRepo } from '../../../db/repos/refunds-repo.js';
import type { ServiceContext } from '../../context.js';
import { settleRefund } from './execute-refund.js';

/** Staff confirm a manual refund was paid outside Retour (with the payment's reference). */
export async function confirmManualRefund(ctx: ServiceContext, shopId: string, refundId: string, reference: string) {
  const refund = await refundsRepo.findById(ctx.db, shopId, refundId);
  if (!refund) throw notFound('refund.not_found', 'No such refund');
  if (refund.provider !== 'manual') throw conflict('refund.not_manual', `This refund goes through ${refund.provider}; it confirms itself`);
  if (refund.status !== 'pending') throw conflict('refund.not_pending', `The refund is ${refund.status} already`, { status: refund.status });
  return (await settleRefund(ctx, shopId, refundId, { status: 'succeeded', providerRef: reference }))!;
}
