import { NotificationOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Grid, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import { NOTIFICATION_STEPS, type NotificationChannel, type NotificationSettings, type NotificationStep, type NotificationTemplate, type TemplateIssue, type TemplatePreview } from '../../api/types.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

/**
 * Settings → Notifications (issue 20): which channel a buyer with both contacts hears on, the daily
 * SMS cap, and the template of every step per language and channel, previewed from a real case.
 */
export function NotificationsTab() {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="notifications-tab">
      <ChannelSettings />
      <TemplateEditor />
    </Space>
  );
}

function ChannelSettings() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['notification-settings'], queryFn: () => api.get<NotificationSettings>('/notification-settings') });
  const [form] = Form.useForm<NotificationSettings>();
  // One row on a desktop; stacked on a handheld, where label and field do not fit side by side.
  const wide = Grid.useBreakpoint().md ?? true;
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (v: NotificationSettings) => api.patch<NotificationSettings>('/notification-settings', v),
    onSuccess: (v) => {
      client.setQueryData(['notification-settings'], v);
      void message.success(t('settings.notifications.saved'));
    },
  });
  return (
    <Card title={t('settings.notifications.channelsTitle')} data-testid="notification-settings">
      <ErrorAlert error={settings.error ?? save.error} />
      <Form form={form} layout={wide ? 'inline' : 'vertical'} onFinish={(v) => save.mutate(v)} disabled={!can('shop:manage')}>
        <Form.Item name="channelPreference" label={t('settings.notifications.preference')} tooltip={t('settings.notifications.preferenceHint')}>
          <Select
            style={{ width: 200, maxWidth: '100%' }}
            options={(['sms', 'email', 'both'] as const).map((v) => ({ value: v, label: t(`settings.notifications.preferences.${v}`) }))}
            data-testid="channel-preference"
          />
        </Form.Item>
        <Form.Item name="smsDailyCap" label={t('settings.notifications.dailyCap')} tooltip={t('settings.notifications.dailyCapHint')}>
          <InputNumber min={0} max={1_000_000} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

function TemplateEditor() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [step, setStep] = useState<NotificationStep>('request_received');
  const [locale, setLocale] = useState<'zh-CN' | 'en'>('zh-CN');
  const [channel, setChannel] = useState<NotificationChannel>('sms');
  const templates = useQuery({ queryKey: ['notification-templates'], queryFn: () => api.get<{ data: NotificationTemplate[] }>('/notification-templates') });
  const current = useMemo(() => templates.data?.data.find((x) => x.step === step && x.locale === locale && x.channel === channel), [templates.data, step, locale, channel]);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [code, setCode] = useState('');
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [issues, setIssues] = useState<TemplateIssue[]>([]);
  useEffect(() => {
    setSubject(current?.subject ?? '');
    setBody(current?.body ?? '');
    setCode(current?.templateCode ?? '');
    setPreview(null);
    setIssues([]);
  }, [current]);

  const draft = { subject: channel === 'email' ? subject : null, body, templateCode: channel === 'sms' ? code || null : null };
  const path = `/notification-templates/${step}/${locale}/${channel}`;
  const refresh = () => void client.invalidateQueries({ queryKey: ['notification-templates'] });
  const previewIt = useMutation({
    mutationFn: () => api.post<TemplatePreview>('/notification-templates/preview', { step, locale, channel, ...draft }),
    onSuccess: (p) => {
      setPreview(p);
      setIssues(p.issues);
    },
  });
  const save = useMutation({
    mutationFn: () => api.put<NotificationTemplate>(path, draft),
    onSuccess: () => {
      setIssues([]);
      refresh();
      void message.success(t('settings.notifications.saved'));
    },
    onError: (err) => {
      if (err instanceof ApiError && Array.isArray(err.details.issues)) setIssues(err.details.issues as TemplateIssue[]);
    },
  });
  const reset = useMutation({ mutationFn: () => api.delete(path), onSuccess: refresh });
  const insert = (v: string) => setBody((b) => `${b}{${v}}`);
  const editable = can('shop:manage');

  return (
    <Card
      title={
        <Space>
          <NotificationOutlined />
          {t('settings.notifications.templatesTitle')}
        </Space>
      }
      data-testid="template-editor"
    >
      <Typography.Paragraph type="secondary">{t('settings.notifications.templatesHint')}</Typography.Paragraph>
      <ErrorAlert error={templates.error ?? previewIt.error ?? reset.error} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('settings.notifications.step')}
          data-testid="template-step"
          style={{ width: 240 }}
          value={step}
          onChange={setStep}
          options={NOTIFICATION_STEPS.map((s) => ({ value: s, label: t(`settings.notifications.steps.${s}`) }))}
        />
        <Select aria-label={t('settings.notifications.language')} data-testid="template-locale" style={{ width: 120 }} value={locale} onChange={setLocale} options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} />
        <Select
          aria-label={t('settings.notifications.channel')}
          data-testid="template-channel"
          style={{ width: 140 }}
          value={channel}
          onChange={setChannel}
          options={(['sms', 'email'] as const).map((c) => ({ value: c, label: t(`settings.notifications.channels.${c}`) }))}
        />
        {current && <Tag color={current.custom ? 'blue' : 'default'}>{current.custom ? t('settings.notifications.custom') : t('settings.notifications.default')}</Tag>}
      </Space>
      <Form layout="vertical" disabled={!editable}>
        {channel === 'email' && (
          <Form.Item label={t('settings.notifications.subject')}>
            <Input value={subject} onChange={(e) => setSubject(e.target.value)} data-testid="template-subject" />
          </Form.Item>
        )}
        <Form.Item label={t('settings.notifications.body')} extra={channel === 'sms' ? t('settings.notifications.smsRules') : undefined}>
          <Input.TextArea value={body} onChange={(e) => setBody(e.target.value)} autoSize={{ minRows: 3, maxRows: 12 }} data-testid="template-body" />
        </Form.Item>
        <div style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary" className="small">
            {t('settings.notifications.variables')}{' '}
          </Typography.Text>
          {current?.variables.map((v) => (
            <Tag key={v} style={{ cursor: editable ? 'pointer' : undefined }} onClick={() => editable && insert(v)}>{`{${v}}`}</Tag>
          ))}
        </div>
        {channel === 'sms' && (
          <Form.Item label={t('settings.notifications.templateCode')} extra={t('settings.notifications.templateCodeHint')}>
            <Input value={code} onChange={(e) => setCode(e.target.value)} style={{ maxWidth: 280 }} placeholder="SMS_123456789" data-testid="template-code" />
          </Form.Item>
        )}
      </Form>
      {issues.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="template-issues"
          style={{ marginBottom: 16 }}
          title={t('settings.notifications.issues')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {issues.map((i, n) => (
                <li key={n}>{t(`settings.notifications.issueCodes.${i.code}`, { field: t(`settings.notifications.fields.${i.field}`, { defaultValue: i.field }), defaultValue: i.message })}</li>
              ))}
            </ul>
          }
        />
      )}
      {save.error && !(save.error instanceof ApiError && Array.isArray(save.error.details.issues)) && <ErrorAlert error={save.error} />}
      <Space wrap>
        <Button onClick={() => previewIt.mutate()} loading={previewIt.isPending} data-testid="template-preview-button">
          {t('settings.notifications.preview')}
        </Button>
        {editable && (
          <Button type="primary" onClick={() => save.mutate()} loading={save.isPending} data-testid="template-save">
            {t('common.save')}
          </Button>
        )}
        {editable && current?.custom && (
          <Button danger onClick={() => reset.mutate()} loading={reset.isPending} data-testid="template-reset">
            {t('settings.notifications.reset')}
          </Button>
        )}
      </Space>
      {preview && (
        <Card size="small" style={{ marginTop: 16 }} title={t('settings.notifications.previewTitle', { rma: preview.rmaNumber })} data-testid="template-preview">
          {preview.subject !== null && <Typography.Paragraph strong>{preview.subject}</Typography.Paragraph>}
          {preview.html ? <iframe title={preview.subject ?? ''} sandbox="" srcDoc={preview.html} className="mail-frame" /> : <pre className="mail-text">{preview.text}</pre>}
          {preview.segments !== null && (
            <Typography.Text type="secondary" className="small">
              {t('settings.notifications.length', { count: preview.length, segments: preview.segments })}
            </Typography.Text>
          )}
        </Card>
      )}
    </Card>
  );
}
