import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Empty, Input, List, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.js';
import type { CaseStatus, CustomerProfile } from '../../api/types.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert, useErrorText } from '../../components/ErrorAlert.js';
import { Money } from '../../components/Money.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoading } from '../../components/PageLoading.js';
import { RiskTag, StatusTag } from '../../components/tags.js';
import { useExplain } from '../../lib/labels.js';
import { percent } from '../../lib/money.js';
import { useShopDate } from '../../lib/shop-time.js';
import type { BuyerRecord, ListEntry } from './types.js';

/** 客户档案: one buyer's orders, cases and outcomes, messages, risk with its factors over time, notes and list entries. */
export function BuyerPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const explain = useExplain();
  const shopDate = useShopDate();
  const { can } = useSession();
  const profile = useQuery({ queryKey: ['customer', id], queryFn: () => api.get<CustomerProfile>(`/customers/${id}`) });
  const record = useQuery({ queryKey: ['customer', id, 'record'], queryFn: () => api.get<BuyerRecord>(`/customers/${id}/record`) });
  if (profile.error || record.error) return <ErrorAlert error={profile.error ?? record.error} />;
  if (!profile.data || !record.data) return <PageLoading />;
  const p = profile.data;
  const r = record.data;
  const currency = r.orders[0]?.currency ?? r.cases[0]?.currency ?? 'CNY';
  return (
    <div className="page" data-testid="buyer-page">
      <PageHeader title={p.name ?? p.email ?? p.phone ?? p.id} subtitle={t('buyerRecords.pageSubtitle')} extra={<RiskTag score={p.risk.score} />} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('buyer.title')} data-testid="buyer-profile">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('buyer.email')}>{p.email ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('buyer.phone')}>{p.phone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('buyer.orders')}>{t('buyer.ordersValue', { orders: p.history.orders, completed: p.history.completedOrders })}</Descriptions.Item>
              <Descriptions.Item label={t('buyer.returnRate')}>{percent(p.history.returnRateBp, i18n.language)}</Descriptions.Item>
              <Descriptions.Item label={t('buyer.refunded')}>
                <Money minor={p.history.refundedMinor} currency={currency} />
              </Descriptions.Item>
            </Descriptions>
            <div className="subhead">{t('buyerRecords.riskNow', { score: p.risk.score })}</div>
            <Space wrap data-testid="buyer-risk-factors">
              {p.risk.factors.length === 0 && <Typography.Text type="secondary">{t('buyerRecords.noFactors')}</Typography.Text>}
              {p.risk.factors.map((f) => (
                <Tag key={f.code} color={f.points > 0 ? 'red' : 'green'}>
                  {explain(f)} ({f.points > 0 ? '+' : ''}
                  {f.points})
                </Tag>
              ))}
            </Space>
            <ListEntries customerId={p.id} entries={r.lists} email={p.email} phone={p.phone} manage={can('policy:write')} />
          </Card>
          <Notes customerId={p.id} notes={r.notes} write={can('cases:message')} />
          {/* Compensation granted to the buyer (issue 19.1) goes here. */}
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('buyerRecords.riskOverTime')} data-testid="buyer-risk-history">
            <Table
              size="small"
              rowKey="id"
              pagination={r.cases.length > 8 ? { pageSize: 8, size: 'small' } : false}
              dataSource={r.cases}
              columns={[
                { title: t('queue.col.created'), key: 'at', render: (_, c) => <span className="small">{shopDate(c.createdAt)}</span> },
                { title: t('queue.col.rma'), key: 'rma', render: (_, c) => <Link to={`/cases/${c.id}`}>{c.rmaNumber}</Link> },
                { title: t('queue.col.status'), key: 's', render: (_, c) => <StatusTag status={c.status as CaseStatus} /> },
                { title: t('buyerRecords.outcome'), key: 'o', render: (_, c) => (c.refundedMinor > 0 ? <Money minor={c.refundedMinor} currency={c.currency} /> : c.resolution ?? '—') },
                { title: t('buyerRecords.score'), key: 'score', render: (_, c) => <RiskTag score={c.riskScore} /> },
                {
                  title: t('buyerRecords.factors'),
                  key: 'f',
                  render: (_, c) => (
                    <Space wrap size={4}>
                      {c.riskReasons.map((f) => (
                        <Tag key={f.code} color={f.points > 0 ? 'red' : f.points < 0 ? 'green' : 'default'} title={explain(f)}>
                          {t(`buyerRecords.factor.${f.code}`, { defaultValue: f.code })} {f.points !== 0 && `${f.points > 0 ? '+' : ''}${f.points}`}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          <Card title={t('buyerRecords.orders')} style={{ marginTop: 16 }} data-testid="buyer-orders">
            <Table
              size="small"
              rowKey="id"
              pagination={r.orders.length > 8 ? { pageSize: 8, size: 'small' } : false}
              dataSource={r.orders}
              columns={[
                { title: t('buyerRecords.orderNumber'), dataIndex: 'number' },
                { title: t('buyerRecords.channel'), dataIndex: 'channel' },
                { title: t('buyerRecords.placed'), key: 'p', render: (_, o) => <span className="small">{shopDate(o.placedAt)}</span> },
                { title: t('buyerRecords.total'), key: 't', align: 'right', render: (_, o) => <Money minor={o.totalMinor} currency={o.currency} /> },
              ]}
            />
          </Card>
          <Card title={t('buyerRecords.messages')} style={{ marginTop: 16 }} data-testid="buyer-messages">
            {r.messages.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List
                size="small"
                dataSource={r.messages.slice(0, 20)}
                renderItem={(m) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Space>
                          <Link to={`/cases/${m.caseId}`}>{m.rmaNumber}</Link>
                          <Tag>{t(`buyerRecords.author.${m.authorKind}`, { defaultValue: m.authorKind })}</Tag>
                          {m.visibility === 'internal' && <Tag color="gold">{t('buyerRecords.internal')}</Tag>}
                          <span className="small">{shopDate(m.createdAt)}</span>
                        </Space>
                      }
                      description={m.body}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function Notes({ customerId, notes, write }: { customerId: string; notes: BuyerRecord['notes']; write: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const shopDate = useShopDate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const save = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: ['customer', customerId, 'record'] });
      message.success(t('buyerRecords.noteSaved'));
      return true;
    } catch (err) {
      message.error(errorText(err));
      return false;
    }
  };
  return (
    <Card title={t('buyerRecords.notes')} style={{ marginTop: 16 }} data-testid="buyer-notes">
      {write && (
        <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
          <Input.TextArea rows={2} maxLength={5000} value={draft} onChange={(e) => setDraft(e.target.value)} placeholder={t('buyerRecords.notePlaceholder')} data-testid="note-input" />
          <Button type="primary" disabled={!draft.trim()} onClick={async () => (await save(() => api.post(`/customers/${customerId}/notes`, { body: draft.trim() }))) && setDraft('')} data-testid="note-add">
            {t('buyerRecords.addNote')}
          </Button>
        </Space.Compact>
      )}
      <List
        size="small"
        dataSource={notes}
        locale={{ emptyText: t('buyerRecords.noNotes') }}
        renderItem={(n) => (
          <List.Item
            data-testid="note"
            actions={write && editing?.id !== n.id ? [<Button key="e" size="small" type="link" onClick={() => setEditing({ id: n.id, body: n.body })} data-testid="note-edit">{t('common.edit')}</Button>] : []}
          >
            {editing?.id === n.id ? (
              <Space.Compact style={{ width: '100%' }}>
                <Input.TextArea rows={2} value={editing.body} onChange={(e) => setEditing({ id: n.id, body: e.target.value })} data-testid="note-edit-input" />
                <Button type="primary" disabled={!editing.body.trim()} onClick={async () => (await save(() => api.patch(`/customers/${customerId}/notes/${n.id}`, { body: editing.body.trim() }))) && setEditing(null)} data-testid="note-save">
                  {t('common.save')}
                </Button>
              </Space.Compact>
            ) : (
              <List.Item.Meta title={<span className="small">{`${n.authorName ?? ''} · ${shopDate(n.updatedAt)}`}</span>} description={<span data-testid="note-body">{n.body}</span>} />
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The buyer's entries on the block- and allowlists, and buttons to add the customer to either. */
function ListEntries({ customerId, entries, manage }: { customerId: string; entries: ListEntry[]; email: string | null; phone: string | null; manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: ['customer', customerId, 'record'] });
      await queryClient.invalidateQueries({ queryKey: ['buyer-lists'] });
      message.success(t('buyerRecords.lists.saved'));
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const listed = (list: 'block' | 'allow') => entries.some((e) => e.list === list && e.kind === 'customer');
  return (
    <div data-testid="buyer-lists">
      <div className="subhead">{t('buyerRecords.lists.title')}</div>
      <Space wrap>
        {entries.length === 0 && <Typography.Text type="secondary">{t('buyerRecords.lists.none')}</Typography.Text>}
        {entries.map((e) => (
          <Tag key={e.id} color={e.list === 'block' ? 'red' : 'green'} data-testid={`list-entry-${e.list}`}>
            {t(`buyerRecords.lists.${e.list}`)} · {t(`buyerRecords.lists.kind.${e.kind}`)}: {e.kind === 'customer' ? '' : e.value} {e.reason && `(${e.reason})`}
            {manage && (
              <Popconfirm title={t('buyerRecords.lists.removeConfirm')} onConfirm={() => run(() => api.delete(`/buyer-lists/${e.id}`))}>
                <a style={{ marginLeft: 6 }} data-testid="list-entry-remove">
                  ×
                </a>
              </Popconfirm>
            )}
          </Tag>
        ))}
      </Space>
      {manage && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input placeholder={t('buyerRecords.lists.reason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="list-reason" />
          {!listed('block') && (
            <Button danger onClick={() => run(() => api.post('/buyer-lists', { list: 'block', kind: 'customer', value: customerId, ...(reason.trim() ? { reason: reason.trim() } : {}) }))} data-testid="block-buyer">
              {t('buyerRecords.lists.blockBuyer')}
            </Button>
          )}
          {!listed('allow') && (
            <Button onClick={() => run(() => api.post('/buyer-lists', { list: 'allow', kind: 'customer', value: customerId, ...(reason.trim() ? { reason: reason.trim() } : {}) }))} data-testid="allow-buyer">
              {t('buyerRecords.lists.allowBuyer')}
            </Button>
          )}
        </Space.Compact>
      )}
    </div>
  );
}
