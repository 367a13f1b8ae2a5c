import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.js';

export interface BacklogSnapshot {
  deadlinesDue: number;
  /** Seconds the oldest due, unapplied deadline is late (0 when none is). */
  deadlineLagSeconds: number;
  outboxBacklog: number;
  outboxOldestSeconds: number;
  webhooksPending: number;
  /** Pending deliveries whose last attempt failed (they wait for a retry). */
  webhooksFailing: number;
  webhooksDead: number;
  mailPending: number;
  refundsPendingOldestSeconds: number;
  refunds: { provider: string; status: string; n: number }[];
  cases: { status: string; n: number }[];
}

/**
 * What an operator watches, in three statements that each read a partial index or a small
 * grouped count (deadlines_due_idx, outbox_pending_idx, webhook_deliveries_due_idx,
 * refunds_due_idx): cheap enough to run on every scrape.
 */
export const opsMetricsRepo = {
  async snapshot(db: Executor, now: Date): Promise<BacklogSnapshot> {
    const at = now.toISOString();
    const [row] = await queryRows<Record<string, number | string | null>>(
      db,
      sql`select
        (select count(*) from deadlines where status = 'pending' and due_at <= ${at}::timestamptz) as deadlines_due,
        (select extract(epoch from ${at}::timestamptz - min(due_at)) from deadlines where status = 'pending' and due_at <= ${at}::timestamptz) as deadline_lag,
        (select count(*) from outbox where dispatched_at is null) as outbox_backlog,
        (select extract(epoch from ${at}::timestamptz - min(created_at)) from outbox where dispatched_at is null) as outbox_oldest,
        (select count(*) from webhook_deliveries where status = 'pending') as webhooks_pending,
        (select count(*) from webhook_deliveries where status = 'pending' and attempts > 0) as webhooks_failing,
        (select count(*) from webhook_deliveries where status = 'dead') as webhooks_dead,
        (select count(*) from mail_messages where status = 'pending') as mail_pending,
        (select extract(epoch from ${at}::timestamptz - min(created_at)) from refunds where status = 'pending') as refunds_oldest`,
    );
    const refunds = await queryRows<{ provider: string; status: string; n: number }>(db, sql`select provider, status, count(*)::int as n from refunds group by provider, status`);
    const cases = await queryRows<{ status: string; n: number }>(db, sql`select status, count(*)::int as n from return_cases group by status`);
    const num = (v: number | string | null | undefined) => Math.max(0, Number(v ?? 0));
    return {
      deadlinesDue: num(row!.deadlines_due),
      deadlineLagSeconds: num(row!.deadline_lag),
      outboxBacklog: num(row!.outbox_backlog),
      outboxOldestSeconds: num(row!.outbox_oldest),
      webhooksPending: num(row!.webhooks_pending),
      webhooksFailing: num(row!.webhooks_failing),
      webhooksDead: num(row!.webhooks_dead),
      mailPending: num(row!.mail_pending),
      refundsPendingOldestSeconds: num(row!.refunds_oldest),
      refunds,
      cases,
    };
  },
};
