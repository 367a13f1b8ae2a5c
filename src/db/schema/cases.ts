import { sql } from 'drizzle-orm';
import { bigint, boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CaseStatus, CaseType, RefundOnlyKind, Resolution } from '../../domain/cases/model.js';
import type { RefundBreakdown, ShippingPayer } from '../../domain/refunds/compute.js';
import type { Fault, ItemCondition } from '../../domain/policy/schema.js';
import { at, createdAt, id, minor, shopId, updatedAt } from './columns.js';
import { customers } from './customers.js';
import { orderLines, orders } from './orders.js';
import { policies } from './policies.js';
import type { ReturnAddressSnapshot } from './return-addresses.js';
import { shops } from './shops.js';
import { returnGroups } from './return-groups.js';

export interface RiskReason {
  code: string;
  points: number;
  'zh-CN': string;
  en: string;
}

/** An after-sales case (售后单): one request about one order, with one or more items. */
/** What staff asked the buyer to show (photo of the label, video of the unboxing…) and by when. */
export interface EvidenceRequest {
  kinds: string[];
  note: string | null;
  requestedAt: string;
  dueAt: string;
  hours: number;
  /** Set when the buyer answered (or the deadline passed). */
  answeredAt: string | null;
  outcome: 'provided' | 'expired' | null;
}

export const returnCases = pgTable(
  'return_cases',
  {
    shopId: shopId().references(() => shops.id),
    id: id(),
    rmaNumber: text('rma_number').notNull(),
    orderId: uuid('order_id').notNull(),
    customerId: uuid('customer_id'),
    type: text('type').$type<CaseType>().notNull(),
    refundOnlyKind: text('refund_only_kind').$type<RefundOnlyKind>(),
    status: text('status').$type<CaseStatus>().notNull(),
    currency: text('currency').notNull(),
    refundMethod: text('refund_method').$type<'original' | 'store_credit'>().notNull(),
    /** How the goods come back: carrier pickup, drop-off point, the buyer's own shipment, or not at all. */
    returnMethod: text('return_method').$type<'pickup' | 'drop_off' | 'self_ship' | 'none'>().notNull(),
    fault: text('fault').$type<Fault>().notNull(),
    returnShippingPayer: text('return_shipping_payer').$type<ShippingPayer>().notNull(),
    policyId: uuid('policy_id').notNull(),
    policyVersion: integer('policy_version').notNull(),
    riskScore: integer('risk_score').notNull(),
    riskReasons: jsonb('risk_reasons').$type<RiskReason[]>().notNull(),
    needsReview: boolean('needs_review').notNull().default(false),
    /** The money as last computed (creation, approval, inspection): what console and portal show. */
    breakdown: jsonb('breakdown').$type<RefundBreakdown>().notNull(),
    /** An amount a person set below the computed refund (amended approval, accepted offer). */
    amountOverrideMinor: minor('amount_override_minor'),
    returnShippingClaimMinor: minor('return_shipping_claim_minor').notNull().default(0),
    offerFrom: text('offer_from').$type<CaseStatus>(),
    offerAmountMinor: minor('offer_amount_minor'),
    resolution: text('resolution').$type<Resolution>(),
    refundedEarly: boolean('refunded_early').notNull().default(false),
    refundedMinor: minor('refunded_minor').notNull().default(0),
    /** Exchanges: the top-up for a dearer replacement the buyer paid, as staff confirmed it (the due is `breakdown.buyerOwesMinor`). */
    buyerPaidMinor: minor('buyer_paid_minor').notNull().default(0),
    /** The last refund attempt failed: staff see why until a retry succeeds. */
    refundFailure: text('refund_failure'),
    rejectionReason: text('rejection_reason'),
    rejectionCode: text('rejection_code'),
    /** Evidence staff asked the buyer for (issue 19.7): what, why, and by when; kept after it is answered. */
    evidenceRequest: jsonb('evidence_request').$type<EvidenceRequest>(),
    buyerNote: text('buyer_note'),
    /** Where the goods go back: a copy of the shop's return address taken at approval. */
    returnAddress: jsonb('return_address').$type<ReturnAddressSnapshot>(),
    createdByKind: text('created_by_kind').$type<'buyer' | 'staff' | 'system' | 'platform'>().notNull(),
    createdById: uuid('created_by_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: at('closed_at'),
    /** One return across several orders: the group whose parcel carries this case's goods (return-groups.ts). */
    groupId: uuid('group_id'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('return_cases_rma_key').on(t.shopId, t.rmaNumber),
    index('return_cases_group_idx').on(t.shopId, t.groupId).where(sql`${t.groupId} is not null`),
    foreignKey({ columns: [t.shopId, t.groupId], foreignColumns: [returnGroups.shopId, returnGroups.id] }),
    index('return_cases_order_idx').on(t.shopId, t.orderId),
    index('return_cases_customer_idx').on(t.shopId, t.customerId),
    index('return_cases_status_idx').on(t.shopId, t.status, t.createdAt.desc(), t.id.desc()),
    index('return_cases_created_idx').on(t.shopId, t.createdAt.desc(), t.id.desc()),
    foreignKey({ columns: [t.shopId, t.orderId], foreignColumns: [orders.shopId, orders.id] }),
    foreignKey({ columns: [t.shopId, t.customerId], foreignColumns: [customers.shopId, customers.id] }),
    foreignKey({ columns: [t.shopId, t.policyId], foreignColumns: [policies.shopId, policies.id] }),
    check('return_cases_amounts_non_negative', sql`${t.refundedMinor} >= 0 and coalesce(${t.amountOverrideMinor}, 0) >= 0`),
  ],
);

/** One order line in a case: what the buyer declared, what arrived, what inspection accepted. */
export const returnItems = pgTable(
  'return_items',
  {
    shopId: shopId(),
    id: id(),
    caseId: uuid('case_id').notNull(),
    orderLineId: uuid('order_line_id').notNull(),
    quantity: integer('quantity').notNull(),
    reasonCode: text('reason_code').notNull(),
    condition: text('condition').$type<ItemCondition>().notNull(),
    buyerNote: text('buyer_note'),
    receivedQuantity: integer('received_quantity'),
    acceptedQuantity: integer('accepted_quantity'),
    defectiveQuantity: integer('defective_quantity'),
    grade: text('grade').$type<'A' | 'B' | 'C' | 'D'>(),
    disposition: text('disposition').$type<'restock' | 'refurbish' | 'scrap' | 'return_to_vendor'>(),
    inspectionNote: text('inspection_note'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('return_items_case_idx').on(t.shopId, t.caseId),
    index('return_items_line_idx').on(t.shopId, t.orderLineId),
    foreignKey({ columns: [t.shopId, t.caseId], foreignColumns: [returnCases.shopId, returnCases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.shopId, t.orderLineId], foreignColumns: [orderLines.shopId, orderLines.id] }),
    check('return_items_quantities', sql`${t.quantity} > 0 and coalesce(${t.acceptedQuantity}, 0) >= 0 and coalesce(${t.receivedQuantity}, 0) >= 0`),
  ],
);

/** Append-only audit of a case: every state change, decision, note and message. */
export const caseEvents = pgTable(
  'case_events',
  {
    shopId: shopId(),
    id: id(),
    caseId: uuid('case_id').notNull(),
    type: text('type').notNull(),
    action: text('action'),
    fromStatus: text('from_status').$type<CaseStatus>(),
    toStatus: text('to_status').$type<CaseStatus>(),
    actorKind: text('actor_kind').$type<'buyer' | 'staff' | 'system' | 'platform'>().notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    /** The policy or automation rule behind a system decision. */
    rule: text('rule'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('case_events_case_idx').on(t.shopId, t.caseId, t.createdAt, t.id),
    foreignKey({ columns: [t.shopId, t.caseId], foreignColumns: [returnCases.shopId, returnCases.id] }).onDelete('cascade'),
  ],
);

/** Messages between buyer and shop; internal notes are never shown to the buyer. */
export const caseMessages = pgTable(
  'case_messages',
  {
    shopId: shopId(),
    id: id(),
    caseId: uuid('case_id').notNull(),
    visibility: text('visibility').$type<'public' | 'internal'>().notNull(),
    authorKind: text('author_kind').$type<'buyer' | 'staff' | 'system' | 'platform'>().notNull(),
    authorId: uuid('author_id'),
    body: text('body').notNull(),
    evidenceIds: uuid('evidence_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('case_messages_case_idx').on(t.shopId, t.caseId, t.createdAt),
    foreignKey({ columns: [t.shopId, t.caseId], foreignColumns: [returnCases.shopId, returnCases.id] }).onDelete('cascade'),
  ],
);

/** Photos and videos, stored content-addressed (sha256) behind the storage interface. */
export const evidence = pgTable(
  'evidence',
  {
    shopId: shopId(),
    id: id(),
    caseId: uuid('case_id').notNull(),
    returnItemId: uuid('return_item_id'),
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    originalName: text('original_name'),
    /** Who supplied it: the buyer's claim, or the warehouse's inspection. */
    purpose: text('purpose').$type<'claim' | 'inspection' | 'message'>().notNull(),
    uploadedByKind: text('uploaded_by_kind').$type<'buyer' | 'staff' | 'system' | 'platform'>().notNull(),
    uploadedById: uuid('uploaded_by_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('evidence_case_hash_key').on(t.shopId, t.caseId, t.sha256),
    foreignKey({ columns: [t.shopId, t.caseId], foreignColumns: [returnCases.shopId, returnCases.id] }).onDelete('cascade'),
  ],
);

export interface ParcelPickup {
  windowStart: string;
  windowEnd: string;
  address: { name: string; phone: string; line: string; city?: string; province?: string; postalCode?: string; country?: string };
  confirmation: string | null;
  /** Where the booked pickup stands, as the carrier's pickup-order callbacks report it (Kuaidi100 商家寄件). */
  status?: 'submitted' | 'accepted' | 'courier_assigned' | 'picked_up' | 'cancelled' | 'failed';
  /** The carrier's own code for that status. */
  code?: string;
  courier?: { name: string | null; phone: string | null } | null;
  updatedAt?: string;
}

/** Parcels of a case: the return on its way back, or a replacement going out. */
export const returnShipments = pgTable(
  'return_shipments',
  {
    shopId: shopId(),
    id: id(),
    caseId: uuid('case_id').notNull(),
    /** `outbound`: the order's own parcel, followed while the carrier intercepts it (issue 17). */
    direction: text('direction').$type<'return' | 'replacement' | 'outbound'>().notNull(),
    carrier: text('carrier').notNull(),
    trackingNumber: text('tracking_number').notNull(),
    status: text('status').$type<'in_transit' | 'delivered' | 'lost' | 'cancelled'>().notNull(),
    shippedAt: at('shipped_at'),
    deliveredAt: at('delivered_at'),
    createdAt: createdAt(),
    // Issue 17 (carriers): the carrier connection that books and tracks the parcel, and what it gave back.
    connectionId: uuid('connection_id'),
    /** The carrier's code for it (Kuaidi100 `com`, EasyPost carrier). */
    carrierCode: text('carrier_code'),
    /** The carrier's own ids: EasyPost shipment and tracker, Kuaidi100 pickup order (taskId). */
    externalRefs: jsonb('external_refs').$type<Record<string, string>>(),
    labelUrl: text('label_url'),
    /** A code the drop-off station scans instead of a printed label (EasyPost QR). */
    dropOffCode: text('drop_off_code'),
    /** A booked courier pickup: the window and the address the courier comes to. */
    pickup: jsonb('pickup').$type<ParcelPickup>(),
    /** Outbound parcels: `requested` through the carrier's API, `manual` (asked by phone), then `succeeded` or `failed`. */
    interception: text('interception').$type<'requested' | 'manual' | 'succeeded' | 'failed'>(),
    /** The last carrier-neutral tracking status (domain/carriers/tracking.ts) and when it was scanned. */
    trackingStatus: text('tracking_status'),
    trackingAt: at('tracking_at'),
    /** Delivered to the shop's return address by the carrier: the warehouse queue shows it ready to receive. */
    receiptReadyAt: at('receipt_ready_at'),
    /**
     * When the tracking poller next asks the carrier (real-time query) about this parcel, for
     * carriers whose callbacks were never configured or went missing; null: not polled (no
     * connection, or the parcel arrived, was lost or its interception settled).
     */
    nextPollAt: at('next_poll_at'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('return_shipments_tracking_idx').on(t.shopId, t.trackingNumber),
    index('return_shipments_poll_idx').on(t.nextPollAt).where(sql`${t.nextPollAt} is not null`),
    index('return_shipments_case_idx').on(t.shopId, t.caseId),
    foreignKey({ columns: [t.shopId, t.caseId], foreignColumns: [returnCases.shopId, returnCases.id] }).onDelete('cascade'),
  ],
);

/** Replacement goods of an exchange or a reship. */
export const exchanges = pgTable(
  'exchanges',
  {
    shopId: shopId(),
    id: id(),
    caseId: uuid('case_id').notNull(),
    returnItemId: uuid('return_item_id'),
    variantId: uuid('variant_id').notNull(),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: minor('unit_price_minor').notNull(),
    /** Replacement − returned goods: positive is owed by the buyer (or absorbed), negative is refunded. */
    priceDifferenceMinor: minor('price_difference_minor').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('exchanges_case_idx').on(t.shopId, t.caseId),
    foreignKey({ columns: [t.shopId, t.caseId], foreignColumns: [returnCases.shopId, returnCases.id] }).onDelete('cascade'),
    check('exchanges_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

