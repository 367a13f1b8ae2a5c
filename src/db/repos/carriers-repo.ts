import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.js';
import { carrierEvents, returnCases, returnShipments, shipments } from '../schema/index.js';

export type ParcelRow = typeof returnShipments.$inferSelect;
export type CarrierEventRow = typeof carrierEvents.$inferSelect;

/** Carrier parcels and their scans (issue 17). */
export const carriersRepo = {
  /** The parcels with this tracking number, with the state of their cases. */
  async parcelsByTracking(db: Executor, shopId: string, trackingNumbers: string[]) {
    if (trackingNumbers.length === 0) return [];
    return db
      .select({ parcel: returnShipments, caseStatus: returnCases.status, caseType: returnCases.type, refundOnlyKind: returnCases.refundOnlyKind })
      .from(returnShipments)
      .innerJoin(returnCases, and(eq(returnCases.shopId, returnShipments.shopId), eq(returnCases.id, returnShipments.caseId)))
      .where(and(eq(returnShipments.shopId, shopId), inArray(returnShipments.trackingNumber, trackingNumbers)));
  },
  async parcelOfCase(db: Executor, shopId: string, caseId: string, trackingNumber: string) {
    return (
      await db
        .select()
        .from(returnShipments)
        .where(and(eq(returnShipments.shopId, shopId), eq(returnShipments.caseId, caseId), eq(returnShipments.trackingNumber, trackingNumber)))
        .limit(1)
    )[0];
  },
  async updateParcel(db: Executor, shopId: string, id: string, patch: Partial<typeof returnShipments.$inferInsert>) {
    await db.update(returnShipments).set(patch).where(and(eq(returnShipments.shopId, shopId), eq(returnShipments.id, id)));
  },
  /** Marks the parcel delivered and ready to receive, once (a later scan finds it done). */
  async markReceiptReady(db: Executor, shopId: string, id: string, deliveredAt: Date, now: Date): Promise<boolean> {
    const rows = await db
      .update(returnShipments)
      .set({ status: 'delivered', deliveredAt, receiptReadyAt: now })
      .where(and(eq(returnShipments.shopId, shopId), eq(returnShipments.id, id), isNull(returnShipments.receiptReadyAt)))
      .returning({ id: returnShipments.id });
    return rows.length > 0;
  },
  /** The scan keys already stored for a parcel: a repeated callback's scans are found here and skipped. */
  async knownScans(db: Executor, shopId: string, shipmentId: string): Promise<Set<string>> {
    const rows = await db
      .select({ occurredAt: carrierEvents.occurredAt, code: carrierEvents.code, description: carrierEvents.description })
      .from(carrierEvents)
      .where(and(eq(carrierEvents.shopId, shopId), eq(carrierEvents.shipmentId, shipmentId)));
    return new Set(rows.map((r) => scanKey(r)));
  },
  /** Stores scans; one already stored (a concurrent delivery of the same callback) is skipped. */
  async insertEvents(db: Executor, rows: (typeof carrierEvents.$inferInsert)[]): Promise<number> {
    if (rows.length === 0) return 0;
    const inserted = await db.insert(carrierEvents).values(rows).onConflictDoNothing().returning({ id: carrierEvents.id });
    return inserted.length;
  },
  async eventsOfCase(db: Executor, shopId: string, caseId: string): Promise<CarrierEventRow[]> {
    return db.select().from(carrierEvents).where(and(eq(carrierEvents.shopId, shopId), eq(carrierEvents.caseId, caseId))).orderBy(asc(carrierEvents.occurredAt), asc(carrierEvents.id));
  },
  async parcelsOfCase(db: Executor, shopId: string, caseId: string): Promise<ParcelRow[]> {
    return db.select().from(returnShipments).where(and(eq(returnShipments.shopId, shopId), eq(returnShipments.caseId, caseId))).orderBy(asc(returnShipments.createdAt));
  },
  /**
   * The tracking poller's claim: parcels on their way whose next poll is due, oldest due first,
   * across shops. One statement: the rows are locked FOR UPDATE SKIP LOCKED (another worker takes
   * the next ones) and their next poll moved to `nextAt`, which is also the lease — a worker that
   * dies mid-batch leaves them to the next round. Parcels of closed cases are taken off the poll
   * (next poll null) in the same statement and returned marked, so nothing asks for them.
   */
  async claimDuePolls(db: Executor, now: Date, nextAt: Date, batch: number): Promise<PollClaim[]> {
    const rows = await queryRows<{ shopId: string; id: string; caseId: string; connectionId: string; carrierCode: string; trackingNumber: string; caseClosed: boolean }>(
      db,
      sql`with due as (
            select s.shop_id, s.id, c.status in ('completed', 'cancelled', 'closed') as closed
            from return_shipments s
            join return_cases c on c.shop_id = s.shop_id and c.id = s.case_id
            where s.next_poll_at <= ${now.toISOString()}::timestamptz and s.status = 'in_transit'
              and s.connection_id is not null and s.carrier_code is not null
            order by s.next_poll_at
            limit ${batch}
            for update of s skip locked)
          update return_shipments s
          set next_poll_at = case when due.closed then null else ${nextAt.toISOString()}::timestamptz end
          from due
          where s.shop_id = due.shop_id and s.id = due.id
          returning s.shop_id as "shopId", s.id, s.case_id as "caseId", s.connection_id as "connectionId", s.carrier_code as "carrierCode",
            s.tracking_number as "trackingNumber", due.closed as "caseClosed"`,
    );
    return rows;
  },
  /**
   * The booked pickup a carrier's pickup-order callback is about: the connection's parcel with
   * that tracking number or that pickup order (Kuaidi100 taskId / orderId), with its case's state.
   */
  async parcelOfPickup(db: Executor, shopId: string, connectionId: string, ref: { trackingNumber: string | null; taskId: string | null; orderId: string | null }) {
    const matches = [
      ref.trackingNumber ? eq(returnShipments.trackingNumber, ref.trackingNumber) : undefined,
      ref.taskId ? sql`${returnShipments.externalRefs}->>'taskId' = ${ref.taskId}` : undefined,
      ref.orderId ? sql`${returnShipments.externalRefs}->>'orderId' = ${ref.orderId}` : undefined,
    ].filter((m) => m !== undefined);
    if (matches.length === 0) return undefined;
    return (
      await db
        .select({ parcel: returnShipments, caseStatus: returnCases.status })
        .from(returnShipments)
        .innerJoin(returnCases, and(eq(returnCases.shopId, returnShipments.shopId), eq(returnCases.id, returnShipments.caseId)))
        .where(and(eq(returnShipments.shopId, shopId), eq(returnShipments.connectionId, connectionId), isNotNull(returnShipments.pickup), or(...matches)))
        .orderBy(desc(returnShipments.createdAt))
        .limit(1)
    )[0];
  },
  /** The order's own parcels (the ones an interception stops), newest first. */
  async orderParcels(db: Executor, shopId: string, orderId: string) {
    return db
      .select({ carrier: shipments.carrier, trackingNumber: shipments.trackingNumber, status: shipments.status })
      .from(shipments)
      .where(and(eq(shipments.shopId, shopId), eq(shipments.orderId, orderId)))
      .orderBy(sql`${shipments.shippedAt} desc nulls last`);
  },
};

/** A parcel the tracking poller claimed: what it needs to ask the carrier, and whether its case has closed meanwhile. */
export interface PollClaim {
  shopId: string;
  id: string;
  caseId: string;
  connectionId: string;
  carrierCode: string;
  trackingNumber: string;
  caseClosed: boolean;
}

export const scanKey = (s: { occurredAt: Date; code: string; description: string }) => `${s.occurredAt.toISOString()}|${s.code}|${s.description}`;
