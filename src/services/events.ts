import { uuidv7 } from 'uuidv7';
import type { Tx } from '../db/client.js';
import type { CaseRow } from '../db/repos/cases-repo.js';
import { outboxRepo } from '../db/repos/outbox-repo.js';
import { outbox } from '../db/schema/index.js';
import { batchOf } from '../db/write-batch.js';

/** Every event Retour publishes (docs/webhooks.md documents their `data`). */
export const EVENT_TYPES = [
  'return.created',
  'return.status_changed',
  'return.message',
  'return.refunded',
  'refund.failed',
  'deadline.applied',
  'deadline.overdue',
  'analytics.quality_refund_rate',
  'return.compensation_granted',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The case as events show it: enough for a receiver to act without calling back. */
export function caseSnapshot(c: CaseRow) {
  return {
    id: c.id,
    rmaNumber: c.rmaNumber,
    orderId: c.orderId,
    customerId: c.customerId,
    type: c.type,
    status: c.status,
    currency: c.currency,
    refundMinor: c.breakdown.refundMinor,
    refundedMinor: c.refundedMinor,
    refundMethod: c.refundMethod,
    updatedAt: c.updatedAt.toISOString(),
  };
}

/**
 * Records an event to publish, in the caller's transaction: it leaves Retour (webhooks, e-mail)
 * only if the change it reports commits, and is never lost once it has.
 */
export async function publish(tx: Tx, shopId: string, type: EventType, caseId: string | null, data: Record<string, unknown>, now: Date) {
  const id = uuidv7();
  const row = { shopId, id, eventType: type, caseId, payload: { id, type, createdAt: now.toISOString(), shopId, data }, createdAt: now };
  const batch = batchOf(tx);
  if (batch) batch.insert(outbox, row);
  else await outboxRepo.insert(tx, row);
}
