import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';

/** Bilingual text from the API. */
export interface Bilingual {
  en: string;
  'zh-CN': string;
}

export type TimeGroup = 'day' | 'week' | 'month';
export type DimensionGroup = 'sku' | 'product' | 'category' | 'channel' | 'reason';
export const TIME_GROUPS: readonly TimeGroup[] = ['day', 'week', 'month'];
export const DIMENSION_GROUPS: readonly DimensionGroup[] = ['sku', 'product', 'category', 'channel', 'reason'];

/** The filters every analytics endpoint takes (query string). */
export interface Filters {
  from?: string;
  to?: string;
  channel?: string;
  category?: string;
  sku?: string;
  reason?: string;
}

interface Envelope<T> {
  definition: Bilingual;
  period: { from: string; to: string; timezone: string };
  groupBy: string;
  rebuildPending: boolean;
  totals: T;
  groups: (T & GroupLabels)[];
  nextCursor: string | null;
}

/** Labels the API adds to a group, by its dimension. */
export interface GroupLabels {
  key: string;
  sku?: string;
  title?: string;
  category?: string | null;
  /** The category in the UI language (the server names well-known categories; others as written). */
  categoryName?: string | null;
  channel?: string;
  reason?: string;
  label?: Bilingual;
  quality?: boolean;
  fault?: string;
}

export interface ReturnFigures {
  orders: number;
  soldLines: number;
  soldUnits: number;
  soldValueMinor: number;
  returnedUnits: number;
  returnedValueMinor: number;
  pendingReturnUnits: number;
  unitRate: number | null;
  valueRate: number | null;
}
export type ReturnRate = Envelope<ReturnFigures> & { currency: string };

export interface CostFigures {
  refundedMinor: number;
  refunds: number;
  refundedUnits: number;
  shippingReimbursedMinor: number;
  storeCreditBonusMinor: number;
  restockingFeesMinor: number;
  writtenOffUnits: number;
  writtenOffValueMinor: number;
  completedCases: number;
  /** Refunds of cases whose return shipping the insurer paid (运费险), and their share of all refunds. */
  insuredRefunds: number;
  insuredShare: number;
  totalMinor: number;
}
export type Cost = Envelope<CostFigures> & { currency: string };

export interface TimeFigures {
  refundedCases: number;
  p50Seconds: number | null;
  p90Seconds: number | null;
  meanSeconds: number | null;
  deadlineCompliance: { deadlines: number; met: number; rate: number | null } | null;
  decisions: { automatic: number; manual: number; platform: number; automaticShare: number | null };
  completedCases: number;
}
export type TimeToRefund = Envelope<TimeFigures> & { distribution: { fromSeconds: number; cases: number }[] };

export interface ReasonFigures {
  casesRequested: number;
  unitsRequested: number;
  returnedUnits: number;
  shareOfCases?: number | null;
  topReasons?: (ReasonFigures & Omit<GroupLabels, 'key'> & { key?: string })[];
}
export type Reasons = Envelope<ReasonFigures>;

export type QualityLevel = 'ok' | 'projected_warn' | 'warn' | 'projected_limit' | 'limit';
export interface QualityRate {
  definition: Bilingual;
  thresholds: { windowDays: number; warnAtBp: number; limitBp: number };
  current: { windowFrom: string; windowTo: string; qualityRefundedCases: number; paidOrders: number; rate: number | null; rateBp: number | null };
  trend: { fittedDays: number; slopeBpPerDay: number | null; horizonDays: number; projectedBp: number | null };
  level: QualityLevel;
  series: { day: string; qualityRefundedCases: number; paidOrders: number; rate: number | null; rateBp: number | null }[];
}

export interface Customers {
  definition: Bilingual;
  currency: string;
  customers: {
    customerId: string;
    name: string | null;
    email: string | null;
    externalRef: string | null;
    orders: number;
    soldUnits: number;
    returnedUnits: number;
    returnRate: number | null;
    casesRequested: number;
    refundedMinor: number;
  }[];
}

export interface ModelSummary {
  id: string;
  version: number;
  trainedAt: string;
  auc: number | null;
  baselineSkuRateAuc: number | null;
  rows: { train: number; test: number };
  calibration: { rows: number; meanPredicted: number; observedRate: number | null }[];
}
export interface SkuPredictions {
  definition: Bilingual;
  model: ModelSummary;
  skus: { variantId: string; sku: string; title: string; category: string | null; lines: number; predictedRate: number; observedRate: number | null }[];
}
export interface OrderScore {
  model: { id: string; version: number; auc: number | null };
  orderId: string;
  lines: {
    lineId: string;
    sku: string;
    title: string;
    quantity: number;
    probability: number;
    logOdds: number;
    topFeatures: { feature: string; label: Bilingual; value: number; contribution: number }[];
  }[];
}

type Params = Record<string, string | number | undefined>;

/** One analytics call, cached by its parameters (figures change slowly: no refetch on focus). */
export function useAnalytics<T>(path: string, params: Params, enabled = true) {
  return useQuery({
    queryKey: ['analytics', path, params],
    queryFn: ({ signal }) => api.get<T>(`/analytics/${path}`, params, signal),
    enabled,
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
}
