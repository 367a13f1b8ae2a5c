import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { CaseStatus, PolicyReason, PolicyVersion } from '../api/types.js';
import { useSession } from '../auth/session.js';

/** Ant Design tag colours per state: waiting on us (warm), waiting on others (blue), done (green/grey). */
export const STATUS_COLORS: Record<CaseStatus, string> = {
  requested: 'orange',
  approved: 'blue',
  rejected: 'red',
  offer_pending: 'purple',
  awaiting_evidence: 'orange',
  in_transit: 'cyan',
  not_returned: 'red',
  received: 'gold',
  inspected: 'geekblue',
  refund_pending: 'magenta',
  exchange_pending: 'lime',
  escalated: 'volcano',
  completed: 'green',
  cancelled: 'default',
  closed: 'default',
};

/** The shop's reason catalogue (labels in both languages), when the role may read the policy. */
export function usePolicyReasons(): PolicyReason[] {
  const { can } = useSession();
  const q = useQuery({ queryKey: ['policy', 'current'], queryFn: () => api.get<PolicyVersion>('/policy'), enabled: can('policy:read'), staleTime: 5 * 60_000 });
  return q.data?.document.reasons ?? [];
}

/** A reason code as people read it: the policy's label in the UI language, else the built-in one, else the code. */
export function useReasonLabel(extra: PolicyReason[] = []) {
  const { t, i18n } = useTranslation();
  const reasons = usePolicyReasons();
  return (code: string) => {
    const r = extra.find((x) => x.code === code) ?? reasons.find((x) => x.code === code);
    if (r) return i18n.language === 'zh-CN' ? r.label['zh-CN'] : r.label.en;
    return t(`reasons.${code}`, { defaultValue: code });
  };
}

/** A bilingual sentence from the API in the UI language. */
export function useExplain() {
  const { i18n } = useTranslation();
  return (e: { 'zh-CN': string; en: string } | null | undefined) => (e ? (i18n.language === 'zh-CN' ? e['zh-CN'] : e.en) : '');
}
