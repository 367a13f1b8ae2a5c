import { MailOutlined, ReloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client.js';
import type { CursorPage, DevMail } from '../../api/types.js';
import { CsvButton } from '../../components/CsvButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useShopTime } from '../../lib/shop-time.js';

/** The dev mailbox: every e-mail Retour sent (or would send without SMTP), newest first, readable as text or HTML. */
export function MailboxTab() {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const mails = useInfiniteQuery({
    queryKey: ['dev-mailbox'],
    queryFn: ({ pageParam }) => api.get<CursorPage<DevMail>>('/dev-mailbox', { cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = mails.data?.pages.flatMap((p) => p.data) ?? [];
  const when = (d: string | null) => (d ? shopTime(d) : '—');

  if (mails.error instanceof ApiError && mails.error.status === 404) return <Alert type="info" showIcon title={t('settings.mailbox.unavailable')} />;

  return (
    <Card
      data-testid="mailbox-tab"
      title={
        <Space>
          <MailOutlined />
          {t('settings.mailbox.title')}
        </Space>
      }
      extra={
        <Space>
          <CsvButton
            filename="retour-mailbox"
            header={[t('settings.mailbox.created'), t('settings.mailbox.to'), t('settings.mailbox.subject'), t('settings.mailbox.template'), t('settings.mailbox.language'), t('settings.mailbox.status'), t('settings.mailbox.transport')]}
            rows={() => rows.map((m) => [m.createdAt, m.toAddress, m.subject, m.template, m.locale, m.status, m.transport])}
          />
          <Button icon={<ReloadOutlined />} onClick={() => void mails.refetch()} aria-label={t('common.refresh')} />
        </Space>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Typography.Paragraph type="secondary" style={{ padding: '12px 24px 0', marginBottom: 8 }}>
        {t('settings.mailbox.hint')}
      </Typography.Paragraph>
      {mails.error && <ErrorAlert error={mails.error} />}
      <Table<DevMail>
        rowKey="id"
        loading={mails.isPending}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.mailbox.none')} /> }}
        expandable={{ expandedRowRender: (m) => <MailBody mail={m} /> }}
        columns={[
          { title: t('settings.mailbox.created'), dataIndex: 'createdAt', width: 180, sorter: (a, b) => a.createdAt.localeCompare(b.createdAt), defaultSortOrder: 'descend', render: when },
          { title: t('settings.mailbox.to'), dataIndex: 'toAddress', sorter: (a, b) => a.toAddress.localeCompare(b.toAddress) },
          {
            title: t('settings.mailbox.subject'),
            dataIndex: 'subject',
            render: (s: string, m) => (
              <div>
                <strong>{s}</strong>
                <div className="small muted">
                  <Typography.Text code>{m.template}</Typography.Text> · {m.locale}
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
            title: t('settings.mailbox.status'),
            dataIndex: 'status',
            width: 150,
            sorter: (a, b) => a.status.localeCompare(b.status),
            render: (s: string, m) => (
              <Space size={4}>
                <Tag color={s === 'sent' ? 'green' : s === 'dead' ? 'red' : 'gold'}>{t(`settings.mailbox.statuses.${s}`, { defaultValue: s })}</Tag>
                <Tag>{m.transport}</Tag>
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
      {mails.hasNextPage && (
        <div style={{ textAlign: 'center', padding: 12 }}>
          <Button loading={mails.isFetchingNextPage} onClick={() => void mails.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </Card>
  );
}

/** The message as the buyer reads it: the HTML part in a sandboxed frame (no scripts), or the text part. */
function MailBody({ mail }: { mail: DevMail }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'html' | 'text'>(mail.html ? 'html' : 'text');
  return (
    <div className="mail-body" data-testid="mail-body">
      {mail.html && (
        <Segmented
          size="small"
          value={view}
          onChange={(v) => setView(v as 'html' | 'text')}
          options={[
            { value: 'html', label: t('settings.mailbox.html') },
            { value: 'text', label: t('settings.mailbox.text') },
          ]}
          style={{ marginBottom: 8 }}
        />
      )}
      {view === 'html' && mail.html ? (
        <iframe title={mail.subject} sandbox="" srcDoc={mail.html} className="mail-frame" />
      ) : (
        <pre className="mail-text">{mail.text}</pre>
      )}
    </div>
  );
}
