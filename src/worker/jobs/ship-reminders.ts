import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { ServiceContext } from '../../services/context.js';
import { queueNotifications } from '../../services/notifications/queue.js';

/** How long before the buyer's ship-by deadline they are reminded (issue 20 §3, issue 13.5). */
export const REMINDER_BEFORE_MS = 24 * 3600_000;

/**
 * Reminds buyers whose ship-back deadline is less than a day away, once per deadline: the
 * deadlines are claimed (marked reminded, SKIP LOCKED) in the transaction that queues the
 * reminder, so two workers never remind twice. A deadline set less than two days before it runs
 * out is not reminded of: the approval that set it said it already.
 */
export async function queueShipReminders(ctx: ServiceContext, batch = 100): Promise<number> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const due = await queryRows<{ id: string; shopId: string; caseId: string }>(
      tx,
      sql`update deadlines d set reminded_at = ${now}
          where (d.shop_id, d.id) in (
            select shop_id, id from deadlines
            where status = 'pending' and kind = 'buyer_ship' and reminded_at is null
              and due_at > ${now} and due_at <= ${new Date(now.getTime() + REMINDER_BEFORE_MS)}
              and due_at - created_at >= ${`${(2 * REMINDER_BEFORE_MS) / 1000} seconds`}::interval
            order by due_at limit ${batch} for update skip locked)
          returning d.id, d.shop_id as "shopId", d.case_id as "caseId"`,
    );
    await queueNotifications(ctx, tx, due.map((d) => ({ row: { id: d.id, shopId: d.shopId, caseId: d.caseId }, step: 'ship_reminder' as const, data: {} })), now);
    return due.length;
  });
}
