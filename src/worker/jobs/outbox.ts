import { uuidv7 } from 'uuidv7';
import { outboxRepo } from '../../db/repos/outbox-repo.js';
import { webhooksRepo } from '../../db/repos/webhooks-repo.js';
import type { ServiceContext } from '../../services/context.js';
import { takesEvent } from '../../services/webhooks/endpoints.js';
import { queueBuyerNotifications } from '../../services/notifications/queue.js';
import { runCareRules } from '../../services/care/tasks.js';

/**
 * Fans recorded events out to what will carry them: one webhook delivery per subscribed
 * endpoint, and the buyer's e-mail or text message when the event is a step they must hear of. Rows are claimed
 * with SKIP LOCKED and marked dispatched in the same transaction as what they produced, so each
 * event is fanned out exactly once, whatever crashes or how many workers run.
 */
export async function dispatchOutbox(ctx: ServiceContext, batch = 200): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const rows = await outboxRepo.claimUndispatched(tx, batch);
    if (rows.length === 0) return 0;
    const now = ctx.clock.now();
    const endpoints = await webhooksRepo.subscribers(tx, [...new Set(rows.map((r) => r.shopId))]);
    await webhooksRepo.insertDeliveries(
      tx,
      rows.flatMap((r) =>
        endpoints
          .filter((e) => e.shopId === r.shopId && takesEvent(e, r.eventType))
          .map((e) => ({ shopId: r.shopId, id: uuidv7(), endpointId: e.id, outboxId: r.id, eventType: r.eventType, payload: r.payload, status: 'pending' as const, nextAttemptAt: now, createdAt: now })),
      ),
    );
    await runCareRules(tx, rows, now);
    await queueBuyerNotifications(ctx, tx, rows, now);
    await outboxRepo.markDispatched(tx, rows, now);
    return rows.length;
  });
}
