import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessRisk, DEFAULT_SIGNAL_SETTINGS, type BuyerProfile, type RiskSignalSettings } from './score.js';
import { buyerRiskSettings } from './settings.js';
import { simulateThreshold, type PastRequest } from './simulate.js';

const base: BuyerProfile = {
  orders: 2,
  completedOrders: 2,
  unitsBought: 10,
  cases: 0,
  casesLast30Days: 0,
  unitsReturned: 0,
  refundedMinor: 0,
  inspectionMismatches: 0,
  disputesLost: 0,
  keptGoodsClaims: 0,
  goodsNotReturned: 0,
  recentRequests: 0,
  contradictedReasons: 0,
  wardrobingReturns: 0,
  sharedContactAccounts: 0,
};
const codes = (p: Partial<BuyerProfile>, request = { keepsGoods: false }, settings = DEFAULT_SIGNAL_SETTINGS) => assessRisk({ ...base, ...p }, request, settings).factors.map((f) => f.code);

const profileArb = fc.record({
  orders: fc.nat(50),
  completedOrders: fc.nat(50),
  unitsBought: fc.nat(200),
  cases: fc.nat(50),
  casesLast30Days: fc.nat(20),
  unitsReturned: fc.nat(200),
  refundedMinor: fc.nat(1e7),
  inspectionMismatches: fc.nat(5),
  disputesLost: fc.nat(5),
  keptGoodsClaims: fc.nat(5),
  goodsNotReturned: fc.nat(5),
  recentRequests: fc.nat(10),
  contradictedReasons: fc.nat(5),
  wardrobingReturns: fc.nat(5),
  sharedContactAccounts: fc.nat(5),
});
const weightsArb = fc.record({
  requestVelocity: fc.integer({ min: -100, max: 100 }),
  contradictedReason: fc.integer({ min: -100, max: 100 }),
  wardrobing: fc.integer({ min: -100, max: 100 }),
  sharedContact: fc.integer({ min: -100, max: 100 }),
  refundOnlyDelivered: fc.integer({ min: -100, max: 100 }),
});

describe('risk signals (issue 19.6)', () => {
  it('names each signal when it fires', () => {
    expect(codes({ recentRequests: 2 })).toContain('request_velocity');
    expect(codes({ recentRequests: 1 })).not.toContain('request_velocity');
    expect(codes({ contradictedReasons: 1 })).toContain('reason_contradicted');
    expect(codes({ wardrobingReturns: 1 })).toContain('wardrobing');
    expect(codes({ sharedContactAccounts: 1 })).not.toContain('shared_contact'); // off by default
    expect(codes({ sharedContactAccounts: 1 }, undefined, { ...DEFAULT_SIGNAL_SETTINGS, weights: { ...DEFAULT_SIGNAL_SETTINGS.weights, sharedContact: 15 } })).toContain('shared_contact');
    expect(codes({}, { keepsGoods: true, refundOnlyDelivered: true } as never)).toContain('refund_only_delivered');
    expect(codes({})).toEqual([]);
  });

  it('counts a repeated signal up to twice its weight', () => {
    const points = (n: number) => assessRisk({ ...base, contradictedReasons: n }, { keepsGoods: false }).factors.find((f) => f.code === 'reason_contradicted')!.points;
    expect([points(1), points(2), points(5)]).toEqual([20, 40, 40]);
  });

  it('takes the weights of the policy, and a weight of 0 switches a signal off', () => {
    const settings = buyerRiskSettings({ buyerRisk: { weights: { sharedContact: 0, wardrobing: 35 }, velocityMinRequests: 4 } });
    expect(settings.weights).toMatchObject({ sharedContact: 0, wardrobing: 35, requestVelocity: 15 });
    expect(codes({ sharedContactAccounts: 3, recentRequests: 3 }, { keepsGoods: false }, settings)).toEqual([]);
    expect(assessRisk({ ...base, wardrobingReturns: 1 }, { keepsGoods: false }, settings).factors).toMatchObject([{ code: 'wardrobing', points: 35 }]);
    expect(buyerRiskSettings({})).toMatchObject({ allowlistSkipsRisk: true, evidenceDeadlineHours: 72, evidenceDeadlineOutcome: 'close' });
  });

  it('always scores 0–100, is the sum of its factors clamped, and never lowers with a signal of positive weight', () => {
    fc.assert(
      fc.property(profileArb, weightsArb, fc.boolean(), (profile, weights, refundOnlyDelivered) => {
        const settings: RiskSignalSettings = { ...DEFAULT_SIGNAL_SETTINGS, weights };
        const r = assessRisk(profile, { keepsGoods: refundOnlyDelivered, refundOnlyDelivered }, settings);
        expect(Number.isInteger(r.score)).toBe(true);
        expect(r.score).toBe(Math.max(0, Math.min(100, 10 + r.factors.reduce((a, f) => a + f.points, 0))));
        const positive: RiskSignalSettings = { ...settings, weights: { ...weights, sharedContact: Math.abs(weights.sharedContact) } };
        const more = assessRisk({ ...profile, sharedContactAccounts: profile.sharedContactAccounts + 1 }, { keepsGoods: false }, positive).score;
        expect(more).toBeGreaterThanOrEqual(assessRisk(profile, { keepsGoods: false }, { ...positive, weights: { ...positive.weights, sharedContact: 0 } }).score);
      }),
    );
  });
});

describe('simulateThreshold', () => {
  const pastArb = fc.array(
    fc.record({ caseId: fc.uuid(), profile: profileArb, request: fc.record({ keepsGoods: fc.boolean() }), blocked: fc.boolean(), allowed: fc.boolean(), wasReviewed: fc.boolean() }),
    { maxLength: 30 },
  );

  it('reviews fewer cases as the threshold rises, never fewer than the blocked ones, and counts every case once in the histogram', () => {
    fc.assert(
      fc.property(pastArb, fc.integer({ min: 0, max: 100 }), fc.boolean(), (past: PastRequest[], threshold, skip) => {
        const s = simulateThreshold(past, threshold, DEFAULT_SIGNAL_SETTINGS, skip);
        const curve = s.curve.map((p) => p.wouldReview);
        for (let i = 1; i < curve.length; i++) expect(curve[i]).toBeLessThanOrEqual(curve[i - 1]!);
        expect(s.wouldReview).toBeGreaterThanOrEqual(s.blocked);
        expect(s.wouldReview).toBeLessThanOrEqual(s.cases);
        expect(s.histogram.reduce((a, b) => a + b, 0)).toBe(past.length);
        expect(s.curve.at(-1)!.wouldReview).toBe(s.blocked);
      }),
    );
  });

  it('lets allowlisted buyers through by score only when the policy says so', () => {
    const risky: PastRequest = { caseId: 'a', profile: { ...base, goodsNotReturned: 2 }, request: { keepsGoods: false }, blocked: false, allowed: true, wasReviewed: false };
    expect(simulateThreshold([risky], 30, DEFAULT_SIGNAL_SETTINGS, true).wouldReview).toBe(0);
    expect(simulateThreshold([risky], 30, DEFAULT_SIGNAL_SETTINGS, false).wouldReview).toBe(1);
    expect(simulateThreshold([{ ...risky, blocked: true }], 30, DEFAULT_SIGNAL_SETTINGS, true).wouldReview).toBe(1);
  });
});
