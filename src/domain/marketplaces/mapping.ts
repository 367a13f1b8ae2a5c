import type { CaseStatus, CaseType, RefundOnlyKind } from '../cases/model.js';

/**
 * Marketplace after-sales codes → Retour (issue 17, point 2). One table per platform, each row
 * with the confidence of ../shared/reference/marketplace-rules.md §6 (H primary text, M one credible
 * secondary source, L blog/clone-level or inference, U unconfirmed). Pure data and functions: the
 * connectors map every record through here, and docs/marketplaces.md lists the same rows.
 */
export const PLATFORMS = ['taobao', 'pinduoduo', 'jd', 'douyin'] as const;
export type Platform = (typeof PLATFORMS)[number];
export type Confidence = 'H' | 'M' | 'L' | 'U';

/**
 * The neutral lifecycle of the reference (§6), plus what the platforms add: `escalated` (the
 * platform is handling it), `replacement` (a replacement or reshipment on its way to the buyer),
 * `resolved` (an exchange/reship/repair finished). `null`: not an after-sales state (PDD 0).
 */
export type Neutral = 'requested' | 'approved' | 'awaiting_return' | 'in_transit' | 'received' | 'inspected' | 'rejected' | 'escalated' | 'refunded' | 'replacement' | 'resolved' | 'closed';

export interface StatusRow {
  code: string;
  meaning: string;
  neutral: Neutral | null;
  confidence: Confidence;
  note?: string;
}

export interface TypeRow {
  code: string;
  meaning: string;
  /** null: a kind of after-sales Retour does not model (repair, price protection): skipped and logged. */
  type: CaseType | null;
  refundOnlyKind?: RefundOnlyKind;
  confidence: Confidence;
  note?: string;
}

const s = (code: string | number, meaning: string, neutral: Neutral | null, confidence: Confidence, note?: string): StatusRow => ({ code: String(code), meaning, neutral, confidence, ...(note ? { note } : {}) });
const ty = (code: string | number, meaning: string, type: CaseType | null, confidence: Confidence, refundOnlyKind?: RefundOnlyKind, note?: string): TypeRow => ({
  code: String(code),
  meaning,
  type,
  confidence,
  ...(refundOnlyKind ? { refundOnlyKind } : {}),
  ...(note ? { note } : {}),
});

/** Taobao/Tmall `taobao.refunds.receive.get` / `taobao.refund.get` `status` (§6.1). */
export const TAOBAO_STATUSES: readonly StatusRow[] = [
  s('WAIT_SELLER_AGREE', '买家已经申请退款，等待卖家同意', 'requested', 'H'),
  s('WAIT_BUYER_RETURN_GOODS', '卖家已经同意退款，等待买家退货', 'awaiting_return', 'H'),
  s('WAIT_SELLER_CONFIRM_GOODS', '买家已经退货，等待卖家确认收货', 'in_transit', 'H', 'received only on Retour’s own scan'),
  s('SELLER_REFUSE_BUYER', '卖家拒绝退款', 'rejected', 'H', 'not terminal: the buyer may revise or escalate'),
  s('CLOSED', '退款关闭', 'closed', 'H'),
  s('SUCCESS', '退款成功', 'refunded', 'H'),
];
/**
 * Taobao has no type code: `has_good_return` says return or refund-only, and for refund-only the
 * order's shipping state and `good_status` say which kind.
 */
export const TAOBAO_TYPES: readonly TypeRow[] = [
  ty('has_good_return=true', '退货退款', 'return_refund', 'H'),
  ty('not_shipped', '仅退款（未发货，order_status WAIT_SELLER_SEND_GOODS）', 'refund_only', 'H', 'not_shipped'),
  ty('BUYER_NOT_RECEIVED', '仅退款（已发货未收到）', 'refund_only', 'H', 'in_transit'),
  ty('BUYER_RECEIVED', '仅退款（已收到货）', 'refund_only', 'H', 'delivered_keep'),
];

/** Pinduoduo `pdd.refund.list.increment.get` `after_sales_status` (§6.2). */
export const PDD_STATUSES: readonly StatusRow[] = [
  s(0, '无售后', null, 'H'),
  s(2, '买家申请退款，待商家处理', 'requested', 'H'),
  s(3, '退货退款，待商家处理', 'requested', 'H', 'in_transit when a return waybill is present is an inference (L); not applied'),
  s(4, '商家同意退款，退款中', 'approved', 'H'),
  s(5, '平台同意退款，退款中', 'approved', 'H', 'the platform ruled'),
  s(6, '驳回退款，待买家处理', 'rejected', 'H', 'not terminal'),
  s(7, '已同意退货退款，待用户发货', 'awaiting_return', 'H'),
  s(8, '平台处理中', 'escalated', 'H'),
  s(9, '平台拒绝退款，退款关闭', 'closed', 'H'),
  s(10, '退款成功', 'refunded', 'H'),
  s(11, '买家撤销', 'closed', 'H'),
  s(12, '买家逾期未处理，退款失败', 'closed', 'H'),
  s(13, '买家逾期，超过有效期', 'closed', 'H'),
  s(14, '换货补寄待商家处理', 'requested', 'H'),
  s(15, '换货补寄待用户处理', 'awaiting_return', 'H'),
  s(16, '换货补寄成功', 'resolved', 'H'),
  s(17, '换货补寄失败', 'closed', 'H'),
  s(18, '换货补寄待用户确认完成', 'replacement', 'L', 'meaning from the enum (H), the Retour state is an inference'),
  s(21, '待商家同意维修', 'requested', 'H'),
  s(22, '待用户确认发货', 'awaiting_return', 'H'),
  s(24, '维修关闭', 'closed', 'H'),
  s(25, '维修成功', 'resolved', 'H'),
  s(27, '待用户确认收货', 'replacement', 'H'),
  s(31, '已同意拒收退款，待用户拒收', 'approved', 'H'),
  s(32, '补寄待商家发货', 'approved', 'H'),
  s(33, '待商家召回', 'approved', 'H', 'interception pending'),
];
/** Pinduoduo `after_sales_type` (1 "all" is a query filter only). */
export const PDD_TYPES: readonly TypeRow[] = [
  ty(2, '仅退款', 'refund_only', 'H', undefined, 'kind from the order: shipped or not'),
  ty(3, '退货退款', 'return_refund', 'H'),
  ty(4, '换货', 'exchange', 'H'),
  ty(5, '缺货补寄', 'reship', 'H'),
  ty(6, '维修', null, 'H', undefined, 'repair is not modelled'),
];
/** Pinduoduo `speed_refund_status` (§2): a fast refund (极速退款) was paid by the platform. */
export const PDD_SPEED_REFUND: readonly StatusRow[] = [
  s('1', '有极速退款资格', null, 'H'),
  s('2', '极速退款失败', null, 'H'),
  s('3', '极速退款成功', 'refunded', 'H', 'the platform paid before the goods came back: the case records refund-before-receipt'),
];

/** JD pre-shipment refund applications (`pop.afs.refundapply.querylist` `status`, §6.3), prefixed `refund:`. */
export const JD_REFUND_STATUSES: readonly StatusRow[] = [
  s('refund:0', '未审核', 'requested', 'H'),
  s('refund:1', '审核通过', 'approved', 'H'),
  s('refund:2', '审核不通过', 'rejected', 'H'),
  s('refund:3', '京东财务审核通过', 'refunded', 'H'),
  s('refund:4', '京东财务审核不通过', 'rejected', 'H'),
  s('refund:5', '人工审核通过', 'approved', 'H'),
  s('refund:6', '拦截并退款', 'refunded', 'H'),
  s('refund:7', '青龙拦截成功', 'approved', 'H', 'recovery pending'),
  s('refund:8', '青龙拦截失败', 'requested', 'H'),
  s('refund:9', '强制关单并退款', 'refunded', 'H'),
  s('refund:10', '物流待跟进（线下拦截）', 'requested', 'H'),
  s('refund:11', '用户撤销', 'closed', 'H'),
  s('refund:16', '拒收后退款', 'approved', 'M'),
  s('refund:17', '协商退货退款', 'awaiting_return', 'M'),
  s('refund:18', '协商关闭', 'closed', 'M'),
  s('refund:19', '纠纷介入', 'escalated', 'M'),
  s('refund:27', '京东承诺拦截', 'approved', 'M'),
];
/** JD after-sales service orders (服务单, `jingdong.asc.query.list` `serviceStatus`), prefixed `service:`. One ERP source: M. */
export const JD_SERVICE_STATUSES: readonly StatusRow[] = [
  s('service:10000', '待审核领取', 'requested', 'M'),
  s('service:10001', '待审核', 'requested', 'M'),
  s('service:10002', '待客户反馈', 'requested', 'M', 'waiting on the buyer'),
  s('service:10012', '客户已反馈', 'requested', 'M'),
  s('service:10013', '待审核和待客户反馈', 'requested', 'M'),
  s('service:10004', '审核关闭', 'closed', 'M'),
  s('service:10005', '待收货', 'in_transit', 'M'),
  s('service:10006', '待处理领取', 'received', 'M'),
  s('service:10007', '待处理', 'received', 'M'),
  s('service:10009', '待用户确认', 'inspected', 'M'),
  s('service:10041', '提交退款申请', 'inspected', 'M', 'refund pending on JD’s side'),
  s('service:10010', '完成', 'closed', 'M', 'not proof of a refund: check the refund record'),
  s('service:10011', '取消', 'closed', 'M'),
  s('service:1100', '维修中心处理', null, 'M', 'repair: out of scope'),
  s('service:12000', '上门维修', null, 'M', 'repair: out of scope'),
  s('service:13000', '商家取件', null, 'M', 'out of scope'),
  s('service:14000', '上门检测', null, 'M', 'out of scope'),
];
export const JD_STATUSES: readonly StatusRow[] = [...JD_REFUND_STATUSES, ...JD_SERVICE_STATUSES];
/** JD types: the object is the type. `customerExpect` codes of service orders are not in the reference (U). */
export const JD_TYPES: readonly TypeRow[] = [
  ty('refund', '未发货退款申请', 'refund_only', 'H', 'not_shipped'),
  ty('service:10', '服务单 退货', 'return_refund', 'U'),
  ty('service:20', '服务单 换货', 'exchange', 'U'),
  ty('service:30', '服务单 维修', null, 'U', undefined, 'repair is not modelled'),
];

/** Douyin (抖店) `afterSale/List` `aftersale_status` (§6.4). */
export const DOUYIN_STATUSES: readonly StatusRow[] = [
  s(6, '待商家同意', 'requested', 'H'),
  s(7, '待买家退货', 'awaiting_return', 'H'),
  s(8, '待商家发货（换货/补寄）', 'replacement', 'H', 'approved; the replacement is to ship'),
  s(11, '待商家二次同意（买家已退货）', 'in_transit', 'M', 'code H, meaning via message 201 (M)'),
  s(12, '售后成功', 'refunded', 'H', 'refund types; others are resolved'),
  s(13, '换货/补寄/维修待买家收货', 'replacement', 'H'),
  s(14, '换货/补寄/维修成功', 'resolved', 'H'),
  s(27, '商家一次拒绝', 'rejected', 'H'),
  s(28, '售后失败', 'closed', 'H'),
  s(29, '商家二次拒绝', 'rejected', 'H', 'after the return arrived'),
  s(3, '换货待买家收货（旧列表）', 'replacement', 'M', 'older lists: = 13'),
];
export const DOUYIN_TYPES: readonly TypeRow[] = [
  ty(0, '退货退款', 'return_refund', 'H'),
  ty(1, '已发货仅退款', 'refund_only', 'H', 'in_transit', 'delivered_keep when order_logistics_state says signed (2)'),
  ty(2, '未发货仅退款', 'refund_only', 'H', 'not_shipped'),
  ty(3, '换货', 'exchange', 'H'),
  ty(6, '价保', null, 'H', undefined, 'price protection is not an after-sales case in Retour'),
  ty(7, '补寄', 'reship', 'H'),
  ty(8, '维修', null, 'H', undefined, 'repair is not modelled'),
];

export const STATUS_TABLES: Readonly<Record<Platform, readonly StatusRow[]>> = { taobao: TAOBAO_STATUSES, pinduoduo: PDD_STATUSES, jd: JD_STATUSES, douyin: DOUYIN_STATUSES };
export const TYPE_TABLES: Readonly<Record<Platform, readonly TypeRow[]>> = { taobao: TAOBAO_TYPES, pinduoduo: PDD_TYPES, jd: JD_TYPES, douyin: DOUYIN_TYPES };

export const statusRow = (platform: Platform, code: string | number): StatusRow | undefined => STATUS_TABLES[platform].find((r) => r.code === String(code));
export const typeRow = (platform: Platform, code: string | number): TypeRow | undefined => TYPE_TABLES[platform].find((r) => r.code === String(code));

const REFUND_TYPES: readonly CaseType[] = ['refund_only', 'partial_refund'];

/** Where Retour's own `approve` takes a case of this type (domain/cases/transitions.ts). */
export function approvedStatus(type: CaseType, refundOnlyKind: RefundOnlyKind | null): CaseStatus {
  if (type === 'refund_only') return refundOnlyKind === 'in_transit' ? 'approved' : 'refund_pending';
  if (type === 'partial_refund') return 'refund_pending';
  if (type === 'reship') return 'exchange_pending';
  if (type === 'refused_delivery') return 'in_transit';
  return 'approved';
}

/** The Retour case status a platform's neutral state stands for, for a case of this type. */
export function retourStatus(neutral: Neutral, type: CaseType, refundOnlyKind: RefundOnlyKind | null): CaseStatus {
  switch (neutral) {
    case 'requested':
      return 'requested';
    case 'approved':
      return approvedStatus(type, refundOnlyKind);
    case 'awaiting_return':
      return REFUND_TYPES.includes(type) ? approvedStatus(type, refundOnlyKind) : 'approved';
    case 'in_transit':
      return 'in_transit';
    case 'received':
      return 'received';
    case 'inspected':
      return 'inspected';
    case 'rejected':
      return 'rejected';
    case 'escalated':
      return 'escalated';
    case 'replacement':
      return 'exchange_pending';
    case 'refunded':
    case 'resolved':
      return 'completed';
    case 'closed':
      return 'closed';
  }
}

/**
 * The order in which a case moves forward: a platform state that is *behind* Retour's (Retour
 * decided, the push has not yet shown on the platform) is not a conflict to undo. Terminal and
 * side states (rejected, escalated) always win.
 */
const PROGRESS: Partial<Record<CaseStatus, number>> = { requested: 0, approved: 1, in_transit: 2, received: 3, inspected: 4, refund_pending: 5, exchange_pending: 5 };

/**
 * Does the platform's state win over the case's? It does whenever they differ, except when the
 * platform only lags behind a decision Retour took after the platform's record last changed.
 */
export function platformWins(caseStatus: CaseStatus, platformStatus: CaseStatus, retourMovedSinceRecord: boolean): boolean {
  if (caseStatus === platformStatus) return false;
  // Retour completes a marketplace case only with a refund the platform itself accepted (the
  // connection is the channel's refund provider): a platform state still short of the end (JD's
  // "审核通过" before its finance step, "提交退款申请") lags that refund; it does not reopen the case.
  if (caseStatus === 'completed' && PROGRESS[platformStatus] !== undefined) return false;
  if (!retourMovedSinceRecord) return true;
  const a = PROGRESS[caseStatus];
  const b = PROGRESS[platformStatus];
  return !(a !== undefined && b !== undefined && b < a);
}
