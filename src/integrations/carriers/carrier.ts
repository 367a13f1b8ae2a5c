import type { PickupStatus } from '../../domain/carriers/pickup.js';
import type { TrackingStatus } from '../../domain/carriers/tracking.js';

/**
 * One carrier network behind one interface (issue 17 point 5): Kuaidi100 for Chinese carriers,
 * EasyPost elsewhere. A network says what it can do (`capabilities`); what it cannot, Retour does
 * by hand (the buyer types the tracking number, staff record an interception the carrier
 * confirmed by phone).
 */
export interface ParcelAddress {
  name: string;
  phone: string;
  /** The full address as one line (省市区 + street for Chinese carriers). */
  line: string;
  city?: string;
  province?: string;
  postalCode?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
}

export interface CarrierCapabilities {
  /** A courier collects the parcel at the buyer's address in a booked window. */
  pickup: boolean;
  /** A code the drop-off station scans instead of a printed label. */
  dropOffCode: boolean;
  /** A printable prepaid return label. */
  labels: boolean;
  /** The carrier stops a parcel on its way and brings it back (拦截). */
  interception: boolean;
}

/** One scan, carrier-neutral. */
export interface TrackingUpdate {
  carrierCode: string;
  trackingNumber: string;
  status: TrackingStatus;
  /** The carrier's own code for it. */
  code: string;
  description: string;
  location: string | null;
  occurredAt: Date;
}

export interface ReturnBooking {
  method: 'pickup' | 'drop_off' | 'label';
  carrierCode?: string;
  /** The buyer: where the courier comes, or who sends. */
  from: ParcelAddress;
  /** The shop's return address. */
  to: ParcelAddress;
  window?: { start: Date; end: Date };
  /** The RMA number: printed on the label, given to the carrier as the order reference. */
  reference: string;
  weightGrams: number;
  /** Where the carrier reports the parcel's scans (Kuaidi100 pickups carry their own callback). */
  callbackUrl: string;
}

export interface BookedReturn {
  carrierCode: string;
  trackingNumber: string;
  labelUrl: string | null;
  dropOffCode: string | null;
  pickupConfirmation: string | null;
  refs: Record<string, string>;
}

export interface InterceptionRequest {
  carrierCode: string;
  trackingNumber: string;
  reason: string;
  /** Where the carrier sends the parcel back (the shop's return address). */
  returnTo: ParcelAddress;
  reference: string;
  callbackUrl: string;
}

/** What a carrier's pickup-order callback reports about a booked pickup (Kuaidi100 商家寄件). */
export interface PickupUpdate {
  /** The carrier's pickup order (Kuaidi100 taskId / orderId) and, once known, the parcel's number. */
  taskId: string | null;
  orderId: string | null;
  trackingNumber: string | null;
  carrierCode: string | null;
  /** Null: a report that says nothing about the pickup itself (weights, fees). */
  status: PickupStatus | null;
  code: string;
  message: string;
  courier: { name: string | null; phone: string | null } | null;
}

export interface WebhookDelivery {
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

export interface Carrier {
  network: 'kuaidi100' | 'easypost';
  capabilities: CarrierCapabilities;
  /** Carrier codes the number may belong to, likeliest first. */
  detectCarrier(trackingNumber: string): Promise<string[]>;
  /** The parcel's scans now (real-time query). */
  track(carrierCode: string, trackingNumber: string): Promise<TrackingUpdate[]>;
  /** Asks the network to report the parcel's scans to `callbackUrl` (or the account's webhook). */
  subscribe(carrierCode: string, trackingNumber: string, callbackUrl: string): Promise<Record<string, string>>;
  bookReturn(booking: ReturnBooking): Promise<BookedReturn>;
  intercept?(request: InterceptionRequest): Promise<{ ref: string | null }>;
  /**
   * The scans a webhook delivery reports, after its signature was checked with the connection's
   * secret; rejects with CarrierSignatureError when it does not match. Async: EasyPost's check loads its SDK.
   */
  readWebhook(delivery: WebhookDelivery): Promise<TrackingUpdate[]>;
  /**
   * A pickup-order callback (status of a booked pickup), after its signature was checked; null
   * when the delivery is not one (it is a tracking callback). Networks without pickup callbacks
   * leave it out.
   */
  readPickupWebhook?(delivery: WebhookDelivery): PickupUpdate | null;
  /** What the network expects as the answer to a webhook it delivered. */
  webhookAnswer: { contentType: string; body: string };
}

export class CarrierSignatureError extends Error {}

/** A carrier refused or failed a call: the message is the carrier's own. */
export class CarrierError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}
