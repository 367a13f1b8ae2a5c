import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ROLES, type ApiKey } from '../../api/types.js';
import { CsvButton } from '../../components/CsvButton.js';
import { useErrorText } from '../../components/ErrorAlert.js';
import { useShopTime } from '../../lib/shop-time.js';

/** API keys for connectors: created with a role, the secret shown once, revocable at once. */
export function ApiKeysTab() {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: () => api.get<{ data: ApiKey[] }>('/api-keys') });
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [form] = Form.useForm();
  const rows = keys.data?.data ?? [];
  const when = (d: string | null) => (d ? shopTime(d) : '—');
  return (
    <Card
      data-testid="api-keys-tab"
      title={t('settings.keys.title')}
      extra={
        <Space>
          <CsvButton
            filename="retour-api-keys"
            header={[t('settings.keys.name'), t('settings.keys.prefix'), t('settings.staff.role'), t('settings.keys.created'), t('settings.keys.lastUsed'), t('settings.keys.revoked')]}
            rows={() => rows.map((k) => [k.name, k.prefix, t(`roles.${k.role}`), k.createdAt, k.lastUsedAt ?? '', k.revokedAt ?? ''])}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="create-key">
            {t('settings.keys.create')}
          </Button>
        </Space>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Table<ApiKey>
        rowKey="id"
        loading={keys.isPending}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('settings.keys.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name) },
          { title: t('settings.keys.prefix'), dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
          { title: t('settings.staff.role'), dataIndex: 'role', sorter: (a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role), render: (r: string) => <Tag color="blue">{t(`roles.${r}`)}</Tag> },
          { title: t('settings.keys.created'), dataIndex: 'createdAt', sorter: (a, b) => a.createdAt.localeCompare(b.createdAt), render: when },
          { title: t('settings.keys.lastUsed'), dataIndex: 'lastUsedAt', sorter: (a, b) => (a.lastUsedAt ?? '').localeCompare(b.lastUsedAt ?? ''), render: when },
          {
            key: 'state',
            render: (_, k) =>
              k.revokedAt ? (
                <Tag>{t('settings.keys.revokedAt', { at: when(k.revokedAt) })}</Tag>
              ) : (
                <Popconfirm
                  title={t('settings.keys.revokeConfirm', { name: k.name })}
                  okText={t('settings.keys.revoke')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={async () => {
                    try {
                      await api.delete(`/api-keys/${k.id}`);
                      await queryClient.invalidateQueries({ queryKey: ['api-keys'] });
                      message.success(t('settings.keys.revokedOk'));
                    } catch (err) {
                      message.error(errorText(err));
                    }
                  }}
                >
                  <Button size="small" danger>
                    {t('settings.keys.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={open}
        title={secret ? t('settings.keys.createdTitle') : t('settings.keys.create')}
        onCancel={() => {
          setOpen(false);
          setSecret(null);
        }}
        footer={
          secret
            ? [
                <Button key="done" type="primary" onClick={() => { setOpen(false); setSecret(null); }}>
                  {t('settings.keys.stored')}
                </Button>,
              ]
            : undefined
        }
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        onOk={async () => {
          const v = await form.validateFields();
          try {
            const created = await api.post<{ key: string }>('/api-keys', v);
            setSecret(created.key);
            form.resetFields();
            await queryClient.invalidateQueries({ queryKey: ['api-keys'] });
          } catch (err) {
            message.error(errorText(err));
          }
        }}
        destroyOnHidden
      >
        {secret ? (
          <>
            <Alert type="warning" showIcon title={t('settings.keys.once')} style={{ marginBottom: 12 }} />
            <Space.Compact style={{ width: '100%' }}>
              <Input value={secret} readOnly className="mono" style={{ width: 'calc(100% - 40px)' }} data-testid="api-key-secret" />
              <Button icon={<CopyOutlined />} onClick={() => void navigator.clipboard?.writeText(secret).then(() => message.success(t('common.copied')))} aria-label={t('common.copy')} />
            </Space.Compact>
          </>
        ) : (
          <Form form={form} layout="vertical" initialValues={{ role: 'manager' }}>
            <Form.Item name="name" label={t('settings.keys.name')} rules={[{ required: true, message: t('actions.form.required') }]}>
              <Input maxLength={100} placeholder={t('settings.keys.namePlaceholder')} />
            </Form.Item>
            <Form.Item name="role" label={t('settings.staff.role')} extra={t('settings.keys.roleHint')}>
              <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </Card>
  );
}
