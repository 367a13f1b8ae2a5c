import type { Explanation } from '../policy/verdict.js';

/** What staff may ask a buyer to show (issue 19.7). */
export const EVIDENCE_KINDS = ['label_photo', 'unboxing_video', 'product_photo', 'defect_video', 'packaging_photo', 'receipt'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_KIND_NAMES: Record<EvidenceKind, Explanation> = {
  label_photo: { 'zh-CN': '快递面单照片', en: 'a photo of the shipping label' },
  unboxing_video: { 'zh-CN': '开箱视频', en: 'a video of the unboxing' },
  product_photo: { 'zh-CN': '商品照片', en: 'photos of the item' },
  defect_video: { 'zh-CN': '问题部位视频', en: 'a video of the defect' },
  packaging_photo: { 'zh-CN': '外包装照片', en: 'a photo of the packaging' },
  receipt: { 'zh-CN': '购物凭证', en: 'the receipt' },
};
