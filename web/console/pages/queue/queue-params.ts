import type { CaseStatus } from '../../api/types.js';

/** The queue's state lives in the address (?status=…&due=overdue…): links, reloads and saved views share it. */
export const FILTER_KEYS = ['q', 'status', 'type', 'reason', 'channel', 'sku', 'risk', 'due', 'review', 'payout', 'scope', 'createdFrom'] as const;
export const RISK_RANGES = { low: [0, 29], medium: [30, 69], high: [70, 100] } as const;
export type RiskLevel = keyof typeof RISK_RANGES;

export interface QueueState {
  q?: string;
  status: CaseStatus[];
  type?: string;
  reason?: string;
  channel?: string;
  sku?: string;
  risk?: RiskLevel;
  /** 'overdue', or hours as a string ('24'): due within. */
  due?: string;
  review?: boolean;
  /** Only cases with a manual refund not yet confirmed paid. */
  payout?: boolean;
  scope?: 'all';
  createdFrom?: string;
  sort: string;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export function readQueueState(p: URLSearchParams): QueueState {
  const str = (k: string) => p.get(k) || undefined;
  const sort = str('sort') ?? 'deadline';
  return {
    q: str('q'),
    status: p.getAll('status') as CaseStatus[],
    type: str('type'),
    reason: str('reason'),
    channel: str('channel'),
    sku: str('sku'),
    risk: (['low', 'medium', 'high'] as const).find((r) => r === p.get('risk')),
    due: str('due'),
    review: p.get('review') === '1' ? true : undefined,
    payout: p.get('payout') === '1' ? true : undefined,
    scope: p.get('scope') === 'all' ? 'all' : undefined,
    createdFrom: str('createdFrom'),
    sort,
    order: p.get('order') === 'desc' ? 'desc' : p.get('order') === 'asc' ? 'asc' : sort === 'deadline' || sort === 'rma' ? 'asc' : 'desc',
    page: Math.max(1, Number(p.get('page')) || 1),
    pageSize: [10, 20, 50, 100].includes(Number(p.get('pageSize'))) ? Number(p.get('pageSize')) : 20,
  };
}

/** The GET /api/v1/queue parameters of a queue state. */
export function apiParams(s: QueueState) {
  const risk = s.risk ? RISK_RANGES[s.risk] : undefined;
  return {
    q: s.q,
    status: s.status,
    type: s.type,
    reason: s.reason,
    channel: s.channel,
    sku: s.sku,
    riskMin: risk?.[0],
    riskMax: risk?.[1],
    overdue: s.due === 'overdue' ? true : undefined,
    dueWithinHours: s.due && s.due !== 'overdue' ? Number(s.due) : undefined,
    needsReview: s.review,
    awaitingPayout: s.payout,
    scope: s.scope,
    createdFrom: s.createdFrom,
    sort: s.sort,
    order: s.order,
    page: s.page,
    pageSize: s.pageSize,
  };
}

/** Only the filter keys of the address (what a saved view keeps). */
export function filterParams(p: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const k of [...FILTER_KEYS, 'sort', 'order']) {
    const all = p.getAll(k).filter(Boolean);
    if (all.length > 1 || k === 'status') {
      if (all.length) out[k] = all;
    } else if (all[0]) out[k] = all[0];
  }
  return out;
}

export function toSearch(params: Record<string, string | string[] | undefined>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  }
  return p;
}
