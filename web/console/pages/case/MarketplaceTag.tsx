import { ShopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useShopTime } from '../../lib/shop-time.js';

export interface MarketplaceLink {
  platform: string;
  connectionName: string | null;
  externalId: string;
  platformStatus: string;
  platformStatusMeaning: string | null;
  confidence: string | null;
  platformDeadlineAt: string | null;
  deadlineAt: string | null;
  deadlineRule: string | null;
  pushError: string | null;
}

/**
 * Issue 17: on a case that came from a marketplace, the platform and its record, its status as the
 * platform names it, and the deadline of the current step (the platform's own, or the policy's
 * platform default); a push that failed is shown in red.
 */
export function MarketplaceTag({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const link = useQuery({ queryKey: ['returns', caseId, 'marketplace'], queryFn: () => api.get<{ link: MarketplaceLink | null }>(`/returns/${caseId}/marketplace`) });
  const l = link.data?.link;
  if (!l) return null;
  const due = l.deadlineAt;
  return (
    <span data-testid="case-marketplace">
      <Tooltip title={`${t(`market.kinds.${l.platform}`, { defaultValue: l.platform })} ${l.externalId} · ${l.platformStatus}${l.confidence ? ` (${t('market.confidence')} ${l.confidence})` : ''}`}>
        <Tag color="orange" icon={<ShopOutlined />}>
          {t(`market.kinds.${l.platform}`, { defaultValue: l.platform })}
          {l.connectionName ? ` · ${l.connectionName}` : ''} · {l.platformStatusMeaning ?? l.platformStatus}
        </Tag>
      </Tooltip>
      {due ? (
        <Typography.Text type="secondary" data-testid="case-marketplace-deadline">
          {l.platformDeadlineAt ? t('market.platformDeadline', { at: shopTime(due) }) : t('market.presetDeadline', { at: shopTime(due) })}
        </Typography.Text>
      ) : null}
      {l.pushError ? (
        <Typography.Text type="danger" style={{ marginLeft: 8 }}>
          {t('market.pushFailed', { error: l.pushError })}
        </Typography.Text>
      ) : null}
    </span>
  );
}
