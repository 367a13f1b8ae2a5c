import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, CaseType } from '../api/types.js';
import { STATUS_COLORS } from '../lib/labels.js';

export function StatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status} className="status-tag">
      {t(`status.${status}`)}
    </Tag>
  );
}

export function TypeText({ type, kind }: { type: CaseType; kind?: string | null }) {
  const { t } = useTranslation();
  return (
    <span>
      {t(`caseType.${type}`)}
      {kind ? <span className="muted"> · {t(`refundOnlyKind.${kind}`)}</span> : null}
    </span>
  );
}

/** Buyer risk 0–100: low below 30, high from 70 (the presets' manual-review line). */
export const riskLevel = (score: number) => (score >= 70 ? 'high' : score >= 30 ? 'medium' : 'low');

export function RiskTag({ score }: { score: number }) {
  const { t } = useTranslation();
  const level = riskLevel(score);
  return (
    <Tooltip title={t(`risk.${level}`)}>
      <Tag color={level === 'high' ? 'red' : level === 'medium' ? 'orange' : 'green'} variant="outlined">
        {score}
      </Tag>
    </Tooltip>
  );
}
