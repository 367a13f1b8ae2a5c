import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, TimelineEvent } from '../../api/types.js';
import { StatusTag } from '../../components/tags.js';
import { useMoney } from '../../components/Money.js';
import { useShopTime } from '../../lib/shop-time.js';

const COLOR: Record<string, string> = { buyer: 'orange', staff: 'blue', system: 'gray', platform: 'purple' };

/** The case's audit trail, oldest first: who did what, from which state to which, and the details that matter. */
export function CaseTimeline({ c, staffNames }: { c: CaseDetail; staffNames: Map<string, string> }) {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const money = useMoney();
  const detail = (e: TimelineEvent): string | null => {
    const p = e.payload;
    // A notification to the buyer: which step, to whom, through what, and why it failed.
    if (e.type.startsWith('notification.')) {
      return [t(`settings.notifications.steps.${String(p.step)}`, { defaultValue: String(p.step) }), String(p.to ?? ''), String(p.transport ?? ''), p.error ? String(p.error) : null].filter(Boolean).join(' · ');
    }
    if (e.explanation) return e.explanation;
    if (typeof p.trackingNumber === 'string') return `${String(p.carrier ?? '')} ${p.trackingNumber}`;
    if (typeof p.reason === 'string') return p.reason;
    if (typeof p.note === 'string' && p.note) return p.note;
    if (typeof p.amountMinor === 'number') return money(p.amountMinor, c.currency);
    if (typeof p.refundMinor === 'number' && e.type !== 'case.created') return t('timeline.refundNow', { amount: money(p.refundMinor, c.currency) });
    if (typeof p.providerRef === 'string') return p.providerRef;
    return null;
  };
  const who = (e: TimelineEvent) => {
    if (e.actor.kind === 'staff') {
      const name = e.actor.id ? staffNames.get(e.actor.id) : undefined;
      const role = e.actor.role ? t(`roles.${e.actor.role}`) : '';
      return name ? `${name}${role ? ` (${role})` : ''}` : role || t('actor.staff');
    }
    if (e.actor.kind === 'system') return `${t('actor.system')}${e.rule ? ` · ${e.rule}` : ''}`;
    return t(`actor.${e.actor.kind}`);
  };
  return (
    <Card title={t('timeline.title')} data-testid="timeline">
      <Timeline
        items={c.timeline.map((e) => ({
          color: COLOR[e.actor.kind] ?? 'gray',
          content: (
            <div className="timeline-entry">
              <div>
                <strong>{t([`timeline.event.${e.type.replace('.', '_')}`, `carriers.events.${e.type.replace('.', '_')}`, `care.timelineEvent.${e.type.replace('.', '_')}`], { defaultValue: e.type })}</strong>
                {e.from && e.to && e.from !== e.to && (
                  <span className="timeline-move">
                    <StatusTag status={e.from} />→<StatusTag status={e.to} />
                  </span>
                )}
              </div>
              <div className="small muted">
                {shopTime(e.at)} · {who(e)}
              </div>
              {detail(e) && <Typography.Text className="small">{detail(e)}</Typography.Text>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
