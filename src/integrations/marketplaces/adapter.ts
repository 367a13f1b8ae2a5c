import type { Platform } from '../../domain/marketplaces/mapping.js';

/**
 * One after-sales record of a marketplace, as every adapter hands it over (issue 17): the codes
 * the domain maps (domain/marketplaces/mapping.ts), the order line it is about, the money and the
 * platform's own deadline for the current step. Money is integer fen.
 */
export interface MarketplaceRecord {
  externalId: string;
  orderExternalId: string;
  lineExternalId: string;
  /** The code looked up in the platform's status table (JD prefixes `refund:` / `service:`). */
  statusCode: string;
  /** The code looked up in the platform's type table. */
  typeCode: string;
  createdAt: Date;
  modifiedAt: Date;
  /** The platform's deadline for the current step, when it gives one. */
  deadlineAt: Date | null;
  buyer: { externalId: string; name?: string };
  /** `deliveredAt`: when the platform says the buyer has the goods (the refund is computed as for delivered goods). */
  order: { placedAt: Date; paidAt?: Date; shippedAt?: Date | null; deliveredAt?: Date | null };
  /** The order line as bought. */
  /** The order line as bought: `paidMinor` is what the buyer paid for all its units after discounts. */
  item: { sku: string; title: string; quantity: number; unitPriceMinor: number; paidMinor: number };
  /** Units the buyer asks about (1 when the platform does not say). */
  returnQuantity: number;
  refundMinor: number;
  reason: string | null;
  description: string | null;
  /** Photo links the buyer attached on the platform. */
  evidence: string[];
  /** The platform paid before the goods came back (PDD speed_refund_status 3, Taobao advance_status 2). */
  fastRefund: boolean;
  /** The return parcel, when the buyer entered it on the platform. */
  returnShipment: { carrier: string | null; trackingNumber: string } | null;
  /** What a push needs to name the record again (Taobao refund_version and refund_phase, …). */
  handle: Record<string, unknown>;
}

/** Retour's decisions, as the platforms' own actions. */
export type MarketplaceDecision =
  | { action: 'agree_refund'; amountMinor: number }
  | { action: 'agree_return'; address: { name: string; phone: string; address: string; postalCode?: string | null } }
  | { action: 'refuse'; reason: string }
  | { action: 'confirm_receipt'; amountMinor: number };

/** The record a decision is about, as Retour keeps it. */
export interface RecordHandle {
  externalId: string;
  orderExternalId: string;
  handle: Record<string, unknown>;
}

/** Incremental pull by modified time: the window start; a run walks pages up to "now". */
export interface MarketplaceCursor {
  modifiedFrom: string;
  /** A run cut short (page limit) resumes this window at this page. */
  windowEnd?: string;
  page?: number;
}

export interface PulledPage {
  records: MarketplaceRecord[];
  /** Records the adapter could not read, by the platform's id. */
  errors: { externalId: string | null; message: string }[];
  hasNext: boolean;
}

/** One marketplace behind one interface: pull pages of after-sales records changed in a window, push decisions. */
export interface MarketplaceAdapter {
  platform: Platform;
  pullPage(window: { from: Date; to: Date }, page: number, pageSize: number): Promise<PulledPage>;
  push(record: RecordHandle, decision: MarketplaceDecision): Promise<void>;
}

/** The platform refused the credentials (expired or revoked token): the connection needs new ones. */
export class MarketplaceAuthError extends Error {
  readonly code = 'marketplace.token_expired';
}

/** The platform refused a request (a business error): retrying it as it is cannot help. */
export class MarketplaceRefusal extends Error {
  constructor(
    readonly platformCode: string,
    message: string,
  ) {
    super(message);
  }
}
