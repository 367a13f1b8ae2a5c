import type { CaseType } from '../cases/model.js';
import { formatMinor } from '../money/currency.js';
import type { RefundMethod } from '../refunds/compute.js';
import type { ItemCondition } from './schema.js';
import type { Explanation, Ruling } from './verdict.js';

/**
 * Every sentence evaluate() says, in zh-CN and en, keyed by its stable rule id. Clients branch on
 * the rule id; people read the sentence. Dates are the shop's calendar days (YYYY-MM-DD), already
 * converted by the caller; amounts are integer minor units formatted with their currency.
 */

const MS_PER_DAY = 86_400_000;

const MAX_CACHED_DAYS = 10_000;
const dayTexts = new Map<number, string>();

/** A local calendar day, counted in days since 1970-01-01, as YYYY-MM-DD. */
export function formatDay(day: number): string {
  // Remembered: every verdict names a few days, and the same days over and over.
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (dayTexts.size >= MAX_CACHED_DAYS) dayTexts.clear();
    dayTexts.set(day, text);
  }
  return text;
}

/** The kinds of list entry (issue 19.5). */
const LIST_KIND_NAMES: Record<string, Explanation> = {
  customer: { 'zh-CN': '客户', en: 'customer' },
  email: { 'zh-CN': '邮箱', en: 'e-mail' },
  phone: { 'zh-CN': '电话', en: 'phone' },
  address: { 'zh-CN': '地址', en: 'address' },
};

/** Case types as people name them; the English names carry their article. */
const CASE_TYPE_NAMES: Record<CaseType, Explanation> = {
  refund_only: { 'zh-CN': '仅退款', en: 'a refund without return' },
  return_refund: { 'zh-CN': '退货退款', en: 'a return for a refund' },
  exchange: { 'zh-CN': '换货', en: 'an exchange' },
  reship: { 'zh-CN': '补发', en: 'a reship' },
  partial_refund: { 'zh-CN': '部分退款', en: 'a partial refund' },
  refused_delivery: { 'zh-CN': '拒收退货', en: 'a refused delivery' },
};

const CONDITION_NAMES: Record<ItemCondition, Explanation> = {
  unopened: { 'zh-CN': '未拆封', en: 'unopened' },
  opened: { 'zh-CN': '已拆封', en: 'opened' },
  used: { 'zh-CN': '已使用', en: 'used' },
  damaged: { 'zh-CN': '已损坏', en: 'damaged' },
};

const METHOD_NAMES: Record<RefundMethod, Explanation> = {
  original: { 'zh-CN': '原支付方式', en: 'the original payment method' },
  store_credit: { 'zh-CN': '店铺余额', en: 'store credit' },
};

/** 七天无理由退货 is the legal name buyers know; other lengths read "15天无理由退货". */
const noReasonZh = (days: number) => `${days === 7 ? '七' : days}天无理由退货`;
const money = (minor: number, currency: string) => `${formatMinor(minor, currency)} ${currency}`;

interface Window {
  days: number;
  lastDay: string;
  zone: string;
}
interface Amounts {
  amountMinor: number;
  maxMinor: number;
  currency: string;
}
interface Risk {
  risk: number;
  max: number;
}
type UnopenedOnly = 'digital' | 'hygiene' | 'digital_hygiene';

const UNOPENED_ONLY: Record<UnopenedOnly, Explanation> = {
  digital: { 'zh-CN': '数字商品须未拆封、未激活', en: 'digital goods only while unopened and not activated' },
  hygiene: { 'zh-CN': '卫生用品须未拆封', en: 'hygiene goods only while sealed' },
  digital_hygiene: { 'zh-CN': '须未拆封、未激活', en: 'only while sealed and not activated' },
};

const SENTENCES = {
  'before_delivery.not_shipped': () => ({
    'zh-CN': '订单尚未发货，可申请仅退款',
    en: 'The order has not shipped yet: a refund without return can be requested',
  }),
  'before_delivery.in_transit': () => ({
    'zh-CN': '包裹运输中，可申请仅退款（商家将尝试拦截包裹）',
    en: 'The parcel is on its way: a refund can be requested and the shop will try to intercept it',
  }),
  'before_delivery.delivered': (p: { day: string }) => ({
    'zh-CN': `订单已于 ${p.day} 签收，不再适用发货前退款`,
    en: `The order was delivered on ${p.day}: refunds before delivery no longer apply`,
  }),
  'before_delivery.cancelled': (p: { day: string }) => ({
    'zh-CN': `订单已于 ${p.day} 取消`,
    en: `The order was cancelled on ${p.day}`,
  }),
  'window.not_delivered': () => ({
    'zh-CN': '订单尚未签收，退货期自签收后开始计算',
    en: 'The order has not been delivered yet: return windows start at delivery',
  }),
  'window.no_reason_open': (p: Window) => ({
    'zh-CN': `支持${noReasonZh(p.days)}（签收次日起 ${p.days} 天），可申请至 ${p.lastDay} 24:00（${p.zone} 时间）`,
    en: `Returns without a reason are open until the end of ${p.lastDay} (${p.zone} time): ${p.days} days from the day after delivery`,
  }),
  'window.no_reason_unopened_only': (p: Window & { only: UnopenedOnly }) => ({
    'zh-CN': `支持${noReasonZh(p.days)}（签收次日起 ${p.days} 天），可申请至 ${p.lastDay} 24:00（${p.zone} 时间），${UNOPENED_ONLY[p.only]['zh-CN']}`,
    en: `Returns without a reason are open until the end of ${p.lastDay} (${p.zone} time), ${UNOPENED_ONLY[p.only].en}`,
  }),
  'window.no_reason_expired': (p: Window) => ({
    'zh-CN': `${noReasonZh(p.days)}期限（签收次日起 ${p.days} 天）已于 ${p.lastDay} 结束`,
    en: `The ${p.days}-day window for returns without a reason ended on ${p.lastDay}`,
  }),
  'window.no_reason_none': () => ({
    'zh-CN': '本店不支持无理由退货',
    en: 'This shop does not accept returns without a fault',
  }),
  'window.seller_fault_open': (p: Window) => ({
    'zh-CN': `商品问题（质量问题、描述不符、发错货等）可申请售后至 ${p.lastDay} 24:00（${p.zone} 时间，签收次日起 ${p.days} 天）`,
    en: `Problems with the goods (quality, not as described, wrong item) can be reported until the end of ${p.lastDay} (${p.zone} time)`,
  }),
  'window.seller_fault_expired': (p: Window) => ({
    'zh-CN': `商品问题售后期限（签收次日起 ${p.days} 天）已于 ${p.lastDay} 结束`,
    en: `The ${p.days}-day window for problems with the goods ended on ${p.lastDay}`,
  }),
  'window.seller_fault_none': () => ({
    'zh-CN': '本店签收后不受理商品问题售后',
    en: 'This shop takes no claims for problems with the goods after delivery',
  }),
  'exclusion.custom_made': (p: { days: number }) => ({
    'zh-CN': `定制商品不支持${noReasonZh(p.days)}`,
    en: 'Custom-made items cannot be returned without a fault',
  }),
  'exclusion.perishable': (p: { days: number }) => ({
    'zh-CN': `生鲜易腐商品不支持${noReasonZh(p.days)}`,
    en: 'Fresh and perishable goods cannot be returned without a fault',
  }),
  'exclusion.final_sale': (p: { days: number }) => ({
    'zh-CN': `最终销售（清仓）商品不支持${noReasonZh(p.days)}`,
    en: 'Final-sale items cannot be returned without a fault',
  }),
  'exclusion.digital_opened': (p: { days: number }) => ({
    'zh-CN': `数字商品拆封或激活后不支持${noReasonZh(p.days)}`,
    en: 'Digital goods cannot be returned without a fault once opened or activated',
  }),
  'exclusion.hygiene_unsealed': (p: { days: number }) => ({
    'zh-CN': `卫生用品拆封后不支持${noReasonZh(p.days)}`,
    en: 'Hygiene goods cannot be returned without a fault once unsealed',
  }),
  'quantity.none_returnable': () => ({
    'zh-CN': '该商品已全部在其他售后中申请',
    en: 'Every unit of this item is already in another return',
  }),
  'quantity.exceeds_returnable': (p: { requested: number; returnable: number }) => ({
    'zh-CN': `申请数量 ${p.requested} 件，超过可退数量 ${p.returnable} 件`,
    en: `${p.requested} unit(s) asked for, but only ${p.returnable} can be returned`,
  }),
  'reason.none_allowed': () => ({
    'zh-CN': '该商品当前没有可选的售后原因',
    en: 'No return reason applies to this item now',
  }),
  'reason.unknown': (p: { code: string }) => ({
    'zh-CN': `未知的售后原因“${p.code}”`,
    en: `Unknown return reason "${p.code}"`,
  }),
  'reason.case_type': (p: { label: Explanation; caseType: CaseType }) => ({
    'zh-CN': `“${p.label['zh-CN']}”不能申请${CASE_TYPE_NAMES[p.caseType]['zh-CN']}`,
    en: `"${p.label.en}" cannot be given for ${CASE_TYPE_NAMES[p.caseType].en}`,
  }),
  'reason.not_before_delivery': (p: { label: Explanation }) => ({
    'zh-CN': `订单签收前不能以“${p.label['zh-CN']}”申请`,
    en: `"${p.label.en}" cannot be given before the order is delivered`,
  }),
  'case_type.not_delivered': (p: { caseType: CaseType }) => ({
    'zh-CN': `订单尚未签收，不能申请${CASE_TYPE_NAMES[p.caseType]['zh-CN']}，只能申请仅退款`,
    en: `Before delivery ${CASE_TYPE_NAMES[p.caseType].en} cannot be asked for, only a refund without return`,
  }),
  'case_type.delivered': (p: { caseType: CaseType }) => ({
    'zh-CN': `订单已签收，不能申请${CASE_TYPE_NAMES[p.caseType]['zh-CN']}`,
    en: `The order was delivered: ${CASE_TYPE_NAMES[p.caseType].en} no longer applies`,
  }),
  'case_type.needs_fault': (p: { caseType: CaseType }) => ({
    'zh-CN': `签收后申请${CASE_TYPE_NAMES[p.caseType]['zh-CN']}须为商家或物流原因`,
    en: `After delivery ${CASE_TYPE_NAMES[p.caseType].en} needs a fault of the shop or the carrier`,
  }),
  'exchange.disabled': () => ({
    'zh-CN': '本店不支持换货',
    en: 'This shop does not offer exchanges',
  }),
  'condition.not_accepted': (p: { condition: ItemCondition; days: number }) => ({
    'zh-CN': `商品${CONDITION_NAMES[p.condition]['zh-CN']}，不符合${noReasonZh(p.days)}的要求（商品须完好）`,
    en: `Items that are ${CONDITION_NAMES[p.condition].en} cannot be returned without a fault`,
  }),
  'returnless.not_offered': () => ({
    'zh-CN': '该商品须退回后才能退款',
    en: 'This item must be sent back before it is refunded',
  }),
  'request.no_items': () => ({
    'zh-CN': '申请中没有商品',
    en: 'The request names no item',
  }),
  'refund.method_not_offered': (p: { method: RefundMethod }) => ({
    'zh-CN': `本店不支持退款至${METHOD_NAMES[p.method]['zh-CN']}`,
    en: `This shop does not refund to ${METHOD_NAMES[p.method].en}`,
  }),
  'request.eligible': () => ({
    'zh-CN': '申请符合退货政策',
    en: 'The request meets the return policy',
  }),
  'automation.review_risk': (p: Risk) => ({
    'zh-CN': `买家风险分 ${p.risk} 高于 ${p.max}，须人工审核`,
    en: `The buyer's risk score ${p.risk} is above ${p.max}: a person reviews the case`,
  }),
  'automation.review_blocklist': (p: { kind: string; value: string; reason: string | null }) => ({
    'zh-CN': `买家在黑名单中（${LIST_KIND_NAMES[p.kind]?.['zh-CN'] ?? p.kind}：${p.value}${p.reason ? `，${p.reason}` : ''}），须人工审核`,
    en: `The buyer is on the blocklist (${LIST_KIND_NAMES[p.kind]?.en ?? p.kind}: ${p.value}${p.reason ? `; ${p.reason}` : ''}): a person reviews the case`,
  }),
  'automation.allowlisted': (p: { kind: string; value: string }) => ({
    'zh-CN': `买家在白名单中（${LIST_KIND_NAMES[p.kind]?.['zh-CN'] ?? p.kind}：${p.value}），不因风险分拦截`,
    en: `The buyer is on the allowlist (${LIST_KIND_NAMES[p.kind]?.en ?? p.kind}: ${p.value}): not held back by the risk score`,
  }),
  'evidence.demanded': (p: { kinds: Explanation[]; dueAt: string; note: string | null }) => ({
    'zh-CN': `商家请您补充凭证：${p.kinds.map((k) => k['zh-CN']).join('、')}，请在 ${p.dueAt} 前上传。${p.note ? `说明：${p.note}` : ''}`,
    en: `The shop asks you for evidence: ${p.kinds.map((k) => k.en).join(', ')}. Please upload it by ${p.dueAt}.${p.note ? ` Note: ${p.note}` : ''}`,
  }),
  'automation.not_eligible': () => ({
    'zh-CN': '申请不符合政策，不做自动处理',
    en: 'The request does not meet the policy: nothing is decided automatically',
  }),
  'automation.evidence_required': (p: { label: Explanation }) => ({
    'zh-CN': `原因“${p.label['zh-CN']}”须附照片或视频：商家看到凭证后人工处理，不自动同意`,
    en: `"${p.label.en}" needs photos or video: a person decides once they are attached, nothing is approved automatically`,
  }),
  'evidence.requested': (p: { label: Explanation }) => ({
    'zh-CN': `您的售后原因“${p.label['zh-CN']}”需要照片或视频凭证，请在售后页面上传商品问题的照片，商家看到后会尽快处理。`,
    en: `Your reason "${p.label.en}" needs photos or video: please upload photos of the problem on the return page, and the shop will decide once it has seen them.`,
  }),
  'automation.auto_approve': (p: Amounts) => ({
    'zh-CN': `退款 ${money(p.amountMinor, p.currency)} 不超过 ${money(p.maxMinor, p.currency)}，低风险买家，自动同意`,
    en: `A refund of ${money(p.amountMinor, p.currency)} (up to ${money(p.maxMinor, p.currency)}) for a low-risk buyer: approved automatically`,
  }),
  'automation.auto_approve_disabled': () => ({
    'zh-CN': '未开启自动同意',
    en: 'Automatic approval is off',
  }),
  'automation.refund_above_limit': (p: Amounts) => ({
    'zh-CN': `退款 ${money(p.amountMinor, p.currency)} 超过自动同意上限 ${money(p.maxMinor, p.currency)}`,
    en: `A refund of ${money(p.amountMinor, p.currency)} is above the automatic approval limit of ${money(p.maxMinor, p.currency)}`,
  }),
  'automation.risk_above_limit': (p: Risk) => ({
    'zh-CN': `买家风险分 ${p.risk} 高于自动同意上限 ${p.max}`,
    en: `The buyer's risk score ${p.risk} is above the automatic approval limit of ${p.max}`,
  }),
  'automation.reason_not_listed': (p: { label: Explanation }) => ({
    'zh-CN': `原因“${p.label['zh-CN']}”不在自动同意范围内`,
    en: `"${p.label.en}" is not among the reasons approved automatically`,
  }),
  'automation.fast_refund': (p: { trigger: 'approval' | 'first_scan' }) =>
    p.trigger === 'first_scan'
      ? { 'zh-CN': '符合极速退款：退货包裹首次揽收扫描时即退款', en: 'Fast refund: paid at the first carrier scan of the return' }
      : { 'zh-CN': '符合极速退款：同意申请时即退款', en: 'Fast refund: paid at approval, before the goods come back' },
  'automation.fast_refund_disabled': () => ({
    'zh-CN': '未开启极速退款',
    en: 'Fast refunds are off',
  }),
  'automation.fast_refund_case_type': () => ({
    'zh-CN': '极速退款仅适用于需寄回商品的退货退款',
    en: 'Fast refunds apply only to goods sent back for a refund',
  }),
  'automation.fast_refund_above_limit': (p: Amounts) => ({
    'zh-CN': `退款 ${money(p.amountMinor, p.currency)} 超过极速退款上限 ${money(p.maxMinor, p.currency)}`,
    en: `A refund of ${money(p.amountMinor, p.currency)} is above the fast refund limit of ${money(p.maxMinor, p.currency)}`,
  }),
  'automation.fast_refund_risk': (p: Risk) => ({
    'zh-CN': `买家风险分 ${p.risk} 高于极速退款上限 ${p.max}`,
    en: `The buyer's risk score ${p.risk} is above the fast refund limit of ${p.max}`,
  }),
  'automation.fast_refund_history': (p: { completed: number; min: number }) => ({
    'zh-CN': `买家已完成订单 ${p.completed} 笔，极速退款须至少 ${p.min} 笔`,
    en: `The buyer has ${p.completed} completed order(s); fast refunds need ${p.min}`,
  }),
} satisfies Record<string, (p: never) => Explanation>;

export type RuleId = keyof typeof SENTENCES;
export type RuleParams<R extends RuleId> = Parameters<(typeof SENTENCES)[R]>[0];
/** Rules whose sentence needs no parameters. */
type Plain = { [R in RuleId]: RuleParams<R> extends undefined ? R : never }[RuleId];

export const RULE_IDS = Object.keys(SENTENCES) as RuleId[];

/** The ruling `rule` with its sentence in both languages. */
export function ruling<R extends Plain>(rule: R): Ruling;
export function ruling<R extends RuleId>(rule: R, params: RuleParams<R>): Ruling;
export function ruling(rule: RuleId, params?: unknown): Ruling {
  // One call site for every rule: the overloads above keep rule and parameters paired.
  const sentence = SENTENCES[rule] as (p: unknown) => Explanation;
  return { rule, explanation: sentence(params) };
}
