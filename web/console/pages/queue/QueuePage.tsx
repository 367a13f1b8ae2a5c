import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Space, Table, Tooltip, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.js';
import type { QueueItem, QueuePage as Page } from '../../api/types.js';
import { useSession } from '../../auth/session.js';
import { Countdown } from '../../components/Countdown.js';
import { CsvButton } from '../../components/CsvButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Money } from '../../components/Money.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RiskTag, StatusTag, TypeText } from '../../components/tags.js';
import { useReasonLabel } from '../../lib/labels.js';
import { toMajor } from '../../lib/money.js';
import { syncServerClock } from '../../lib/server-clock.js';
import { useShopTime } from '../../lib/shop-time.js';
import { PayoutAge } from '../case/PendingPayout.js';
import { BulkActions } from './BulkActions.js';
import { QueueFilters } from './QueueFilters.js';
import { apiParams, filterParams, readQueueState, toSearch } from './queue-params.js';
import { SavedViews } from './SavedViews.js';

const SORT_COLUMNS: Record<string, string> = { deadline: 'deadline', createdAt: 'createdAt', riskScore: 'risk', refundMinor: 'refund', rmaNumber: 'rma' };
const EXPORT_PAGE = 500;
const EXPORT_MAX = 10_000;

/** The work queue: filter, search, sort, page, select and decide in bulk, export. */
export function QueuePage() {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const { can } = useSession();
  const reasonLabel = useReasonLabel();
  const [search, setSearch] = useSearchParams();
  const state = readQueueState(search);
  const params = apiParams(state);
  const [selected, setSelected] = useState<QueueItem[]>([]);

  const query = useQuery({
    queryKey: ['queue', params],
    queryFn: async ({ signal }) => {
      const p = await api.get<Page>('/queue', params, signal);
      syncServerClock(p.now);
      return p;
    },
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

  /** Changes some parameters; any filter change goes back to page 1. */
  const set = (patch: Record<string, string | string[] | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      next.delete(k);
      for (const x of v === undefined ? [] : Array.isArray(v) ? v : [v]) if (x !== '') next.append(k, x);
    }
    if (!('page' in patch)) next.delete('page');
    setSearch(next);
    setSelected([]);
  };

  const exportRows = async () => {
    const rows: (string | number)[][] = [];
    for (let page = 1; rows.length < EXPORT_MAX; page++) {
      const p = await api.get<Page>('/queue', { ...params, page, pageSize: EXPORT_PAGE });
      for (const c of p.data) {
        rows.push([
          c.rmaNumber,
          t(`status.${c.status}`),
          t(`caseType.${c.type}`),
          c.orderNumber,
          t(`channel.${c.channel}`, { defaultValue: c.channel }),
          c.customerName ?? '',
          c.items.map((i) => `${i.sku} ×${i.quantity}`).join('; '),
          c.items.map((i) => reasonLabel(i.reasonCode)).join('; '),
          toMajor(c.refundMinor, c.currency),
          c.currency,
          c.riskScore,
          c.deadline?.dueAt ?? '',
          c.createdAt,
        ]);
      }
      if (p.data.length < EXPORT_PAGE) break;
    }
    return rows;
  };

  const sortOrder = (column: string) => (SORT_COLUMNS[column] === state.sort ? (state.order === 'asc' ? 'ascend' : 'descend') : null);
  const canDecide = can('cases:decide');

  return (
    <div className="page" data-testid="queue-page">
      <PageHeader
        title={t('queue.title')}
        subtitle={query.data ? t('queue.count', { count: query.data.total }) : ' '}
        extra={
          <Space wrap>
            <SavedViews current={filterParams(search)} apply={(p) => setSearch(toSearch(p))} />
            <CsvButton
              filename="retour-queue"
              header={[
                t('queue.col.rma'),
                t('queue.col.status'),
                t('queue.col.type'),
                t('queue.col.order'),
                t('queue.col.channel'),
                t('queue.col.buyer'),
                t('queue.col.items'),
                t('queue.col.reason'),
                t('queue.col.refund'),
                t('common.currency'),
                t('queue.col.risk'),
                t('queue.col.deadline'),
                t('queue.col.created'),
              ]}
              rows={exportRows}
            />
            <Tooltip title={t('common.refresh')}>
              <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching} aria-label={t('common.refresh')} />
            </Tooltip>
          </Space>
        }
      />
      <Card className="queue-card" styles={{ body: { padding: 0 } }}>
        <QueueFilters state={state} set={set} reset={() => setSearch(new URLSearchParams())} />
        {canDecide && selected.length > 0 && <BulkActions selected={selected} onDone={() => setSelected([])} />}
        <ErrorAlert error={query.error} />
        <Table<QueueItem>
          rowKey="id"
          size="middle"
          data-testid="queue-table"
          // Narrower than its columns (a phone), the table scrolls inside its card instead of cutting off the
          // deadline and payout columns; from a laptop's width on it fits as before.
          scroll={{ x: 1100 }}
          tableLayout="auto"
          loading={query.isFetching && !query.data}
          dataSource={query.data?.data ?? []}
          rowSelection={canDecide ? { selectedRowKeys: selected.map((s) => s.id), onChange: (_, rows) => setSelected(rows), preserveSelectedRowKeys: false } : undefined}
          onChange={(pagination, _filters, sorter) => {
            const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<QueueItem>;
            const key = s?.order ? SORT_COLUMNS[String(s.columnKey)] : undefined;
            set({
              page: String(pagination.current ?? 1),
              pageSize: String(pagination.pageSize ?? 20),
              sort: key,
              order: key ? (s.order === 'ascend' ? 'asc' : 'desc') : undefined,
            });
          }}
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            total: query.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total, range) => t('common.range', { from: range[0], to: range[1], total }),
          }}
          columns={[
            {
              title: t('queue.col.rma'),
              key: 'rmaNumber',
              dataIndex: 'rmaNumber',
              width: 150,
              sorter: true,
              sortOrder: sortOrder('rmaNumber'),
              render: (rma: string, c) => (
                <Space size={4} orientation="vertical">
                  <Link to={`/cases/${c.id}`} className="rma-link">
                    {rma}
                  </Link>
                  {c.needsReview && <Badge status="warning" text={<span className="small">{t('queue.needsReview')}</span>} />}
                </Space>
              ),
            },
            { title: t('queue.col.status'), key: 'status', dataIndex: 'status', width: 110, render: (s) => <StatusTag status={s} /> },
            { title: t('queue.col.type'), key: 'type', width: 110, render: (_, c) => <TypeText type={c.type} /> },
            {
              title: t('queue.col.items'),
              key: 'items',
              render: (_, c) => (
                <div className="queue-items">
                  {c.items.map((i, n) => (
                    <div key={n}>
                      <Typography.Text ellipsis={{ tooltip: i.title }} style={{ maxWidth: 260 }}>
                        {i.title}
                      </Typography.Text>{' '}
                      <span className="muted">×{i.quantity}</span>
                      <Typography.Text type="secondary" className="small" ellipsis={{ tooltip: true }} style={{ display: 'block', maxWidth: 280 }}>
                        {i.sku} · {reasonLabel(i.reasonCode)}
                      </Typography.Text>
                    </div>
                  ))}
                </div>
              ),
            },
            {
              title: t('queue.col.buyer'),
              key: 'buyer',
              width: 170,
              render: (_, c) => (
                <div>
                  <div>{c.customerName ?? '—'}</div>
                  <div className="small muted">
                    {t(`channel.${c.channel}`, { defaultValue: c.channel })} · {c.orderNumber}
                  </div>
                </div>
              ),
            },
            { title: t('queue.col.refund'), key: 'refundMinor', align: 'right', width: 110, sorter: true, sortOrder: sortOrder('refundMinor'), render: (_, c) => <Money minor={c.refundMinor} currency={c.currency} /> },
            { title: t('queue.col.risk'), key: 'riskScore', width: 80, sorter: true, sortOrder: sortOrder('riskScore'), render: (_, c) => <RiskTag score={c.riskScore} /> },
            { title: t('queue.col.deadline'), key: 'deadline', width: 150, sorter: true, sortOrder: sortOrder('deadline'), render: (_, c) => (
                <Space size={2} orientation="vertical">
                  <Countdown deadline={c.deadline} />
                  {c.awaitingPayout && <PayoutAge since={c.awaitingPayout.since} />}
                </Space>
              ),
            },
            {
              title: t('queue.col.created'),
              key: 'createdAt',
              width: 150,
              sorter: true,
              sortOrder: sortOrder('createdAt'),
              render: (_, c) => <span className="small">{shopTime(c.createdAt)}</span>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
