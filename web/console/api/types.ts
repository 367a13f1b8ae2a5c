import type { Reply } from '../../shared/api-client.js';

/**
 * Shapes of the merchant API replies the console reads. Most are aliases of the types generated from the
 * API's OpenAPI document (web/shared/api-schema.d.ts, `npm run api:types`); money is integer minor units.
 */

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

export type Permission = Session['permissions'][number];
export type Role = 'owner' | 'manager' | 'agent' | 'warehouse' | 'viewer';
export const ROLES: Role[] = ['owner', 'manager', 'agent', 'warehouse', 'viewer'];

export interface ShopRef {
  id: string;
  slug: string;
  name: string;
  /** The shop's IANA zone: times are shown in it. */
  timezone: string;
}
export type Session = Reply<'/api/v1/auth/session', 'get'>;

export type Deadline = NonNullable<QueueItem['deadline']>;

export type QueueItem = QueuePage['data'][number];
export type QueuePage = Reply<'/api/v1/queue', 'get'>;

export type Dashboard = Reply<'/api/v1/dashboard', 'get'>;

export interface Explanation {
  'zh-CN': string;
  en: string;
}

export type Breakdown = CaseDetail['breakdown'];

export type CaseItem = CaseDetail['items'][number];

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

export type OrderDetail = Reply<'/api/v1/orders/{id}', 'get'>;

export type TimelineEvent = CaseDetail['timeline'][number];

export type CaseDetail = Reply<'/api/v1/returns/{id}', 'get'>;

export interface WindowVerdict {
  eligible: boolean;
  until: string | null;
  rule: string;
  explanation: Explanation;
}
export type Eligibility = Reply<'/api/v1/orders/{id}/eligibility', 'get'>;

export type CustomerProfile = Reply<'/api/v1/customers/{id}', 'get'>;

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
export type Simulation = Reply<'/api/v1/policy/simulate', 'post'>;

export type Staff = Reply<'/api/v1/staff', 'get'>['data'][number];
export type ApiKey = Reply<'/api/v1/api-keys', 'get'>['data'][number];
export type Shop = Reply<'/api/v1/shop', 'get'>;

export type WebhookEndpoint = Reply<'/api/v1/webhooks', 'get'>['data'][number];

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export type WebhookDelivery = Reply<'/api/v1/webhooks/{id}/deliveries', 'get'>['data'][number];

export type DevMail = Reply<'/api/v1/dev-mailbox', 'get'>['data'][number];

export interface CursorPage<T> {
  data: T[];
  nextCursor: string | null;
}

/** GET /connections (credentials are never returned). */
export type ConnectionKindName = 'shopify' | 'woocommerce' | 'stripe' | 'alipay' | 'kuaidi100' | 'easypost' | 'taobao' | 'pinduoduo' | 'jd' | 'douyin';
export type ConnectionStatus = 'active' | 'paused' | 'error';

export type Connection = Reply<'/api/v1/connections', 'get'>['data'][number];

export type ConnectionRun = Reply<'/api/v1/connections/{id}/runs', 'get'>['data'][number];

export type ConnectionSyncResult = Reply<'/api/v1/connections/{id}/sync', 'post'>;

/** Buyer notifications (issue 20): GET /notification-templates, /notification-settings, /dev-outbox. */
export type NotificationChannel = 'email' | 'sms';
export const NOTIFICATION_STEPS = ['request_received', 'approved', 'ship_reminder', 'rejected', 'goods_received', 'nothing_received', 'refunded', 'offer', 'shop_message', 'exchange_shipped', 'closed_by_deadline', 'compensation_granted'] as const;
export type NotificationStep = (typeof NOTIFICATION_STEPS)[number];

export type NotificationTemplate = Reply<'/api/v1/notification-templates', 'get'>['data'][number];

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

export type NotificationSettings = Reply<'/api/v1/notification-settings', 'get'>;

export type DevSms = Reply<'/api/v1/dev-outbox', 'get'>['data'][number];
