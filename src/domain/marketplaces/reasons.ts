import type { CaseType } from '../cases/model.js';
import type { Reason } from '../policy/schema.js';

/**
 * The shop's reason code for a platform's free-text reason (淘宝 `reason`, PDD `after_sale_reason`,
 * …): by keywords to the catalogue's codes, else the shop's no-reason code, else the first reason
 * the case type allows. The platform's own text stays on the case as the buyer's note.
 */
const KEYWORDS: [RegExp, string[]][] = [
  [/质量|故障|坏|瑕疵|defect|quality/i, ['quality_issue', 'defective']],
  [/描述不符|不符|not as described/i, ['not_as_described']],
  [/假|仿|counterfeit/i, ['counterfeit']],
  [/错|发错|wrong/i, ['wrong_item']],
  [/少件|漏发|缺|missing/i, ['missing_parts']],
  [/破损|压坏|damaged/i, ['damaged_in_transit']],
  [/未收到|没收到|not received/i, ['not_received']],
  [/未发货|发货慢|not shipped|late/i, ['late_shipment']],
  [/尺码|大小|size/i, ['wrong_size']],
  [/不想要|拍错|多拍|no longer/i, ['no_longer_needed', 'changed_mind']],
];

export function reasonCodeFor(text: string | null, type: CaseType, reasons: readonly Reason[]): string | null {
  const allowed = reasons.filter((r) => !r.caseTypes || r.caseTypes.includes(type));
  const has = (code: string) => allowed.some((r) => r.code === code);
  if (text) {
    for (const [pattern, codes] of KEYWORDS) {
      if (pattern.test(text)) {
        const found = codes.find(has);
        if (found) return found;
      }
    }
  }
  for (const fallback of ['no_reason', 'changed_mind', 'no_longer_needed']) if (has(fallback)) return fallback;
  return allowed[0]?.code ?? null;
}
