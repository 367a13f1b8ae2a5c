import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Avatar, Button, Card, Col, Form, Input, Row, Select, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Shop } from '../../api/types.js';
import { SESSION_KEY, useSession } from '../../auth/session.js';
import { ErrorAlert, useErrorText } from '../../components/ErrorAlert.js';

const CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'SGD', 'AUD', 'CAD', 'KRW'];
const ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Australia/Sydney', 'UTC'];

/** The shop's profile: name, logo, currency and the currencies it sells in, time zone, languages, how refunds are paid. */
export function ShopTab() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const shop = useQuery({ queryKey: ['shop'], queryFn: () => api.get<Shop>('/shop') });
  const [form] = Form.useForm();
  const logo = Form.useWatch('logoUrl', form) as string | undefined;
  const editable = can('shop:manage');
  if (shop.isPending) return <Skeleton active />;
  if (!shop.data) return <ErrorAlert error={shop.error} />;
  const s = shop.data;
  return (
    <Card data-testid="shop-tab">
      {!editable && <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={{ ...s, logoUrl: s.logoUrl ?? '' }}
        onFinish={async (v: Shop) => {
          try {
            const updated = await api.patch<Shop>('/shop', {
              name: v.name,
              logoUrl: v.logoUrl ? v.logoUrl : null,
              currency: v.currency,
              currencies: v.currencies,
              timezone: v.timezone,
              defaultLocale: v.defaultLocale,
              locales: v.locales,
              refundProvider: v.refundProvider,
            });
            queryClient.setQueryData(['shop'], updated);
            // The header shows the shop's name from the session.
            await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
            message.success(t('settings.shop.saved'));
          } catch (err) {
            message.error(errorText(err));
          }
        }}
      >
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <Form.Item name="name" label={t('settings.shop.name')} rules={[{ required: true, message: t('actions.form.required') }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item label={t('settings.shop.logo')}>
              <Space>
                <Avatar shape="square" size={48} src={logo || undefined}>
                  {s.name.slice(0, 1)}
                </Avatar>
                <Form.Item name="logoUrl" noStyle rules={[{ type: 'url', message: t('settings.shop.logoInvalid') }]}>
                  <Input placeholder="https://…/logo.png" style={{ width: 360 }} />
                </Form.Item>
              </Space>
            </Form.Item>
            <Form.Item label={t('settings.shop.slug')}>
              <Input value={s.slug} disabled />
            </Form.Item>
            <Form.Item name="refundProvider" label={t('settings.shop.refundProvider')} extra={t('settings.shop.refundProviderHint')}>
              <Select options={['manual', 'simulated'].map((p) => ({ value: p, label: t(`refund.provider.${p}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="currency" label={t('settings.shop.currency')}>
              <Select showSearch options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            <Form.Item name="currencies" label={t('settings.shop.currencies')}>
              <Select mode="tags" options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            <Form.Item name="timezone" label={t('settings.shop.timezone')}>
              <Select showSearch options={[...new Set([s.timezone, ...ZONES])].map((z) => ({ value: z, label: z }))} />
            </Form.Item>
            <Form.Item name="locales" label={t('settings.shop.languages')}>
              <Select mode="multiple" options={['zh-CN', 'en'].map((l) => ({ value: l, label: t(`languages.${l}`) }))} />
            </Form.Item>
            <Form.Item name="defaultLocale" label={t('settings.shop.defaultLanguage')}>
              <Select options={['zh-CN', 'en'].map((l) => ({ value: l, label: t(`languages.${l}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        {editable && (
          <Button type="primary" htmlType="submit" data-testid="shop-save">
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
