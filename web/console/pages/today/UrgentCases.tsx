import { Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueueItem, QueuePage } from '../../api/types.js';
import { Countdown } from '../../components/Countdown.js';
import { Money } from '../../components/Money.js';
import { StatusTag, TypeText } from '../../components/tags.js';

/** The eight cases whose deadline comes first. */
export function UrgentCases({ page, loading }: { page: QueuePage | undefined; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<QueueItem>
      rowKey="id"
      size="middle"
      loading={loading}
      pagination={false}
      dataSource={page?.data.filter((c) => c.deadline) ?? []}
      locale={{ emptyText: <Empty description={t('today.nothingUrgent')} /> }}
      columns={[
        { title: t('queue.col.deadline'), key: 'deadline', width: 170, render: (_, c) => <Countdown deadline={c.deadline} /> },
        { title: t('queue.col.rma'), dataIndex: 'rmaNumber', width: 140, render: (rma: string, c) => <Link to={`/cases/${c.id}`}>{rma}</Link> },
        { title: t('queue.col.status'), dataIndex: 'status', width: 120, render: (s) => <StatusTag status={s} /> },
        { title: t('queue.col.type'), key: 'type', width: 150, render: (_, c) => <TypeText type={c.type} /> },
        { title: t('queue.col.buyer'), dataIndex: 'customerName', ellipsis: true },
        { title: t('queue.col.items'), key: 'items', ellipsis: true, render: (_, c) => c.items.map((i) => `${i.title} ×${i.quantity}`).join('; ') },
        { title: t('queue.col.refund'), key: 'refund', align: 'right', width: 120, render: (_, c) => <Money minor={c.refundMinor} currency={c.currency} /> },
      ]}
    />
  );
}
