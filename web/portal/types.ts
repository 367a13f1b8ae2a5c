/** The shapes /portal/v1 answers with (src/services/portal/*). */
export interface Localized {
  'zh-CN': string;
  en: string;
}

export interface ShopBrand {
  slug: string;
  name: string;
  logoUrl: string | null;
  locales: string[];
  defaultLocale: string;
  currency: string;
  timezone: string;
}

export interface Session {
  token: string;
  expiresAt: string;
  orderNumber: string;
  shop: ShopBrand;
}

export interface ExchangeOption {
  sku: string;
  title: string;
  attributes: Record<string, string>;
  priceMinor: number;
  inStock: number;
  /** The variant the buyer has (a defective item replaced by a new one). */
  same?: boolean;
}

export interface OrderLine {
  lineId: string;
  lineNo: number;
  sku: string;
  title: string;
  attributes: Record<string, string>;
  quantity: number;
  unitPriceMinor: number;
  paidMinor: number;
  returnableQuantity: number;
  eligible: boolean;
  rule: string;
  explanation: Localized;
  noReasonUntil: string | null;
  sellerFaultUntil: string | null;
  restriction: Localized | null;
  allowedCaseTypes: string[];
  allowedReasons: string[];
  evidenceRequiredFor: string[];
  noReturnNeeded: boolean;
  exchangeOptions: ExchangeOption[];
}

export interface Reason {
  code: string;
  label: Localized;
  fault: 'seller' | 'buyer' | 'carrier';
  evidenceRequired: boolean;
  caseTypes: string[] | null;
}

export interface ReturnSummary {
  id: string;
  rmaNumber: string;
  status: string;
  type: string;
  createdAt: string;
}

export interface OrderView {
  shop: ShopBrand;
  order: { number: string; currency: string; status: string; placedAt: string; deliveredAt: string | null; shippedAt: string | null; totalMinor: number };
  policy: { refundMethods: ('original' | 'store_credit')[]; storeCreditBonusBp: number; exchangesEnabled: boolean; exchangePriceIncrease: 'buyer_pays' | 'shop_absorbs' };
  /** Loop-style: an exchange or store credit is offered before a refund (issue 19 §3). */
  exchangeFirst?: { enabled: boolean; exchange: boolean; storeCredit: boolean; storeCreditBonusBp: number };
  uploadLimitBytes: number;
  reasons: Reason[];
  lines: OrderLine[];
  returns: ReturnSummary[];
}

export type Resolution = 'refund' | 'store_credit' | 'exchange';
export type ReturnMethod = 'pickup' | 'drop_off' | 'none';

/** Per line: money back, or a replacement (one request may mix both). */
export type LineResolution = 'refund' | 'exchange';

export interface ReturnRequest {
  items: { lineId: string; quantity: number; reasonCode: string; note?: string; replacementSku?: string; resolution?: LineResolution }[];
  resolution: Resolution;
  returnMethod: ReturnMethod;
  note?: string;
}

export interface RefundBreakdown {
  currency: string;
  itemsMinor: number;
  restockingFeeMinor: number;
  labelCostMinor: number;
  outboundShippingMinor: number;
  exchangeDifferenceMinor: number;
  buyerOwesMinor: number;
  /** A top-up taken off the refund of the request's other items. */
  nettedMinor?: number;
  items?: { lineId: string; resolution?: LineResolution; refundMinor: number; differenceMinor?: number }[];
  refundMinor: number;
  compensationMinor: number;
  payoutMinor: number;
  method: 'original' | 'store_credit';
  storeCreditBonusMinor: number;
  storeCreditMinor: number;
}

export type ShippingPayer = 'buyer' | 'seller' | 'insurer' | 'none';

export interface Preview {
  eligible: boolean;
  caseType: string;
  ruling: { rule: string; explanation: Localized };
  items: { lineId: string; quantity: number; reasonCode: string; eligible: boolean; evidenceRequired: boolean; rule: string; explanation: Localized }[];
  returnShippingPaidBy: ShippingPayer;
  refund: RefundBreakdown;
  replacements: { lineId?: string; sku: string; quantity: number; unitPriceMinor: number }[];
}

export interface CaseView {
  id: string;
  rmaNumber: string;
  orderNumber: string | null;
  type: string;
  status: string;
  currency: string;
  refundMethod: 'original' | 'store_credit';
  returnMethod: 'pickup' | 'drop_off' | 'self_ship' | 'none';
  returnShippingPaidBy: ShippingPayer;
  refund: RefundBreakdown;
  refundedMinor: number;
  /** The shop's open partial-refund offer (status offer_pending); not agreed until the buyer accepts. */
  offerAmountMinor: number | null;
  rejection: { code: string; reason: string | null; label: Localized | null } | null;
  /** Evidence the shop asked for (issue 19.7): what, by when, and whether it was answered. */
  evidenceRequest: { kinds: string[]; note: string | null; dueAt: string; answeredAt: string | null; outcome: 'provided' | 'expired' | null } | null;
  /** Where the goods go back: the address the case was approved with (issue 13). */
  returnAddress: { name: string; phone: string; addressZh: string | null; addressLatin: string | null; postalCode: string | null } | null;
  items: { id: string; lineId: string; sku: string | null; title: string | null; quantity: number; reasonCode: string; reasonLabel: Localized | null }[];
  replacements: { sku: string; quantity: number; unitPriceMinor: number }[];
  shipments: { direction: string; carrier: string; trackingNumber: string; status: string; shippedAt: string | null }[];
  refunds: { amountMinor: number; method: string; status: string; createdAt: string; settledAt: string | null }[];
  evidence: { id: string; mime: string; sizeBytes: number; purpose: string; uploadedBy: string; createdAt: string }[];
  messages: { id: string; author: string; body: string; createdAt: string }[];
  timeline: { id: string; type: string; action: string | null; from: string | null; to: string | null; actor: string; explanation: string | null; at: string }[];
  nextDeadline: { kind: string; dueAt: string; outcome: string } | null;
  allowedActions: string[];
  label: { available: boolean };
  dropOff: { code: string; qrSvg: string } | null;
  /** Compensation the shop granted for the trouble (issue 19 §1). */
  compensations?: { id: string; kind: 'coupon' | 'store_credit' | 'points'; amountMinor: number; points: number; currency: string; couponCode: string | null; expiresAt: string | null; createdAt: string }[];
  createdAt: string;
}

/** GET /portal/v1/buyer-orders: the buyer's orders that may come back together in one parcel. */
export interface BuyerOrder {
  orderId: string;
  number: string;
  currency: string;
  placedAt: string;
  deliveredAt: string | null;
  lines: Pick<OrderLine, 'lineId' | 'sku' | 'title' | 'quantity' | 'paidMinor' | 'returnableQuantity' | 'eligible' | 'explanation' | 'allowedReasons' | 'noReasonUntil'>[];
  reasons: { code: string; label: Localized; evidenceRequired: boolean }[];
}
export interface BuyerOrders {
  orders: BuyerOrder[];
}

export interface GroupRequest {
  orders: { orderId: string; items: { lineId: string; quantity: number; reasonCode: string }[] }[];
  returnMethod: 'pickup' | 'drop_off';
  note?: string;
}

/** A return across several orders: one code (on the one label), one case per order. */
export interface GroupView {
  id: string;
  code: string;
  createdAt: string;
  labelAvailable?: boolean;
  cases: {
    id: string;
    rmaNumber: string;
    orderId: string;
    orderNumber: string;
    status: string;
    currency: string;
    refundMinor: number;
    items: { id: string; sku: string; title: string; quantity: number; reasonCode: string }[];
  }[];
}

/** Where the courier collects the parcel (issue 17). */
export interface PickupAddress {
  name: string;
  phone: string;
  line: string;
}

export interface PortalParcel {
  carrier: string;
  trackingNumber: string;
  status: string;
  trackingStatus: string | null;
  trackingAt: string | null;
  labelUrl: string | null;
  dropOffCode: string | null;
  pickup: {
    windowStart: string;
    windowEnd: string;
    address: PickupAddress;
    confirmation: string | null;
    status?: string;
    courier?: { name: string | null; phone: string | null } | null;
  } | null;
}

/** GET /portal/v1/returns/{id}/carrier: what the shop's carriers can do for this return. */
export interface PortalCarrierView {
  pickup: boolean;
  dropOff: boolean;
  pickupAddress: PickupAddress | null;
  /** Carriers Retour knows by name, and what their tracking numbers look like. */
  formats: { code: string; names: string[]; pattern: string; example: string }[];
  parcels: PortalParcel[];
}
