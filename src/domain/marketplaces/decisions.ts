import type { CaseStatus, CaseType } from '../cases/model.js';

/** What the push loop needs of a case to know which platform action Retour's decision is. */
export interface CaseForPush {
  status: CaseStatus;
  type: CaseType;
  rejectionReason: string | null;
  returnAddress: { name: string; phone: string; addressZh: string | null; addressLatin: string | null; postalCode: string | null } | null;
}

export type PushDecision =
  | { action: 'refuse'; reason: string }
  | { action: 'agree_return'; address: { name: string; phone: string; address: string; postalCode: string | null } }
  /** Nothing to tell the platform (an internal step, or money, which the refund ledger pushes). */
  | { action: 'none' }
  /** Retour cannot push this move (e.g. agreeing to a return with no return address). */
  | { action: 'blocked'; message: string };

const RETURN_TYPES: readonly CaseType[] = ['return_refund', 'exchange'];

/**
 * The platform action for a move Retour made since the two last agreed (`from` → the case's
 * status). Refusals and return approvals are pushed here; refunds go through the refund ledger
 * (the marketplace connection is the channel's refund provider), so a refund is pushed once,
 * with the ledger's idempotency, and never by this loop.
 */
export function pushDecision(from: CaseStatus, c: CaseForPush): PushDecision {
  if (c.status === 'rejected' && from !== 'rejected') return { action: 'refuse', reason: (c.rejectionReason ?? '').trim() || '商家拒绝 / Refused by the seller' };
  if (c.status === 'approved' && from === 'requested' && RETURN_TYPES.includes(c.type)) {
    const a = c.returnAddress;
    const address = a?.addressZh ?? a?.addressLatin;
    if (!a || !address) return { action: 'blocked', message: 'No return address on the case: set one in Settings → Return addresses and approve again' };
    return { action: 'agree_return', address: { name: a.name, phone: a.phone, address, postalCode: a.postalCode } };
  }
  return { action: 'none' };
}
