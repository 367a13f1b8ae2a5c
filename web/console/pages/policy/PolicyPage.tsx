import { ExperimentOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Skeleton, Space, Tabs, Tag, Typography, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { PolicyVersion, Shop, Simulation } from '../../api/types.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert, useErrorText } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { nearestField, pathKey, pointerToPath, type FieldPath } from '../../lib/json-pointer.js';
import { issueText, type PolicyIssue } from './issues.js';
import { cleanDocument, PolicyForm } from './PolicyForm.js';
import { PolicyVersions } from './PolicyVersions.js';
import { SimulationView } from './SimulationView.js';

/** The return policy: edit it (form or JSON), simulate it on the last 90 days, save it as a new version, compare versions. */
export function PolicyPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const canEdit = can('policy:write');
  const [form] = Form.useForm();
  const [tab, setTab] = useState('form');
  const [dirty, setDirty] = useState(false);
  const [issues, setIssues] = useState<PolicyIssue[]>([]);
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [days, setDays] = useState(90);
  const [sim, setSim] = useState<Simulation | null>(null);
  const [simulating, setSimulating] = useState(false);
  const [saveOpen, setSaveOpen] = useState(false);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);

  const current = useQuery({ queryKey: ['policy', 'current'], queryFn: () => api.get<PolicyVersion>('/policy') });
  const versions = useQuery({ queryKey: ['policy', 'versions'], queryFn: () => api.get<{ data: PolicyVersion[] }>('/policy/versions') });
  const shop = useQuery({ queryKey: ['shop'], queryFn: () => api.get<Shop>('/shop'), staleTime: 5 * 60_000 });
  const currency = shop.data?.currency ?? 'CNY';

  /** Forgets the problems of an earlier draft, in the list above the form and on its fields. */
  const clearIssues = () => {
    setIssues([]);
    form.setFields(form.getFieldsError().filter((f) => f.errors.length > 0).map((f) => ({ name: f.name, errors: [] })));
  };

  const load = (doc: Record<string, unknown>) => {
    form.resetFields();
    form.setFieldsValue(doc);
    setIssues([]);
    setSim(null);
  };
  useEffect(() => {
    if (current.data) load(current.data.document);
  }, [current.data?.id]);

  /** The draft as a document: from the JSON tab when it is open, else from the form. */
  const draft = (): Record<string, unknown> | null => {
    if (tab === 'json') {
      try {
        const parsed = JSON.parse(json) as Record<string, unknown>;
        setJsonError(null);
        return parsed;
      } catch (err) {
        setJsonError(t('policy.json.parseError', { error: (err as Error).message }));
        return null;
      }
    }
    return cleanDocument(form.getFieldsValue(true) as Record<string, unknown>);
  };

  /** 422 policy.invalid: each issue on its form field (by JSON pointer); those without a field listed above the form. */
  const showIssues = (list: PolicyIssue[]) => {
    setIssues(list);
    const known = form.getFieldsError().map((f) => f.name as FieldPath);
    const byField = new Map<string, { name: FieldPath; errors: string[] }>();
    for (const issue of list) {
      const field = nearestField(pointerToPath(issue.path), known);
      if (!field) continue;
      const entry = byField.get(pathKey(field)) ?? { name: field, errors: [] };
      entry.errors.push(issueText(issue, t));
      byField.set(pathKey(field), entry);
    }
    form.setFields([...byField.values()].map((e) => ({ name: e.name, errors: e.errors })));
    const first = [...byField.values()][0];
    if (first) {
      setTab('form');
      setTimeout(() => form.scrollToField(first.name, { block: 'center' }), 50);
    }
  };

  const handleError = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'policy.invalid' && Array.isArray(err.details.issues)) showIssues(err.details.issues as PolicyIssue[]);
    else message.error(errorText(err));
  };

  const simulate = async (): Promise<Simulation | null> => {
    const doc = draft();
    if (!doc) return null;
    setSimulating(true);
    try {
      const result = await api.post<Simulation>('/policy/simulate', { document: doc, days });
      clearIssues();
      setSim(result);
      return result;
    } catch (err) {
      // A code the console has no sentence for would show the server's English: say it in the console's language.
      if (err instanceof ApiError && err.code !== 'policy.invalid' && !i18n.exists(`errors.codes.${err.code.replace(/\./g, '_')}`)) message.error(t('policy.sim.failed', { code: err.code }));
      else handleError(err);
      setSim(null);
      return null;
    } finally {
      setSimulating(false);
    }
  };

  const save = async () => {
    const doc = draft();
    if (!doc) return;
    setSaving(true);
    try {
      const saved = await api.put<PolicyVersion>('/policy', { document: doc, ...(note.trim() ? { note: note.trim() } : {}) });
      message.success(t('policy.saved', { version: saved.version }));
      setSaveOpen(false);
      setNote('');
      setDirty(false);
      queryClient.setQueryData(['policy', 'current'], saved);
      await queryClient.invalidateQueries({ queryKey: ['policy', 'versions'] });
    } catch (err) {
      setSaveOpen(false);
      handleError(err);
    } finally {
      setSaving(false);
    }
  };

  if (current.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (!current.data) return <ErrorAlert error={current.error} />;
  const unmapped = issues.filter((i) => !nearestField(pointerToPath(i.path), form.getFieldsError().map((f) => f.name as FieldPath)));

  return (
    <div className="page" data-testid="policy-page">
      <PageHeader
        title={t('policy.title')}
        subtitle={
          <Space>
            <span>{t('policy.subtitle', { version: current.data.version, name: current.data.document.name })}</span>
            {dirty && <Tag color="orange">{t('policy.unsaved')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <Space.Compact>
              <InputNumber min={1} max={365} value={days} onChange={(v) => setDays(v ?? 90)} suffix={t('policy.days')} style={{ width: 110 }} aria-label={t('policy.sim.days')} />
              <Button icon={<ExperimentOutlined />} loading={simulating && !saveOpen} onClick={() => void simulate()} data-testid="policy-simulate">
                {t('policy.simulate')}
              </Button>
            </Space.Compact>
            {canEdit && (
              <>
                <Button icon={<UndoOutlined />} disabled={!dirty} onClick={() => { load(current.data!.document); setDirty(false); }}>
                  {t('policy.discard')}
                </Button>
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  loading={simulating && saveOpen}
                  data-testid="policy-save"
                  onClick={async () => {
                    setSaveOpen(true);
                    const result = await simulate();
                    if (!result) setSaveOpen(false);
                  }}
                >
                  {t('policy.save')}
                </Button>
              </>
            )}
          </Space>
        }
      />
      {issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="policy-issues"
          title={t('policy.invalid', { count: issues.length })}
          description={
            <ul className="issues">
              {(unmapped.length ? unmapped : issues).map((i, n) => (
                <li key={n}>
                  <Typography.Text code>{i.path || '/'}</Typography.Text> {issueText(i, t)}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {sim && !saveOpen && (
        <div className="card-block">
          <Typography.Title level={5}>{t('policy.sim.title', { days: sim.days })}</Typography.Title>
          <SimulationView sim={sim} currency={currency} />
        </div>
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          if (key === 'json') {
            setJson(JSON.stringify(cleanDocument(form.getFieldsValue(true) as Record<string, unknown>), null, 2));
            setJsonError(null);
          }
          if (tab === 'json' && key === 'form') {
            const doc = draft();
            if (!doc) return;
            form.setFieldsValue(doc);
          }
          setTab(key);
        }}
        items={[
          { key: 'form', label: t('policy.tabs.form'), forceRender: true, children: <PolicyForm form={form} currency={currency} readOnly={!canEdit} onChange={() => setDirty(true)} /> },
          {
            key: 'json',
            label: t('policy.tabs.json'),
            children: (
              <div className="policy-json">
                <Typography.Paragraph type="secondary">{t('policy.json.hint')}</Typography.Paragraph>
                {jsonError && <Alert type="error" showIcon title={jsonError} style={{ marginBottom: 12 }} />}
                <Input.TextArea
                  value={json}
                  onChange={(e) => {
                    setJson(e.target.value);
                    setDirty(true);
                  }}
                  readOnly={!canEdit}
                  autoSize={{ minRows: 24, maxRows: 48 }}
                  spellCheck={false}
                  className="mono"
                  data-testid="policy-json"
                />
              </div>
            ),
          },
          { key: 'versions', label: t('policy.tabs.versions', { count: versions.data?.data.length ?? 0 }), children: <PolicyVersions versions={versions.data?.data ?? []} canEdit={canEdit} onLoad={(v) => { load(v.document); setDirty(true); setTab('form'); message.info(t('policy.versions.loaded', { version: v.version })); }} /> },
        ]}
      />
      <Modal
        open={saveOpen && !!sim}
        width={1000}
        title={t('policy.saveTitle', { version: current.data.version + 1 })}
        okText={t('policy.saveConfirm', { version: current.data.version + 1 })}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: saving, 'data-testid': 'policy-save-confirm' } as ButtonProps}
        onOk={() => void save()}
        onCancel={() => setSaveOpen(false)}
        destroyOnHidden
      >
        {sim && <SimulationView sim={sim} currency={currency} />}
        <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder={t('policy.notePlaceholder')} rows={2} style={{ marginTop: 12 }} data-testid="policy-note" />
      </Modal>
    </div>
  );
}
