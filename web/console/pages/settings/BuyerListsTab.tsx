import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert, useErrorText } from '../../components/ErrorAlert.js';
import { useShopDate } from '../../lib/shop-time.js';
import type { ListEntry } from '../buyers/types.js';

type Values = { list: 'block' | 'allow'; kind: 'email' | 'phone' | 'address'; value: string; reason?: string };

/** Settings → 黑白名单 (issue 19.5): block- and allowlist entries by e-mail, phone or address, in their normal form. */
export function BuyerListsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const shopDate = useShopDate();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const entries = useQuery({ queryKey: ['buyer-lists'], queryFn: () => api.get<{ data: ListEntry[] }>('/buyer-lists') });
  const manage = can('policy:write');
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: ['buyer-lists'] });
      message.success(t('buyerRecords.lists.saved'));
      return true;
    } catch (err) {
      message.error(errorText(err));
      return false;
    }
  };
  const add = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (await run(() => api.post('/buyer-lists', { list: v.list, kind: v.kind, value: v.value.trim(), ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) }))) form.resetFields(['value', 'reason']);
  };
  if (entries.error) return <ErrorAlert error={entries.error} />;
  return (
    <Card title={t('buyerRecords.lists.tabTitle')} data-testid="buyer-lists-tab">
      {manage && (
        <Form form={form} layout="inline" initialValues={{ list: 'block', kind: 'phone' }} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="list">
            <Select style={{ width: 120 }} options={(['block', 'allow'] as const).map((l) => ({ value: l, label: t(`buyerRecords.lists.${l}`) }))} data-testid="list-select" />
          </Form.Item>
          <Form.Item name="kind">
            <Select style={{ width: 120 }} options={(['phone', 'email', 'address'] as const).map((k) => ({ value: k, label: t(`buyerRecords.lists.kind.${k}`) }))} data-testid="list-kind" />
          </Form.Item>
          <Form.Item name="value" rules={[{ required: true, message: t('actions.form.required') }]}>
            <Input style={{ width: 260 }} placeholder={t('buyerRecords.lists.value')} maxLength={500} data-testid="list-value" />
          </Form.Item>
          <Form.Item name="reason">
            <Input style={{ width: 220 }} placeholder={t('buyerRecords.lists.reason')} maxLength={500} />
          </Form.Item>
          <Button type="primary" onClick={() => void add()} data-testid="list-add">
            {t('buyerRecords.lists.add')}
          </Button>
        </Form>
      )}
      <Table<ListEntry>
        rowKey="id"
        size="small"
        loading={entries.isLoading}
        dataSource={entries.data?.data ?? []}
        pagination={false}
        data-testid="list-table"
        columns={[
          { title: t('buyerRecords.lists.list'), key: 'l', render: (_, e) => <Tag color={e.list === 'block' ? 'red' : 'green'}>{t(`buyerRecords.lists.${e.list}`)}</Tag> },
          { title: t('buyerRecords.lists.kindLabel'), key: 'k', render: (_, e) => t(`buyerRecords.lists.kind.${e.kind}`) },
          { title: t('buyerRecords.lists.value'), dataIndex: 'value' },
          { title: t('buyerRecords.lists.reason'), dataIndex: 'reason', render: (v) => v ?? '—' },
          { title: t('buyerRecords.lists.added'), key: 'at', render: (_, e) => <span className="small">{shopDate(e.createdAt)}</span> },
          ...(manage
            ? [
                {
                  key: 'x',
                  render: (_: unknown, e: ListEntry) => (
                    <Space>
                      <Popconfirm title={t('buyerRecords.lists.removeConfirm')} onConfirm={() => run(() => api.delete(`/buyer-lists/${e.id}`))}>
                        <Button size="small" danger data-testid="list-remove">
                          {t('buyerRecords.lists.remove')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
