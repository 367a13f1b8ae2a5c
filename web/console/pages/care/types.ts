/** Care (issue 19): compensation and follow-up tasks as the API answers them. */
export interface Compensation {
  id: string;
  caseId: string;
  customerId: string | null;
  kind: 'coupon' | 'store_credit' | 'points';
  amountMinor: number;
  points: number;
  currency: string;
  couponCode: string | null;
  couponSource: 'pool' | 'generated' | null;
  expiresAt: string | null;
  note: string | null;
  rule: string | null;
  grantedBy: 'staff' | 'system' | 'platform';
  createdAt: string;
}

export interface CareTask {
  id: string;
  kind: 'exchange_callback' | 'review_request' | 'sku_defect_check';
  caseId: string | null;
  sku: string | null;
  role: string;
  status: 'open' | 'done' | 'skipped';
  bucket: 'overdue' | 'today' | 'upcoming' | 'closed';
  dueAt: string;
  rule: string;
  note: string | null;
  closedAt: string | null;
  createdAt: string;
}

export interface CareTaskList {
  data: CareTask[];
  counts: { overdue: number; today: number; upcoming: number; done: number; skipped: number };
}
