import { Alert, Card, Descriptions, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../api/types.js';
import { percent } from '../../lib/money.js';
import { useReasonLabel } from '../../lib/labels.js';

/** 品质退款率 against the policy's warning and limit: a simple estimate, labelled as one. */
export function QualityRateCard({ rate }: { rate: Dashboard['qualityRefundRate'] }) {
  const { t, i18n } = useTranslation();
  const reasonLabel = useReasonLabel();
  const scale = Math.max(rate.limitBp * 1.5, rate.rateBp, 1);
  const color = rate.level === 'limit' ? '#cf1322' : rate.level === 'warn' ? '#d48806' : '#389e0d';
  return (
    <Card
      title={t('today.quality.title')}
      extra={
        <Tag color={rate.level === 'limit' ? 'red' : rate.level === 'warn' ? 'gold' : 'green'} data-testid="quality-level">
          {t(`today.quality.level.${rate.level}`)}
        </Tag>
      }
      data-testid="quality-rate"
    >
      <div className="quality-rate">
        <Typography.Title level={2} style={{ margin: 0, color }}>
          {percent(rate.rateBp, i18n.language)}
        </Typography.Title>
        <Typography.Text type="secondary">{t('today.quality.fraction', { cases: rate.qualityCases, orders: rate.paidOrders, days: rate.windowDays })}</Typography.Text>
      </div>
      <div className="quality-gauge">
        <Progress percent={(rate.rateBp / scale) * 100} showInfo={false} strokeColor={color} />
        <span className="quality-marker warn" style={{ left: `${(rate.warnAtBp / scale) * 100}%` }} title={t('today.quality.warnAt')} />
        <span className="quality-marker limit" style={{ left: `${(rate.limitBp / scale) * 100}%` }} title={t('today.quality.limit')} />
      </div>
      <Descriptions size="small" column={2} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('today.quality.warnAt')}>{percent(rate.warnAtBp, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('today.quality.limit')}>{percent(rate.limitBp, i18n.language)}</Descriptions.Item>
      </Descriptions>
      <Alert
        type="info"
        showIcon
        title={t('today.quality.simple')}
        description={t('today.quality.definition', { days: rate.windowDays, reasons: rate.qualityReasons.map(reasonLabel).join(i18n.language === 'zh-CN' ? '、' : ', ') })}
      />
    </Card>
  );
}
