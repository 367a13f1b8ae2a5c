import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RiskSimulationCard } from './RiskSimulationCard.js';
import type { CustomerHit } from './types.js';

/** 客户档案: find a buyer by name, e-mail, phone or order number; and what a review threshold would have done. */
export function BuyersPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const search = useQuery({
    queryKey: ['customers', 'search', q],
    queryFn: () => api.get<{ data: CustomerHit[] }>('/customers', { q }),
    enabled: q.trim().length >= 2,
  });
  return (
    <div className="page" data-testid="buyers-page">
      <PageHeader title={t('buyerRecords.title')} subtitle={t('buyerRecords.subtitle')} />
      <Card>
        <Input.Search
          allowClear
          enterButton={<SearchOutlined />}
          placeholder={t('buyerRecords.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})}
          style={{ maxWidth: 480 }}
          data-testid="buyer-search"
        />
        {search.error && <ErrorAlert error={search.error} />}
        {q.trim().length >= 2 && (
          <Table<CustomerHit>
            style={{ marginTop: 16 }}
            size="small"
            rowKey="id"
            loading={search.isLoading}
            dataSource={search.data?.data ?? []}
            pagination={false}
            data-testid="buyer-results"
            locale={{ emptyText: t('buyerRecords.noResults') }}
            columns={[
              { title: t('buyer.name'), key: 'name', render: (_, c) => <Link to={`/buyers/${c.id}`}>{c.name ?? c.email ?? c.phone ?? c.id}</Link> },
              { title: t('buyer.email'), dataIndex: 'email', render: (v) => v ?? '—' },
              { title: t('buyer.phone'), dataIndex: 'phone', render: (v) => v ?? '—' },
              { title: t('buyerRecords.orders'), dataIndex: 'orders', align: 'right' },
              { title: t('buyerRecords.cases'), dataIndex: 'cases', align: 'right' },
              { title: t('buyerRecords.matchedOrder'), dataIndex: 'matchedOrder', render: (v) => v ?? '' },
            ]}
          />
        )}
      </Card>
      {can('policy:read') && <RiskSimulationCard />}
    </div>
  );
}
