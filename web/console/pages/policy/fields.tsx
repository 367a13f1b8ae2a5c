import { Form, InputNumber, Select, Switch } from 'antd';
import type { FormItemProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { currencyDigits, toMajor, toMinor } from '../../lib/money.js';

type Name = FormItemProps['name'];

/** Money in the document is minor units; people type yuan (or their currency) with decimals. */
export function MoneyField({ name, label, currency, extra }: { name: Name; label: string; currency: string; extra?: string }) {
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      getValueProps={(v?: number) => ({ value: typeof v === 'number' ? toMajor(v, currency) : v })}
      normalize={(v: number | null) => (typeof v === 'number' ? toMinor(v, currency) : v)}
    >
      <InputNumber min={0} precision={currencyDigits(currency)} prefix={currency} style={{ width: 180 }} />
    </Form.Item>
  );
}

/** Basis points in the document (150 = 1.5 %); people type percentages. */
export function PercentField({ name, label, extra }: { name: Name; label: string; extra?: string }) {
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      getValueProps={(v?: number) => ({ value: typeof v === 'number' ? v / 100 : v })}
      normalize={(v: number | null) => (typeof v === 'number' ? Math.round(v * 100) : v)}
    >
      <InputNumber min={0} max={100} step={0.1} precision={2} suffix="%" style={{ width: 140 }} />
    </Form.Item>
  );
}

export function NumberField({ name, label, unit, extra, min = 0, max, testId }: { name: Name; label: string; unit?: string; extra?: string; min?: number; max?: number; testId?: string }) {
  return (
    <Form.Item name={name} label={label} extra={extra}>
      <InputNumber precision={0} min={min} max={max} suffix={unit} style={{ width: 160 }} data-testid={testId} />
    </Form.Item>
  );
}

export function SwitchField({ name, label, extra }: { name: Name; label: string; extra?: string }) {
  return (
    <Form.Item name={name} label={label} extra={extra} valuePropName="checked">
      <Switch />
    </Form.Item>
  );
}

export function TagsField({ name, label, options, placeholder }: { name: Name; label?: string; options?: { value: string; label: string }[]; placeholder?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label}>
      <Select mode={options ? 'multiple' : 'tags'} allowClear options={options} placeholder={placeholder ?? t('policy.any')} style={{ minWidth: 200 }} tokenSeparators={[',']} />
    </Form.Item>
  );
}
