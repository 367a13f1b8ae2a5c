import type { Policy, Reason } from './schema.js';
import { exclusionsForExceptions, type Art16Exception } from './withdrawal.js';

/**
 * Statutory presets for shops selling to consumers in the EU (Directive 2011/83/EU arts. 9–16)
 * and the UK (Consumer Contracts Regulations 2013), shared/reference/marketplace-rules.md §7.
 * Like the other presets, every number is a setting the shop may raise, never lower below the law
 * (validate.ts checks the floors).
 */

const DAY = 24;

const withdrawalReasons: Reason[] = [
  { code: 'withdrawal', label: { 'zh-CN': '撤回购买（14天无理由）', en: 'Withdrawal (14 days, no reason needed)' }, fault: 'buyer', quality: false, evidenceRequired: false },
  { code: 'wrong_size', label: { 'zh-CN': '尺码不合适', en: 'Wrong size or fit' }, fault: 'buyer', quality: false, evidenceRequired: false },
  { code: 'defective', label: { 'zh-CN': '商品有缺陷', en: 'Defective' }, fault: 'seller', quality: true, evidenceRequired: true },
  { code: 'not_as_described', label: { 'zh-CN': '描述不符', en: 'Not as described' }, fault: 'seller', quality: true, evidenceRequired: true },
  { code: 'wrong_item', label: { 'zh-CN': '发错货', en: 'Wrong item sent' }, fault: 'seller', quality: true, evidenceRequired: false },
  { code: 'damaged_in_transit', label: { 'zh-CN': '运输中损坏', en: 'Damaged in transit' }, fault: 'carrier', quality: false, evidenceRequired: true },
  {
    code: 'missing_parts',
    label: { 'zh-CN': '少件/漏发', en: 'Missing parts or items' },
    fault: 'seller',
    quality: false,
    evidenceRequired: false,
    caseTypes: ['refund_only', 'reship', 'partial_refund'],
  },
];

/** The goods exceptions of art. 16 a general shop relies on (points c, d, e, i, m). */
const EXCEPTIONS: Art16Exception[] = ['c_personalised', 'd_perishable', 'e_sealed_hygiene', 'i_sealed_media', 'm_digital_content'];

export const euWithdrawalPreset: Policy = {
  schemaVersion: 1,
  name: 'EU 14-day withdrawal (Directive 2011/83/EU)',
  judgeBy: 'order_date',
  windows: {
    // Art. 9: 14 days from physical possession of the last parcel.
    noReasonDays: 14,
    // Faults are a legal-guarantee matter (2 years, Directive 2019/771): the shop's own window for returning faulty goods.
    sellerFaultDays: 730,
    overrides: [],
  },
  // Only the art. 16 exceptions exclude goods; "final sale" is not one.
  exclusions: exclusionsForExceptions(EXCEPTIONS),
  reasons: withdrawalReasons,
  // Art. 14(2): used goods may be returned; the buyer answers for diminished value, assessed at inspection.
  conditions: { acceptedForNoReason: ['unopened', 'opened', 'used', 'damaged'] },
  fees: {
    // Art. 14(1): the consumer bears the direct cost of return when informed of it.
    returnShipping: { buyer: 'buyer', seller: 'seller', carrier: 'seller' },
    shippingInsuranceCoversBuyer: false,
    refundOutboundShippingOnSellerFault: true,
    prepaidLabel: { enabled: true, costMinor: 495 },
    maxReturnShippingReimbursementMinor: 1500,
    // No restocking fee on a withdrawal: only diminished value may be deducted.
    restocking: [],
  },
  // Art. 13(1): the same means of payment, unless the buyer expressly chooses otherwise (store credit, no bonus).
  refunds: { methods: ['original', 'store_credit'], storeCreditBonusBp: 0 },
  exchanges: { enabled: true, priceIncrease: 'buyer_pays' },
  returnless: { enabled: false, maxUnitValueMinor: 0 },
  automation: {
    autoApprove: { enabled: true, maxRefundMinor: 25000, maxRiskScore: 40 },
    fastRefund: { enabled: false, maxRefundMinor: 10000, maxRiskScore: 20, minCompletedOrders: 3, trigger: 'first_scan' },
    manualReviewAboveRisk: 75,
  },
  deadlines: {
    merchantResponseNotShippedHours: 24,
    merchantResponseHours: 2 * DAY,
    // Art. 14(1): the consumer sends the goods back within 14 days of the withdrawal.
    buyerShipHours: 14 * DAY,
    merchantReceiptHours: 14 * DAY,
    reviseOrEscalateHours: 7 * DAY,
    refundAfterReceiptHours: 3 * DAY,
  },
  qualityRefundRate: { windowDays: 30, warnAtBp: 300, limitBp: 500 },
  statutory: {
    regime: 'eu',
    withdrawalDays: 14,
    extendToWorkingDay: true,
    refundWithinDays: 14,
    refundCountsFrom: 'notice',
    withholdUntilGoodsOrProof: true,
    refundStandardDelivery: true,
    diminishedValueDeduction: true,
    exceptions: EXCEPTIONS,
  },
};

/**
 * UK: the Consumer Contracts (Information, Cancellation and Additional Charges) Regulations 2013
 * keep the same 14 days and refund rules (reg. 34: refund within 14 days of the goods back or the
 * evidence of return; reductions for handling beyond inspection). The EU's Regulation 1182/71 no
 * longer applies: periods end on their 14th day.
 */
export const ukCancellationPreset: Policy = {
  ...euWithdrawalPreset,
  name: 'UK 14-day cancellation (Consumer Contracts Regulations 2013)',
  reasons: withdrawalReasons.map((r) => (r.code === 'withdrawal' ? { ...r, code: 'cancellation', label: { 'zh-CN': '取消购买（14天无理由）', en: 'Cancellation (14 days, no reason needed)' } } : r)),
  // Consumer Rights Act 2015: the short-term right to reject faulty goods lasts 30 days.
  windows: { noReasonDays: 14, sellerFaultDays: 30, overrides: [] },
  statutory: { ...euWithdrawalPreset.statutory!, regime: 'uk', extendToWorkingDay: false, refundCountsFrom: 'goods_or_proof' },
};

export const STATUTORY_PRESETS = { eu_withdrawal: euWithdrawalPreset, uk_cancellation: ukCancellationPreset } as const;
