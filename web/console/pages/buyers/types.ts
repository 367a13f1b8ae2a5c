import type { CaseStatus } from '../../api/types.js';

type Factor = { code: string; points: number; 'zh-CN': string; en: string };

export interface CustomerHit {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  orders: number;
  cases: number;
  matchedOrder: string | null;
}

export interface ListEntry {
  id: string;
  list: 'block' | 'allow';
  kind: 'customer' | 'email' | 'phone' | 'address';
  value: string;
  reason: string | null;
  createdAt: string;
}

export interface BuyerRecord {
  customerId: string;
  orders: { id: string; number: string; channel: string; status: string; currency: string; totalMinor: number; placedAt: string; deliveredAt: string | null }[];
  cases: {
    id: string;
    rmaNumber: string;
    orderId: string;
    type: string;
    status: CaseStatus;
    currency: string;
    resolution: string | null;
    needsReview: boolean;
    riskScore: number;
    riskReasons: Factor[];
    refundedMinor: number;
    createdAt: string;
    closedAt: string | null;
  }[];
  messages: { id: string; caseId: string; rmaNumber: string; visibility: string; authorKind: string; body: string; createdAt: string }[];
  notes: { id: string; body: string; authorName: string | null; createdAt: string; updatedAt: string }[];
  lists: ListEntry[];
  /** Compensation granted (issue 19.1, another page section fills it in). */
  compensation: unknown[];
}

export interface RiskSimulation {
  from: string;
  to: string;
  days: number;
  currentThreshold: number;
  cases: number;
  threshold: number;
  wouldReview: number;
  wereReviewed: number;
  blocked: number;
  factors: { code: string; cases: number }[];
  curve: { threshold: number; wouldReview: number }[];
  histogram: number[];
}
