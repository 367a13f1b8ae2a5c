import type { Policy, Reason } from './schema.js';
import { STATUTORY_PRESETS } from './presets-eu.js';

/**
 * Two starting policies a shop picks from and then edits. Every number is a setting (see
 * shared/reference/marketplace-rules.md for where each comes from); nothing here is a constant
 * the code relies on.
 */

const HOUR = 1;
const DAY = 24 * HOUR;

/**
 * China marketplaces (Taobao/Tmall, Pinduoduo, JD) and the PRC 7-day rule (网络购买商品七日无理由退货
 * 暂行办法, 2017): 7 days without a reason from the day after receipt, goods complete (reasonable
 * inspection allowed), the buyer pays return shipping for a change of mind unless the order has
 * shipping insurance (运费险), refund within 7 days of receiving the goods back.
 */
const chinaReasons: Reason[] = [
  { code: 'no_reason', label: { 'zh-CN': '七天无理由', en: 'No reason (7-day return)' }, fault: 'buyer', quality: false, evidenceRequired: false },
  { code: 'wrong_size', label: { 'zh-CN': '尺码不合适', en: 'Wrong size' }, fault: 'buyer', quality: false, evidenceRequired: false },
  { code: 'no_longer_needed', label: { 'zh-CN': '不想要了/拍错了', en: 'No longer needed / ordered by mistake' }, fault: 'buyer', quality: false, evidenceRequired: false },
  { code: 'quality_issue', label: { 'zh-CN': '质量问题', en: 'Quality problem' }, fault: 'seller', quality: true, evidenceRequired: true },
  { code: 'not_as_described', label: { 'zh-CN': '描述不符', en: 'Not as described' }, fault: 'seller', quality: true, evidenceRequired: true },
  { code: 'counterfeit', label: { 'zh-CN': '假冒品牌', en: 'Counterfeit brand' }, fault: 'seller', quality: true, evidenceRequired: true },
  { code: 'wrong_item', label: { 'zh-CN': '发错货', en: 'Wrong item sent' }, fault: 'seller', quality: true, evidenceRequired: false },
  {
    code: 'missing_parts',
    label: { 'zh-CN': '少件/漏发', en: 'Missing parts or items' },
    fault: 'seller',
    quality: false,
    evidenceRequired: false,
    caseTypes: ['refund_only', 'reship', 'partial_refund'],
  },
  { code: 'damaged_in_transit', label: { 'zh-CN': '快递破损', en: 'Damaged in transit' }, fault: 'carrier', quality: false, evidenceRequired: true },
  { code: 'not_received', label: { 'zh-CN': '未收到货', en: 'Not received' }, fault: 'carrier', quality: false, evidenceRequired: false, caseTypes: ['refund_only'] },
  {
    code: 'late_shipment',
    label: { 'zh-CN': '未按约定时间发货', en: 'Not shipped on time' },
    fault: 'seller',
    quality: false,
    evidenceRequired: false,
    caseTypes: ['refund_only'],
  },
  { code: 'expired', label: { 'zh-CN': '临期/过期', en: 'Near or past expiry' }, fault: 'seller', quality: true, evidenceRequired: true },
];

export const chinaMarketplacePreset: Policy = {
  schemaVersion: 1,
  name: '中国电商平台（七天无理由）',
  judgeBy: 'order_date',
  windows: {
    // 七日无理由: 7 days counted from the day after receipt.
    noReasonDays: 7,
    // Problems with the goods: 15 days, as the 三包 rules give for exchanging goods with a performance fault.
    // A setting, not the law for every product (warranty claims run longer).
    sellerFaultDays: 15,
    overrides: [],
  },
  // All five: the statutory exclusions of the 2017 measures, plus final sale disclosed at purchase.
  exclusions: { customMade: true, perishable: true, digitalOnceOpened: true, hygieneOnceUnsealed: true, finalSale: true },
  reasons: chinaReasons,
  // 商品完好: original quality and function; opening the package to inspect it is reasonable.
  conditions: { acceptedForNoReason: ['unopened', 'opened'] },
  fees: {
    returnShipping: { buyer: 'buyer', seller: 'seller', carrier: 'seller' },
    shippingInsuranceCoversBuyer: true,
    refundOutboundShippingOnSellerFault: true,
    // Marketplace buyers choose their own courier (or 上门取件); the shop prints no labels.
    prepaidLabel: { enabled: false, costMinor: 0 },
    // ¥20: what a domestic return usually costs; the buyer is reimbursed up to this for a seller fault.
    maxReturnShippingReimbursementMinor: 2000,
    restocking: [],
  },
  refunds: { methods: ['original'], storeCreditBonusBp: 0 },
  exchanges: { enabled: true, priceIncrease: 'buyer_pays' },
  // Under ¥10 a return costs more than the item: refund and let the buyer keep it.
  returnless: { enabled: true, maxUnitValueMinor: 1000 },
  automation: {
    autoApprove: { enabled: true, maxRefundMinor: 20000, maxRiskScore: 30 },
    // 极速退款: trusted buyers are refunded at the return's first carrier scan.
    fastRefund: { enabled: true, maxRefundMinor: 50000, maxRiskScore: 20, minCompletedOrders: 5, trigger: 'first_scan' },
    manualReviewAboveRisk: 70,
  },
  // marketplace-rules.md §3: the commonly cited Taobao-style defaults.
  deadlines: {
    merchantResponseNotShippedHours: 48 * HOUR,
    merchantResponseHours: 5 * DAY,
    buyerShipHours: 7 * DAY,
    merchantReceiptHours: 10 * DAY,
    reviseOrEscalateHours: 7 * DAY,
    refundAfterReceiptHours: 7 * DAY,
  },
  // Issue 17: each platform's clocks where its record gives no per-case deadline (marketplace-rules.md §1).
  // Taobao 24 h / 36 h / 5 d are M (a translated rule table); the 48 h / 7 d / 10 d fallbacks are U.
  // PDD 48 h is L (blog); JD 24 h is H for disputes; Douyin always gives `status_deadline`.
  marketplaceDeadlines: {
    taobao: { unshippedRefundHours: 24 * HOUR, shippedNotReceivedRefundHours: 36 * HOUR, sellerResponseHours: 48 * HOUR, buyerShipHours: 7 * DAY, sellerReceiptHours: 10 * DAY, buyerReviseHours: 5 * DAY },
    pinduoduo: { sellerResponseHours: 48 * HOUR },
    jd: { sellerResponseHours: 24 * HOUR },
  },
  // 品质退款率 over 30 days. The platforms do not publish their thresholds (they vary by category):
  // these are placeholders with an early-warning margin, for the shop to set from its own backend.
  qualityRefundRate: { windowDays: 30, warnAtBp: 100, limitBp: 150 },
};

/** Web shops selling abroad: 30-day returns, prepaid labels, store credit, exchanges (Loop, Shopify, AfterShip style). */
const internationalReasons: Reason[] = [
  { code: 'changed_mind', label: { 'zh-CN': '不想要了', en: 'Changed my mind' }, fault: 'buyer', quality: false, evidenceRequired: false },
  { code: 'wrong_size', label: { 'zh-CN': '尺码不合适', en: 'Wrong size or fit' }, fault: 'buyer', quality: false, evidenceRequired: false },
  { code: 'defective', label: { 'zh-CN': '商品有缺陷', en: 'Defective' }, fault: 'seller', quality: true, evidenceRequired: true },
  { code: 'not_as_described', label: { 'zh-CN': '描述不符', en: 'Not as described' }, fault: 'seller', quality: true, evidenceRequired: true },
  { code: 'damaged_in_transit', label: { 'zh-CN': '运输中损坏', en: 'Damaged in transit' }, fault: 'carrier', quality: false, evidenceRequired: true },
  { code: 'wrong_item', label: { 'zh-CN': '发错货', en: 'Wrong item sent' }, fault: 'seller', quality: true, evidenceRequired: false },
  {
    code: 'missing_parts',
    label: { 'zh-CN': '少件/漏发', en: 'Missing parts or items' },
    fault: 'seller',
    quality: false,
    evidenceRequired: false,
    caseTypes: ['refund_only', 'reship', 'partial_refund'],
  },
  {
    code: 'arrived_late',
    label: { 'zh-CN': '送达太晚', en: 'Arrived too late' },
    fault: 'seller',
    quality: false,
    evidenceRequired: false,
    caseTypes: ['return_refund', 'partial_refund'],
  },
];

export const internationalPreset: Policy = {
  schemaVersion: 1,
  name: 'International web shop (30-day returns)',
  judgeBy: 'order_date',
  windows: {
    noReasonDays: 30,
    // Faults found later are still the shop's: 90 days, well inside statutory guarantees (EU: 2 years, handled as warranty claims).
    sellerFaultDays: 90,
    // Loyalty perk: the best customers get 60 days to change their mind.
    overrides: [{ match: { customerTiers: ['vip'] }, noReasonDays: 60 }],
  },
  exclusions: { customMade: true, perishable: true, digitalOnceOpened: true, hygieneOnceUnsealed: true, finalSale: true },
  reasons: internationalReasons,
  conditions: { acceptedForNoReason: ['unopened', 'opened'] },
  fees: {
    returnShipping: { buyer: 'buyer', seller: 'seller', carrier: 'seller' },
    shippingInsuranceCoversBuyer: false,
    refundOutboundShippingOnSellerFault: true,
    // The portal prints a prepaid label; a buyer who changed their mind pays for it out of the refund.
    prepaidLabel: { enabled: true, costMinor: 595 },
    maxReturnShippingReimbursementMinor: 1500,
    // Opened electronics lose value as new stock: 15 % of the item refund on no-reason returns.
    restocking: [{ categories: ['electronics'], conditions: ['opened', 'used'], feeBp: 1500 }],
  },
  // "Shop now" bonus: 10 % more when the buyer takes store credit instead of money back.
  refunds: { methods: ['original', 'store_credit'], storeCreditBonusBp: 1000 },
  // Exchanges keep the sale: the shop absorbs a price difference (the schema has no cap; amend the policy if needed).
  exchanges: { enabled: true, priceIncrease: 'shop_absorbs' },
  returnless: { enabled: true, maxUnitValueMinor: 1000 },
  automation: {
    autoApprove: { enabled: true, maxRefundMinor: 25000, maxRiskScore: 40 },
    // Instant refunds at the first carrier scan for repeat customers.
    fastRefund: { enabled: true, maxRefundMinor: 15000, maxRiskScore: 20, minCompletedOrders: 3, trigger: 'first_scan' },
    manualReviewAboveRisk: 75,
  },
  deadlines: {
    merchantResponseNotShippedHours: 24 * HOUR,
    merchantResponseHours: 2 * DAY,
    buyerShipHours: 14 * DAY,
    merchantReceiptHours: 14 * DAY,
    reviseOrEscalateHours: 7 * DAY,
    // EU consumer law wants money back within 14 days of the withdrawal (the shop may wait for the goods): pay promptly once they arrive.
    refundAfterReceiptHours: 5 * DAY,
  },
  // No marketplace polices a web shop; an internal alert on faulty goods.
  qualityRefundRate: { windowDays: 30, warnAtBp: 300, limitBp: 500 },
};

export type PresetName = 'china_marketplace' | 'international' | keyof typeof STATUTORY_PRESETS;

export const POLICY_PRESETS: Readonly<Record<PresetName, Policy>> = {
  china_marketplace: chinaMarketplacePreset,
  international: internationalPreset,
  ...STATUTORY_PRESETS,
};

export { euWithdrawalPreset, ukCancellationPreset, STATUTORY_PRESETS } from './presets-eu.js';
