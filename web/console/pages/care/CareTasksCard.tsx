import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, errorCode } from '../../api/client.js';
import { useSession } from '../../auth/session.js';
import { useShopTime } from '../../lib/shop-time.js';
import type { CareTask, CareTaskList } from './types.js';

const BUCKET_COLOUR = { overdue: 'red', today: 'orange', upcoming: 'blue', closed: 'default' } as const;

/** Follow-up tasks on the Today page (issue 19 §2): counts, the open tasks soonest first, done or skipped with a note. */
export function CareTasksCard() {
  const { t } = useTranslation();
  const { can } = useSession();
  const dateTime = useShopTime();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<'open' | 'done' | 'skipped'>('open');
  const [closing, setClosing] = useState<{ task: CareTask; status: 'done' | 'skipped' } | null>(null);
  const [note, setNote] = useState('');
  const tasks = useQuery({ queryKey: ['care-tasks', status], queryFn: () => api.get<CareTaskList>('/care/tasks', { status, limit: 50 }), refetchInterval: 60_000 });
  const close = useMutation({
    mutationFn: (v: { id: string; status: 'done' | 'skipped'; note: string }) => api.patch<CareTask>(`/care/tasks/${v.id}`, { status: v.status, ...(v.note.trim() ? { note: v.note.trim() } : {}) }),
    onSuccess: async () => {
      setClosing(null);
      setNote('');
      void message.success(t('care.tasks.saved'));
      await queryClient.invalidateQueries({ queryKey: ['care-tasks'] });
    },
    onError: (err) => void message.error(t(`care.errors.${errorCode(err).replace(/\./g, '_')}`, { defaultValue: err instanceof Error ? err.message : String(err) })),
  });
  const counts = tasks.data?.counts;
  const mayClose = can('cases:message');

  return (
    <Card
      title={t('care.tasks.title')}
      data-testid="care-tasks"
      extra={
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          options={[
            { value: 'open', label: t('care.tasks.status.open') },
            { value: 'done', label: t('care.tasks.status.done') },
            { value: 'skipped', label: t('care.tasks.status.skipped') },
          ]}
        />
      }
    >
      {counts && (
        <Space size={16} wrap style={{ marginBottom: 12 }} data-testid="care-task-counts">
          <Badge color="red" text={t('care.tasks.counts.overdue', { count: counts.overdue })} data-testid="care-count-overdue" />
          <Badge color="orange" text={t('care.tasks.counts.today', { count: counts.today })} data-testid="care-count-today" />
          <Badge color="blue" text={t('care.tasks.counts.upcoming', { count: counts.upcoming })} data-testid="care-count-upcoming" />
          <Badge color="green" text={t('care.tasks.counts.closedToday', { done: counts.done, skipped: counts.skipped })} data-testid="care-count-closed" />
        </Space>
      )}
      <Table<CareTask>
        size="small"
        rowKey="id"
        loading={tasks.isPending}
        pagination={false}
        dataSource={tasks.data?.data ?? []}
        locale={{ emptyText: t('care.tasks.empty') }}
        onRow={(task) => ({ 'data-testid': `care-task-${task.kind}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('care.tasks.columns.task'),
            key: 'kind',
            render: (_, task) => (
              <div>
                <Typography.Text strong>{t(`care.tasks.kind.${task.kind}`)}</Typography.Text>
                <div>
                  {task.caseId ? <Link to={`/cases/${task.caseId}`}>{t('care.tasks.openCase')}</Link> : null}
                  {task.sku ? <Typography.Text code>{task.sku}</Typography.Text> : null}
                </div>
              </div>
            ),
          },
          { title: t('care.tasks.columns.role'), key: 'role', render: (_, task) => t(`roles.${task.role}`, { defaultValue: task.role }) },
          {
            title: t('care.tasks.columns.due'),
            key: 'due',
            render: (_, task) => (
              <Space size={4}>
                <Tag color={BUCKET_COLOUR[task.bucket]}>{t(`care.tasks.bucket.${task.bucket}`)}</Tag>
                <span>{dateTime(task.dueAt)}</span>
              </Space>
            ),
          },
          ...(status === 'open'
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, task: CareTask) =>
                    mayClose && (
                      <Space size={4}>
                        <Button size="small" type="primary" onClick={() => setClosing({ task, status: 'done' })} data-testid="care-task-done">
                          {t('care.tasks.done')}
                        </Button>
                        <Button size="small" onClick={() => setClosing({ task, status: 'skipped' })} data-testid="care-task-skip">
                          {t('care.tasks.skip')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : [{ title: t('care.tasks.columns.note'), key: 'note', render: (_: unknown, task: CareTask) => task.note ?? '' }]),
        ]}
      />
      <Modal
        open={!!closing}
        title={closing ? t(closing.status === 'done' ? 'care.tasks.doneTitle' : 'care.tasks.skipTitle', { task: t(`care.tasks.kind.${closing.task.kind}`) }) : ''}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={close.isPending}
        onCancel={() => setClosing(null)}
        onOk={() => closing && close.mutate({ id: closing.task.id, status: closing.status, note })}
        okButtonProps={{ 'data-testid': 'care-task-save' } as Record<string, string>}
      >
        <Input.TextArea rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('care.tasks.notePlaceholder')} data-testid="care-task-note" />
      </Modal>
    </Card>
  );
}
