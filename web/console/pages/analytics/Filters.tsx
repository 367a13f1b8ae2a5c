import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Select, Space, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAnalytics, type ReturnRate, type Reasons, TIME_GROUPS, DIMENSION_GROUPS } from './api.js';
import { useGroupLabel } from './labels.js';
import type { useAnalyticsParams } from './params.js';

const DAY = 'YYYY-MM-DD';

/** Period, channel, category, SKU and reason filters; the trend's grouping and the breakdown's dimension. */
export function AnalyticsFilters({ state, period }: { state: ReturnType<typeof useAnalyticsParams>; period?: { from: string; to: string; timezone: string } }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const label = useGroupLabel();
  const { filters, trend, by, variantLevel, set, reset } = state;
  const span = { from: filters.from, to: filters.to };
  // The choices: what the shop has in the period (channels, categories, SKUs by units sold, reasons given).
  const channels = useAnalytics<ReturnRate>('return-rate', { ...span, groupBy: 'channel', limit: 50 });
  const categories = useAnalytics<ReturnRate>('return-rate', { ...span, groupBy: 'category', sort: 'soldUnits', limit: 500 });
  const skus = useAnalytics<ReturnRate>('return-rate', { ...span, groupBy: 'sku', sort: 'soldUnits', limit: 1000 });
  const reasons = useAnalytics<Reasons>('reasons', { ...span, groupBy: 'reason', limit: 200 });
  const today = dayjs();
  const range: [Dayjs, Dayjs] | null = filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : period ? [dayjs(period.from), dayjs(period.to)] : null;
  const presets = [
    { label: t('analytics.filters.last30'), value: [today.subtract(29, 'day'), today] as [Dayjs, Dayjs] },
    { label: t('analytics.filters.last90'), value: [today.subtract(89, 'day'), today] as [Dayjs, Dayjs] },
    { label: t('analytics.filters.last12months'), value: [today.subtract(11, 'month').startOf('month'), today] as [Dayjs, Dayjs] },
    { label: t('analytics.filters.thisYear'), value: [today.startOf('year'), today] as [Dayjs, Dayjs] },
  ];
  const choice = (v: string | undefined | null) => v ?? undefined;

  return (
    <Card size="small" className="analytics-filters" data-testid="analytics-filters">
      <Space wrap size={[12, 8]}>
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          presets={presets}
          onChange={(v) => v && v[0] && v[1] && set({ from: v[0].format(DAY), to: v[1].format(DAY) })}
          data-testid="filter-period"
        />
        <Select
          allowClear
          placeholder={t('analytics.filters.channel')}
          style={{ width: 140 }}
          value={choice(filters.channel)}
          onChange={(v: string | undefined) => set({ channel: v })}
          options={(channels.data?.groups ?? []).map((g) => ({ value: g.key, label: label(g, 'channel') }))}
          data-testid="filter-channel"
        />
        <Select
          allowClear
          showSearch
          placeholder={t('analytics.filters.category')}
          style={{ width: 160 }}
          value={choice(filters.category)}
          onChange={(v: string | undefined) => set({ category: v, sku: undefined })}
          options={(categories.data?.groups ?? []).filter((g) => g.key !== '').map((g) => ({ value: g.key, label: label(g, 'category') }))}
          data-testid="filter-category"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'search' }}
          placeholder={t('analytics.filters.sku')}
          style={{ width: 200 }}
          value={choice(filters.sku)}
          onChange={(v: string | undefined) => set({ sku: v, category: undefined })}
          options={(skus.data?.groups ?? []).filter((g) => g.sku).map((g) => ({ value: g.sku!, label: g.sku!, search: `${g.sku} ${g.title ?? ''}`, title: g.title }))}
          data-testid="filter-sku"
        />
        <Select
          allowClear
          placeholder={t('analytics.filters.reason')}
          style={{ width: 180 }}
          value={choice(filters.reason)}
          onChange={(v: string | undefined) => set({ reason: v })}
          options={(reasons.data?.groups ?? []).map((g) => ({ value: g.key, label: label(g, 'reason') }))}
          data-testid="filter-reason"
        />
        <Space size={4}>
          <Typography.Text type="secondary">{t('analytics.filters.trend')}</Typography.Text>
          <Tooltip title={variantLevel ? t('analytics.filters.monthOnly') : undefined}>
            <Select
              style={{ width: 100 }}
              value={trend}
              onChange={(v) => set({ trend: v })}
              options={TIME_GROUPS.map((g) => ({ value: g, label: t(`analytics.group.${g}`), disabled: variantLevel && g !== 'month' }))}
              data-testid="filter-trend"
            />
          </Tooltip>
        </Space>
        <Space size={4}>
          <Typography.Text type="secondary">{t('analytics.filters.breakdown')}</Typography.Text>
          <Select style={{ width: 110 }} value={by} onChange={(v) => set({ by: v })} options={DIMENSION_GROUPS.map((g) => ({ value: g, label: t(`analytics.group.${g}`) }))} data-testid="filter-by" />
        </Space>
        <Button onClick={reset} data-testid="filter-reset">
          {t('analytics.filters.reset')}
        </Button>
        <Tooltip title={t('common.refresh')}>
          <Button icon={<ReloadOutlined />} onClick={() => void queryClient.invalidateQueries({ queryKey: ['analytics'] })} />
        </Tooltip>
      </Space>
      {period && (
        <Typography.Text type="secondary" className="analytics-period" data-testid="analytics-period">
          {t('analytics.filters.period', { from: period.from, to: period.to, timezone: period.timezone })}
        </Typography.Text>
      )}
    </Card>
  );
}
