import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Deadline } from '../api/types.js';
import { useServerNow } from '../lib/server-clock.js';
import { useShopTime } from '../lib/shop-time.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2d 3h", "5h 12m", "12m 30s": the two largest units of a duration. */
export function useDuration() {
  const { t } = useTranslation();
  return (ms: number) => {
    const d = Math.floor(ms / DAY);
    const h = Math.floor((ms % DAY) / HOUR);
    const m = Math.floor((ms % HOUR) / MINUTE);
    const s = Math.floor((ms % MINUTE) / 1000);
    if (d > 0) return t('time.dh', { d, h });
    if (h > 0) return t('time.hm', { h, m });
    return t('time.ms', { m, s });
  };
}

/** A live countdown to a case's deadline (server time); red once it has passed, orange within a day. */
export function Countdown({ deadline }: { deadline: Deadline | null }) {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const now = useServerNow();
  const duration = useDuration();
  if (!deadline) return <span className="muted">—</span>;
  const left = Date.parse(deadline.dueAt) - now;
  const overdue = left < 0;
  const cls = overdue ? 'countdown countdown-overdue' : left < DAY ? 'countdown countdown-soon' : 'countdown';
  const tip = `${t(`deadline.kind.${deadline.kind ?? 'unknown'}`, { defaultValue: deadline.kind ?? '' })} · ${shopTime(deadline.dueAt)}${
    deadline.source === 'policy' ? ` · ${t('deadline.estimated')}` : ''
  }`;
  return (
    <Tooltip title={tip}>
      <span className={cls} data-testid="countdown">
        {overdue ? <ExclamationCircleOutlined /> : <ClockCircleOutlined />} {overdue ? t('deadline.overdueBy', { time: duration(-left) }) : duration(left)}
      </span>
    </Tooltip>
  );
}
