import { Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseStatus, Dashboard } from '../../api/types.js';
import { OPEN_STATUSES } from '../../api/types.js';
import { StatusTag } from '../../components/tags.js';
import { STATUS_COLORS } from '../../lib/labels.js';

const BAR: Record<string, string> = { orange: '#fa8c16', blue: '#1677ff', red: '#f5222d', purple: '#722ed1', cyan: '#13c2c2', gold: '#faad14', geekblue: '#2f54eb', magenta: '#eb2f96', lime: '#a0d911', volcano: '#fa541c' };

/** Open cases per state as bars, in the order a case moves; each links to the queue filtered on it. */
export function StatusBars({ rows }: { rows: Dashboard['open']['byStatus'] }) {
  const { t } = useTranslation();
  const byStatus = new Map(rows.map((r) => [r.status, r]));
  const max = Math.max(1, ...rows.map((r) => r.count));
  const shown = OPEN_STATUSES.filter((s) => byStatus.has(s));
  if (shown.length === 0) return <Empty description={t('today.nothingOpen')} />;
  return (
    <div className="status-bars" data-testid="status-bars">
      {shown.map((status: CaseStatus) => {
        const r = byStatus.get(status)!;
        return (
          <Link to={`/queue?status=${status}`} key={status} className="status-bar-row">
            <span className="status-bar-label">
              <StatusTag status={status} />
            </span>
            <span className="status-bar-track">
              <span className="status-bar-fill" style={{ width: `${(r.count / max) * 100}%`, background: BAR[STATUS_COLORS[status]] ?? '#8c8c8c' }} />
            </span>
            <span className="status-bar-count">{r.count}</span>
            <span className="status-bar-flags">
              {r.overdue > 0 && <Tag color="red">{t('today.overdueN', { count: r.overdue })}</Tag>}
              {r.dueSoon > 0 && <Tag color="orange">{t('today.dueSoonN', { count: r.dueSoon })}</Tag>}
            </span>
          </Link>
        );
      })}
    </div>
  );
}
