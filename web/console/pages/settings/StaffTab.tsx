import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ROLES, type Role, type Staff } from '../../api/types.js';
import { useSession } from '../../auth/session.js';
import { CsvButton } from '../../components/CsvButton.js';
import { useErrorText } from '../../components/ErrorAlert.js';
import { useShopTime } from '../../lib/shop-time.js';

/** Staff accounts and their roles; what each role may do is listed beside it. */
export function StaffTab() {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const { session } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const staff = useQuery({ queryKey: ['staff'], queryFn: () => api.get<{ data: Staff[] }>('/staff') });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const update = async (id: string, patch: Partial<{ role: Role; disabled: boolean }>) => {
    try {
      await api.patch(`/staff/${id}`, patch);
      await queryClient.invalidateQueries({ queryKey: ['staff'] });
      message.success(t('settings.staff.updated'));
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const rows = staff.data?.data ?? [];
  return (
    <Card
      data-testid="staff-tab"
      title={t('settings.staff.title', { count: rows.length })}
      extra={
        <Space>
          <CsvButton
            filename="retour-staff"
            header={[t('settings.staff.name'), t('settings.staff.email'), t('settings.staff.role'), t('settings.staff.status'), t('settings.staff.lastLogin')]}
            rows={() => rows.map((s) => [s.name, s.email, t(`roles.${s.role}`), s.disabled ? t('settings.staff.disabled') : t('settings.staff.active'), s.lastLoginAt ?? ''])}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('settings.staff.add')}
          </Button>
        </Space>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Table<Staff>
        rowKey="id"
        loading={staff.isPending}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('settings.staff.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name) },
          { title: t('settings.staff.email'), dataIndex: 'email', sorter: (a, b) => a.email.localeCompare(b.email) },
          {
            title: t('settings.staff.role'),
            key: 'role',
            sorter: (a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role),
            render: (_, s) => (
              <Tooltip title={t(`roleHints.${s.role}`)}>
                <Select<Role> size="small" value={s.role} disabled={s.id === session.id} style={{ width: 130 }} onChange={(role) => void update(s.id, { role })} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
              </Tooltip>
            ),
          },
          {
            title: t('settings.staff.status'),
            key: 'disabled',
            render: (_, s) => (
              <Space>
                <Switch size="small" checked={!s.disabled} disabled={s.id === session.id} onChange={(on) => void update(s.id, { disabled: !on })} />
                {s.disabled ? <Tag>{t('settings.staff.disabled')}</Tag> : <Tag color="green">{t('settings.staff.active')}</Tag>}
              </Space>
            ),
          },
          { title: t('settings.staff.lastLogin'), dataIndex: 'lastLoginAt', sorter: (a, b) => (a.lastLoginAt ?? '').localeCompare(b.lastLoginAt ?? ''), render: (d: string | null) => (d ? shopTime(d) : '—') },
        ]}
      />
      <div className="role-legend">
        {ROLES.map((r) => (
          <div key={r}>
            <Tag color="blue">{t(`roles.${r}`)}</Tag> <span className="small muted">{t(`roleHints.${r}`)}</span>
          </div>
        ))}
      </div>
      <Modal
        open={open}
        title={t('settings.staff.add')}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          const v = await form.validateFields();
          try {
            await api.post('/staff', v);
            await queryClient.invalidateQueries({ queryKey: ['staff'] });
            message.success(t('settings.staff.created', { name: v.name }));
            form.resetFields();
            setOpen(false);
          } catch (err) {
            message.error(errorText(err));
          }
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ role: 'agent', locale: 'zh-CN' }}>
          <Form.Item name="name" label={t('settings.staff.name')} rules={[{ required: true, message: t('actions.form.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="email" label={t('settings.staff.email')} rules={[{ required: true, type: 'email', message: t('settings.staff.emailInvalid') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('settings.staff.role')} extra={<RoleHint form={form} />}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="password" label={t('settings.staff.password')} rules={[{ required: true, min: 10, message: t('settings.staff.passwordRule') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="locale" label={t('settings.staff.language')}>
            <Select options={['zh-CN', 'en'].map((l) => ({ value: l, label: t(`languages.${l}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function RoleHint({ form }: { form: ReturnType<typeof Form.useForm>[0] }) {
  const { t } = useTranslation();
  const role = Form.useWatch('role', form) as Role | undefined;
  return role ? <span>{t(`roleHints.${role}`)}</span> : null;
}
