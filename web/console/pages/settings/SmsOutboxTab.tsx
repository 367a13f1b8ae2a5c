import { MessageOutlined, ReloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import type { CursorPage, DevSms } from '../../api/types.js';
import { useShopTime } from '../../lib/shop-time.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

const COLOR: Record<DevSms['status'], string> = { pending: 'gold', sent: 'blue', delivered: 'green', undelivered: 'orange', dead: 'red' };

/** The dev outbox: every text message to buyers, kept here without an SMS connection and logged with one (issue 20). */
export function SmsOutboxTab() {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const texts = useInfiniteQuery({
    queryKey: ['dev-outbox'],
    queryFn: ({ pageParam }) => api.get<CursorPage<DevSms>>('/dev-outbox', { cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = texts.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Card
      data-testid="sms-outbox-tab"
      title={
        <Space>
          <MessageOutlined />
          {t('settings.smsOutbox.title')}
        </Space>
      }
      extra={<Button icon={<ReloadOutlined />} onClick={() => void texts.refetch()} aria-label={t('common.refresh')} />}
      styles={{ body: { padding: 0 } }}
    >
      <Typography.Paragraph type="secondary" style={{ padding: '12px 24px 0', marginBottom: 8 }}>
        {t('settings.smsOutbox.hint')}
      </Typography.Paragraph>
      {texts.error && <ErrorAlert error={texts.error} />}
      <Table<DevSms>
        rowKey="id"
        loading={texts.isPending}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.smsOutbox.none')} /> }}
        columns={[
          { title: t('settings.smsOutbox.created'), dataIndex: 'createdAt', width: 170, render: (d: string) => shopTime(d) },
          { title: t('settings.smsOutbox.to'), dataIndex: 'toPhone', width: 150 },
          {
            title: t('settings.smsOutbox.text'),
            dataIndex: 'body',
            render: (b: string, m) => (
              <div>
                <div className="sms-text">{b}</div>
                <div className="small muted">
                  {t(`settings.notifications.steps.${m.step}`, { defaultValue: m.step })} · {m.locale}
                  {m.templateCode && (
                    <>
                      {' · '}
                      <Typography.Text code>{m.templateCode}</Typography.Text>
                    </>
                  )}
                  {m.caseId && (
                    <>
                      {' · '}
                      <Link to={`/cases/${m.caseId}`}>{t('settings.mailbox.openCase')}</Link>
                    </>
                  )}
                </div>
              </div>
            ),
          },
          {
            title: t('settings.smsOutbox.status'),
            dataIndex: 'status',
            width: 200,
            render: (s: DevSms['status'], m) => (
              <Space size={4} wrap>
                <Tag color={COLOR[s]}>{t(`settings.smsOutbox.statuses.${s}`)}</Tag>
                {m.transport && <Tag>{m.transport === 'dev' ? t('settings.smsOutbox.dev') : m.transport}</Tag>}
                {m.lastError && (
                  <Typography.Text type="danger" className="small" ellipsis={{ tooltip: m.lastError }} style={{ maxWidth: 160 }}>
                    {m.lastError}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]}
      />
      {texts.hasNextPage && (
        <div style={{ textAlign: 'center', padding: 12 }}>
          <Button loading={texts.isFetchingNextPage} onClick={() => void texts.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </Card>
  );
}
