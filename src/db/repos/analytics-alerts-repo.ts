import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { queryRows, type Executor } from '../client.js';

export interface AlertStateRow {
  level: string;
  rate_bp: number | null;
  projected_bp: number | null;
  alerted_level: string;
  alerted_at: Date | null;
  evaluated_at: Date;
}

/** Alert state of analytics metrics, and the outbox and mail rows an alert writes (delivered by the automation dispatcher). */
export const analyticsAlertsRepo = {
  async state(db: Executor, shopId: string, metric: string, lock = false): Promise<AlertStateRow | undefined> {
    const [row] = await queryRows<AlertStateRow>(
      db,
      sql`select level, rate_bp, projected_bp, alerted_level, alerted_at, evaluated_at from analytics_alert_state
          where shop_id = ${shopId} and metric = ${metric}${lock ? sql` for update` : sql``}`,
    );
    return row ? { ...row, alerted_at: row.alerted_at ? new Date(row.alerted_at) : null, evaluated_at: new Date(row.evaluated_at) } : undefined;
  },

  async saveState(
    db: Executor,
    row: { shopId: string; metric: string; level: string; rateBp: number | null; projectedBp: number | null; alertedLevel: string; alertedAt: Date | null; evaluatedAt: Date },
  ) {
    await db.execute(sql`
      insert into analytics_alert_state (shop_id, metric, level, rate_bp, projected_bp, alerted_level, alerted_at, evaluated_at)
      values (${row.shopId}, ${row.metric}, ${row.level}, ${row.rateBp}, ${row.projectedBp}, ${row.alertedLevel}, ${row.alertedAt}, ${row.evaluatedAt})
      on conflict (shop_id, metric) do update set level = excluded.level, rate_bp = excluded.rate_bp, projected_bp = excluded.projected_bp,
        alerted_level = excluded.alerted_level, alerted_at = excluded.alerted_at, evaluated_at = excluded.evaluated_at`);
  },

  /** Shops with paid orders analytics has counted: the ones whose metrics are worth evaluating. */
  async activeShops(db: Executor): Promise<{ id: string; timezone: string }[]> {
    return queryRows(db, sql`select a.shop_id as id, a.timezone from analytics_shops a where not a.needs_rebuild order by a.shop_id`);
  },

  /** The shop's owners who can receive mail (enabled accounts). */
  async owners(db: Executor, shopId: string): Promise<{ email: string; name: string; locale: string }[]> {
    return queryRows(
      db,
      sql`select email, name, locale from staff_users where shop_id = ${shopId} and role = 'owner' and disabled_at is null order by created_at, id`,
    );
  },

  async shopName(db: Executor, shopId: string): Promise<string> {
    const [row] = await queryRows<{ name: string }>(db, sql`select name from shops where id = ${shopId}`);
    return row?.name ?? '';
  },

  /** The id of the event this transaction just published (uuidv7: the newest of its type), to link the e-mail to it. */
  async latestOutboxId(db: Executor, shopId: string, eventType: string): Promise<string> {
    const [row] = await queryRows<{ id: string }>(db, sql`select id from outbox where shop_id = ${shopId} and event_type = ${eventType} order by id desc limit 1`);
    return row!.id;
  },

  async insertMail(
    db: Executor,
    row: { shopId: string; outboxId: string; template: string; locale: string; to: string; subject: string; text: string; html: string; transport: 'smtp' | 'dev'; createdAt: Date },
  ) {
    await db.execute(sql`insert into mail_messages (shop_id, id, outbox_id, case_id, template, locale, to_address, subject, text, html, transport, status, attempts, next_attempt_at, created_at)
      values (${row.shopId}, ${uuidv7()}, ${row.outboxId}, null, ${row.template}, ${row.locale}, ${row.to}, ${row.subject}, ${row.text}, ${row.html}, ${row.transport}, 'pending', 0, ${row.createdAt}, ${row.createdAt})
      on conflict do nothing`);
  },
};
