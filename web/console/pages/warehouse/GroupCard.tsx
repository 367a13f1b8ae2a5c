import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusTag } from '../../components/tags.js';

/** GET /api/v1/return-groups/{code}: a return across several orders, one case per order. */
export interface ReturnGroup {
  id: string;
  code: string;
  cases: {
    id: string;
    rmaNumber: string;
    orderNumber: string;
    status: string;
    items: { id: string; sku: string; title: string; quantity: number; receivedQuantity: number | null }[];
  }[];
}

/** Cases the parcel can be received for: approved, or announced as shipped by the buyer. */
const RECEIVABLE = new Set(['approved', 'in_transit']);

/**
 * One parcel carrying the returns of several orders (issue 19 §9): scanned by the group's code
 * (its QR code, the code itself, or the tracking number), received as a whole in one step; each
 * case is then inspected on its own (its own order's refund).
 */
export function GroupCard({ group, busy, onReceive, onInspect }: { group: ReturnGroup; busy: boolean; onReceive: () => void; onInspect: (caseId: string) => void }) {
  const { t } = useTranslation();
  const receivable = group.cases.every((c) => RECEIVABLE.has(c.status));
  const units = group.cases.reduce((a, c) => a + c.items.reduce((b, i) => b + i.quantity, 0), 0);
  return (
    <Card
      style={{ marginTop: 16 }}
      data-testid="warehouse-group"
      title={
        <Space wrap>
          <InboxOutlined />
          <span className="mono">{group.code}</span>
          <Tag color="purple">{t('warehouse.group.tag', { count: group.cases.length })}</Tag>
        </Space>
      }
    >
      <div className="small muted" style={{ marginBottom: 12 }}>
        {t('warehouse.group.hint', { orders: group.cases.length, units })}
      </div>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={group.cases}
        scroll={{ x: true }}
        columns={[
          { title: t('queue.col.rma'), dataIndex: 'rmaNumber', render: (rma: string, c) => <Link to={`/cases/${c.id}`}>{rma}</Link> },
          { title: t('warehouse.group.order'), dataIndex: 'orderNumber' },
          { title: t('queue.col.status'), dataIndex: 'status', render: (s) => <StatusTag status={s} /> },
          { title: t('queue.col.items'), key: 'items', render: (_, c) => c.items.map((i) => `${i.sku} ×${i.quantity}`).join(', ') },
          {
            title: '',
            key: 'inspect',
            render: (_, c) =>
              c.status === 'received' ? (
                <Button size="small" onClick={() => onInspect(c.id)} data-testid={`group-inspect-${c.rmaNumber}`}>
                  {t('warehouse.group.inspect')}
                </Button>
              ) : null,
          },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        {receivable ? (
          <Button type="primary" size="large" loading={busy} onClick={onReceive} data-testid="group-receive">
            {t('warehouse.group.receive', { count: group.cases.length })}
          </Button>
        ) : (
          <Alert type="info" showIcon data-testid="group-status" title={t('warehouse.group.notReceivable')} />
        )}
      </div>
    </Card>
  );
}
