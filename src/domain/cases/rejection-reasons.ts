import type { Explanation } from '../policy/verdict.js';

/** Why a seller refuses a request: shown to the buyer in their language. */
export const REJECTION_REASONS = {
  outside_window: { 'zh-CN': '已超过退换货期限', en: 'The return window has closed' },
  excluded_item: { 'zh-CN': '该商品不支持无理由退货', en: 'This item cannot be returned without a fault' },
  not_as_declared: { 'zh-CN': '退回商品与申请描述不符', en: 'The goods returned are not as declared' },
  used_or_damaged: { 'zh-CN': '商品已使用或人为损坏，影响二次销售', en: 'The item is used or damaged and cannot be resold' },
  missing_evidence: { 'zh-CN': '缺少凭证，请上传照片或视频', en: 'Evidence is missing: please upload photos or a video' },
  not_received_back: { 'zh-CN': '尚未收到退回的商品', en: 'The returned goods have not arrived' },
  duplicate_request: { 'zh-CN': '重复申请', en: 'A request for these items exists already' },
  other: { 'zh-CN': '其他原因', en: 'Another reason' },
} as const satisfies Record<string, Explanation>;

export type RejectionCode = keyof typeof REJECTION_REASONS;
export const REJECTION_CODES = Object.keys(REJECTION_REASONS) as RejectionCode[];
