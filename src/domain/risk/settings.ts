import type { Policy } from '../policy/schema.js';
import { DEFAULT_SIGNAL_SETTINGS, type RiskSignalSettings } from './score.js';

export interface BuyerRiskSettings extends RiskSignalSettings {
  allowlistSkipsRisk: boolean;
  evidenceDeadlineHours: number;
  evidenceDeadlineOutcome: 'close' | 'review';
}

/** The policy's `buyerRisk` settings with every default filled in (older policies have none). */
export function buyerRiskSettings(policy: Pick<Policy, 'buyerRisk'>): BuyerRiskSettings {
  const b = policy.buyerRisk ?? {};
  return {
    weights: { ...DEFAULT_SIGNAL_SETTINGS.weights, ...b.weights },
    velocityDays: b.velocityDays ?? DEFAULT_SIGNAL_SETTINGS.velocityDays,
    velocityMinRequests: b.velocityMinRequests ?? DEFAULT_SIGNAL_SETTINGS.velocityMinRequests,
    wardrobingDays: b.wardrobingDays ?? DEFAULT_SIGNAL_SETTINGS.wardrobingDays,
    allowlistSkipsRisk: b.allowlistSkipsRisk ?? true,
    evidenceDeadlineHours: b.evidenceDeadlineHours ?? 72,
    evidenceDeadlineOutcome: b.evidenceDeadlineOutcome ?? 'close',
  };
}
