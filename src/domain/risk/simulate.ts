import { assessRisk, type BuyerProfile, type RiskRequest, type RiskSignalSettings } from './score.js';

/** A past case as the buyer looked when it was opened. */
export interface PastRequest {
  caseId: string;
  profile: BuyerProfile;
  request: RiskRequest;
  /** The buyer was on the blocklist (goes to review whatever the score). */
  blocked: boolean;
  /** The buyer was on the allowlist (not held by score when the policy says so). */
  allowed: boolean;
  /** Whether the case actually waited for review when it was opened. */
  wasReviewed: boolean;
}

export interface ThresholdSimulation {
  cases: number;
  threshold: number;
  /** Cases that would have gone to review at the threshold (score above it, or blocked). */
  wouldReview: number;
  /** Cases that did wait for review when they were opened. */
  wereReviewed: number;
  blocked: number;
  /** How many cases each factor fired on. */
  factors: { code: string; cases: number }[];
  /** Cases to review at each threshold 0, 5, …, 100: the curve a shop picks its threshold from. */
  curve: { threshold: number; wouldReview: number }[];
  /** Score distribution in buckets of 10 (0–9, 10–19, …, 90–100). */
  histogram: number[];
}

/**
 * What a review threshold would have done to past requests: each is scored again with today's
 * signals and weights on the history its buyer had when it was opened. Pure and deterministic.
 */
export function simulateThreshold(past: PastRequest[], threshold: number, settings: RiskSignalSettings, allowlistSkipsRisk: boolean): ThresholdSimulation {
  const scored = past.map((p) => ({ p, risk: assessRisk(p.profile, p.request, settings) }));
  const reviews = (t: number) => scored.filter(({ p, risk }) => p.blocked || (risk.score > t && !(p.allowed && allowlistSkipsRisk))).length;
  const factorCounts = new Map<string, number>();
  for (const { risk } of scored) for (const f of risk.factors) factorCounts.set(f.code, (factorCounts.get(f.code) ?? 0) + 1);
  const histogram = Array.from({ length: 10 }, () => 0);
  for (const { risk } of scored) histogram[Math.min(9, Math.floor(risk.score / 10))]!++;
  return {
    cases: past.length,
    threshold,
    wouldReview: reviews(threshold),
    wereReviewed: past.filter((p) => p.wasReviewed).length,
    blocked: past.filter((p) => p.blocked).length,
    factors: [...factorCounts].map(([code, cases]) => ({ code, cases })).sort((a, b) => b.cases - a.cases || a.code.localeCompare(b.code)),
    curve: Array.from({ length: 21 }, (_, i) => ({ threshold: i * 5, wouldReview: reviews(i * 5) })),
    histogram,
  };
}
