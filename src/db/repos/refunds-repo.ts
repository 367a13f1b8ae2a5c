import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../client.js';
import { batchOf, type WriteBatch } from '../write-batch.js';
import { refundLines, refunds, simulatedPayouts, storeCreditLedger, type RefundStatus } from '../schema/index.js';

export type RefundRow = typeof refunds.$inferSelect;
export type NewRefund = typeof refunds.$inferInsert;

/** Refunds that count against what an order can still give back: paid, or on their way. */
const LIVE: RefundStatus[] = ['pending', 'succeeded'];

export const refundsRepo = {
  /** Writes a refund and its lines (batched in a batched transaction); the row as stored. */
  async insert(db: Executor, refund: NewRefund, lines: { orderLineId: string; quantity: number; amountMinor: number }[]): Promise<RefundRow> {
    const row: RefundRow = {
      bonusMinor: 0,
      providerRef: null,
      attempts: 0,
      lastError: null,
      nextAttemptAt: null,
      settledAt: null,
      ...refund,
      connectionId: refund.connectionId ?? null,
      id: refund.id ?? uuidv7(),
      createdAt: refund.createdAt ?? new Date(),
      updatedAt: refund.updatedAt ?? refund.createdAt ?? new Date(),
    };
    const lineRows = lines.map((l) => ({ shopId: refund.shopId, id: uuidv7(), refundId: row.id, ...l }));
    const batch = batchOf(db);
    if (batch) {
      batch.insert(refunds, row);
      for (const l of lineRows) batch.insert(refundLines, l);
    } else {
      await db.insert(refunds).values(row);
      if (lineRows.length > 0) await db.insert(refundLines).values(lineRows);
    }
    return row;
  },

  async findById(db: Executor, shopId: string, id: string): Promise<RefundRow | undefined> {
    return (await db.select().from(refunds).where(and(eq(refunds.shopId, shopId), eq(refunds.id, id))).limit(1))[0];
  },

  async findByIdForUpdate(db: Executor, shopId: string, id: string): Promise<RefundRow | undefined> {
    return (await db.select().from(refunds).where(and(eq(refunds.shopId, shopId), eq(refunds.id, id))).limit(1).for('update'))[0];
  },

  /** A payment connection's refund by the provider's id for it (webhooks that do not echo Retour's id). */
  async findByConnectionRef(db: Executor, shopId: string, connectionId: string, providerRef: string): Promise<RefundRow | undefined> {
    return (
      await db
        .select()
        .from(refunds)
        .where(and(eq(refunds.shopId, shopId), eq(refunds.connectionId, connectionId), eq(refunds.providerRef, providerRef)))
        .limit(1)
    )[0];
  },

  async ofCase(db: Executor, shopId: string, caseId: string): Promise<RefundRow[]> {
    return db.select().from(refunds).where(and(eq(refunds.shopId, shopId), eq(refunds.caseId, caseId))).orderBy(asc(refunds.createdAt), asc(refunds.id));
  },

  /** What the order has given back so far (paid or on its way), and how much of it was shipping. */
  async orderTotals(db: Executor, shopId: string, orderId: string): Promise<{ refundedMinor: number; shippingRefundedMinor: number }> {
    const [row] = await db
      .select({
        refundedMinor: sql<number>`coalesce(sum(${refunds.amountMinor}), 0)::bigint`,
        shippingRefundedMinor: sql<number>`coalesce(sum(${refunds.shippingMinor}), 0)::bigint`,
      })
      .from(refunds)
      .where(and(eq(refunds.shopId, shopId), eq(refunds.orderId, orderId), inArray(refunds.status, LIVE)));
    return { refundedMinor: Number(row?.refundedMinor ?? 0), shippingRefundedMinor: Number(row?.shippingRefundedMinor ?? 0) };
  },

  /** Per order line: units and money refunded so far (paid or on their way). */
  async lineTotals(db: Executor, shopId: string, orderId: string): Promise<Map<string, { quantity: number; amountMinor: number }>> {
    const rows = await db
      .select({
        lineId: refundLines.orderLineId,
        quantity: sql<number>`sum(${refundLines.quantity})::int`,
        amountMinor: sql<number>`sum(${refundLines.amountMinor})::bigint`,
      })
      .from(refundLines)
      .innerJoin(refunds, and(eq(refunds.shopId, refundLines.shopId), eq(refunds.id, refundLines.refundId)))
      .where(and(eq(refunds.shopId, shopId), eq(refunds.orderId, orderId), inArray(refunds.status, LIVE)))
      .groupBy(refundLines.orderLineId);
    return new Map(rows.map((r) => [r.lineId, { quantity: r.quantity, amountMinor: Number(r.amountMinor) }]));
  },

  /** Moves a pending refund to its outcome; false when it was settled already (a concurrent or repeated settle). */
  async settle(db: Executor, shopId: string, id: string, patch: Partial<NewRefund>): Promise<RefundRow | undefined> {
    return (
      await db
        .update(refunds)
        .set({ ...patch, updatedAt: new Date() })
        .where(and(eq(refunds.shopId, shopId), eq(refunds.id, id), eq(refunds.status, 'pending')))
        .returning()
    )[0];
  },

  /**
   * `settle` in a batch (WriteBatch.guard): applies only while the refund is still pending at the
   * attempt count read, and the batch's write fails otherwise. The row as it will be.
   */
  settleGuarded(db: Executor, batch: WriteBatch, current: RefundRow, patch: Partial<NewRefund>, now: Date): RefundRow {
    batch.guard(
      db
        .update(refunds)
        .set({ ...patch, updatedAt: now })
        .where(and(eq(refunds.shopId, current.shopId), eq(refunds.id, current.id), eq(refunds.status, 'pending'), eq(refunds.attempts, current.attempts)))
        .returning({ one: sql`1` }),
    );
    return { ...current, ...(Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<RefundRow>), updatedAt: now };
  },

  /** A refund with every refund of its case (itself included), in one statement. */
  async withSiblings(db: Executor, shopId: string, id: string, options: { lock: boolean }): Promise<{ refund: RefundRow | undefined; ofCase: RefundRow[] }> {
    const query = db
      .select()
      .from(refunds)
      .where(and(eq(refunds.shopId, shopId), sql`${refunds.caseId} = (select r.case_id from refunds r where r.shop_id = ${shopId} and r.id = ${id})`))
      .orderBy(asc(refunds.createdAt), asc(refunds.id));
    const ofCase = options.lock ? await query.for('update') : await query;
    return { refund: ofCase.find((r) => r.id === id), ofCase };
  },

  /**
   * Renews a provider call's lease, only if the row is still pending and its next attempt is still
   * the one this call saw (no other process has claimed it since): true when renewed.
   */
  async renewCallLease(db: Executor, shopId: string, id: string, seen: Date | null, lease: Date): Promise<boolean> {
    const rows = await db
      .update(refunds)
      .set({ nextAttemptAt: lease, updatedAt: new Date() })
      .where(and(eq(refunds.shopId, shopId), eq(refunds.id, id), eq(refunds.status, 'pending'), seen ? eq(refunds.nextAttemptAt, seen) : isNull(refunds.nextAttemptAt)))
      .returning({ id: refunds.id });
    return rows.length === 1;
  },

  /** Pending refunds whose next attempt is due, oldest first, claimed so two workers never take the same one. */
  async claimDue(db: Executor, now: Date, limit: number): Promise<RefundRow[]> {
    return db
      .select()
      .from(refunds)
      .where(and(eq(refunds.status, 'pending'), lte(refunds.nextAttemptAt, now)))
      .orderBy(asc(refunds.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
  },

  /** Batched in a batched transaction. */
  async creditStore(db: Executor, rows: (typeof storeCreditLedger.$inferInsert)[]) {
    if (!rows.length) return;
    const write = db.insert(storeCreditLedger).values(rows).onConflictDoNothing();
    const batch = batchOf(db);
    if (batch) batch.add(write, storeCreditLedger);
    else await write;
  },

  async storeCreditBalance(db: Executor, shopId: string, customerId: string): Promise<number> {
    const [row] = await db
      .select({ balance: sql<number>`coalesce(sum(${storeCreditLedger.amountMinor}), 0)::bigint` })
      .from(storeCreditLedger)
      .where(and(eq(storeCreditLedger.shopId, shopId), eq(storeCreditLedger.customerId, customerId)));
    return Number(row?.balance ?? 0);
  },

  /** The simulated provider's own idempotency: one payout per key, however often it is called. */
  async recordSimulatedPayout(db: Executor, row: typeof simulatedPayouts.$inferInsert): Promise<{ providerRef: string; calls: number }> {
    const [out] = await db
      .insert(simulatedPayouts)
      .values(row)
      .onConflictDoUpdate({ target: [simulatedPayouts.shopId, simulatedPayouts.idempotencyKey], set: { calls: sql`${simulatedPayouts.calls} + 1` } })
      .returning({ providerRef: simulatedPayouts.providerRef, calls: simulatedPayouts.calls });
    return out!;
  },
};
