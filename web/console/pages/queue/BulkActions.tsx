import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { REJECTION_CODES, type CaseDetail, type QueueItem } from '../../api/types.js';
import { useErrorText } from '../../components/ErrorAlert.js';
import { useMoney } from '../../components/Money.js';
import { StatusTag } from '../../components/tags.js';

interface Outcome {
  id: string;
  rmaNumber: string;
  ok: boolean;
  status?: CaseDetail['status'];
  error?: string;
}

/**
 * Approve or reject the selected cases: one API call per case, one after the other, and a
 * report of what happened to each (a case that moved on meanwhile is refused, the others go on).
 */
export function BulkActions({ selected, onDone }: { selected: QueueItem[]; onDone: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'approve' | 'reject' | null>(null);
  const [running, setRunning] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const [form] = Form.useForm<{ reasonCode: string; reason: string }>();
  const total = selected.reduce((a, c) => a + c.refundMinor, 0);
  const currency = selected[0]?.currency ?? 'CNY';

  const run = async (action: 'approve' | 'reject', body: object) => {
    setRunning(true);
    const results: Outcome[] = [];
    setOutcomes([]);
    for (const c of selected) {
      try {
        const updated = await api.post<CaseDetail>(`/returns/${c.id}/actions/${action}`, body);
        results.push({ id: c.id, rmaNumber: c.rmaNumber, ok: true, status: updated.status });
      } catch (err) {
        results.push({ id: c.id, rmaNumber: c.rmaNumber, ok: false, error: errorText(err) });
      }
      setOutcomes([...results]);
    }
    setRunning(false);
    await queryClient.invalidateQueries({ queryKey: ['queue'] });
    await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };

  const close = () => {
    setMode(null);
    setOutcomes(null);
    form.resetFields();
    onDone();
  };

  return (
    <>
      <Space className="bulk-bar" data-testid="bulk-bar">
        <Typography.Text strong>{t('bulk.selected', { count: selected.length })}</Typography.Text>
        <Button type="primary" icon={<CheckOutlined />} disabled={!selected.length} onClick={() => setMode('approve')} data-testid="bulk-approve">
          {t('bulk.approve')}
        </Button>
        <Button danger icon={<CloseOutlined />} disabled={!selected.length} onClick={() => setMode('reject')} data-testid="bulk-reject">
          {t('bulk.reject')}
        </Button>
      </Space>
      <Modal
        open={mode !== null}
        title={mode === 'approve' ? t('bulk.approveTitle', { count: selected.length }) : t('bulk.rejectTitle', { count: selected.length })}
        onCancel={running ? undefined : close}
        closable={!running}
        width={640}
        footer={
          outcomes && !running
            ? [
                <Button key="close" type="primary" onClick={close}>
                  {t('common.close')}
                </Button>,
              ]
            : [
                <Button key="cancel" onClick={close} disabled={running}>
                  {t('common.cancel')}
                </Button>,
                <Button
                  key="ok"
                  type="primary"
                  danger={mode === 'reject'}
                  loading={running}
                  data-testid="bulk-confirm"
                  onClick={async () => {
                    if (mode === 'approve') await run('approve', {});
                    else {
                      const v = await form.validateFields();
                      await run('reject', { reasonCode: v.reasonCode, reason: v.reason });
                    }
                  }}
                >
                  {mode === 'approve' ? t('bulk.approveN', { count: selected.length }) : t('bulk.rejectN', { count: selected.length })}
                </Button>,
              ]
        }
        destroyOnHidden
      >
        {outcomes === null && mode === 'approve' && <Alert type="info" showIcon title={t('bulk.approveEffect', { count: selected.length, amount: money(total, currency) })} />}
        {outcomes === null && mode === 'reject' && (
          <Form form={form} layout="vertical" requiredMark={false}>
            <Alert type="warning" showIcon title={t('bulk.rejectEffect', { count: selected.length })} style={{ marginBottom: 16 }} />
            <Form.Item name="reasonCode" label={t('actions.form.rejectCode')} rules={[{ required: true, message: t('actions.form.required') }]}>
              <Select options={REJECTION_CODES.map((c) => ({ value: c, label: t(`rejection.${c}`) }))} data-testid="bulk-reason-code" />
            </Form.Item>
            <Form.Item name="reason" label={t('actions.form.rejectReason')} rules={[{ required: true, message: t('actions.form.required') }]}>
              <Input.TextArea rows={3} maxLength={2000} showCount data-testid="bulk-reason" />
            </Form.Item>
          </Form>
        )}
        {outcomes !== null && (
          <>
            <Progress percent={Math.round((outcomes.length / selected.length) * 100)} status={running ? 'active' : outcomes.every((o) => o.ok) ? 'success' : 'normal'} />
            {!running && (
              <Alert
                style={{ margin: '12px 0' }}
                type={outcomes.every((o) => o.ok) ? 'success' : 'warning'}
                showIcon
                title={t('bulk.report', { ok: outcomes.filter((o) => o.ok).length, failed: outcomes.filter((o) => !o.ok).length })}
              />
            )}
            <Table<Outcome>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={outcomes}
              data-testid="bulk-results"
              columns={[
                { title: t('queue.col.rma'), dataIndex: 'rmaNumber', width: 140 },
                { title: t('bulk.result'), key: 'r', render: (_, o) => (o.ok ? <Tag color="green">{t('bulk.ok')}</Tag> : <Tag color="red">{t('bulk.failed')}</Tag>) },
                { title: t('bulk.detail'), key: 'd', render: (_, o) => (o.ok && o.status ? <StatusTag status={o.status} /> : <Typography.Text type="danger">{o.error}</Typography.Text>) },
              ]}
            />
          </>
        )}
      </Modal>
    </>
  );
}
