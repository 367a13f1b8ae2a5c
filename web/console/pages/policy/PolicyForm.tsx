import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Space, Switch, Table, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { CASE_TYPES, CHANNELS } from '../../api/types.js';
import { MoneyField, NumberField, PercentField, SwitchField, TagsField } from './fields.js';

const CONDITIONS = ['unopened', 'opened', 'used', 'damaged'];
const FAULTS = ['buyer', 'seller', 'carrier'] as const;

/** The policy as a form: every setting of the document, money in the shop currency and rates in percent. */
export function PolicyForm({ form, currency, readOnly, onChange }: { form: FormInstance; currency: string; readOnly: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const conditionOptions = CONDITIONS.map((c) => ({ value: c, label: t(`condition.${c}`) }));
  const payerOptions = ['buyer', 'seller'].map((p) => ({ value: p, label: t(`payer.${p}`) }));
  return (
    <Form form={form} layout="vertical" disabled={readOnly} onValuesChange={onChange} className="policy-form" data-testid="policy-form" scrollToFirstError>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('policy.sections.general')}>
              <Form.Item name="name" label={t('policy.f.name')} rules={[{ required: true, message: t('actions.form.required') }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="judgeBy" label={t('policy.f.judgeBy')} extra={t('policy.f.judgeByHint')}>
                <Select options={['order_date', 'current'].map((v) => ({ value: v, label: t(`policy.judgeBy.${v}`) }))} style={{ width: '100%', maxWidth: 420 }} />
              </Form.Item>
            </Card>
            <Card title={t('policy.sections.windows')} data-testid="policy-windows">
              <Space size={24} wrap>
                <NumberField name={['windows', 'noReasonDays']} label={t('policy.f.noReasonDays')} unit={t('policy.days')} max={3650} testId="field-noReasonDays" />
                <NumberField name={['windows', 'sellerFaultDays']} label={t('policy.f.sellerFaultDays')} unit={t('policy.days')} max={3650} testId="field-sellerFaultDays" />
              </Space>
              <Typography.Text type="secondary" className="small">
                {t('policy.f.windowsHint')}
              </Typography.Text>
              <div className="subhead">{t('policy.f.overrides')}</div>
              <Form.List name={['windows', 'overrides']}>
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <div key={f.key} className="policy-row">
                        <TagsField name={[f.name, 'match', 'channels']} label={t('policy.f.channels')} options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
                        <TagsField name={[f.name, 'match', 'categories']} label={t('policy.f.categories')} />
                        <TagsField name={[f.name, 'match', 'customerTiers']} label={t('policy.f.tiers')} />
                        <NumberField name={[f.name, 'noReasonDays']} label={t('policy.f.noReasonDays')} unit={t('policy.days')} />
                        <NumberField name={[f.name, 'sellerFaultDays']} label={t('policy.f.sellerFaultDays')} unit={t('policy.days')} />
                        <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                      </div>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add({ match: {} })}>
                      {t('policy.f.addOverride')}
                    </Button>
                  </>
                )}
              </Form.List>
            </Card>
            <Card title={t('policy.sections.exclusions')}>
              <Row>
                {['customMade', 'perishable', 'digitalOnceOpened', 'hygieneOnceUnsealed', 'finalSale'].map((k) => (
                  <Col span={12} key={k}>
                    <SwitchField name={['exclusions', k]} label={t(`policy.exclusions.${k}`)} />
                  </Col>
                ))}
              </Row>
              <Form.Item name={['conditions', 'acceptedForNoReason']} label={t('policy.f.acceptedConditions')}>
                <Select mode="multiple" options={conditionOptions} />
              </Form.Item>
            </Card>
            <Card title={t('policy.sections.refunds')}>
              <Form.Item name={['refunds', 'methods']} label={t('policy.f.methods')}>
                <Select mode="multiple" options={['original', 'store_credit'].map((m) => ({ value: m, label: t(`refundMethod.${m}`) }))} />
              </Form.Item>
              <PercentField name={['refunds', 'storeCreditBonusBp']} label={t('policy.f.storeCreditBonus')} />
              <Space size={24} wrap>
                <SwitchField name={['exchanges', 'enabled']} label={t('policy.f.exchanges')} />
                <Form.Item name={['exchanges', 'priceIncrease']} label={t('policy.f.priceIncrease')}>
                  <Select style={{ width: 260 }} options={['buyer_pays', 'shop_absorbs'].map((v) => ({ value: v, label: t(`policy.priceIncrease.${v}`) }))} />
                </Form.Item>
              </Space>
              <Space size={24} wrap>
                <SwitchField name={['returnless', 'enabled']} label={t('policy.f.returnless')} />
                <MoneyField name={['returnless', 'maxUnitValueMinor']} label={t('policy.f.returnlessMax')} currency={currency} />
              </Space>
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={12}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('policy.sections.fees')}>
              <Space size={16} wrap>
                {FAULTS.map((f) => (
                  <Form.Item key={f} name={['fees', 'returnShipping', f]} label={t('policy.f.shippingBy', { fault: t(`fault.${f}`) })}>
                    <Select style={{ width: 130 }} options={payerOptions} />
                  </Form.Item>
                ))}
              </Space>
              <SwitchField name={['fees', 'shippingInsuranceCoversBuyer']} label={t('policy.f.insurance')} />
              <SwitchField name={['fees', 'refundOutboundShippingOnSellerFault']} label={t('policy.f.outboundShipping')} />
              <Space size={24} wrap>
                <SwitchField name={['fees', 'prepaidLabel', 'enabled']} label={t('policy.f.prepaidLabel')} />
                <MoneyField name={['fees', 'prepaidLabel', 'costMinor']} label={t('policy.f.labelCost')} currency={currency} />
                <MoneyField name={['fees', 'maxReturnShippingReimbursementMinor']} label={t('policy.f.maxReimbursement')} currency={currency} />
              </Space>
              <div className="subhead">{t('policy.f.restocking')}</div>
              <Form.List name={['fees', 'restocking']}>
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <div key={f.key} className="policy-row">
                        <TagsField name={[f.name, 'categories']} label={t('policy.f.categories')} />
                        <Form.Item name={[f.name, 'conditions']} label={t('policy.f.conditions')}>
                          <Select mode="multiple" options={conditionOptions} style={{ minWidth: 180 }} />
                        </Form.Item>
                        <PercentField name={[f.name, 'feeBp']} label={t('policy.f.fee')} />
                        <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                      </div>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add({ conditions: ['opened'], feeBp: 1000 })}>
                      {t('policy.f.addRestocking')}
                    </Button>
                  </>
                )}
              </Form.List>
            </Card>
            <Card title={t('policy.sections.automation')}>
              <div className="subhead">{t('policy.f.autoApprove')}</div>
              <Space size={16} wrap>
                <SwitchField name={['automation', 'autoApprove', 'enabled']} label={t('policy.f.enabled')} />
                <MoneyField name={['automation', 'autoApprove', 'maxRefundMinor']} label={t('policy.f.maxRefund')} currency={currency} />
                <NumberField name={['automation', 'autoApprove', 'maxRiskScore']} label={t('policy.f.maxRisk')} max={100} />
              </Space>
              <div className="subhead">{t('policy.f.fastRefund')}</div>
              <Space size={16} wrap>
                <SwitchField name={['automation', 'fastRefund', 'enabled']} label={t('policy.f.enabled')} />
                <MoneyField name={['automation', 'fastRefund', 'maxRefundMinor']} label={t('policy.f.maxRefund')} currency={currency} />
                <NumberField name={['automation', 'fastRefund', 'maxRiskScore']} label={t('policy.f.maxRisk')} max={100} />
                <NumberField name={['automation', 'fastRefund', 'minCompletedOrders']} label={t('policy.f.minOrders')} max={1000} />
                <Form.Item name={['automation', 'fastRefund', 'trigger']} label={t('policy.f.trigger')}>
                  <Select style={{ width: 240 }} options={['approval', 'first_scan'].map((v) => ({ value: v, label: t(`policy.trigger.${v}`) }))} />
                </Form.Item>
              </Space>
              <NumberField name={['automation', 'manualReviewAboveRisk']} label={t('policy.f.manualReview')} max={100} extra={t('policy.f.manualReviewHint')} />
            </Card>
            <Card title={t('policy.sections.deadlines')}>
              <Row gutter={16}>
                {['merchantResponseNotShippedHours', 'merchantResponseHours', 'buyerShipHours', 'merchantReceiptHours', 'reviseOrEscalateHours', 'refundAfterReceiptHours'].map((k) => (
                  <Col span={12} key={k}>
                    <NumberField name={['deadlines', k]} label={t(`policy.deadlines.${k}`)} unit={t('policy.hours')} min={1} max={8760} />
                  </Col>
                ))}
              </Row>
            </Card>
            <Card title={t('policy.sections.quality')}>
              <Space size={16} wrap>
                <NumberField name={['qualityRefundRate', 'windowDays']} label={t('policy.f.qualityWindow')} unit={t('policy.days')} min={1} max={365} />
                <PercentField name={['qualityRefundRate', 'warnAtBp']} label={t('policy.f.warnAt')} />
                <PercentField name={['qualityRefundRate', 'limitBp']} label={t('policy.f.limit')} />
              </Space>
            </Card>
          </Space>
        </Col>
        <Col span={24}>
          <Card title={t('policy.sections.reasons')} styles={{ body: { padding: 0 } }}>
            <Form.List name="reasons">
              {(fields, { add, remove }) => (
                <>
                  <Table
                    size="small"
                    pagination={false}
                    rowKey="key"
                    dataSource={fields}
                    columns={[
                      {
                        title: t('policy.r.code'),
                        key: 'code',
                        width: 170,
                        render: (_, f) => (
                          <Form.Item name={[f.name, 'code']} noStyle>
                            <Input />
                          </Form.Item>
                        ),
                      },
                      {
                        title: t('policy.r.zh'),
                        key: 'zh',
                        render: (_, f) => (
                          <Form.Item name={[f.name, 'label', 'zh-CN']} noStyle>
                            <Input />
                          </Form.Item>
                        ),
                      },
                      {
                        title: t('policy.r.en'),
                        key: 'en',
                        render: (_, f) => (
                          <Form.Item name={[f.name, 'label', 'en']} noStyle>
                            <Input />
                          </Form.Item>
                        ),
                      },
                      {
                        title: t('policy.r.fault'),
                        key: 'fault',
                        width: 120,
                        render: (_, f) => (
                          <Form.Item name={[f.name, 'fault']} noStyle>
                            <Select style={{ width: 110 }} options={FAULTS.map((x) => ({ value: x, label: t(`fault.${x}`) }))} />
                          </Form.Item>
                        ),
                      },
                      {
                        title: t('policy.r.quality'),
                        key: 'quality',
                        width: 90,
                        align: 'center',
                        render: (_, f) => (
                          <Form.Item name={[f.name, 'quality']} valuePropName="checked" noStyle>
                            <Switch size="small" />
                          </Form.Item>
                        ),
                      },
                      {
                        title: t('policy.r.evidence'),
                        key: 'evidence',
                        width: 90,
                        align: 'center',
                        render: (_, f) => (
                          <Form.Item name={[f.name, 'evidenceRequired']} valuePropName="checked" noStyle>
                            <Switch size="small" />
                          </Form.Item>
                        ),
                      },
                      {
                        title: t('policy.r.caseTypes'),
                        key: 'caseTypes',
                        width: 240,
                        render: (_, f) => (
                          <Form.Item name={[f.name, 'caseTypes']} noStyle>
                            <Select mode="multiple" allowClear maxTagCount="responsive" placeholder={t('policy.any')} style={{ width: 230 }} options={CASE_TYPES.map((c) => ({ value: c, label: t(`caseType.${c}`) }))} />
                          </Form.Item>
                        ),
                      },
                      { key: 'x', width: 50, render: (_, f) => <Button size="small" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} /> },
                    ]}
                  />
                  <div style={{ padding: 12 }}>
                    <Button icon={<PlusOutlined />} onClick={() => add({ code: '', label: { 'zh-CN': '', en: '' }, fault: 'buyer', quality: false, evidenceRequired: false })}>
                      {t('policy.r.add')}
                    </Button>
                  </div>
                </>
              )}
            </Form.List>
          </Card>
        </Col>
      </Row>
    </Form>
  );
}

/** What the form holds, as the API wants it: optional lists left empty are left out. */
export function cleanDocument(values: Record<string, unknown>): Record<string, unknown> {
  const OPTIONAL_LISTS = new Set(['caseTypes', 'channels', 'categories', 'customerTiers', 'reasonCodes']);
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (x === undefined || x === null) continue;
        if (OPTIONAL_LISTS.has(k) && Array.isArray(x) && x.length === 0) continue;
        if (k === 'match' && x && typeof x === 'object' && Object.keys(clean(x) as object).length === 0) {
          out[k] = {};
          continue;
        }
        out[k] = clean(x);
      }
      return out;
    }
    return v;
  };
  return clean(values) as Record<string, unknown>;
}
