import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Card, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseItem, Eligibility, WindowVerdict } from '../../api/types.js';
import { useExplain, useReasonLabel } from '../../lib/labels.js';

/** The case's lines: what the buyer asked and why, what arrived and how it was judged, and what the policy says about each line. */
export function ItemsCard({ c, eligibility }: { c: CaseDetail; eligibility: Eligibility | undefined }) {
  const { t } = useTranslation();
  const explain = useExplain();
  const reasonLabel = useReasonLabel(eligibility?.reasons);
  const verdictOf = (i: CaseItem) => eligibility?.lines.find((l) => l.lineId === i.lineId);
  return (
    <Card title={t('items.title')} data-testid="items-card" styles={{ body: { padding: 0 } }}>
      <Table<CaseItem>
        rowKey="id"
        pagination={false}
        dataSource={c.items}
        expandable={{
          defaultExpandAllRows: true,
          rowExpandable: () => !!eligibility,
          expandedRowRender: (i) => {
            const v = verdictOf(i);
            if (!v) return <Typography.Text type="secondary">{t('items.noVerdict')}</Typography.Text>;
            return (
              <div className="policy-explain" data-testid="policy-explain">
                <Typography.Text type="secondary" className="small">
                  {t('items.policySays', { version: eligibility!.policyVersion })}
                </Typography.Text>
                <Window label={t('items.windows.noReason')} v={v.noReason} explain={explain} />
                <Window label={t('items.windows.sellerFault')} v={v.sellerFault} explain={explain} />
                <Window label={t('items.windows.beforeDelivery')} v={v.beforeDelivery} explain={explain} />
                {v.returnless && <Tag color="blue">{t('items.returnless')}</Tag>}
              </div>
            );
          },
        }}
        columns={[
          {
            title: t('items.item'),
            key: 'item',
            render: (_, i) => (
              <div>
                <strong>{i.title ?? i.sku}</strong>
                <div className="small muted">
                  {i.sku} · {t('items.line', { n: i.lineNo ?? '—' })}
                </div>
              </div>
            ),
          },
          { title: t('items.qty'), dataIndex: 'quantity', width: 70, align: 'center' },
          {
            title: t('items.reason'),
            key: 'reason',
            render: (_, i) => (
              <div>
                <div>{reasonLabel(i.reasonCode)}</div>
                <div className="small muted">{t(`condition.${i.condition}`, { defaultValue: i.condition })}</div>
                {i.buyerNote && <div className="small">“{i.buyerNote}”</div>}
              </div>
            ),
          },
          {
            title: t('items.inspection'),
            key: 'inspection',
            render: (_, i) =>
              i.grade ? (
                <div>
                  <Tag color={i.grade === 'A' ? 'green' : i.grade === 'B' ? 'blue' : i.grade === 'C' ? 'orange' : 'red'}>
                    {i.grade} · {t(`inspect.grades.${i.grade}`)}
                  </Tag>
                  <div className="small">
                    {t('items.acceptedOf', { accepted: i.acceptedQuantity ?? 0, received: i.receivedQuantity ?? i.quantity })} · {t(`inspect.dispositions.${i.disposition}`)}
                  </div>
                  {(i.defectiveQuantity ?? 0) > 0 && <div className="small muted">{t('items.defective', { count: i.defectiveQuantity ?? 0 })}</div>}
                  {i.inspectionNote && <div className="small muted">{i.inspectionNote}</div>}
                </div>
              ) : i.receivedQuantity !== null ? (
                <span>{t('items.receivedN', { count: i.receivedQuantity })}</span>
              ) : (
                <span className="muted">—</span>
              ),
          },
        ]}
      />
    </Card>
  );
}

function Window({ label, v, explain }: { label: string; v: WindowVerdict; explain: (e: WindowVerdict['explanation']) => string }) {
  return (
    <div className="policy-window">
      {v.eligible ? <CheckCircleFilled className="ok" /> : <CloseCircleFilled className="no" />}
      <span className="policy-window-label">{label}</span>
      <Tooltip title={v.rule}>
        <span>{explain(v.explanation)}</span>
      </Tooltip>
    </div>
  );
}
