import type { Explanation } from '../policy/verdict.js';

/** A buyer's after-sales history, as the shop has seen it (docs/policy.md, Buyer lists, risk signals and evidence; issue: check a returning buyer's history). */
export interface BuyerProfile {
  orders: number;
  /** Orders delivered and not cancelled. */
  completedOrders: number;
  unitsBought: number;
  cases: number;
  casesLast30Days: number;
  unitsReturned: number;
  refundedMinor: number;
  /** Inspections that found less, or something else, than the buyer declared. */
  inspectionMismatches: number;
  /** Disputes the platform or arbiter decided for the seller. */
  disputesLost: number;
  /** Refund-only requests where the buyer kept the goods or said they never arrived. */
  keptGoodsClaims: number;
  /** Fast refunds (极速退款) after which the goods never came back (cases that went not_returned and of which no unit arrived since). */
  goodsNotReturned: number;
  /** Earlier requests opened in the last `velocityDays` days (issue 19.6: request velocity). */
  recentRequests: number;
  /** Cases that claimed a seller fault (defect, not as described) where inspection found nothing wrong. */
  contradictedReasons: number;
  /** Buyer-fault returns asked for soon after delivery and inspected as used (worn after the event, then returned). */
  wardrobingReturns: number;
  /** Other buyer accounts of the shop with the same phone or shipping address. */
  sharedContactAccounts: number;
}

/** The named extra signals of issue 19.6, each with its weight in the policy (`buyerRisk`). */
export interface RiskSignalSettings {
  weights: {
    requestVelocity: number;
    contradictedReason: number;
    wardrobing: number;
    sharedContact: number;
    refundOnlyDelivered: number;
  };
  velocityDays: number;
  velocityMinRequests: number;
  wardrobingDays: number;
}

export const DEFAULT_SIGNAL_SETTINGS: RiskSignalSettings = {
  // shared_contact is off by default: one address behind many accounts is common (parcel lockers, offices,
  // families) and fired on 123 of the demo shop's 214 cases; a shop turns it on by giving it a weight.
  weights: { requestVelocity: 15, contradictedReason: 20, wardrobing: 20, sharedContact: 0, refundOnlyDelivered: 10 },
  velocityDays: 7,
  velocityMinRequests: 2,
  wardrobingDays: 7,
};

/** What the request itself says (beyond the buyer's history). */
export interface RiskRequest {
  keepsGoods: boolean;
  /** 仅退款 on goods that were delivered (the buyer keeps them). */
  refundOnlyDelivered?: boolean;
}

export interface RiskFactor {
  code: string;
  points: number;
  'zh-CN': string;
  en: string;
}

export interface RiskAssessment {
  score: number;
  factors: RiskFactor[];
}

const pct = (bp: number) => `${Math.round(bp / 100)}%`;
/** A signal that repeats counts up to twice its weight. */
const capped = (weight: number, times: number) => (times >= 2 ? 2 * weight : weight);

/**
 * A plain, explained return-risk score from 0 (trusted) to 100 (review everything): each factor
 * adds points and says why. Integer arithmetic only (rates in basis points), so the same
 * history always gives the same score.
 */
export function assessRisk(profile: BuyerProfile, request: RiskRequest, settings: RiskSignalSettings = DEFAULT_SIGNAL_SETTINGS): RiskAssessment {
  const factors: RiskFactor[] = [];
  const add = (code: string, points: number, text: Explanation) => factors.push({ code, points, ...text });

  const returnRateBp = profile.unitsBought === 0 ? 0 : Math.floor((profile.unitsReturned * 10_000) / profile.unitsBought);
  if (profile.unitsBought >= 3 && returnRateBp >= 5000) {
    add('high_return_rate', 30, { 'zh-CN': `退货率 ${pct(returnRateBp)}，明显偏高`, en: `Returns ${pct(returnRateBp)} of the units bought` });
  } else if (profile.unitsBought >= 3 && returnRateBp >= 3000) {
    add('elevated_return_rate', 15, { 'zh-CN': `退货率 ${pct(returnRateBp)}`, en: `Returns ${pct(returnRateBp)} of the units bought` });
  }
  if (profile.casesLast30Days >= 3) {
    add('frequent_requests', 15, { 'zh-CN': `近30天已申请售后 ${profile.casesLast30Days} 次`, en: `${profile.casesLast30Days} after-sales requests in the last 30 days` });
  }
  if (profile.inspectionMismatches > 0) {
    add('inspection_mismatch', Math.min(40, 20 * profile.inspectionMismatches), {
      'zh-CN': `${profile.inspectionMismatches} 次验货发现与申请不符`,
      en: `${profile.inspectionMismatches} inspection(s) found goods not as declared`,
    });
  }
  if (profile.disputesLost > 0) {
    add('disputes_lost', Math.min(30, 15 * profile.disputesLost), { 'zh-CN': `${profile.disputesLost} 次纠纷判定买家责任`, en: `${profile.disputesLost} dispute(s) decided against the buyer` });
  }
  if (profile.goodsNotReturned > 0) {
    add('goods_not_returned', Math.min(50, 25 * profile.goodsNotReturned), {
      'zh-CN': `${profile.goodsNotReturned} 次极速退款后未寄回商品`,
      en: `Kept the goods after ${profile.goodsNotReturned} fast refund(s)`,
    });
  }
  if (request.keepsGoods && profile.keptGoodsClaims >= 2) {
    add('repeated_kept_goods', 15, { 'zh-CN': `多次仅退款不退货（${profile.keptGoodsClaims} 次）`, en: `Kept the goods on ${profile.keptGoodsClaims} earlier refunds` });
  }
  const w = settings.weights;
  // Issue 19.6: named signals, each weighed by the policy (a weight of 0 switches one off).
  if (w.requestVelocity !== 0 && profile.recentRequests >= settings.velocityMinRequests) {
    add('request_velocity', w.requestVelocity, {
      'zh-CN': `${settings.velocityDays} 天内已申请售后 ${profile.recentRequests} 次`,
      en: `${profile.recentRequests} earlier requests within ${settings.velocityDays} days`,
    });
  }
  if (w.contradictedReason !== 0 && profile.contradictedReasons > 0) {
    add('reason_contradicted', capped(w.contradictedReason, profile.contradictedReasons), {
      'zh-CN': `${profile.contradictedReasons} 次申请质量问题，验货未发现问题`,
      en: `${profile.contradictedReasons} claimed defect(s) that inspection did not find`,
    });
  }
  if (w.wardrobing !== 0 && profile.wardrobingReturns > 0) {
    add('wardrobing', capped(w.wardrobing, profile.wardrobingReturns), {
      'zh-CN': `${profile.wardrobingReturns} 次签收后 ${settings.wardrobingDays} 天内退回且已穿用`,
      en: `${profile.wardrobingReturns} return(s) worn and sent back within ${settings.wardrobingDays} days of delivery`,
    });
  }
  if (w.sharedContact !== 0 && profile.sharedContactAccounts > 0) {
    add('shared_contact', w.sharedContact, {
      'zh-CN': `同一电话或地址下另有 ${profile.sharedContactAccounts} 个账号`,
      en: `${profile.sharedContactAccounts} other account(s) share this phone or address`,
    });
  }
  if (w.refundOnlyDelivered !== 0 && request.refundOnlyDelivered) {
    add('refund_only_delivered', w.refundOnlyDelivered, { 'zh-CN': '已签收商品申请仅退款', en: 'Refund without return on delivered goods' });
  }
  if (profile.completedOrders === 0) {
    add('no_history', 10, { 'zh-CN': '首次购买，尚无完成的订单', en: 'First purchase: no completed orders yet' });
  } else if (profile.completedOrders >= 5 && profile.inspectionMismatches === 0 && profile.disputesLost === 0 && profile.goodsNotReturned === 0 && returnRateBp < 2000) {
    add('trusted_history', -15, { 'zh-CN': `${profile.completedOrders} 笔完成订单，售后记录良好`, en: `${profile.completedOrders} completed orders with a clean after-sales record` });
  }
  const score = Math.max(0, Math.min(100, 10 + factors.reduce((a, f) => a + f.points, 0)));
  return { score, factors };
}
