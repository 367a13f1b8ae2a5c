import { foreignKey, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, shopId } from './columns.js';
import { returnCases } from './cases.js';

/**
 * Scans a carrier reported for a case's parcel (issue 17): one row per distinct scan, whatever
 * the carrier, so a repeated callback (Kuaidi100 re-pushes the whole trace, EasyPost retries)
 * writes nothing twice and moves the case once. The console shows them on the case's timeline.
 */
export const carrierEvents = pgTable(
  'carrier_events',
  {
    shopId: shopId(),
    id: id(),
    caseId: uuid('case_id').notNull(),
    shipmentId: uuid('shipment_id').notNull(),
    carrier: text('carrier').notNull(),
    trackingNumber: text('tracking_number').notNull(),
    /** Carrier-neutral (domain/carriers/tracking.ts). */
    status: text('status').notNull(),
    /** The carrier's own code (Kuaidi100 state, EasyPost status/status_detail). */
    code: text('code').notNull(),
    description: text('description').notNull().default(''),
    location: text('location'),
    occurredAt: at('occurred_at').notNull(),
    /** What the case did with it (`mark_shipped`, `receipt_ready`, `review`, …); empty when nothing. */
    effects: jsonb('effects').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('carrier_events_scan_key').on(t.shopId, t.shipmentId, t.occurredAt, t.code, t.description),
    index('carrier_events_case_idx').on(t.shopId, t.caseId, t.occurredAt),
    foreignKey({ columns: [t.shopId, t.caseId], foreignColumns: [returnCases.shopId, returnCases.id] }).onDelete('cascade'),
  ],
);
