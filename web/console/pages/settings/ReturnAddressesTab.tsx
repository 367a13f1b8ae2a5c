import { DeleteOutlined, EditOutlined, PlusOutlined, StarOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert, useErrorText } from '../../components/ErrorAlert.js';
import type { ReturnAddress } from '../../components/return-addresses/types.js';

type Values = Pick<ReturnAddress, 'name' | 'phone'> & { addressZh?: string; addressLatin?: string; postalCode?: string; warehouse?: string; isDefault?: boolean };

/** Settings → 退货地址: where returned goods go, one of them the default preselected on approval. */
export function ReturnAddressesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const book = useQuery({ queryKey: ['return-addresses'], queryFn: () => api.get<{ data: ReturnAddress[] }>('/return-addresses') });
  const [editing, setEditing] = useState<ReturnAddress | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const manage = can('shop:manage');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['return-addresses'] });

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      await refresh();
      message.success(done);
      return true;
    } catch (err) {
      message.error(errorText(err));
      return false;
    }
  };

  const open = (a: ReturnAddress | 'new') => {
    setEditing(a);
    form.setFieldsValue(a === 'new' ? { name: '', phone: '', addressZh: '', addressLatin: '', postalCode: '', warehouse: '', isDefault: false } : { ...a, addressZh: a.addressZh ?? '', addressLatin: a.addressLatin ?? '', postalCode: a.postalCode ?? '', warehouse: a.warehouse ?? '' });
  };

  const submit = async () => {
    // The form shows what is missing on its fields: nothing more to do here.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = {
      name: v.name.trim(),
      phone: v.phone.trim(),
      addressZh: v.addressZh?.trim() || null,
      addressLatin: v.addressLatin?.trim() || null,
      postalCode: v.postalCode?.trim() || null,
      warehouse: v.warehouse?.trim() || null,
      ...(v.isDefault ? { isDefault: true } : {}),
    };
    const ok = await run(() => (editing === 'new' ? api.post('/return-addresses', body) : api.patch(`/return-addresses/${(editing as ReturnAddress).id}`, body)), t('returnAddresses.saved'));
    if (ok) setEditing(null);
  };

  if (book.error) return <ErrorAlert error={book.error} />;
  const rows = book.data?.data ?? [];

  return (
    <Card
      data-testid="return-addresses-tab"
      title={t('returnAddresses.title')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="return-address-add">
            {t('returnAddresses.add')}
          </Button>
        )
      }
    >
      <Table<ReturnAddress>
        rowKey="id"
        loading={book.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('returnAddresses.empty') }}
        columns={[
          {
            title: t('returnAddresses.name'),
            key: 'name',
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                <span>
                  {a.name} {a.isDefault && <Tag color="blue">{t('returnAddresses.default')}</Tag>}
                </span>
                <span className="small muted">{a.phone}</span>
              </Space>
            ),
          },
          {
            title: t('returnAddresses.address'),
            key: 'address',
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                {a.addressZh && <span>{a.addressZh}</span>}
                {a.addressLatin && <span className="small muted">{a.addressLatin}</span>}
                {a.postalCode && <span className="small muted">{a.postalCode}</span>}
              </Space>
            ),
          },
          { title: t('returnAddresses.warehouse'), dataIndex: 'warehouse', render: (w: string | null) => w ?? '—' },
          ...(manage
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, a: ReturnAddress) => (
                    <Space wrap>
                      {!a.isDefault && (
                        <Button size="small" icon={<StarOutlined />} onClick={() => void run(() => api.patch(`/return-addresses/${a.id}`, { isDefault: true }), t('returnAddresses.saved'))}>
                          {t('returnAddresses.makeDefault')}
                        </Button>
                      )}
                      <Button size="small" icon={<EditOutlined />} onClick={() => open(a)} aria-label={t('returnAddresses.edit')} />
                      <Popconfirm title={t('returnAddresses.confirmDelete')} onConfirm={() => void run(() => api.delete(`/return-addresses/${a.id}`), t('returnAddresses.deleted'))}>
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('returnAddresses.delete')} />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('returnAddresses.add') : t('returnAddresses.edit')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => void submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        data-testid="return-address-modal"
      >
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="name" label={t('returnAddresses.name')} rules={[{ required: true, whitespace: true, message: t('returnAddresses.required') }]}>
            <Input maxLength={100} data-testid="ra-name" />
          </Form.Item>
          <Form.Item name="phone" label={t('returnAddresses.phone')} rules={[{ required: true, whitespace: true, message: t('returnAddresses.required') }]}>
            <Input maxLength={40} data-testid="ra-phone" />
          </Form.Item>
          <Form.Item
            name="addressZh"
            label={t('returnAddresses.addressZh')}
            dependencies={['addressLatin']}
            rules={[({ getFieldValue }) => ({ validator: (_, v) => (String(v ?? '').trim() || String(getFieldValue('addressLatin') ?? '').trim() ? Promise.resolve() : Promise.reject(new Error(t('returnAddresses.addressRequired')))) })]}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="ra-address-zh" />
          </Form.Item>
          <Form.Item name="addressLatin" label={t('returnAddresses.addressLatin')}>
            <Input.TextArea rows={2} maxLength={500} data-testid="ra-address-latin" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="postalCode" label={t('returnAddresses.postalCode')}>
              <Input maxLength={20} />
            </Form.Item>
            <Form.Item name="warehouse" label={t('returnAddresses.warehouse')}>
              <Input maxLength={100} data-testid="ra-warehouse" />
            </Form.Item>
          </Space>
          {(editing === 'new' || (editing && !editing.isDefault)) && (
            <Form.Item name="isDefault" valuePropName="checked">
              <Checkbox data-testid="ra-default">{t('returnAddresses.makeDefault')}</Checkbox>
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
