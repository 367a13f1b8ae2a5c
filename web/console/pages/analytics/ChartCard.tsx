import { BarChartOutlined, InfoCircleOutlined, TableOutlined } from '@ant-design/icons';
import { Card, Empty, Segmented, Space, Table, Tooltip, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CsvButton } from '../../components/CsvButton.js';
import { Chart } from './Chart.js';
import type { EChartsCoreOption } from './echarts.js';

type Cell = string | number | boolean | null | undefined;

export interface Column<R> {
  key: string;
  title: string;
  /** What the table shows (formatted). */
  render: (row: R) => ReactNode;
  /** What the CSV gets (raw figures: numbers stay numbers). */
  csv: (row: R) => Cell;
  align?: 'left' | 'right';
  width?: number;
}

/**
 * A chart with its table view and a CSV export of the same rows: every figure on the page can
 * be read exactly, copied and taken to a spreadsheet.
 */
export function ChartCard<R>({
  id,
  title,
  help,
  option,
  rows,
  columns,
  rowKey,
  loading,
  height = 300,
  extra,
  footer,
  before,
  empty,
}: {
  id: string;
  title: ReactNode;
  help?: string;
  option: EChartsCoreOption | null;
  rows: R[];
  columns: Column<R>[];
  rowKey: (row: R) => string;
  loading?: boolean;
  height?: number;
  extra?: ReactNode;
  footer?: ReactNode;
  /** Shown above the chart or table (a gauge, headline figures). */
  before?: ReactNode;
  empty?: ReactNode;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const tableColumns: TableColumnsType<R> = columns.map((c) => ({ key: c.key, title: c.title, align: c.align, width: c.width, render: (_: unknown, row: R) => c.render(row) }));
  return (
    <Card
      className="analytics-card"
      data-testid={`card-${id}`}
      loading={loading && rows.length === 0}
      title={
        <Space size={6}>
          {title}
          {help && (
            <Tooltip title={help} styles={{ root: { maxWidth: 420 } }}>
              <InfoCircleOutlined className="analytics-help" />
            </Tooltip>
          )}
        </Space>
      }
      extra={
        <Space size={8} wrap>
          {extra}
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            options={[
              {
                value: 'chart',
                label: (
                  <span data-testid={`${id}-view-chart`} title={t('analytics.view.chart')}>
                    <BarChartOutlined />
                  </span>
                ),
              },
              {
                value: 'table',
                label: (
                  <span data-testid={`${id}-view-table`} title={t('analytics.view.table')}>
                    <TableOutlined />
                  </span>
                ),
              },
            ]}
          />
          <CsvButton filename={`retour-${id}`} header={columns.map((c) => c.title)} rows={() => rows.map((r) => columns.map((c) => c.csv(r)))} />
        </Space>
      }
    >
      {before}
      {rows.length === 0 && !loading ? (
        (empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('analytics.empty')} style={{ height: height - 40 }} />)
      ) : view === 'chart' && option ? (
        <Chart option={option} height={height} testId={`${id}-chart`} />
      ) : (
        <Table<R>
          size="small"
          rowKey={rowKey}
          columns={tableColumns}
          dataSource={rows}
          pagination={rows.length > 15 ? { pageSize: 15, size: 'small', showSizeChanger: false } : false}
          scroll={{ x: true }}
          data-testid={`${id}-table`}
        />
      )}
      {footer}
    </Card>
  );
}
