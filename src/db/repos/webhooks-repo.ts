import { and, asc, desc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { pgArrayLiteral as pgTextArray } from '../bulk.js';
import { queryRows, type Executor } from '../client.js';
import { webhookDeliveries, webhookEndpoints } from '../schema/index.js';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
/** What an attempt leaves of a delivery. */
export type DeliveryOutcome = Pick<DeliveryRow, 'shopId' | 'id' | 'status' | 'attempts' | 'lastAttemptAt' | 'lastStatusCode' | 'deliveredAt' | 'nextAttemptAt' | 'lastError'>;

export const webhooksRepo = {
  async insertEndpoint(db: Executor, row: typeof webhookEndpoints.$inferInsert): Promise<EndpointRow> {
    return (await db.insert(webhookEndpoints).values(row).returning())[0]!;
  },
  async listEndpoints(db: Executor, shopId: string): Promise<EndpointRow[]> {
    return db.select().from(webhookEndpoints).where(eq(webhookEndpoints.shopId, shopId)).orderBy(asc(webhookEndpoints.createdAt));
  },
  async endpoint(db: Executor, shopId: string, id: string): Promise<EndpointRow | undefined> {
    return (await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.shopId, shopId), eq(webhookEndpoints.id, id))))[0];
  },
  async updateEndpoint(db: Executor, shopId: string, id: string, set: Partial<typeof webhookEndpoints.$inferInsert>): Promise<EndpointRow | undefined> {
    return (await db.update(webhookEndpoints).set(set).where(and(eq(webhookEndpoints.shopId, shopId), eq(webhookEndpoints.id, id))).returning())[0];
  },
  async deleteEndpoint(db: Executor, shopId: string, id: string): Promise<boolean> {
    return (await db.delete(webhookEndpoints).where(and(eq(webhookEndpoints.shopId, shopId), eq(webhookEndpoints.id, id))).returning({ id: webhookEndpoints.id })).length > 0;
  },
  /** Enabled endpoints of these shops that take this event type (or every type, `*`). */
  async subscribers(db: Executor, shopIds: string[]): Promise<EndpointRow[]> {
    if (shopIds.length === 0) return [];
    return db
      .select()
      .from(webhookEndpoints)
      .where(and(inArray(webhookEndpoints.shopId, shopIds), eq(webhookEndpoints.enabled, true)));
  },

  /** One delivery per (event, endpoint): a second dispatch of the same event adds nothing. */
  async insertDeliveries(db: Executor, rows: (typeof webhookDeliveries.$inferInsert)[]) {
    if (rows.length > 0) await db.insert(webhookDeliveries).values(rows).onConflictDoNothing();
  },
  /**
   * Claims the oldest deliveries whose time has come in one statement: locked with SKIP LOCKED
   * (another sender skips them) and leased, their next attempt moved to `leaseUntil`; oldest event first.
   */
  async claimDue(db: Executor, now: Date, limit: number, leaseUntil: Date): Promise<DeliveryRow[]> {
    const due = db
      .select({ shopId: webhookDeliveries.shopId, id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    const claimed = await db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: leaseUntil })
      .where(sql`(${webhookDeliveries.shopId}, ${webhookDeliveries.id}) in (${due})`)
      .returning();
    // RETURNING has no order: sent in the order their events happened (outbox ids are UUIDv7, time-ordered).
    return claimed.sort((a, b) => (a.outboxId === b.outboxId ? a.endpointId.localeCompare(b.endpointId) : a.outboxId < b.outboxId ? -1 : 1));
  },
  /** The endpoints of these deliveries, in one read. */
  async endpointsOf(db: Executor, deliveries: Pick<DeliveryRow, 'shopId' | 'endpointId'>[]): Promise<EndpointRow[]> {
    if (deliveries.length === 0) return [];
    const shopIds = [...new Set(deliveries.map((d) => d.shopId))];
    const ids = [...new Set(deliveries.map((d) => d.endpointId))];
    return db
      .select()
      .from(webhookEndpoints)
      .where(and(inArray(webhookEndpoints.shopId, shopIds), inArray(webhookEndpoints.id, ids)));
  },
  /** The outcomes of a batch of attempts, each delivery's columns as its attempt left them, in one statement. */
  async recordAttempts(db: Executor, outcomes: DeliveryOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    await db.execute(sql`update webhook_deliveries d
      set status = o.status, attempts = o.attempts, last_attempt_at = o.last_attempt_at, last_status_code = o.last_status_code,
          delivered_at = o.delivered_at, next_attempt_at = o.next_attempt_at, last_error = o.last_error
      from jsonb_to_recordset(${JSON.stringify(
        outcomes.map((o) => ({
          shop_id: o.shopId,
          id: o.id,
          status: o.status,
          attempts: o.attempts,
          last_attempt_at: o.lastAttemptAt,
          last_status_code: o.lastStatusCode,
          delivered_at: o.deliveredAt,
          next_attempt_at: o.nextAttemptAt,
          last_error: o.lastError,
        })),
      )}::jsonb) as o(shop_id uuid, id uuid, status text, attempts int, last_attempt_at timestamptz, last_status_code int, delivered_at timestamptz, next_attempt_at timestamptz, last_error text)
      where d.shop_id = o.shop_id and d.id = o.id
        -- A delivery its endpoint's 410 Gone killed meanwhile stays dead, unless this attempt delivered it.
        and (d.status = 'pending' or o.status = 'delivered')`);
  },
  async updateDelivery(db: Executor, d: Pick<DeliveryRow, 'shopId' | 'id'>, set: Partial<typeof webhookDeliveries.$inferInsert>): Promise<DeliveryRow | undefined> {
    return (await db.update(webhookDeliveries).set(set).where(and(eq(webhookDeliveries.shopId, d.shopId), eq(webhookDeliveries.id, d.id))).returning())[0];
  },
  async delivery(db: Executor, shopId: string, id: string): Promise<DeliveryRow | undefined> {
    return (await db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.shopId, shopId), eq(webhookDeliveries.id, id))))[0];
  },
  /** Newest first; the cursor is the last row's (createdAt, id). */
  async deliveries(
    db: Executor,
    shopId: string,
    endpointId: string,
    filter: { status?: DeliveryRow['status']; eventType?: string },
    cursor: { createdAt: Date; id: string } | undefined,
    limit: number,
  ): Promise<DeliveryRow[]> {
    return db
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.shopId, shopId),
          eq(webhookDeliveries.endpointId, endpointId),
          filter.status ? eq(webhookDeliveries.status, filter.status) : undefined,
          filter.eventType ? eq(webhookDeliveries.eventType, filter.eventType) : undefined,
          cursor
            ? or(lt(webhookDeliveries.createdAt, cursor.createdAt), and(eq(webhookDeliveries.createdAt, cursor.createdAt), lt(webhookDeliveries.id, cursor.id)))
            : undefined,
        ),
      )
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(limit);
  },
  /** Pending deliveries of a disabled endpoint are given up (they stay replayable). */
  async killPending(db: Executor, shopId: string, endpointId: string, reason: string, now: Date) {
    await db
      .update(webhookDeliveries)
      .set({ status: 'dead', lastError: reason, nextAttemptAt: null, lastAttemptAt: now })
      .where(and(eq(webhookDeliveries.shopId, shopId), eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, 'pending')));
  },
  /**
   * Replay since a time: every event of the shop since then that the endpoint takes is (re)queued,
   * keeping its delivery id (the `webhook-id` a receiver deduplicates on), and created for events
   * that happened before the endpoint existed or subscribed.
   */
  async requeueSince(db: Executor, endpoint: EndpointRow, since: Date, now: Date): Promise<number> {
    const types = endpoint.eventTypes.includes('*') ? null : endpoint.eventTypes;
    const rows = await queryRows<{ id: string }>(
      db,
      sql`
      insert into webhook_deliveries (shop_id, id, endpoint_id, outbox_id, event_type, payload, status, attempts, next_attempt_at, created_at)
      select o.shop_id, gen_random_uuid(), ${endpoint.id}::uuid, o.id, o.event_type, o.payload, 'pending', 0, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      from outbox o
      where o.shop_id = ${endpoint.shopId} and o.created_at >= ${since.toISOString()}::timestamptz
        and (${types === null} or o.event_type = any(${pgTextArray(types ?? [], 'text')}::text[]))
      on conflict (shop_id, outbox_id, endpoint_id) do update set status = 'pending', attempts = 0, next_attempt_at = excluded.next_attempt_at
      returning id`,
    );
    return rows.length;
  },
};
