import { BarcodeOutlined } from '@ant-design/icons';
import { Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The scan field: a barcode scanner is a keyboard that types the code and presses Enter, so the
 * field keeps the focus whenever nothing else holds it (a click on the page, a closed dialog)
 * and submits on Enter.
 */
export function ScanInput({ onScan, busy }: { onScan: (code: string) => void; busy: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<InputRef>(null);
  const [value, setValue] = useState('');

  useEffect(() => {
    const refocus = () => {
      // Leave the focus alone while a person works in a form field, dialog or menu.
      const active = document.activeElement;
      if (!active || active === document.body) ref.current?.focus();
    };
    refocus();
    const timer = setInterval(refocus, 500);
    const later = () => setTimeout(refocus, 0);
    document.addEventListener('click', refocus);
    document.addEventListener('focusout', later);
    return () => {
      clearInterval(timer);
      document.removeEventListener('click', refocus);
      document.removeEventListener('focusout', later);
    };
  }, []);

  return (
    <Input
      ref={ref}
      size="large"
      className="scan-input"
      prefix={<BarcodeOutlined />}
      value={value}
      disabled={busy}
      autoFocus
      autoComplete="off"
      spellCheck={false}
      placeholder={t('warehouse.scanPlaceholder')}
      onChange={(e) => setValue(e.target.value)}
      onPressEnter={() => {
        const code = value.trim();
        if (!code) return;
        setValue('');
        onScan(code);
      }}
      data-testid="scan-input"
    />
  );
}
