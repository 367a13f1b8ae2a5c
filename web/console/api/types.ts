/** Shapes of the merchant API replies the console reads (see /api/docs). Money is integer minor units. */

export type CaseStatus =
  | 'requested'
  | 'approved'
  | 'rejected'
  | 'offer_pending'
  | 'awaiting_evidence'
  | 'in_transit'
  | 'not_returned'
  | 'received'
  | 'inspected'
  | 'refund_pending'
  | 'exchange_pending'
  | 'escalated'
  | 'completed'
  | 'cancelled'
  | 'closed';
export const CASE_STATUSES: CaseStatus[] = [
  'requested',
  'approved',
  'rejected',
  'offer_pending',
  'awaiting_evidence',
  'in_transit',
  'not_returned',
  'received',
  'inspected',
  'refund_pending',
  'exchange_pending',
  'escalated',
  'completed',
  'cancelled',
  'closed',
];
export const OPEN_STATUSES = CASE_STATUSES.filter((s) => !['completed', 'cancelled', 'closed'].includes(s));

export type CaseType = 'refund_only' | 'return_refund' | 'exchange' | 'reship' | 'partial_refund' | 'refused_delivery';
export const CASE_TYPES: CaseType[] = ['return_refund', 'refund_only', 'exchange', 'reship', 'partial_refund', 'refused_delivery'];

export type CaseAction =
  | 'approve'
  | 'reject'
  | 'revise'
  | 'cancel'
  | 'escalate'
  | 'resolve'
  | 'offer_partial'
  | 'accept_offer'
  | 'decline_offer'
  | 'buyer_shipped'
  | 'intercepted'
  | 'goods_not_returned'
  | 'receive'
  | 'inspect'
  | 'refund'
  | 'fast_refund'
  | 'complete'
  | 'exchange'
  | 'ship_replacement'
  | 'confirm_payment'
  | 'close'
  | 'note'
  | 'message'
  | 'request_evidence'
  | 'provide_evidence';

export const CHANNELS = ['web', 'taobao', 'tmall', 'pdd', 'jd', 'douyin', 'shopify', 'woocommerce', 'amazon', 'manual', 'other'] as const;
export const EVIDENCE_KINDS = ['label_photo', 'unboxing_video', 'product_photo', 'defect_video', 'packaging_photo', 'receipt'] as const;
export const REJECTION_CODES = ['outside_window', 'excluded_item', 'not_as_declared', 'used_or_damaged', 'missing_evidence', 'not_received_back', 'duplicate_request', 'other'] as const;
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export const DISPOSITIONS = ['restock', 'refurbish', 'scrap', 'return_to_vendor'] as const;
export type Grade = (typeof GRADES)[number];
export type Disposition = (typeof DISPOSITIONS)[number];

export type Permission = string;
export type Role = 'owner' | 'manager' | 'agent' | 'warehouse' | 'viewer';
export const ROLES: Role[] = ['owner', 'manager', 'agent', 'warehouse', 'viewer'];

export interface ShopRef {
  id: string;
  slug: string;
  name: string;
  /** The shop's IANA zone: times are shown in it. */
  timezone: string;
}
export interface Session {
  kind: 'staff' | 'api_key';
  id: string;
  name: string;
  role: Role;
  permissions: Permission[];
  shop: ShopRef;
  csrfToken: string | null;
}

export interface Deadline {
  dueAt: string;
  kind: string | null;
  source: 'scheduled' | 'policy';
}

export interface QueueItem {
  id: string;
  rmaNumber: string;
  orderId: string;
  orderNumber: string;
  channel: string;
  customerId: string | null;
  customerName: string | null;
  type: CaseType;
  refundOnlyKind: string | null;
  status: CaseStatus;
  currency: string;
  refundMethod: string;
  riskScore: number;
  needsReview: boolean;
  refundMinor: number;
  refundedMinor: number;
  createdAt: string;
  updatedAt: string;
  /** A manual refund nobody has confirmed paid yet: since when, how much. */
  awaitingPayout: { since: string; amountMinor: number } | null;
  deadline: Deadline | null;
  /** Part of a return across several orders: the group's code (one parcel, one label). */
  groupCode: string | null;
  items: { sku: string; title: string; quantity: number; reasonCode: string }[];
}
export interface QueuePage {
  now: string;
  page: number;
  pageSize: number;
  total: number;
  data: QueueItem[];
}

export interface Dashboard {
  now: string;
  timezone: string;
  currency: string;
  dayStart: string;
  open: { total: number; overdue: number; dueSoon: number; dueSoonHours: number; byStatus: { status: CaseStatus; count: number; overdue: number; dueSoon: number }[] };
  today: {
    requests: number;
    requestsWaiting: number;
    refunds: { currency: string; count: number; amountMinor: number }[];
    refundsPending: number;
    refundsAwaitingConfirmation: number;
    refundsFailed: number;
  };
  qualityRefundRate: {
    method: 'rolling_window';
    definition: Explanation;
    windowDays: number;
    windowFrom: string;
    windowTo: string;
    qualityCases: number;
    paidOrders: number;
    rateBp: number | null;
    warnAtBp: number;
    limitBp: number;
    level: 'ok' | 'projected_warn' | 'warn' | 'projected_limit' | 'limit';
    rebuildPending: boolean;
    qualityReasons: string[];
  };
}

export interface Explanation {
  'zh-CN': string;
  en: string;
}

export interface Breakdown {
  currency: string;
  items: { lineId: string; quantity: number; amountMinor: number; taxMinor: number; discountMinor: number; restockingFeeMinor: number; refundMinor: number }[];
  itemsMinor: number;
  taxMinor: number;
  restockingFeeMinor: number;
  labelCostMinor: number;
  outboundShippingMinor: number;
  exchangeDifferenceMinor: number;
  buyerOwesMinor: number;
  nettedMinor?: number;
  computedMinor: number;
  orderRemainingMinor: number;
  refundMinor: number;
  shippingRefundMinor: number;
  bound: 'none' | 'zero' | 'order_remaining';
  compensationMinor: number;
  payoutMinor: number;
  method: 'original' | 'store_credit';
  storeCreditBonusMinor: number;
  storeCreditMinor: number;
}

export interface CaseItem {
  id: string;
  lineId: string;
  lineNo: number | null;
  sku: string | null;
  title: string | null;
  quantity: number;
  reasonCode: string;
  condition: string;
  buyerNote: string | null;
  receivedQuantity: number | null;
  acceptedQuantity: number | null;
  defectiveQuantity: number | null;
  grade: Grade | null;
  disposition: Disposition | null;
  inspectionNote: string | null;
  /** Staff: the disposition inspection proposes for each grade, from the claim (a defect claim is never restocked). */
  defaultDispositions?: Record<Grade, Disposition>;
}

export interface OrderSummary {
  id: string;
  channel: string;
  number: string;
  status: string;
  currency: string;
  customer: { id: string; name: string | null; email: string | null; phone: string | null } | null;
  email: string | null;
  phone: string | null;
  placedAt: string;
  paidAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  cancelledAt: string | null;
  amounts: { subtotalMinor: number; discountMinor: number; orderDiscountMinor: number; taxMinor: number; shippingFeeMinor: number; totalMinor: number };
  paymentMethod: string | null;
  shippingInsurance: boolean;
}

export interface OrderDetail extends OrderSummary {
  shippingAddress: Record<string, string | undefined> | null;
  lines: { id: string; lineNo: number; sku: string; title: string; quantity: number; unitPriceMinor: number; paidMinor: number }[];
  shipments: { id: string; carrier: string; trackingNumber: string; status: string; shippedAt: string | null; deliveredAt: string | null }[];
}

export interface TimelineEvent {
  id: string;
  type: string;
  action: string | null;
  from: CaseStatus | null;
  to: CaseStatus | null;
  actor: { kind: string; id: string | null; role: string | null };
  rule: string | null;
  payload: Record<string, unknown>;
  /** Why Retour itself made this move (a deadline, …), in the UI's language (the server renders it). */
  explanation: string | null;
  at: string;
}

export interface CaseDetail {
  id: string;
  /** Exchanges: the top-up still due from the buyer, and what they paid of it. */
  buyerOwesMinor: number;
  buyerPaidMinor: number;
  rmaNumber: string;
  orderId: string;
  customerId: string | null;
  type: CaseType;
  refundOnlyKind: string | null;
  status: CaseStatus;
  currency: string;
  refundMethod: 'original' | 'store_credit';
  returnMethod: string;
  fault: string;
  returnShippingPayer: string;
  policyVersion: number;
  riskScore: number;
  needsReview: boolean;
  refundMinor: number;
  refundedMinor: number;
  refundedEarly: boolean;
  refundFailure: string | null;
  offerAmountMinor: number | null;
  resolution: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  order: OrderSummary | null;
  breakdown: Breakdown;
  amountOverrideMinor: number | null;
  riskReasons: ({ code: string; points: number } & Explanation)[];
  rejection: { code: string; reason: string | null; label: Explanation | null } | null;
  buyerNote: string | null;
  items: CaseItem[];
  replacements: { id: string; sku: string; quantity: number; unitPriceMinor: number; priceDifferenceMinor: number }[];
  shipments: { id: string; direction: string; carrier: string; trackingNumber: string; status: string; shippedAt: string | null; deliveredAt: string | null }[];
  refunds: { id: string; kind: string; amountMinor: number; compensationMinor: number; bonusMinor: number; method: string; provider: string; status: string; attempts: number; lastError: string | null; createdAt: string; settledAt: string | null }[];
  evidence: { id: string; mime: string; sizeBytes: number; purpose: string; uploadedBy: string; createdAt: string }[];
  messages: { id: string; visibility: 'public' | 'internal'; author: string; body: string; evidenceIds: string[]; createdAt: string }[];
  timeline: TimelineEvent[];
  allowedActions: CaseAction[];
}

export interface WindowVerdict {
  eligible: boolean;
  until: string | null;
  rule: string;
  explanation: Explanation;
}
export interface Eligibility {
  orderId: string;
  policyVersion: number;
  evaluatedAt: string;
  lines: {
    lineId: string;
    lineNo: number;
    sku: string;
    returnableQuantity: number;
    noReason: WindowVerdict;
    sellerFault: WindowVerdict;
    beforeDelivery: WindowVerdict;
    eligible: boolean;
    ruling: { rule: string; explanation: Explanation };
    allowedReasons: string[];
    returnless: boolean;
  }[];
  reasons: PolicyReason[];
}

export interface CustomerProfile {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  tier: string | null;
  country: string | null;
  createdAt: string;
  history: {
    orders: number;
    completedOrders: number;
    unitsBought: number;
    cases: number;
    casesLast30Days: number;
    unitsReturned: number;
    refundedMinor: number;
    inspectionMismatches: number;
    disputesLost: number;
    returnRateBp: number;
    casesByStatus: Record<string, number>;
  };
  risk: { score: number; factors: ({ code: string; points: number } & Explanation)[] };
  storeCreditMinor: number;
}

export interface PolicyReason {
  code: string;
  label: Explanation;
  fault: 'seller' | 'buyer' | 'carrier';
  quality: boolean;
  evidenceRequired: boolean;
  caseTypes?: CaseType[];
}

/** The policy document (see GET /api/v1/policy/schema); kept loose: the form edits it as JSON. */
export type PolicyDocument = Record<string, unknown> & { name: string; reasons: PolicyReason[] };

export interface PolicyVersion {
  id: string;
  version: number;
  note: string | null;
  createdAt: string;
  document: PolicyDocument;
}

export interface SimulationOutcome {
  eligible: boolean;
  refundMinor: number;
  decision: 'approve' | 'review' | 'none';
  fastRefund: boolean;
  rule: string;
}
export interface Simulation {
  days: number;
  truncated: boolean;
  evaluated: number;
  changed: { caseId: string; rmaNumber: string; before: SimulationOutcome; after: SimulationOutcome; changes: (keyof SimulationOutcome)[] }[];
  totals: Record<'before' | 'after', { eligible: number; refundMinor: number; autoApproved: number; fastRefunds: number }>;
  /** Cases whose recorded history the rules could not judge again (left out of the totals). */
  skipped: { caseId: string; rmaNumber: string; code: string; message: string }[];
}

export interface Staff {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}
export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
export interface Shop {
  id: string;
  slug: string;
  name: string;
  currency: string;
  currencies: string[];
  timezone: string;
  defaultLocale: string;
  locales: string[];
  logoUrl: string | null;
  refundProvider: 'manual' | 'simulated';
  createdAt: string;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  payload: unknown;
}

export interface DevMail {
  id: string;
  caseId: string | null;
  template: string;
  locale: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string | null;
  transport: string;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface CursorPage<T> {
  data: T[];
  nextCursor: string | null;
}

/** GET /connections (credentials are never returned). */
export type ConnectionKindName = 'shopify' | 'woocommerce' | 'stripe' | 'alipay' | 'kuaidi100' | 'easypost' | 'taobao' | 'pinduoduo' | 'jd' | 'douyin';
export type ConnectionStatus = 'active' | 'paused' | 'error';

export interface Connection {
  id: string;
  kind: ConnectionKindName | string;
  category: string | null;
  name: string;
  status: ConnectionStatus;
  settings: Record<string, unknown>;
  lastSyncAt: string | null;
  nextSyncAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  failures: number;
  createdAt: string;
  updatedAt: string;
}

/** GET /connections/{id}/runs: one sync, webhook or push. */
export interface ConnectionRun {
  id: number;
  trigger: 'sync' | 'webhook' | 'push';
  status: 'running' | 'succeeded' | 'partial' | 'failed';
  itemsIn: number;
  itemsOut: number;
  errors: { externalId: string | null; message: string }[];
  startedAt: string;
  finishedAt: string | null;
}

/** POST /connections/{id}/sync. */
export interface ConnectionSyncResult {
  connection: Connection;
  itemsIn: number;
  errors: number;
  error: string | null;
}

/** Buyer notifications (issue 20): GET /notification-templates, /notification-settings, /dev-outbox. */
export type NotificationChannel = 'email' | 'sms';
export const NOTIFICATION_STEPS = ['request_received', 'approved', 'ship_reminder', 'rejected', 'goods_received', 'nothing_received', 'refunded', 'offer', 'shop_message', 'exchange_shipped', 'closed_by_deadline', 'compensation_granted'] as const;
export type NotificationStep = (typeof NOTIFICATION_STEPS)[number];

export interface NotificationTemplate {
  step: NotificationStep;
  locale: 'zh-CN' | 'en';
  channel: NotificationChannel;
  custom: boolean;
  subject: string | null;
  body: string;
  templateCode: string | null;
  defaultSubject?: string | null;
  defaultBody?: string;
  variables: string[];
  updatedAt: string | null;
}

export interface TemplateIssue {
  field: string;
  code: string;
  message: string;
}

export interface TemplatePreview {
  caseId: string;
  rmaNumber: string;
  subject: string | null;
  text: string;
  html: string | null;
  length: number;
  segments: number | null;
  params: Record<string, string> | null;
  issues: TemplateIssue[];
}

export interface NotificationSettings {
  channelPreference: 'sms' | 'email' | 'both';
  smsDailyCap: number;
}

export interface DevSms {
  id: string;
  caseId: string | null;
  step: string;
  locale: string;
  toPhone: string;
  body: string;
  templateCode: string | null;
  templateParams: Record<string, string>;
  transport: string | null;
  status: 'pending' | 'sent' | 'delivered' | 'undelivered' | 'dead';
  attempts: number;
  lastError: string | null;
  providerMessageId: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}
