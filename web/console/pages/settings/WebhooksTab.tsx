import { ApiOutlined, CopyOutlined, DeleteOutlined, EditOutlined, HistoryOutlined, PlusOutlined, RedoOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Drawer, Empty, Form, Input, Modal, Popconfirm, Segmented, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { CursorPage, DeliveryStatus, WebhookDelivery, WebhookEndpoint } from '../../api/types.js';
import { CsvButton } from '../../components/CsvButton.js';
import { ErrorAlert, useErrorText } from '../../components/ErrorAlert.js';
import { useShopTime } from '../../lib/shop-time.js';

const STATUS_COLORS: Record<DeliveryStatus, string> = { pending: 'gold', delivered: 'green', dead: 'red' };

interface EndpointValues {
  url: string;
  description?: string;
  eventTypes: string[];
  enabled: boolean;
}

/** Webhook endpoints: where events are sent, the secret (shown once), each endpoint's delivery log and replay. */
export function WebhooksTab() {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const endpoints = useQuery({ queryKey: ['webhooks'], queryFn: () => api.get<{ data: WebhookEndpoint[] }>('/webhooks') });
  const eventTypes = useQuery({ queryKey: ['webhooks', 'event-types'], queryFn: () => api.get<{ data: string[] }>('/webhooks/event-types'), staleTime: 10 * 60_000 });
  const [editing, setEditing] = useState<WebhookEndpoint | 'new' | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [log, setLog] = useState<WebhookEndpoint | null>(null);
  const [form] = Form.useForm<EndpointValues>();
  const rows = endpoints.data?.data ?? [];
  const when = (d: string | null) => (d ? shopTime(d) : '—');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['webhooks'] });

  const update = async (id: string, patch: Partial<EndpointValues>) => {
    try {
      await api.patch(`/webhooks/${id}`, patch);
      await refresh();
      message.success(t('settings.webhooks.saved'));
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const submit = async () => {
    const v = await form.validateFields();
    // No event chosen: every event ("*").
    const body = { url: v.url.trim(), eventTypes: v.eventTypes?.length ? v.eventTypes : ['*'], enabled: v.enabled, ...(v.description?.trim() ? { description: v.description.trim() } : {}) };
    try {
      if (editing === 'new') {
        const created = await api.post<WebhookEndpoint & { secret: string }>('/webhooks', body);
        setSecret(created.secret);
      } else if (editing) {
        await api.patch(`/webhooks/${editing.id}`, body);
        setEditing(null);
        message.success(t('settings.webhooks.saved'));
      }
      await refresh();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const close = () => {
    setEditing(null);
    setSecret(null);
    form.resetFields();
  };

  if (endpoints.error instanceof ApiError && endpoints.error.status === 404) return <Alert type="info" showIcon title={t('settings.webhooks.unavailable')} />;
  if (endpoints.error) return <ErrorAlert error={endpoints.error} />;

  return (
    <Card
      data-testid="webhooks-tab"
      title={t('settings.webhooks.title', { count: rows.length })}
      extra={
        <Space>
          <CsvButton
            filename="retour-webhooks"
            header={[t('settings.webhooks.url'), t('settings.webhooks.description'), t('settings.webhooks.events'), t('settings.webhooks.enabled'), t('settings.webhooks.created')]}
            rows={() => rows.map((w) => [w.url, w.description ?? '', w.eventTypes.join(' '), w.enabled ? t('common.yes') : t('common.no'), w.createdAt])}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="create-webhook"
            onClick={() => {
              form.setFieldsValue({ url: '', description: '', eventTypes: [], enabled: true });
              setEditing('new');
            }}
          >
            {t('settings.webhooks.add')}
          </Button>
        </Space>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Table<WebhookEndpoint>
        rowKey="id"
        loading={endpoints.isPending}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.webhooks.none')} /> }}
        columns={[
          {
            title: t('settings.webhooks.url'),
            dataIndex: 'url',
            sorter: (a, b) => a.url.localeCompare(b.url),
            render: (url: string, w) => (
              <div>
                <Typography.Text className="mono" ellipsis={{ tooltip: url }} style={{ maxWidth: 360 }}>
                  {url}
                </Typography.Text>
                {w.description && <div className="small muted">{w.description}</div>}
              </div>
            ),
          },
          {
            title: t('settings.webhooks.events'),
            dataIndex: 'eventTypes',
            render: (types: string[]) =>
              types.length === 0 || types.includes('*') ? (
                <Tag>{t('settings.webhooks.allEvents')}</Tag>
              ) : (
                <Space size={[4, 4]} wrap>
                  {types.slice(0, 4).map((e) => (
                    <Tag key={e} className="mono">
                      {e}
                    </Tag>
                  ))}
                  {types.length > 4 && <Tag>+{types.length - 4}</Tag>}
                </Space>
              ),
          },
          {
            title: t('settings.webhooks.enabled'),
            dataIndex: 'enabled',
            width: 150,
            sorter: (a, b) => Number(a.enabled) - Number(b.enabled),
            render: (enabled: boolean, w) => (
              <Space orientation="vertical" size={2}>
                <Switch checked={enabled} size="small" onChange={(on) => void update(w.id, { enabled: on })} data-testid="webhook-enabled" />
                {!enabled && w.disabledReason && (
                  <Typography.Text type="danger" className="small">
                    {w.disabledReason}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('settings.webhooks.created'), dataIndex: 'createdAt', width: 180, sorter: (a, b) => a.createdAt.localeCompare(b.createdAt), render: when },
          {
            key: 'actions',
            width: 220,
            render: (_, w) => (
              <Space size={4}>
                <Button size="small" icon={<HistoryOutlined />} onClick={() => setLog(w)} data-testid="webhook-deliveries">
                  {t('settings.webhooks.deliveries')}
                </Button>
                <Tooltip title={t('common.edit')}>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('common.edit')}
                    onClick={() => {
                      form.setFieldsValue({ url: w.url, description: w.description ?? '', eventTypes: w.eventTypes.filter((e) => e !== '*'), enabled: w.enabled });
                      setEditing(w);
                    }}
                  />
                </Tooltip>
                <Popconfirm
                  title={t('settings.webhooks.deleteConfirm', { url: w.url })}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={async () => {
                    try {
                      await api.delete(`/webhooks/${w.id}`);
                      await refresh();
                      message.success(t('settings.webhooks.deleted'));
                    } catch (err) {
                      message.error(errorText(err));
                    }
                  }}
                >
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        width={640}
        title={secret ? t('settings.webhooks.createdTitle') : editing === 'new' ? t('settings.webhooks.add') : t('settings.webhooks.edit')}
        onCancel={close}
        okText={editing === 'new' ? t('common.create') : t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => void submit()}
        footer={secret ? [<Button key="done" type="primary" onClick={close}>{t('settings.keys.stored')}</Button>] : undefined}
        destroyOnHidden
      >
        {secret ? (
          <>
            <Alert type="warning" showIcon title={t('settings.webhooks.secretOnce')} style={{ marginBottom: 12 }} />
            <Space.Compact style={{ width: '100%' }}>
              <Input value={secret} readOnly className="mono" data-testid="webhook-secret" />
              <Button icon={<CopyOutlined />} onClick={() => void navigator.clipboard?.writeText(secret).then(() => message.success(t('common.copied')))} aria-label={t('common.copy')} />
            </Space.Compact>
          </>
        ) : (
          <Form form={form} layout="vertical" requiredMark={false}>
            <Form.Item
              name="url"
              label={t('settings.webhooks.url')}
              rules={[
                { required: true, message: t('actions.form.required') },
                { pattern: /^https?:\/\/\S+$/, message: t('settings.webhooks.urlInvalid') },
              ]}
            >
              <Input prefix={<ApiOutlined />} placeholder="https://example.com/retour/webhooks" maxLength={2000} data-testid="webhook-url" />
            </Form.Item>
            <Form.Item name="description" label={t('settings.webhooks.description')}>
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item name="eventTypes" label={t('settings.webhooks.events')} extra={t('settings.webhooks.eventsHint')}>
              <Select mode="multiple" allowClear loading={eventTypes.isPending} options={(eventTypes.data?.data ?? []).map((e) => ({ value: e, label: e }))} data-testid="webhook-events" />
            </Form.Item>
            <Form.Item name="enabled" label={t('settings.webhooks.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Form>
        )}
      </Modal>
      <Drawer open={!!log} width={960} title={log ? t('settings.webhooks.logTitle', { url: log.url }) : ''} onClose={() => setLog(null)} destroyOnHidden>
        {log && <DeliveryLog endpoint={log} />}
      </Drawer>
    </Card>
  );
}

/** One endpoint's deliveries, newest first, by status; a delivery or everything since a date can be sent again. */
function DeliveryLog({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<DeliveryStatus | 'all'>('all');
  const [since, setSince] = useState<Dayjs | null>(dayjs().subtract(1, 'day').startOf('day'));
  const when = (d: string | null) => (d ? shopTime(d) : '—');
  const deliveries = useInfiniteQuery({
    queryKey: ['webhooks', endpoint.id, 'deliveries', status],
    queryFn: ({ pageParam }) => api.get<CursorPage<WebhookDelivery>>(`/webhooks/${endpoint.id}/deliveries`, { status: status === 'all' ? undefined : status, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = deliveries.data?.pages.flatMap((p) => p.data) ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['webhooks', endpoint.id, 'deliveries'] });

  const replayOne = async (d: WebhookDelivery) => {
    try {
      await api.post(`/webhook-deliveries/${d.id}/replay`);
      message.success(t('settings.webhooks.replayed', { count: 1 }));
      await refresh();
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const replaySince = async () => {
    if (!since) return;
    try {
      const r = await api.post<{ replayed: number }>(`/webhooks/${endpoint.id}/replay`, { since: since.toISOString() });
      message.success(t('settings.webhooks.replayed', { count: r.replayed }));
      await refresh();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <div data-testid="delivery-log">
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Segmented<DeliveryStatus | 'all'>
          value={status}
          onChange={setStatus}
          options={(['all', 'pending', 'delivered', 'dead'] as const).map((s) => ({ value: s, label: t(`settings.webhooks.status.${s}`) }))}
        />
        <Space>
          <span className="small muted">{t('settings.webhooks.replaySince')}</span>
          <DatePicker showTime value={since} onChange={setSince} allowClear={false} />
          <Popconfirm title={t('settings.webhooks.replaySinceConfirm')} okText={t('settings.webhooks.replay')} cancelText={t('common.cancel')} onConfirm={() => void replaySince()}>
            <Button icon={<RedoOutlined />} disabled={!since} data-testid="replay-since">
              {t('settings.webhooks.replay')}
            </Button>
          </Popconfirm>
          <CsvButton
            filename="retour-webhook-deliveries"
            header={[t('settings.webhooks.event'), t('settings.webhooks.state'), t('settings.webhooks.attempts'), t('settings.webhooks.response'), t('settings.webhooks.lastError'), t('settings.webhooks.created'), t('settings.webhooks.deliveredAt')]}
            rows={() => rows.map((d) => [d.eventType, t(`settings.webhooks.status.${d.status}`), d.attempts, d.lastStatusCode ?? '', d.lastError ?? '', d.createdAt, d.deliveredAt ?? ''])}
          />
        </Space>
      </Space>
      {deliveries.error && <ErrorAlert error={deliveries.error} />}
      <Table<WebhookDelivery>
        rowKey="id"
        size="small"
        loading={deliveries.isPending}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.webhooks.noDeliveries')} /> }}
        expandable={{ expandedRowRender: (d) => <pre className="payload mono">{JSON.stringify(d.payload, null, 2)}</pre> }}
        columns={[
          { title: t('settings.webhooks.event'), dataIndex: 'eventType', sorter: (a, b) => a.eventType.localeCompare(b.eventType), render: (e: string) => <Typography.Text className="mono">{e}</Typography.Text> },
          { title: t('settings.webhooks.state'), dataIndex: 'status', sorter: (a, b) => a.status.localeCompare(b.status), render: (s: DeliveryStatus) => <Tag color={STATUS_COLORS[s]}>{t(`settings.webhooks.status.${s}`)}</Tag> },
          { title: t('settings.webhooks.attempts'), dataIndex: 'attempts', align: 'right', sorter: (a, b) => a.attempts - b.attempts },
          {
            title: t('settings.webhooks.response'),
            key: 'response',
            render: (_, d) => (
              <span>
                {d.lastStatusCode !== null && <Tag color={d.lastStatusCode < 300 ? 'green' : 'red'}>{d.lastStatusCode}</Tag>}
                {d.lastError && (
                  <Typography.Text type="danger" className="small" ellipsis={{ tooltip: d.lastError }} style={{ maxWidth: 200 }}>
                    {d.lastError}
                  </Typography.Text>
                )}
                {d.lastStatusCode === null && !d.lastError && '—'}
              </span>
            ),
          },
          { title: t('settings.webhooks.created'), dataIndex: 'createdAt', sorter: (a, b) => a.createdAt.localeCompare(b.createdAt), defaultSortOrder: 'descend', render: when },
          {
            title: t('settings.webhooks.next'),
            key: 'next',
            render: (_, d) => (d.status === 'delivered' ? when(d.deliveredAt) : d.status === 'pending' ? when(d.nextAttemptAt) : '—'),
          },
          {
            key: 'replay',
            width: 90,
            render: (_, d) => (
              <Button size="small" icon={<RedoOutlined />} onClick={() => void replayOne(d)} data-testid="replay-delivery">
                {t('settings.webhooks.replay')}
              </Button>
            ),
          },
        ]}
      />
      {deliveries.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button loading={deliveries.isFetchingNextPage} onClick={() => void deliveries.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
