import { CameraOutlined } from '@ant-design/icons';
import { Alert, App, Checkbox, Form, Input, InputNumber, Radio, Select, Table, Tag, Typography, Upload } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { DISPOSITIONS, GRADES, type CaseDetail, type CaseItem, type Disposition, type Grade } from '../../api/types.js';
import { useReasonLabel } from '../../lib/labels.js';
import { useErrorText } from '../ErrorAlert.js';

export interface ReceiveValues {
  received: Record<string, number>;
  note?: string;
}

/** How many of each item arrived (may differ from what the buyer declared). */
export function ReceiveFields({ items }: { items: CaseItem[] }) {
  const { t } = useTranslation();
  const reasonLabel = useReasonLabel();
  return (
    <>
      <Table<CaseItem>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        columns={[
          { title: t('items.item'), key: 'item', render: (_, i) => <ItemTitle item={i} reason={reasonLabel(i.reasonCode)} /> },
          // Narrow count columns: on a 360 px handheld the item's name keeps a readable width.
          { title: t('items.declared'), dataIndex: 'quantity', width: 64, align: 'center' },
          {
            title: t('items.received'),
            key: 'received',
            width: 92,
            render: (_, i) => (
              <Form.Item name={['received', i.id]} initialValue={i.quantity} noStyle rules={[{ required: true }]}>
                <InputNumber min={0} max={i.quantity * 10} precision={0} style={{ width: 72 }} data-testid={`received-${i.sku}`} />
              </Form.Item>
            ),
          },
        ]}
      />
      <Form.Item name="note" label={t('actions.form.note')} style={{ marginTop: 12 }}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}

export interface InspectValues {
  items: Record<string, { acceptedQuantity: number; defectiveQuantity: number; grade: Grade; disposition: Disposition; note?: string }>;
  evidenceIds: string[];
  confirmRestockBelowB?: boolean;
}

/** The disposition the server proposes for an item at a grade (older replies without it: restock only A/B). */
const proposed = (item: CaseItem, grade: Grade): Disposition => item.defaultDispositions?.[grade] ?? (grade === 'A' || grade === 'B' ? 'restock' : grade === 'C' ? 'refurbish' : 'scrap');

/** Items the form would put back on sale although graded C or D: the API refuses that unconfirmed. */
export function restockBelowB(c: CaseDetail, v: Partial<InspectValues> | undefined): CaseItem[] {
  return c.items.filter((i) => {
    const x = v?.items?.[i.id];
    return x?.disposition === 'restock' && (x.grade === 'C' || x.grade === 'D');
  });
}

/** Grade, accepted and defective quantities and disposition per item, and photos of what arrived. */
export function InspectFields({ c, form }: { c: CaseDetail; form: FormInstance }) {
  const { t } = useTranslation();
  const reasonLabel = useReasonLabel();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const photos: string[] = Form.useWatch('evidenceIds', form) ?? [];
  const values = Form.useWatch([], form) as Partial<InspectValues> | undefined;
  const belowB = restockBelowB(c, values);
  return (
    <>
      <div className="inspect-items">
        {c.items.map((i) => {
          const arrived = i.receivedQuantity ?? i.quantity;
          return (
            <div className="inspect-item" key={i.id} data-testid={`inspect-${i.sku}`}>
              <ItemTitle item={i} reason={reasonLabel(i.reasonCode)} extra={<Tag>{t('items.arrived', { count: arrived })}</Tag>} />
              <div className="inspect-grid">
                <Form.Item label={t('inspect.grade')} name={['items', i.id, 'grade']} initialValue="A" rules={[{ required: true }]}>
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    options={GRADES.map((g) => ({ value: g, label: `${g} · ${t(`inspect.grades.${g}`)}` }))}
                    // A new grade proposes its disposition again (a defect claim or grade C/D is not restocked).
                    onChange={(e) => form.setFieldValue(['items', i.id, 'disposition'], proposed(i, e.target.value as Grade))}
                    data-testid={`grade-${i.sku}`}
                  />
                </Form.Item>
                <Form.Item label={t('inspect.accepted')} name={['items', i.id, 'acceptedQuantity']} initialValue={arrived} rules={[{ required: true }]}>
                  <InputNumber min={0} max={arrived} precision={0} />
                </Form.Item>
                <Form.Item label={t('inspect.defective')} name={['items', i.id, 'defectiveQuantity']} initialValue={0}>
                  <InputNumber min={0} max={arrived} precision={0} />
                </Form.Item>
                <Form.Item label={t('inspect.disposition')} name={['items', i.id, 'disposition']} initialValue={proposed(i, 'A')} rules={[{ required: true }]}>
                  <Select style={{ minWidth: 170 }} options={DISPOSITIONS.map((d) => ({ value: d, label: t(`inspect.dispositions.${d}`) }))} data-testid={`disposition-${i.sku}`} />
                </Form.Item>
              </div>
              <Form.Item name={['items', i.id, 'note']} noStyle>
                <Input placeholder={t('inspect.notePlaceholder')} maxLength={2000} />
              </Form.Item>
            </div>
          );
        })}
      </div>
      {belowB.length > 0 && (
        <>
          <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('inspect.restockBelowB', { items: belowB.map((i) => i.sku ?? i.title).join(', ') })} />
          <Form.Item
            name="confirmRestockBelowB"
            valuePropName="checked"
            rules={[{ validator: (_, checked) => (checked ? Promise.resolve() : Promise.reject(new Error(t('inspect.confirmRestockRequired')))) }]}
            style={{ marginTop: 8 }}
          >
            <Checkbox data-testid="confirm-restock-below-b">{t('inspect.confirmRestockBelowB')}</Checkbox>
          </Form.Item>
        </>
      )}
      {/* The uploaded photos' ids live in their own (hidden) field: bound to the Upload, the form would hold its change events instead. */}
      <Form.Item name="evidenceIds" initialValue={[]} hidden>
        <Input />
      </Form.Item>
      <Form.Item label={t('inspect.photos')} style={{ marginTop: 12 }}>
        <Upload
          accept="image/*,video/*"
          listType="picture-card"
          multiple
          data-testid="inspect-photos"
          customRequest={async (req) => {
            const form_ = new FormData();
            form_.append('purpose', 'inspection');
            form_.append('file', req.file as Blob);
            try {
              const stored = await api.upload<{ id: string }>(`/returns/${c.id}/evidence`, form_);
              form.setFieldValue('evidenceIds', [...new Set([...(form.getFieldValue('evidenceIds') ?? []), stored.id])]);
              req.onSuccess?.(stored);
            } catch (err) {
              message.error(errorText(err));
              req.onError?.(err as Error);
            }
          }}
          onRemove={(file) => {
            const id = (file.response as { id?: string } | undefined)?.id;
            if (id) form.setFieldValue('evidenceIds', (form.getFieldValue('evidenceIds') ?? []).filter((x: string) => x !== id));
          }}
        >
          <div>
            <CameraOutlined />
            <div style={{ marginTop: 4 }}>{t('inspect.addPhoto')}</div>
          </div>
        </Upload>
      </Form.Item>
      {photos.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('inspect.photosAttached', { count: photos.length })}
        </Typography.Paragraph>
      )}
    </>
  );
}

function ItemTitle({ item, reason, extra }: { item: CaseItem; reason: string; extra?: React.ReactNode }) {
  return (
    <div className="item-title">
      <div>
        <strong>{item.title ?? item.sku}</strong> {extra}
      </div>
      <div className="small muted">
        {item.sku} · {reason}
      </div>
    </div>
  );
}

/** The inspect action's body from the form. */
export function inspectBody(c: CaseDetail, v: InspectValues) {
  return {
    items: c.items.map((i) => {
      const x = v.items[i.id]!;
      return {
        itemId: i.id,
        acceptedQuantity: x.acceptedQuantity,
        defectiveQuantity: x.defectiveQuantity ?? 0,
        grade: x.grade,
        disposition: x.disposition,
        ...(x.note ? { note: x.note } : {}),
      };
    }),
    ...(v.evidenceIds?.length ? { evidenceIds: v.evidenceIds } : {}),
    ...(v.confirmRestockBelowB && restockBelowB(c, v).length > 0 ? { confirmRestockBelowB: true } : {}),
  };
}

export function receiveBody(c: CaseDetail, v: ReceiveValues) {
  return { items: c.items.map((i) => ({ itemId: i.id, receivedQuantity: v.received[i.id] ?? i.quantity })), ...(v.note ? { note: v.note } : {}) };
}

/** Stock effect of an inspection: units put back on sale per SKU. */
export function restockSummary(c: CaseDetail, v: Partial<InspectValues> | undefined) {
  return c.items
    .filter((i) => v?.items?.[i.id]?.disposition === 'restock')
    .map((i) => ({ sku: i.sku ?? '', quantity: i.receivedQuantity ?? i.quantity }))
    .filter((r) => r.quantity > 0);
}
