import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { PolicyVersion, Shop } from '../../api/types.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert, useErrorText } from '../../components/ErrorAlert.js';
import { currencyDigits, money, toMajor, toMinor } from '../../lib/money.js';

interface PoolRow {
  currency: string;
  valueMinor: number;
  free: number;
  granted: number;
  expired: number;
}

type Kind = 'coupon' | 'store_credit' | 'points';
interface Rule {
  name: string;
  faults?: ('seller' | 'buyer' | 'carrier')[];
  reasonCodes?: string[];
  kind: Kind;
  amountMinor?: number;
  points?: number;
}
interface Care {
  compensation?: { maxPerCaseMinor?: number; maxPerMonthMinor?: number; maxPointsPerCase?: number; maxPointsPerMonth?: number; couponValidDays?: number; rules?: Rule[] };
  followUps?: Record<string, unknown>;
  exchangeFirst?: { enabled: boolean };
}

/** The server's defaults for a policy without a care block (src/domain/care/settings.ts CARE_DEFAULTS); the e2e test checks the form shows them. */
const DEFAULTS = { maxPerCaseMinor: 10_000, maxPerMonthMinor: 500_000, maxPointsPerCase: 1_000, maxPointsPerMonth: 50_000, couponValidDays: 90 };

/**
 * Settings → 售后关怀 (issue 19 §1, §3): the coupon pool (upload a list or CSV, see what is left
 * per value), the compensation caps and the rules that grant by themselves, and exchange-first.
 * The caps and rules are the policy's `care` block: saving writes a new policy version.
 */
export function CareTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { can } = useSession();
  const manage = can('policy:write');
  const queryClient = useQueryClient();
  const shop = useQuery({ queryKey: ['shop'], queryFn: () => api.get<Shop>('/shop'), staleTime: 5 * 60_000 });
  const pool = useQuery({ queryKey: ['coupon-pool'], queryFn: () => api.get<{ data: PoolRow[] }>('/coupon-codes') });
  const policy = useQuery({ queryKey: ['policy', 'current'], queryFn: () => api.get<PolicyVersion>('/policy') });
  const currency = shop.data?.currency ?? 'CNY';
  const [upload] = Form.useForm<{ codes: string; value: number; currency: string; expiresAt?: string }>();
  const [caps] = Form.useForm<{ maxPerCase: number; maxPerMonth: number; maxPointsPerCase: number; maxPointsPerMonth: number; couponValidDays: number; exchangeFirst: boolean }>();
  const [rules, setRules] = useState<Rule[]>([]);
  const [ruleForm] = Form.useForm<{ name: string; faults?: Rule['faults']; kind: Kind; amount?: number; points?: number }>();
  const [busy, setBusy] = useState(false);

  const care = ((policy.data?.document as { care?: Care } | undefined)?.care ?? {}) as Care;
  useEffect(() => {
    if (!policy.data || !shop.data) return;
    const c = { ...DEFAULTS, ...(care.compensation ?? {}) };
    caps.setFieldsValue({
      maxPerCase: toMajor(c.maxPerCaseMinor, currency),
      maxPerMonth: toMajor(c.maxPerMonthMinor, currency),
      maxPointsPerCase: c.maxPointsPerCase,
      maxPointsPerMonth: c.maxPointsPerMonth,
      couponValidDays: c.couponValidDays,
      exchangeFirst: care.exchangeFirst?.enabled ?? false,
    });
    setRules(care.compensation?.rules ?? []);
  }, [policy.data?.id, shop.data?.currency]);

  const sendCodes = async () => {
    const v = await upload.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const r = await api.post<{ added: number; duplicates: string[] }>('/coupon-codes', {
        csv: v.codes,
        valueMinor: toMinor(v.value, v.currency),
        currency: v.currency,
        ...(v.expiresAt ? { expiresAt: new Date(`${v.expiresAt}T23:59:59`).toISOString() } : {}),
      });
      message.success(t('care.settings.uploaded', { added: r.added, duplicates: r.duplicates.length }));
      upload.resetFields(['codes']);
      await queryClient.invalidateQueries({ queryKey: ['coupon-pool'] });
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  // The file is read here, never uploaded as such: its codes land in the field, to be checked before sending.
  const readFile = async (file: File) => upload.setFieldValue('codes', await file.text());

  const save = async () => {
    const v = await caps.validateFields().catch(() => null);
    if (!v || !policy.data) return;
    setBusy(true);
    try {
      const doc = policy.data.document as Record<string, unknown> & { care?: Care };
      const nextCare: Care = {
        ...(doc.care ?? {}),
        compensation: {
          ...(doc.care?.compensation ?? {}),
          maxPerCaseMinor: toMinor(v.maxPerCase, currency),
          maxPerMonthMinor: toMinor(v.maxPerMonth, currency),
          maxPointsPerCase: v.maxPointsPerCase,
          maxPointsPerMonth: v.maxPointsPerMonth,
          couponValidDays: v.couponValidDays,
          rules,
        },
        exchangeFirst: { enabled: v.exchangeFirst },
      };
      await api.put<PolicyVersion>('/policy', { document: { ...doc, care: nextCare }, note: t('care.settings.policyNote') });
      await queryClient.invalidateQueries({ queryKey: ['policy'] });
      message.success(t('care.settings.saved'));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const addRule = async () => {
    const v = await ruleForm.validateFields().catch(() => null);
    if (!v) return;
    setRules((rs) => [
      ...rs.filter((r) => r.name !== v.name),
      { name: v.name, ...(v.faults?.length ? { faults: v.faults } : {}), kind: v.kind, ...(v.kind === 'points' ? { points: v.points ?? 0 } : { amountMinor: toMinor(v.amount ?? 0, currency) }) },
    ]);
    ruleForm.resetFields(['name', 'amount', 'points']);
  };

  const error = pool.error ?? policy.error ?? shop.error;
  if (error) return <ErrorAlert error={error} />;
  const step = 1 / 10 ** currencyDigits(currency);
  const lang = i18n.language;
  const value = (r: Rule) => (r.kind === 'points' ? t('care.settings.points', { count: r.points ?? 0 }) : money(r.amountMinor ?? 0, currency, lang));

  return (
    <Row gutter={[16, 16]} data-testid="care-settings">
      <Col xs={24} xl={12}>
        <Card title={t('care.settings.poolTitle')} data-testid="coupon-pool">
          <Typography.Paragraph type="secondary">{t('care.settings.poolHint')}</Typography.Paragraph>
          <Table<PoolRow>
            rowKey={(r) => `${r.currency}-${r.valueMinor}`}
            size="small"
            loading={pool.isLoading}
            dataSource={pool.data?.data ?? []}
            pagination={false}
            locale={{ emptyText: t('care.settings.poolEmpty') }}
            data-testid="pool-table"
            columns={[
              { title: t('care.settings.value'), key: 'v', render: (_, r) => money(r.valueMinor, r.currency, lang) },
              { title: t('care.settings.free'), dataIndex: 'free', render: (n: number) => <Tag color={n === 0 ? 'red' : 'green'}>{n}</Tag> },
              { title: t('care.settings.granted'), dataIndex: 'granted' },
              { title: t('care.settings.expired'), dataIndex: 'expired' },
            ]}
          />
          {manage && (
            <Form form={upload} layout="vertical" initialValues={{ currency, value: 20 }} style={{ marginTop: 16 }}>
              <Form.Item name="codes" label={t('care.settings.codes')} extra={t('care.settings.codesHint')} rules={[{ required: true, whitespace: true, message: t('actions.form.required') }]}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={'SAVE20-A1B2\nSAVE20-C3D4'} data-testid="pool-codes" />
              </Form.Item>
              <Space wrap align="start">
                <Form.Item name="value" label={t('care.settings.value')} rules={[{ required: true, message: t('actions.form.required') }]}>
                  <InputNumber min={step} step={step} precision={currencyDigits(currency)} style={{ width: 140 }} data-testid="pool-value" />
                </Form.Item>
                <Form.Item name="currency" label={t('care.settings.currency')}>
                  <Select style={{ width: 100 }} options={(shop.data?.currencies ?? [currency]).map((c) => ({ value: c, label: c }))} />
                </Form.Item>
                <Form.Item name="expiresAt" label={t('care.settings.expiresAt')}>
                  <Input type="date" style={{ width: 160 }} />
                </Form.Item>
              </Space>
              <Space wrap>
                <Upload accept=".csv,.txt,text/csv,text/plain" showUploadList={false} beforeUpload={(file) => {
                    void readFile(file);
                    return false;
                  }}
                >
                  <Button data-testid="pool-file">{t('care.settings.csvFile')}</Button>
                </Upload>
                <Button type="primary" loading={busy} onClick={() => void sendCodes()} data-testid="pool-upload">
                  {t('care.settings.upload')}
                </Button>
              </Space>
            </Form>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('care.settings.capsTitle')} data-testid="care-caps">
          <Typography.Paragraph type="secondary">{t('care.settings.capsHint')}</Typography.Paragraph>
          <Form form={caps} layout="vertical" disabled={!manage}>
            <Space wrap align="start">
              <Form.Item name="maxPerCase" label={t('care.settings.maxPerCase')} rules={[{ required: true }]}>
                <InputNumber min={0} step={step} precision={currencyDigits(currency)} prefix={currency} style={{ width: 180 }} data-testid="cap-case" />
              </Form.Item>
              <Form.Item name="maxPerMonth" label={t('care.settings.maxPerMonth')} extra={t('care.settings.monthHint')} rules={[{ required: true }]}>
                <InputNumber min={0} step={step} precision={currencyDigits(currency)} prefix={currency} style={{ width: 180 }} data-testid="cap-month" />
              </Form.Item>
            </Space>
            <Space wrap align="start">
              <Form.Item name="maxPointsPerCase" label={t('care.settings.maxPointsPerCase')} rules={[{ required: true }]}>
                <InputNumber min={0} precision={0} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="maxPointsPerMonth" label={t('care.settings.maxPointsPerMonth')} rules={[{ required: true }]}>
                <InputNumber min={0} precision={0} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="couponValidDays" label={t('care.settings.couponValidDays')} rules={[{ required: true }]}>
                <InputNumber min={1} max={3650} precision={0} style={{ width: 120 }} />
              </Form.Item>
            </Space>
            <Form.Item name="exchangeFirst" label={t('care.settings.exchangeFirst')} extra={t('care.settings.exchangeFirstHint')} valuePropName="checked">
              <Switch data-testid="care-exchange-first" />
            </Form.Item>
          </Form>
          <Typography.Title level={5}>{t('care.settings.rulesTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('care.settings.rulesHint')}</Typography.Paragraph>
          <Table<Rule>
            rowKey="name"
            size="small"
            pagination={false}
            dataSource={rules}
            locale={{ emptyText: t('care.settings.noRules') }}
            data-testid="care-rules"
            columns={[
              { title: t('care.settings.ruleName'), dataIndex: 'name', render: (n: string) => <code>{n}</code> },
              { title: t('care.settings.faults'), key: 'f', render: (_, r) => (r.faults ?? []).map((f) => t(`fault.${f}`)).join(', ') || t('care.settings.anyFault') },
              { title: t('care.settings.kind'), key: 'k', render: (_, r) => t(`care.compensation.kind.${r.kind}`) },
              { title: t('care.settings.value'), key: 'v', render: (_, r) => value(r) },
              ...(manage ? [{ key: 'x', render: (_: unknown, r: Rule) => <Button size="small" danger onClick={() => setRules((rs) => rs.filter((x) => x.name !== r.name))}>{t('care.settings.removeRule')}</Button> }] : []),
            ]}
          />
          {manage && (
            <Form form={ruleForm} layout="inline" initialValues={{ kind: 'coupon', faults: ['seller'] }} style={{ marginTop: 12, rowGap: 8 }}>
              <Form.Item name="name" rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,40}$/, message: t('care.settings.ruleNameRule') }]}>
                <Input placeholder="seller_sorry" style={{ width: 150 }} data-testid="rule-name" />
              </Form.Item>
              <Form.Item name="faults">
                <Select mode="multiple" style={{ minWidth: 150 }} placeholder={t('care.settings.anyFault')} options={(['seller', 'buyer', 'carrier'] as const).map((f) => ({ value: f, label: t(`fault.${f}`) }))} />
              </Form.Item>
              <Form.Item name="kind">
                <Select style={{ width: 130 }} options={(['coupon', 'store_credit', 'points'] as const).map((k) => ({ value: k, label: t(`care.compensation.kind.${k}`) }))} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
                {({ getFieldValue }) =>
                  getFieldValue('kind') === 'points' ? (
                    <Form.Item name="points" rules={[{ required: true }]}>
                      <InputNumber min={1} precision={0} placeholder={t('care.settings.pointsLabel')} style={{ width: 120 }} />
                    </Form.Item>
                  ) : (
                    <Form.Item name="amount" rules={[{ required: true }]}>
                      <InputNumber min={step} step={step} precision={currencyDigits(currency)} prefix={currency} style={{ width: 140 }} data-testid="rule-amount" />
                    </Form.Item>
                  )
                }
              </Form.Item>
              <Button onClick={() => void addRule()} data-testid="rule-add">
                {t('care.settings.addRule')}
              </Button>
            </Form>
          )}
          {manage && (
            <Button type="primary" style={{ marginTop: 16 }} loading={busy} onClick={() => void save()} data-testid="care-save">
              {t('care.settings.save')}
            </Button>
          )}
        </Card>
      </Col>
    </Row>
  );
}
