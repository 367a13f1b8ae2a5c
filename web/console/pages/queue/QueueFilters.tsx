import { SearchOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Segmented, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, CASE_TYPES, CHANNELS } from '../../api/types.js';
import { usePolicyReasons, useReasonLabel } from '../../lib/labels.js';
import type { QueueState } from './queue-params.js';

const KNOWN_REASONS = ['no_reason', 'wrong_size', 'no_longer_needed', 'quality_issue', 'not_as_described', 'counterfeit', 'wrong_item', 'missing_parts', 'damaged_in_transit', 'not_received', 'late_shipment', 'expired'];

/** Search (RMA, order number, phone, e-mail, tracking number) and the queue's filters. */
export function QueueFilters({ state, set, reset }: { state: QueueState; set: (patch: Record<string, string | string[] | undefined>) => void; reset: () => void }) {
  const { t } = useTranslation();
  const reasons = usePolicyReasons();
  const reasonLabel = useReasonLabel();
  const [q, setQ] = useState(state.q ?? '');
  useEffect(() => setQ(state.q ?? ''), [state.q]);
  const codes = reasons.length ? reasons.map((r) => r.code) : KNOWN_REASONS;

  return (
    <div className="queue-filters" data-testid="queue-filters">
      <Input.Search
        className="queue-search"
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => set({ q: v.trim() || undefined })}
        placeholder={t('queue.searchPlaceholder')}
        enterButton={<SearchOutlined />}
        data-testid="queue-search"
      />
      <Segmented
        value={state.due ?? ''}
        onChange={(v) => set({ due: v || undefined })}
        options={[
          { value: '', label: t('queue.due.all') },
          { value: 'overdue', label: t('queue.due.overdue') },
          { value: '24', label: t('queue.due.within', { hours: 24 }) },
        ]}
        data-testid="queue-due"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        className="filter-status"
        placeholder={t('queue.filter.status')}
        value={state.status}
        onChange={(v: string[]) => set({ status: v })}
        options={CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        data-testid="filter-status"
      />
      <Select allowClear className="filter-type" placeholder={t('queue.filter.type')} value={state.type} onChange={(v?: string) => set({ type: v })} options={CASE_TYPES.map((s) => ({ value: s, label: t(`caseType.${s}`) }))} />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        className="filter-reason"
        placeholder={t('queue.filter.reason')}
        value={state.reason}
        onChange={(v?: string) => set({ reason: v })}
        options={codes.map((c) => ({ value: c, label: reasonLabel(c) }))}
      />
      <Select allowClear className="filter-channel" placeholder={t('queue.filter.channel')} value={state.channel} onChange={(v?: string) => set({ channel: v })} options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
      <Input allowClear className="filter-sku" placeholder={t('queue.filter.sku')} defaultValue={state.sku} key={state.sku ?? ''} onPressEnter={(e) => set({ sku: (e.target as HTMLInputElement).value.trim() || undefined })} onBlur={(e) => set({ sku: e.target.value.trim() || undefined })} />
      <Select
        allowClear
        className="filter-risk"
        placeholder={t('queue.filter.risk')}
        value={state.risk}
        onChange={(v?: string) => set({ risk: v })}
        options={(['low', 'medium', 'high'] as const).map((r) => ({ value: r, label: t(`risk.${r}`) }))}
      />
      <Checkbox checked={state.review === true} onChange={(e) => set({ review: e.target.checked ? '1' : undefined })}>
        {t('queue.filter.review')}
      </Checkbox>
      <Checkbox checked={state.payout === true} onChange={(e) => set({ payout: e.target.checked ? '1' : undefined })} data-testid="filter-payout">
        {t('payout.filter')}
      </Checkbox>
      <Checkbox checked={state.scope === 'all'} onChange={(e) => set({ scope: e.target.checked ? 'all' : undefined })}>
        {t('queue.filter.closedToo')}
      </Checkbox>
      <Button type="link" onClick={reset}>
        {t('queue.filter.reset')}
      </Button>
    </div>
  );
}
