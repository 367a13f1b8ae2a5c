import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormInstance } from 'antd';
import { api } from '../../api/client.js';
import { addressLine, type ReturnAddress } from './types.js';

/** The return address of an approval: the shop's default preselected (as Taobao does when agreeing to a return). */
export function ReturnAddressSelect({ form }: { form: FormInstance }) {
  const { t, i18n } = useTranslation();
  const book = useQuery({ queryKey: ['return-addresses'], queryFn: () => api.get<{ data: ReturnAddress[] }>('/return-addresses'), staleTime: 60_000 });
  const rows = book.data?.data ?? [];
  const preferred = rows.find((a) => a.isDefault)?.id;
  useEffect(() => {
    if (preferred && !form.getFieldValue('returnAddressId')) form.setFieldValue('returnAddressId', preferred);
  }, [preferred, form]);
  return (
    <Form.Item name="returnAddressId" label={t('returnAddresses.approveLabel')} extra={rows.length === 0 && !book.isLoading ? t('returnAddresses.noneYet') : undefined}>
      <Select
        loading={book.isLoading}
        disabled={rows.length === 0}
        options={rows.map((a) => ({ value: a.id, label: `${a.isDefault ? `${t('returnAddresses.default')} · ` : ''}${addressLine(a, i18n.language)}` }))}
        data-testid="approve-return-address"
      />
    </Form.Item>
  );
}
