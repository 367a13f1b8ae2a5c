import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyVersion } from '../../api/types.js';
import { CsvButton } from '../../components/CsvButton.js';
import { diffDocuments, showValue, type Difference } from '../../lib/diff.js';
import { useShopTime } from '../../lib/shop-time.js';

/** Every saved version, and what changed between any two of them. */
export function PolicyVersions({ versions, onLoad, canEdit }: { versions: PolicyVersion[]; onLoad: (v: PolicyVersion) => void; canEdit: boolean }) {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const [a, setA] = useState<number | undefined>(versions[1]?.version);
  const [b, setB] = useState<number | undefined>(versions[0]?.version);
  const va = versions.find((v) => v.version === a);
  const vb = versions.find((v) => v.version === b);
  const diff = va && vb ? diffDocuments(va.document, vb.document) : [];
  const options = versions.map((v) => ({ value: v.version, label: `v${v.version} · ${shopTime(v.createdAt)}` }));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="policy-versions">
      <Card title={t('policy.versions.title')} styles={{ body: { padding: 0 } }}>
        <Table<PolicyVersion>
          rowKey="id"
          size="middle"
          dataSource={versions}
          pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
          columns={[
            { title: t('policy.versions.version'), dataIndex: 'version', width: 100, sorter: (x, y) => x.version - y.version, render: (v: number, r) => <Space>v{v}{r === versions[0] && <Tag color="green">{t('policy.versions.current')}</Tag>}</Space> },
            { title: t('policy.versions.name'), key: 'name', render: (_, r) => r.document.name },
            { title: t('policy.versions.note'), dataIndex: 'note', render: (n: string | null) => n ?? <span className="muted">—</span> },
            { title: t('policy.versions.saved'), dataIndex: 'createdAt', width: 200, sorter: (x, y) => x.createdAt.localeCompare(y.createdAt), render: (d: string) => shopTime(d) },
            {
              key: 'actions',
              width: 220,
              render: (_, r) => (
                <Space>
                  <Button size="small" onClick={() => { setB(r.version); setA(versions.find((v) => v.version < r.version)?.version); }}>
                    {t('policy.versions.compare')}
                  </Button>
                  {canEdit && (
                    <Button size="small" onClick={() => onLoad(r)}>
                      {t('policy.versions.load')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={t('policy.versions.diffTitle')}
        extra={
          <Space>
            <Select style={{ width: 230 }} value={a} onChange={setA} options={options} placeholder={t('policy.versions.from')} data-testid="diff-from" />
            <span>→</span>
            <Select style={{ width: 230 }} value={b} onChange={setB} options={options} placeholder={t('policy.versions.to')} data-testid="diff-to" />
            <CsvButton filename="retour-policy-diff" header={[t('policy.versions.setting'), `v${a ?? ''}`, `v${b ?? ''}`]} rows={() => diff.map((d) => [d.path, showValue(d.before), showValue(d.after)])} />
          </Space>
        }
        styles={{ body: { padding: 0 } }}
      >
        <Table<Difference>
          rowKey="path"
          size="small"
          dataSource={diff}
          data-testid="policy-diff"
          pagination={{ pageSize: 15, size: 'small', hideOnSinglePage: true }}
          locale={{ emptyText: va && vb ? t('policy.versions.same') : t('policy.versions.pick') }}
          columns={[
            { title: t('policy.versions.setting'), dataIndex: 'path', sorter: (x, y) => x.path.localeCompare(y.path), render: (p: string) => <Typography.Text code>{p}</Typography.Text> },
            { title: `v${a ?? ''}`, key: 'before', render: (_, d) => <span className="diff-before">{showValue(d.before)}</span> },
            { title: `v${b ?? ''}`, key: 'after', render: (_, d) => <span className="diff-after">{showValue(d.after)}</span> },
          ]}
        />
      </Card>
    </Space>
  );
}
