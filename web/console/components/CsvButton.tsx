import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../lib/csv.js';

type Cell = string | number | boolean | null | undefined;

/** Exports a table as CSV: `rows` may fetch (every page of a server-side table) before the download. */
export function CsvButton({ filename, header, rows }: { filename: string; header: string[]; rows: () => Cell[][] | Promise<Cell[][]> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      data-testid="export-csv"
      onClick={async () => {
        setBusy(true);
        try {
          const data = await rows();
          downloadCsv(`${filename}-${new Date().toISOString().slice(0, 10)}.csv`, [header, ...data]);
          message.success(t('csv.done', { count: data.length }));
        } catch {
          message.error(t('errors.generic'));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('csv.export')}
    </Button>
  );
}
