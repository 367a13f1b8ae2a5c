import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
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
  /** The order's own parcels (the ones an interception stops), newest first. */
  async orderParcels(db: Executor, shopId: string, orderId: string) {
    return db
      .select({ carrier: shipments.carrier, trackingNumber: shipments.trackingNumber, status: shipments.status })
      .from(shipments)
      .where(and(eq(shipments.shopId, shopId), eq(shipments.orderId, orderId)))
      .orderBy(sql`${shipments.shippedAt} desc nulls last`);
  },
};

export const scanKey = (s: { occurredAt: Date; code: string; description: string }) => `${s.occurredAt.toISOString()}|${s.code}|${s.description}`;
