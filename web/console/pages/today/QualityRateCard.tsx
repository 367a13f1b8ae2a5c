import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Descriptions, Progress, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard } from '../../api/types.js';
import { useSession } from '../../auth/session.js';
import { useReasonLabel } from '../../lib/labels.js';
import { LEVEL_COLORS } from '../analytics/QualityCard.js';
import { bp, text } from '../analytics/format.js';

const HUE = { ok: '#389e0d', projected_warn: '#d48806', warn: '#d48806', projected_limit: '#d4380d', limit: '#cf1322' } as const;

/**
 * 品质退款率 against the policy's warning and limit: the analytics measure itself (the same
 * figure as 数据分析 for the window ending today), its definition on hover.
 */
export function QualityRateCard({ rate }: { rate: Dashboard['qualityRefundRate'] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { can } = useSession();
  const reasonLabel = useReasonLabel();
  const value = rate.rateBp ?? 0;
  const scale = Math.max(rate.limitBp * 1.5, value, 1);
  const definition = text(rate.definition, lng);
  return (
    <Card
      title={
        <Tooltip title={definition}>
          <span data-testid="quality-title">
            {t('today.quality.title')} <InfoCircleOutlined className="muted" aria-label={t('today.quality.definitionLabel')} />
          </span>
        </Tooltip>
      }
      extra={
        <Tag color={LEVEL_COLORS[rate.level]} data-testid="quality-level">
          {t(`analytics.quality.level.${rate.level}`)}
        </Tag>
      }
      data-testid="quality-rate"
    >
      <div className="quality-rate">
        <Tooltip title={definition}>
          <Typography.Title level={2} style={{ margin: 0, color: HUE[rate.level] }} data-testid="quality-rate-value">
            {bp(rate.rateBp, lng)}
          </Typography.Title>
        </Tooltip>
        <Typography.Text type="secondary">{t('today.quality.fraction', { cases: rate.qualityCases, orders: rate.paidOrders, from: rate.windowFrom, to: rate.windowTo })}</Typography.Text>
      </div>
      <div className="quality-gauge">
        <Progress percent={(value / scale) * 100} showInfo={false} strokeColor={HUE[rate.level]} />
        <span className="quality-marker warn" style={{ left: `${(rate.warnAtBp / scale) * 100}%` }} title={t('today.quality.warnAt')} />
        <span className="quality-marker limit" style={{ left: `${(rate.limitBp / scale) * 100}%` }} title={t('today.quality.limit')} />
      </div>
      <Descriptions size="small" column={2} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('today.quality.warnAt')}>{bp(rate.warnAtBp, lng)}</Descriptions.Item>
        <Descriptions.Item label={t('today.quality.limit')}>{bp(rate.limitBp, lng)}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" className="small" style={{ marginBottom: 0 }}>
        {t('today.quality.reasons', { reasons: rate.qualityReasons.map(reasonLabel).join(lng === 'zh-CN' ? '、' : ', ') })}
        {rate.rebuildPending && ` ${t('today.quality.rebuilding')}`}
        {can('analytics:read') && (
          <>
            {' '}
            <Link to="/analytics">{t('today.quality.details')}</Link>
          </>
        )}
      </Typography.Paragraph>
    </Card>
  );
}
