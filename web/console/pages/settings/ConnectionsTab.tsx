import { CopyOutlined, DeleteOutlined, HistoryOutlined, PauseOutlined, PlayCircleOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Connection, ConnectionKindName, ConnectionRun, ConnectionSyncResult, CursorPage } from '../../api/types.js';
import { ErrorAlert, useErrorText } from '../../components/ErrorAlert.js';
import { useShopTime } from '../../lib/shop-time.js';
import { CONNECTION_FORMS, CONNECTION_KIND_NAMES, HOOK_KINDS, MARKETPLACE_KINDS, STOREFRONT_KINDS } from './connection-fields.js';

const STATUS_COLORS: Record<string, string> = { active: 'green', paused: 'default', error: 'red' };
const RUN_COLORS: Record<string, string> = { succeeded: 'green', partial: 'gold', failed: 'red', running: 'blue' };

/**
 * Settings → 连接 / Connections: the shop's storefronts and payment rails. Add one with its
 * credentials (sent once, never shown again), see its status and last sync, sync it now, pause
 * or resume it, read its log, and copy the webhook address to give the platform.
 */
export function ConnectionsTab() {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const connections = useQuery({ queryKey: ['connections'], queryFn: () => api.get<{ data: Connection[] }>('/connections') });
  const [adding, setAdding] = useState(false);
  const [kind, setKind] = useState<ConnectionKindName>('shopify');
  const [log, setLog] = useState<Connection | null>(null);
  const [syncing, setSyncing] = useState<string | null>(null);
  const [form] = Form.useForm<Record<string, string>>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['connections'] });
  const when = (d: string | null) => (d ? shopTime(d) : '—');
  const hookUrl = (c: Connection) => `${window.location.origin}/hooks/${c.kind}/${c.id}`;

  const add = async () => {
    const values = await form.validateFields();
    const fields = CONNECTION_FORMS[kind];
    const pick = (part: 'credentials' | 'settings') =>
      Object.fromEntries(fields.filter((f) => f.part === part && values[f.name]?.trim()).map((f) => [f.name, values[f.name]!.trim()]));
    try {
      await api.post<Connection>('/connections', { kind, name: values.name!.trim(), credentials: pick('credentials'), settings: pick('settings') });
      setAdding(false);
      form.resetFields();
      message.success(t('settings.connections.added'));
      await refresh();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const syncNow = async (c: Connection) => {
    setSyncing(c.id);
    try {
      const result = await api.post<ConnectionSyncResult>(`/connections/${c.id}/sync`);
      if (result.error) message.error(t('settings.connections.syncFailed', { error: result.error }));
      else message.success(t('settings.connections.synced', { count: result.itemsIn, errors: result.errors }));
      await refresh();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSyncing(null);
    }
  };

  const update = async (c: Connection, patch: { status: 'active' | 'paused' }) => {
    try {
      await api.patch(`/connections/${c.id}`, patch);
      await refresh();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const remove = async (c: Connection) => {
    try {
      await api.delete(`/connections/${c.id}`);
      await refresh();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  if (connections.error) return <ErrorAlert error={connections.error} />;
  const rows = connections.data?.data ?? [];

  return (
    <Card
      data-testid="connections-tab"
      title={t('settings.connections.title', { count: rows.length })}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="connection-add">
          {t('settings.connections.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('settings.connections.intro')}</Typography.Paragraph>
      <Table<Connection>
        rowKey="id"
        size="middle"
        loading={connections.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('settings.connections.empty') }}
        columns={[
          {
            title: t('settings.connections.name'),
            render: (_, c) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{c.name}</Typography.Text>
                <Tag>{t([`settings.connections.kinds.${c.kind}`, `market.kinds.${c.kind}`], { defaultValue: c.kind })}</Tag>
              </Space>
            ),
          },
          {
            title: t('settings.connections.status'),
            render: (_, c) => (
              <Space direction="vertical" size={0}>
                <Tag color={STATUS_COLORS[c.status]} data-testid={`connection-status-${c.id}`}>
                  {t(`settings.connections.statuses.${c.status}`)}
                </Tag>
                {c.lastError ? (
                  <Typography.Text type="danger" ellipsis style={{ maxWidth: 260 }} title={c.lastError}>
                    {c.lastError}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          { title: t('settings.connections.lastSync'), render: (_, c) => <span data-testid={`connection-last-sync-${c.id}`}>{when(c.lastSyncAt)}</span> },
          {
            title: t('settings.connections.webhook'),
            render: (_, c) =>
              HOOK_KINDS.has(c.kind) ? (
                <Space.Compact>
                  <Input readOnly size="small" value={hookUrl(c)} className="mono" style={{ width: 220 }} />
                  <Button size="small" icon={<CopyOutlined />} aria-label={t('common.copy')} onClick={() => void navigator.clipboard?.writeText(hookUrl(c)).then(() => message.success(t('common.copied')))} />
                </Space.Compact>
              ) : (
                '—'
              ),
          },
          {
            title: '',
            align: 'right',
            render: (_, c) => (
              <Space wrap>
                {STOREFRONT_KINDS.has(c.kind) || MARKETPLACE_KINDS.has(c.kind) ? (
                  <Button size="small" icon={<SyncOutlined spin={syncing === c.id} />} loading={syncing === c.id} onClick={() => void syncNow(c)} data-testid={`connection-sync-${c.id}`}>
                    {t('settings.connections.syncNow')}
                  </Button>
                ) : null}
                <Button size="small" icon={<HistoryOutlined />} onClick={() => setLog(c)} data-testid={`connection-log-${c.id}`}>
                  {t('settings.connections.log')}
                </Button>
                {c.status === 'paused' ? (
                  <Tooltip title={t('settings.connections.resumeHint')}>
                    <Button size="small" icon={<PlayCircleOutlined />} onClick={() => void update(c, { status: 'active' })}>
                      {t('settings.connections.resume')}
                    </Button>
                  </Tooltip>
                ) : (
                  <Tooltip title={t('settings.connections.pauseHint')}>
                    <Button size="small" icon={<PauseOutlined />} onClick={() => void update(c, { status: 'paused' })}>
                      {t('settings.connections.pause')}
                    </Button>
                  </Tooltip>
                )}
                <Popconfirm title={t('settings.connections.deleteConfirm', { name: c.name })} onConfirm={() => void remove(c)} okText={t('common.delete')} cancelText={t('common.cancel')}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />

      <Modal
        open={adding}
        title={t('settings.connections.add')}
        onCancel={() => setAdding(false)}
        onOk={() => void add()}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Alert type="info" showIcon title={t('settings.connections.secretsOnce')} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item label={t('settings.connections.kind')}>
            <Select
              data-testid="connection-kind"
              value={kind}
              onChange={(k) => setKind(k)}
              options={CONNECTION_KIND_NAMES.map((k) => ({ value: k, label: t([`settings.connections.kinds.${k}`, `market.kinds.${k}`, `carriers.kinds.${k}`], { defaultValue: k }) }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('settings.connections.name')} rules={[{ required: true, whitespace: true, message: t('actions.form.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          {CONNECTION_FORMS[kind].map((f) => (
            <Form.Item
              key={`${kind}-${f.name}`}
              name={f.name}
              label={t([`market.fields.${kind}.${f.name}`, `settings.connections.fields.${f.name}`, `carriers.fields.${f.name}`], { defaultValue: f.name })}
              extra={t([`settings.connections.hints.${kind}.${f.name}`, `market.hints.${kind}.${f.name}`], { defaultValue: '' }) || undefined}
              rules={f.required ? [{ required: true, whitespace: true, message: t('actions.form.required') }] : []}
            >
              {f.multiline ? <Input.TextArea rows={3} className="mono" /> : f.secret ? <Input.Password autoComplete="off" className="mono" /> : <Input className="mono" />}
            </Form.Item>
          ))}
        </Form>
      </Modal>

      <Drawer open={log !== null} onClose={() => setLog(null)} width={900} title={log ? t('settings.connections.logTitle', { name: log.name }) : ''} destroyOnHidden>
        {log ? <ConnectionLog connection={log} /> : null}
      </Drawer>
    </Card>
  );
}

/** The connection's runs, newest first: what came in and went out, and the items that failed by the platform's id. */
function ConnectionLog({ connection }: { connection: Connection }) {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const runs = useQuery({ queryKey: ['connections', connection.id, 'runs'], queryFn: () => api.get<CursorPage<ConnectionRun>>(`/connections/${connection.id}/runs`, { limit: 50 }) });
  if (runs.error) return <ErrorAlert error={runs.error} />;
  return (
    <Table<ConnectionRun>
      data-testid="connection-runs"
      rowKey="id"
      size="small"
      loading={runs.isLoading}
      dataSource={runs.data?.data ?? []}
      pagination={false}
      locale={{ emptyText: t('settings.connections.noRuns') }}
      expandable={{
        rowExpandable: (r) => r.errors.length > 0,
        expandedRowRender: (r) => (
          <ul className="plain-list">
            {r.errors.map((e, i) => (
              <li key={i}>
                <Typography.Text code>{e.externalId ?? '—'}</Typography.Text> {e.message}
              </li>
            ))}
          </ul>
        ),
      }}
      columns={[
        { title: t('settings.connections.runAt'), render: (_, r) => shopTime(r.startedAt) },
        { title: t('settings.connections.trigger'), render: (_, r) => t(`settings.connections.triggers.${r.trigger}`) },
        { title: t('settings.connections.status'), render: (_, r) => <Tag color={RUN_COLORS[r.status]}>{t(`settings.connections.runStatuses.${r.status}`)}</Tag> },
        { title: t('settings.connections.itemsIn'), dataIndex: 'itemsIn', align: 'right' },
        { title: t('settings.connections.itemsOut'), dataIndex: 'itemsOut', align: 'right' },
        { title: t('settings.connections.errors'), render: (_, r) => r.errors.length, align: 'right' },
      ]}
    />
  );
}
